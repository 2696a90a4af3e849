import ArgumentParser
import Integraph

/// `integraph plan MODEL`: all pending work scheduled with each team's capacity.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Schedule all pending work with each team's capacity, and see what a hire or an escalation would buy.",
        discussion: """
            A list scheduler starts, whenever a team has a free hand, the ready item with the \
            longest remaining path to the pilots waiting on it (then the most pilots waiting, \
            then its id); a team carries at most its 'capacity' items at once. For each pilot it \
            prints the planned ready day beside the critical path's (unlimited hands) and the \
            target: the difference is what capacity costs. With teams' 'day_rate' and pilots' \
            'value' and 'budget' it adds the remaining integration cost, the cost of the delay \
            capacity causes, and pilots over budget. Days are working days from day 0, the \
            as-of date (--start, default today). A team without a 'capacity' has no limit. Each \
            pilot's state, finish and critical path are the ones 'analyze' shows.

            What-ifs: --assume ID=live|approved|done and --capacity TEAM=N recompute the plan and \
            show each pilot's change; --suggest ranks single moves (one more person on a team, one \
            item finished now) by pilot-days saved (by value where pilots have one). --format svg \
            draws a Gantt chart by team.

            Exit codes: 0 written; 1 the model has errors; 2 it could not be read or the command \
            line is wrong (an unknown id or team in a what-if).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, svg
    }

    @Argument(help: "The model file (.yaml, .yml or .json), or - for standard input.")
    var model: String

    @Option(help: ArgumentHelp(DateOption.help + " Day 0 of the plan."), transform: DateOption.parse)
    var start: CalendarDate?

    @Option(help: "text, json, markdown or svg (a Gantt chart).")
    var format: OutputFormat = .text

    @Option(name: .customLong("assume"), help: "ID=live|approved|done: take a pending item as finished now (repeatable).")
    var assumptions: [String] = []

    @Option(name: .customLong("capacity"), help: "TEAM=N: give a team N hands (repeatable).")
    var capacities: [String] = []

    @Flag(help: "Rank single moves by what they save.")
    var suggest = false

    @Option(name: .shortAndLong, help: "Where to write it; - for standard output.")
    var output = "-"

    func validate() throws {
        for assumption in assumptions {
            let parts = assumption.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, ["live", "approved", "done"].contains(parts[1]) else {
                throw ValidationError("--assume takes ID=live, ID=approved or ID=done, not '\(assumption)'.")
            }
        }
        for capacity in capacities {
            let parts = capacity.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let hands = Int(parts[1]), (1...100_000).contains(hands) else {
                throw ValidationError("--capacity takes TEAM=N with N from 1 to 100,000, not '\(capacity)'.")
            }
        }
    }

    func run() throws {
        let asOf = try DateOption.asOf(start)
        let outlook = try ModelLoading.outlook(model, Pipeline(options: AnalysisOptions(start: asOf)), for: .schedules).outlook
        let landscape = outlook.landscape
        var options = PlanOptions(start: asOf)
        let check = PlanOptions.WhatIfCheck(landscape, named: model)
        for assumption in assumptions {
            let id = String(assumption.split(separator: "=", maxSplits: 1)[0])
            if let problem = check.problem(finishing: id) {
                Console.error("error: --assume \(assumption): \(problem)")
                throw ExitStatus.unreadableInput
            }
            options.finishedNow.insert(id)
        }
        for capacity in capacities {
            let parts = capacity.split(separator: "=", maxSplits: 1)
            let team = String(parts[0])
            if let problem = check.problem(team: team) {
                Console.error("error: --capacity \(capacity): \(problem)")
                throw ExitStatus.unreadableInput
            }
            options.capacity[team] = Int(parts[1])
        }
        let plan = outlook.plan(options)
        let baseline = options.hasWhatIfs ? outlook.plan() : nil
        let suggestions = suggest ? outlook.suggestions(options) : []
        let writer = PlanWriter(outlook: outlook.analysis)
        let text =
            switch format {
            case .text: writer.text(plan, baseline: baseline, suggestions: suggestions)
            case .json: writer.json(plan, baseline: baseline, suggestions: suggestions)
            case .markdown: writer.markdown(plan, baseline: baseline, suggestions: suggestions)
            case .svg: GanttChart().svg(plan, title: "\(landscape.displayName) — capacity plan")
            }
        try OutputDestination.write(Array(text.utf8), to: output)
    }
}
