import ArgumentParser
import Foundation
import Integraph

/// `integraph check MODEL... [--rules FILE] [--format text|json|sarif] [--start DATE]`:
/// validates models, checks the rules, and prints every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate landscape models and check the governance rules, reporting every problem at once.",
        discussion: """
            Prints one FILE:LINE:COLUMN: error|warning: MESSAGE [RULE] line per finding, then a summary \
            on stderr; --format json gives the same findings as JSON, --format sarif as a SARIF 2.1.0 log \
            for code-scanning dashboards. Use '-' to read a YAML model from standard input.

            Every finding has a rule id (docs/rules.md). A rules file (--rules) turns rules on and off, \
            sets their severity and thresholds, and adds custom rules. --start DATE is the day stale \
            gates are counted to and pilots' finishes (as 'analyze' shows them) are compared with their targets \
            (default: today, UTC).

            Exit codes: 0 no errors (warnings allowed unless --strict); 1 a model has errors \
            (or warnings, with --strict); 2 a file could not be read, the rules file is wrong, or the \
            command line is wrong.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @Argument(help: "Model files (.yaml, .yml or .json), or - for standard input.")
    var models: [String]

    @Option(help: "A rules file (YAML): severities, thresholds and custom rules.")
    var rules: String?

    @Option(help: "How to print the findings: text, json or sarif.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp(DateOption.help), transform: DateOption.parse)
    var start: CalendarDate?

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    func validate() throws {
        guard !models.isEmpty else { throw ValidationError("Name at least one model file.") }
    }

    func run() throws {
        var pipeline = Pipeline(options: AnalysisOptions(start: try DateOption.asOf(start)))
        pipeline.rules = try ModelLoading.rules(rules)
        var shown: [Finding] = []
        var unreadable = false
        for model in models {
            do {
                let report = try pipeline.read(ModelSource(argument: model))
                // A valid model's findings are its outlook's, as every other command counts them.
                shown += (try? pipeline.outlook(report, for: .schedules).findings) ?? pipeline.rules.apply(report.findings)
            } catch {
                Console.error("error: \(error)")
                unreadable = true
            }
        }
        shown = Finding.ordered(shown)
        switch format {
        case .text:
            Console.out(FindingFormatter.text(shown, showingRules: true))
            Console.error(FindingFormatter.summary(shown, fileCount: models.count) + " (as of \(pipeline.options.start?.description ?? ""))")
        case .json:
            Console.out(FindingFormatter.json(shown))
        case .sarif:
            Console.out(SARIFWriter(rules: pipeline.rules).write(shown))
        }
        if unreadable { throw ExitStatus.unreadableInput }
        if shown.contains(where: { $0.severity == .error || strict }) { throw ExitStatus.modelHasErrors }
    }
}
