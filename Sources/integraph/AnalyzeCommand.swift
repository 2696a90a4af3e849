import ArgumentParser
import Integraph

/// `integraph analyze MODEL`: critical paths, sprawl and shared bottlenecks.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find each pilot's critical path, the sprawl, and the shared bottlenecks.",
        discussion: """
            Text is a summary for people; JSON is the contract other tools read; Markdown gives \
            the same content as tables for wikis. Definitions: docs/analyses.md.

            Exit codes: 0 written; 1 the model has errors, or its work cannot be ordered (a \
            cycle of 'after' links and implicit rules); 2 the model could not be read or the \
            command line is wrong (an unknown --pilot, say); 3 the output could not be written.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "The model file (.yaml, .yml or .json), or - for standard input.")
    var model: String

    @Option(help: "Report only this pilot (bottlenecks still count every pilot).")
    var pilot: String?

    @Option(help: "text, json or markdown.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Monte Carlo samples per pilot with three-point estimates.")
    var samples = 10_000

    @Option(help: "Seed for the Monte Carlo runs and sampled betweenness.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(DateOption.help), transform: DateOption.parse)
    var start: CalendarDate?

    @Option(help: "Above this many systems, betweenness is estimated from sampled sources.")
    var betweennessExactLimit = 20_000

    @Flag(inversion: .prefixedNo, help: "Compute betweenness centrality (the slowest analysis on huge landscapes).")
    var betweenness = true

    @Option(help: "Show only the N highest-ranked entries of each bottleneck list (default: 5 in text, 10 in Markdown, all in JSON).")
    var top: Int?

    func validate() throws {
        if let top, !(1...10_000_000).contains(top) { throw ValidationError("--top must be between 1 and 10,000,000.") }
        guard (1...1_000_000).contains(samples) else { throw ValidationError("--samples must be between 1 and 1,000,000.") }
        guard (0...100_000_000).contains(betweennessExactLimit) else {
            throw ValidationError("--betweenness-exact-limit must be between 0 and 100,000,000.")
        }
    }

    func run() throws {
        var options = AnalysisOptions(start: try DateOption.asOf(start))
        options.samples = samples
        options.seed = seed
        options.betweennessExactLimit = betweennessExactLimit
        options.computesBetweenness = betweenness
        let outlook = try ModelLoading.outlook(model, Pipeline(options: options), for: .analysis).outlook
        let landscape = outlook.landscape
        if let pilot, !landscape.pilots.contains(where: { $0.id == pilot }) {
            Console.error(
                "error: no pilot '\(pilot)' in \(model)" + Suggestion.phrase(for: pilot, among: landscape.pilots.map(\.id))
                    + "; its pilots are: \(landscape.pilots.map(\.id).sorted().joined(separator: ", "))")
            throw ExitStatus.unreadableInput
        }
        let analysis = outlook.analysis
        let selected = pilot.map { id in analysis.pilots.filter { $0.pilot.id == id } }
        let text: String =
            switch format {
            case .json: AnalysisJSONWriter(top: top).write(analysis, pilots: selected)
            case .text:
                AnalysisTextWriter(top: top).write(analysis, pilots: selected) + "\nFindings: "
                    + (outlook.findings.isEmpty
                        ? "none\n"
                        : "\(outlook.findingsSummary); \(ModelLoading.checkHint(model, outlook))\n")
            case .markdown: AnalysisMarkdownWriter(top: top).write(analysis, pilots: selected)
            }
        try OutputDestination.write(Array(text.utf8), to: output ?? "-")
    }
}
