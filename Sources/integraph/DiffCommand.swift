import ArgumentParser
import Integraph

/// `integraph diff OLD NEW`: what changed between two snapshots of a landscape.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two snapshots of a landscape: entities, pending effort per team, and pilots whose schedule moved.",
        discussion: """
            OLD and NEW are model files, '-', or git:REVISION:PATH (read with 'git show'); an empty \
            file is an empty landscape. Systems, flows, gates, pilots and teams added, removed and \
            changed key by key (a reordered list is no change; a renamed id is a removal and an \
            addition); pending effort before and after, per team; pilots whose duration, P85 or \
            state moved, and why. With --observed, NEW is what runs (a traces import) and the result \
            is worded as drift: flows that run but were never declared, declared live flows never seen.

            Exit codes: 0 whether or not anything changed; 1 a snapshot has errors; 2 a snapshot \
            could not be read or the command line is wrong.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "The earlier snapshot: a file, -, or git:REVISION:PATH.")
    var old: String

    @Argument(help: "The later snapshot: a file, -, or git:REVISION:PATH.")
    var new: String

    @Option(help: "text, json or markdown.")
    var format: OutputFormat = .text

    @Flag(help: "NEW is what runs (imported traces): word the result as drift from what OLD declares.")
    var observed = false

    @Option(help: ArgumentHelp(DateOption.help), transform: DateOption.parse)
    var start: CalendarDate?

    @Option(name: .shortAndLong, help: "Where to write it; - for standard output.")
    var output = "-"

    func validate() throws {
        guard !(old == "-" && new == "-") else { throw ValidationError("Only one snapshot can come from standard input.") }
    }

    func run() throws {
        let pipeline = Pipeline(options: AnalysisOptions(start: try DateOption.asOf(start)))
        let before = try ModelLoading.snapshot(old, pipeline), after = try ModelLoading.snapshot(new, pipeline)
        let diff = LandscapeDiff(old: before.analysis, new: after.analysis)
        let live = Set(before.landscape.flows.filter { $0.status == .live }.map(\.id))
        let writer = DiffWriter(oldName: old, newName: new, observed: observed, oldLiveFlows: live)
        let text =
            switch format {
            case .text: writer.text(diff)
            case .json: writer.json(diff)
            case .markdown: writer.markdown(diff)
            }
        try OutputDestination.write(Array(text.utf8), to: output)
    }
}
