import Foundation
import Testing

/// One model, one answer: for every pilot of every bundled model, `analyze --format json`,
/// `plan --format json`, the report and the pilot's map agree on its state, finish and
/// critical path; the report lists exactly `check`'s findings; without `--start` every
/// command dates as of today (pinned here by SOURCE_DATE_EPOCH to 2026-12-01).
@Suite struct OneStoryTests {
    static func json(_ arguments: [String]) throws -> Any {
        let result = try CommandRunner.integraph(arguments)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test(arguments: GoldenOutputTests.models)
    func everyCommandTellsTheSameStoryAboutEachPilot(model: String) throws {
        // No --start: every command takes today, SOURCE_DATE_EPOCH's day in tests.
        let analysis = try #require(try Self.json(["analyze", model, "--format", "json"]) as? [String: Any])
        let plan = try #require(try Self.json(["plan", model, "--format", "json"]) as? [String: Any])
        #expect((analysis["landscape"] as? [String: Any])?["asOf"] as? String == "2026-12-01")
        #expect(plan["asOf"] as? String == "2026-12-01")
        let analysed = try #require(analysis["pilots"] as? [[String: Any]])
        let planned = Dictionary(
            try #require(plan["pilots"] as? [[String: Any]]).map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let report = try CommandRunner.integraph(["report", model, "-o", "-"]).stdout
        for pilot in analysed {
            let id = try #require(pilot["id"] as? String)
            let other = try #require(planned[id], "\(model): \(id) is in the plan")
            for key in ["state", "finish", "finishIsP85", "criticalPath"] {
                #expect("\(pilot[key] ?? "nil")" == "\(other[key] ?? "nil")", "\(model): \(id) \(key)")
            }
            let state = try #require(pilot["state"] as? String)
            let finish = pilot["finish"] as? String ?? "—"
            // The report's row and the pilot's map say the same state and finish.
            #expect(report.contains("data-pilot=\"\(id)\""), "\(model): \(id)")
            #expect(report.contains(finish), "\(model): \(id) finish \(finish)")
            let map = try CommandRunner.integraph(["render", model, "--view", "pilot:\(id)", "-o", "-", "--format", "dot"]).stdout
            #expect(map.contains(state.replacingOccurrences(of: "-", with: " ")), "\(model): \(id) map state")
            #expect(map.contains("done \(finish)"), "\(model): \(id) map finish")
        }
    }

    @Test(arguments: GoldenOutputTests.models)
    func theReportListsExactlyChecksFindings(model: String) throws {
        let findings = try #require(try Self.json(["check", model, "--format", "json"]) as? [[String: Any]])
        let scratch = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("report.md").path
        #expect(try CommandRunner.integraph(["report", model, "--format", "markdown", "-o", path]).status == 0)
        let page = try String(contentsOfFile: path, encoding: .utf8)
        let listed = page.split(separator: "\n").filter { $0.hasPrefix("- \(model):") }
        #expect(listed.count == findings.count, "\(model)")
        for (line, finding) in zip(listed, findings) {
            let rule = try #require(finding["rule"] as? String)
            #expect(line.hasSuffix("[\(rule)]"), "\(model): \(line)")
        }
    }
}
