import Foundation
import Testing

/// What `import` says when its input is not what the kind reads, is cut off, or is asked to
/// do what its source does not allow: a clear message, the right exit code, nothing written.
@Suite struct ImportHonestyTests {
    /// Kinds whose source says which way data moves refuse `--direction calls` (it was
    /// ignored while the summary said "call direction"); kinds that record calls take it.
    @Test(arguments: ["csv", "backstage", "archimate", "asyncapi", "dot"])
    func directionCallsIsRefusedWhereTheSourceSaysTheDirection(kind: String) throws {
        let result = try CommandRunner.integraph(["import", kind, "anything", "-o", "-", "--direction", "calls"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--direction calls does not apply to '\(kind)': its source says which way data moves"), "\(result.stderr)")
    }

    /// A spreadsheet whose last row was cut mid-field: a located warning and the row left out;
    /// with --strict, an error with file and line and nothing written.
    @Test func aCutOffSpreadsheetWarnsAndStrictRefusesIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "id,name,status\ncrm,CRM,live\ndwh,Snowflake,live\nbi,Loo".write(
            to: directory.appendingPathComponent("systems.csv"), atomically: true, encoding: .utf8)
        let lenient = try CommandRunner.integraph(["import", "csv", "systems.csv", "-o", "model.yaml"], in: directory)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: systems.csv:4:1: the last row has 2 fields where the header has 3 and no line end (cut off?): left out"))
        #expect(lenient.stderr.contains("Imported 2 systems and 0 flows into model.yaml"), "\(lenient.stderr)")
        let strict = try CommandRunner.integraph(["import", "csv", "systems.csv", "-o", "strict.yaml", "--strict"], in: directory)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("error: systems.csv:4:1: the last row has 2 fields"), "\(strict.stderr)")
        #expect(strict.stderr.contains("error: --strict: 1 file could not be read whole; nothing written"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("strict.yaml").path))
    }

    /// A file given under the wrong kind: the error names what the kind reads, and a hint
    /// names the kind that reads the file (or what to do first).
    @Test(arguments: [
        (
            "compose", "trace.json", #"{"data": [{"traceID": "1f", "spans": [], "processes": {"p1": {"serviceName": "web"}}}]}"#,
            "hint: trace.json looks like Jaeger's trace JSON: 'integraph import traces trace.json' reads it"
        ),
        (
            "kubernetes", "catalog.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\n",
            "hint: catalog.yaml looks like a Backstage catalog: 'integraph import backstage catalog.yaml' reads it"
        ),
        (
            "traces", "model.yaml", "integraph: 1\nsystems: [{id: crm}]\n",
            "hint: model.yaml looks like an Integraph model already: 'integraph check' reads it as it is"
        ),
        (
            "archimate", "shop.archimate", #"<?xml version="1.0"?><archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="Shop"/>"#,
            "hint: shop.archimate looks like Archi's own .archimate file: export it from Archi as an Open Exchange Format file"
        ),
        (
            "structurizr", "workspace.dsl", "workspace \"Shop\" {\n    model {\n        u = person \"User\"\n    }\n}\n",
            "hint: workspace.dsl looks like a Structurizr DSL workspace: export it as JSON first"
        )
    ])
    func aMislabelledFileIsNamed(kind: String, file: String, text: String, hint: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["import", kind, file, "-o", "-"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: found no systems in \(file) (read as \(kind), which reads "), "\(result.stderr)")
        #expect(result.stderr.contains(hint), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
