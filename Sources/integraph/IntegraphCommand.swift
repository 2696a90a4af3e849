import ArgumentParser
import Foundation
import Integraph

/// The `integraph` command: parses the command line and hands each subcommand to the
/// library. Exit codes are the tool's own: a wrong command line exits 2, like unreadable
/// input, not ArgumentParser's 64.
@main
struct IntegraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integraph",
        abstract: "Map and measure the integration work that AI pilots wait on.",
        discussion: """
            Integraph reads a landscape model (systems, data flows, governance gates, teams \
            and AI pilots, in YAML or JSON), checks it, and draws it with Graphviz.

            Exit codes:
              0  success (check: no errors; warnings allowed unless --strict)
              1  the model has errors
              2  the input could not be read, or the command line is wrong
              3  the output could not be rendered or written
            """,
        version: IntegraphVersion.current,
        subcommands: [
            CheckCommand.self, AnalyzeCommand.self, RenderCommand.self, ReportCommand.self, GenerateCommand.self,
            ImportCommand.self, DiffCommand.self, PlanCommand.self
        ])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)
            }
            Console.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.unreadableInput.rawValue)
        }
    }
}
