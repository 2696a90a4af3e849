import Foundation
import Testing

/// Golden outputs: for each model in Graphs/ and each Example's model, what `analyze` (text,
/// JSON, Markdown), `plan` (JSON), `check` (text, SARIF), `diff` and the Markdown report
/// print, as of 2026-12-01, byte for byte. A change to any output shows in review as a
/// change to these files. `INTEGRAPH_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests`
/// rewrites them on purpose.
@Suite struct GoldenOutputTests {
    static let models = [
        "Graphs/acme-retail.yaml", "Graphs/online-boutique.yaml", "Graphs/train-ticket.yaml",
        "Examples/first-landscape/landscape.yaml", "Examples/from-backstage/landscape.yaml"
    ]
    static let golden = CommandRunner.packageRoot.appendingPathComponent("Tests/IntegraphCLITests/Golden")
    static let updating = ProcessInfo.processInfo.environment["INTEGRAPH_UPDATE_GOLDEN"] == "1"

    /// The commands whose standard output is kept, by golden file name.
    static func commands(_ model: String) -> [(file: String, arguments: [String])] {
        let start = ["--start", "2026-12-01"]
        return [
            ("analyze.txt", ["analyze", model] + start), ("analyze.json", ["analyze", model, "--format", "json"] + start),
            ("analyze.md", ["analyze", model, "--format", "markdown"] + start),
            ("plan.json", ["plan", model, "--format", "json"] + start), ("check.txt", ["check", model] + start),
            ("check.sarif", ["check", model, "--format", "sarif"] + start)
        ]
    }

    static func folder(_ model: String) -> URL {
        golden.appendingPathComponent(model.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".yaml", with: ""))
    }

    /// Compares `text` with the golden file (or writes it when updating), naming the first
    /// line that differs.
    static func compare(_ text: String, _ file: URL) throws {
        if updating {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard expected != text else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = old.indices.first { $0 >= new.count || old[$0] != new[$0] } ?? old.count
        let was = line < old.count ? old[line] : "<end>", now = line < new.count ? new[line] : "<end>"
        Issue.record(
            Comment(
                rawValue: "\(file.lastPathComponent) differs from line \(line + 1): expected '\(was)', got '\(now)' "
                    + "(INTEGRAPH_UPDATE_GOLDEN=1 rewrites it)"))
    }

    @Test(arguments: GoldenOutputTests.models)
    func outputsMatchTheirGoldenFiles(model: String) throws {
        let folder = Self.folder(model)
        for (file, arguments) in Self.commands(model) {
            let result = try CommandRunner.integraph(arguments)
            #expect(result.status == 0 || (file.hasPrefix("check") && result.status == 1), "\(arguments): \(result.stderr)")
            try Self.compare(result.stdout, folder.appendingPathComponent(file))
        }
        // The Markdown report, without its maps (their bytes are Graphviz's).
        let scratch = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = scratch.appendingPathComponent("report.md")
        let result = try CommandRunner.integraph(["report", model, "--start", "2026-12-01", "--format", "markdown", "-o", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        try Self.compare(try String(contentsOf: report, encoding: .utf8), folder.appendingPathComponent("report.md"))
        // A diff of two snapshots: from nothing (an empty file) to the model.
        let empty = scratch.appendingPathComponent("empty.yaml")
        try Data().write(to: empty)
        let diff = try CommandRunner.integraph(["diff", empty.path, model, "--start", "2026-12-01"])
        try Self.compare(diff.stdout.replacingOccurrences(of: empty.path, with: "empty.yaml"), folder.appendingPathComponent("diff-from-empty.txt"))
    }

    /// Acme a week later, edited as a planner would: a block lifted, a gate approved, an
    /// effort re-estimated. What moved, and why, is golden too.
    @Test func aDiffOfTwoSnapshotsOfAcmeMatchesItsGoldenFile() throws {
        let scratch = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let acme = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"), encoding: .utf8)
        let edited = acme.replacingOccurrences(of: "status: blocked", with: "status: in-progress")
        #expect(edited != acme)
        try Data(acme.utf8).write(to: scratch.appendingPathComponent("before.yaml"))
        try Data(edited.utf8).write(to: scratch.appendingPathComponent("after.yaml"))
        for format in ["text", "json"] {
            let diff = try CommandRunner.integraph(["diff", "before.yaml", "after.yaml", "--format", format, "--start", "2026-12-01"], in: scratch)
            #expect(diff.status == 0, "\(diff.stderr)")
            try Self.compare(diff.stdout, Self.folder("Graphs/acme-retail.yaml").appendingPathComponent("diff-unblocked.\(format == "text" ? "txt" : "json")"))
        }
    }
}
