import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let compose = """
        services:
          web: {image: web, depends_on: [api], environment: ["API_URL=http://api:8080"]}
          api: {image: api, depends_on: [db]}
          db: {image: postgres}
          broken: [not, a, service]
        """

    /// From a Compose file to a model that check passes and analyze reads; an existing file
    /// is not overwritten without --force.
    @Test func aComposeFileBecomesAModelThatChecks() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.compose.write(to: directory.appendingPathComponent("docker-compose.yml"), atomically: true, encoding: .utf8)
        let imported = try CommandRunner.integraph(["import", "compose", "docker-compose.yml", "-o", "model.yaml"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("Imported 3 systems and 2 flows (data direction) into model.yaml"))
        let model = try String(contentsOf: directory.appendingPathComponent("model.yaml"), encoding: .utf8)
        // Data runs from the service called to its caller: db to api, api to web.
        #expect(model.contains("{from: db, to: api,") && model.contains("{from: api, to: web,"))
        #expect(try CommandRunner.integraph(["check", "model.yaml"], in: directory).status == 0)
        #expect(try CommandRunner.integraph(["analyze", "model.yaml", "--format", "json"], in: directory).status == 0)

        let again = try CommandRunner.integraph(["import", "compose", "docker-compose.yml", "-o", "model.yaml"], in: directory)
        #expect(again.status == 2 && again.stderr.contains("'model.yaml' exists: pass --force to replace it, or --into to merge into it."))
        let calls = try CommandRunner.integraph(
            [
                "import", "compose", "docker-compose.yml", "-o", "model.yaml", "--force",
                "--direction", "calls"
            ], in: directory)
        #expect(calls.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("model.yaml"), encoding: .utf8).contains("{from: web, to: api,"))
    }

    /// A malformed file does not stop the rest; with --strict it stops everything.
    @Test func strictMakesAnUnreadableFileFatal() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.compose.write(to: directory.appendingPathComponent("a.yml"), atomically: true, encoding: .utf8)
        try "services: [unclosed\n".write(to: directory.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        let lenient = try CommandRunner.integraph(["import", "compose", ".", "-o", "model.yaml"], in: directory)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let strict = try CommandRunner.integraph(["import", "compose", ".", "-o", "strict.yaml", "--strict"], in: directory)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("error: ./b.yml:2:1: skipped the file: invalid YAML"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("strict.yaml").path))
    }

    /// Jaeger's dependency links read as traces name the kind that reads them; read as
    /// dependencies, they are a model whose flows run from the service called to its caller.
    @Test func jaegerDependenciesSayWhichKindReadsThem() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let links = #"{"data": [{"parent": "frontend", "child": "cart", "callCount": 42}], "total": 1}"#
        try links.write(to: directory.appendingPathComponent("dependencies.json"), atomically: true, encoding: .utf8)
        let traces = try CommandRunner.integraph(["import", "traces", "dependencies.json", "-o", "-"], in: directory)
        #expect(traces.status == 2)
        #expect(
            traces.stderr.contains(
                "dependencies.json:1:1: skipped the file: it holds Jaeger dependency links: read it with 'integraph import dependencies'"),
            "\(traces.stderr)")
        let imported = try CommandRunner.integraph(["import", "dependencies", "dependencies.json", "-o", "-"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains(#"{from: cart, to: frontend, attributes: {call: "frontend → cart", calls: "42""#), "\(imported.stdout)")
    }

    @Test func nothingToReadExitsTwo() throws {
        let result = try CommandRunner.integraph(["import", "kubernetes", "no-such-folder", "-o", "-"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-folder:1:1: skipped: no such file or folder"))
        #expect(result.stdout.isEmpty)
    }
}
