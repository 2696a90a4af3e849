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

    /// A Helm chart, or a path inside one, is refused in one line that says how to render it.
    @Test func aHelmChartIsRefusedWithTheCommandThatRendersIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("shop/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "apiVersion: v2\nname: shop\nversion: 0.1.0\n".write(
            to: directory.appendingPathComponent("shop/Chart.yaml"), atomically: true, encoding: .utf8)
        try "metadata:\n  name: {{ .Release.Name }}\n".write(to: templates.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        for path in ["shop", "shop/templates", "shop/templates/a.yaml"] {
            let result = try CommandRunner.integraph(["import", "kubernetes", path, "-o", "model.yaml"], in: directory)
            #expect(result.status == 2)
            #expect(
                result.stderr
                    == "error: \(path): a Helm chart (shop/Chart.yaml), whose templates are not manifests until rendered: "
                    + "render it first: 'helm template NAME shop > manifests.yaml', then 'integraph import kubernetes manifests.yaml'\n", "\(path)")
        }
        let compose = try CommandRunner.integraph(["import", "compose", "shop", "-o", "-", "--keep-versions"], in: directory)
        #expect(compose.status == 2 && compose.stderr.contains("--keep-versions applies to kubernetes only"))
    }

    /// What was left out is counted by kind in one line; --verbose lists each.
    @Test func skippedNotesAreSummedUpByKind() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let compose = """
            services:
              web: {environment: ["API_URL=http://api:8080", "API_HEALTH=http://api:8080/health", "SELF=web:80", "KEY=${KEY}"]}
              api: {image: api}
              broken: [not, a, service]
            """
        try compose.write(to: directory.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["import", "compose", "compose.yaml", "-o", "-"], in: directory)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "note: skipped 1 health and metrics call, 1 self-reference and 1 other entry; 1 variable unresolved; --verbose lists each\n"),
            "\(result.stderr)")
        let verbose = try CommandRunner.integraph(["import", "compose", "compose.yaml", "-o", "-", "--verbose"], in: directory)
        #expect(verbose.stderr.contains("note: compose.yaml:2:107: variable 'KEY' is not set"), "\(verbose.stderr)")
    }
}
