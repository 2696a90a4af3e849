import Foundation
import Testing

/// Runs the commands shown in each walkthrough under Examples/ exactly as written, and
/// compares what they print and how they exit with what the page says.
@Suite struct ExampleWalkthroughTests {
    struct ShownCommand {
        var commandLine: String
        var expectedStatus: Int32
        var expectedOutput: String
    }

    /// The `$ integraph ...` lines of a page's console blocks, each with the lines shown
    /// after it; `# exits N` after a command gives its exit status (0 otherwise).
    static func commands(in page: String) -> [ShownCommand] {
        var commands: [ShownCommand] = []
        var inConsole = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inConsole = line == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                var commandLine = String(line.dropFirst(2))
                var status: Int32 = 0
                if let match = commandLine.firstMatch(of: /\s+# exits (\d+)$/) {
                    status = Int32(match.1) ?? 0
                    commandLine.removeSubrange(match.range)
                }
                commands.append(ShownCommand(commandLine: commandLine, expectedStatus: status, expectedOutput: ""))
            } else if !commands.isEmpty {
                commands[commands.count - 1].expectedOutput += line + "\n"
            }
        }
        return commands
    }

    /// Each walkthrough and the files its commands leave beside the ones it ships.
    @Test(arguments: [
        ("first-landscape", ["first-landscape.svg"]), ("from-backstage", ["imported.yaml", "report.html"]),
        ("observed-vs-declared", ["declared.yaml", "observed.yaml", "observed.svg"])
    ])
    func walkthroughCommandsDoWhatThePageSays(example: String, writes: [String]) throws {
        let source = CommandRunner.packageRoot.appendingPathComponent("Examples/\(example)")
        let page = try String(contentsOf: source.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = Self.commands(in: page)
        #expect(commands.count >= 3, "the walkthrough should show its commands")

        // Run in a copy, so rendered files never land in the source tree.
        let scratch = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent(example)
        try FileManager.default.copyItem(at: source, to: copy)
        let binary = CommandRunner.binary.path
        for command in commands {
            #expect(command.commandLine.hasPrefix("integraph "))
            let result = try CommandRunner.shell("'\(binary)'" + command.commandLine.dropFirst("integraph".count), in: copy)
            #expect(result.status == command.expectedStatus, "\(command.commandLine)")
            #expect(result.stdout == command.expectedOutput, "\(command.commandLine)")
        }
        let shipped = Set(try FileManager.default.contentsOfDirectory(atPath: source.path))
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: copy.path)).subtracting(shipped)
        #expect(left == Set(writes))
    }
}
