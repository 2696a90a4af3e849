import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func theExampleLandscapeIsClean() throws {
        let result = try CommandRunner.integraph(["check", "Graphs/acme-retail.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == "Graphs/acme-retail.yaml:352:5: warning: pilot 'supplier-risk' has no champion: name the person accountable for it\n")
        #expect(result.stderr == "0 errors and 1 warning in 1 file\n")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        #expect(try CommandRunner.integraph(["check", "--strict", "Graphs/acme-retail.yaml"]).status == 1)
    }

    @Test func aBrokenModelPrintsLocatedErrorsAndExitsOne() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "integraph: 1\nsystems:\n  - {id: a}\nflows:\n  - {from: a, to: b}\n".write(
            to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["check", "broken.yaml"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").contains("broken.yaml:5:19: error: flow 'a->b': 'to' names unknown system 'b'"))
        for line in result.stdout.split(separator: "\n") {
            #expect(line.wholeMatch(of: /broken\.yaml:\d+:\d+: (error|warning): .+/) != nil)
        }
    }

    @Test func jsonFindingsMatchTheTextOnes() throws {
        struct Finding: Decodable, Equatable {
            var severity: String, file: String, line: Int, column: Int, id: String?, message: String
        }
        let path = "Examples/first-landscape/broken.yaml"
        let text = try CommandRunner.integraph(["check", path])
        let json = try CommandRunner.integraph(["check", "--format", "json", path])
        #expect(json.status == 1)
        let findings = try JSONDecoder().decode([Finding].self, from: Data(json.stdout.utf8))
        let rebuilt = findings.map { "\($0.file):\($0.line):\($0.column): \($0.severity): \($0.message)\n" }.joined()
        #expect(rebuilt == text.stdout)
        #expect(findings.first { $0.message.contains("onwer") }?.id == "stripe")
    }

    @Test func unreadableInputExitsTwo() throws {
        let missing = try CommandRunner.integraph(["check", "no-such-file.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error: no-such-file.yaml: cannot read: no such file"))
        #expect(try CommandRunner.integraph(["check", "Graphs"]).status == 2)
    }

    @Test func devicesAndPipesAreReadLikeFiles() throws {
        let empty = try CommandRunner.integraph(["check", "/dev/null"])
        #expect(empty.status == 1)
        #expect(empty.stdout == "/dev/null:1:1: error: the file is empty: a model starts with 'integraph: 1'\n")
        let model = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"))
        let piped = try CommandRunner.integraph(["check", "/dev/stdin"], input: model)
        #expect(piped.status == 0)
        #expect(piped.stderr == "0 errors and 1 warning in 1 file\n")
    }

    @Test func aWrongCommandLineExitsTwo() throws {
        let result = try CommandRunner.integraph(["check", "--format", "xml", "Graphs/acme-retail.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
        #expect(try CommandRunner.integraph(["check"]).status == 2)
        #expect(try CommandRunner.integraph(["frobnicate"]).status == 2)
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let result = try CommandRunner.integraph(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes: 0 no errors"))
    }

    @Test func standardInputIsReadAsYAML() throws {
        let result = try CommandRunner.integraph(["check", "-"], input: Data("integraph: 1\nsystems: [{id: a, onwer: x}]\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:2:19: error: system 'a': unknown key 'onwer' (did you mean 'owner'?)"))
    }
}
