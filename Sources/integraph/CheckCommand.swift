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
            gates are counted to and pilots' P85 finishes are compared with their targets \
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

    @Option(help: "The day to check dates against (YYYY-MM-DD; default: today, UTC).", transform: DateOption.parse)
    var start: CalendarDate?

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    func validate() throws {
        guard !models.isEmpty else { throw ValidationError("Name at least one model file.") }
    }

    func run() throws {
        let ruleSet = try loadRules()
        let checker = RuleChecker(rules: ruleSet, asOf: start ?? DateOption.today())
        let pipeline = Pipeline(options: AnalysisOptions(start: checker.asOf))
        var findings: [Finding] = []
        var unreadable = false
        for model in models {
            do {
                let report = try pipeline.read(ModelSource(argument: model))
                findings += report.findings
                if let validated = report.validLandscape {
                    findings += checker.findings(
                        for: validated, file: report.source.displayName,
                        analysis: ruleSet.needsAnalysis ? pipeline.analyze(validated, for: .schedules) : nil)
                }
            } catch {
                Console.error("error: \(error)")
                unreadable = true
            }
        }
        let shown = ruleSet.apply(findings)
        switch format {
        case .text:
            Console.out(FindingFormatter.text(shown, showingRules: true))
            Console.error(FindingFormatter.summary(shown, fileCount: models.count))
        case .json:
            Console.out(FindingFormatter.json(shown))
        case .sarif:
            Console.out(SARIFWriter(rules: ruleSet).write(shown))
        }
        if unreadable { throw ExitStatus.unreadableInput }
        if shown.contains(where: { $0.severity == .error || strict }) { throw ExitStatus.modelHasErrors }
    }

    private func loadRules() throws -> RuleSet {
        guard let rules else { return .standard }
        let text: String
        do {
            text = try SourceText.decode(try LandscapeReader.bytes(of: ModelSource(argument: rules)))
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.unreadableInput
        }
        let (ruleSet, errors) = RuleSetReader().read(text, file: rules)
        guard errors.isEmpty else {
            Console.error(FindingFormatter.text(errors))
            Console.error("\(rules): the rules file has \(Wording.counted(errors.count, "error"))")
            throw ExitStatus.unreadableInput
        }
        return ruleSet
    }
}
