import ArgumentParser
import Integraph

/// `integraph check MODEL...`: validates models and prints every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate landscape models and report every problem at once.",
        discussion: """
            Prints one FILE:LINE:COLUMN: error|warning: MESSAGE line per finding, then a summary \
            on stderr. Use '-' to read a YAML model from standard input.

            Exit codes: 0 no errors (warnings allowed unless --strict); 1 a model has errors \
            (or warnings, with --strict); 2 a file could not be read or the command line is wrong.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Model files (.yaml, .yml or .json), or - for standard input.")
    var models: [String]

    @Option(help: "How to print the findings: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    func validate() throws {
        guard !models.isEmpty else { throw ValidationError("Name at least one model file.") }
    }

    func run() throws {
        var findings: [Finding] = []
        var unreadable = false
        for model in models {
            do {
                findings += try LandscapeReader().read(ModelSource(argument: model)).findings
            } catch {
                Console.error("error: \(error)")
                unreadable = true
            }
        }
        switch format {
        case .text:
            Console.out(FindingFormatter.text(findings))
            Console.error(FindingFormatter.summary(findings, fileCount: models.count))
        case .json:
            Console.out(FindingFormatter.json(findings))
        }
        if unreadable { throw ExitStatus.unreadableInput }
        if findings.contains(where: { $0.severity == .error || strict }) { throw ExitStatus.modelHasErrors }
    }
}
