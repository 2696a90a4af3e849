import Foundation
import Testing

/// Hostile or careless numbers, in the model and on the command line, against every
/// command: a located error or a clear usage error, never a trap.
@Suite struct ExtremeNumberTests {
    /// Writes `model` as m.yaml in a fresh directory and runs each command line on it.
    static func run(_ model: String, _ commands: [[String]]) throws -> [CommandRunner.Result] {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.write(to: directory.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        return try commands.map { try CommandRunner.integraph($0, in: directory) }
    }

    static let everyCommand: [[String]] = [
        ["check", "m.yaml"],
        ["analyze", "m.yaml", "--start", "2026-12-01"],
        ["render", "m.yaml", "-o", "map.svg"],
        ["report", "m.yaml", "--start", "2026-12-01", "-o", "report.html"]
    ]

    @Test(arguments: [
        ("effort: 1e308", "m.yaml:5:48: error: system 'b': 'effort' must be at most 36500 days, found 1e308"),
        ("effort: 36501", "m.yaml:5:48: error: system 'b': 'effort' must be at most 36500 days, found 36501"),
        ("effort: 1e999", "m.yaml:5:48: error: system 'b': 'effort' must be a number, found '1e999'"),
        (
            "effort: {optimistic: 1, likely: 2, pessimistic: 9e9}",
            "m.yaml:5:88: error: system 'b': 'effort.pessimistic' must be at most 36500 days, found 9e9"
        )
    ])
    func anEffortPastAHundredYearsIsALocatedError(effort: String, expected: String) throws {
        let model = """
            integraph: 1
            teams: [{id: t, capacity: 2}]
            systems:
              - {id: a, owner: t}
              - {id: b, owner: t, status: planned, \(effort)}
            pilots: [{id: p, champion: C, needs: [b], target: 2027-01-01}]
            """
        for result in try Self.run(model, Self.everyCommand) {
            #expect(result.status == 1, "\(result.stderr)")
            #expect(
                (result.stdout + result.stderr).contains(expected),
                "\(result.stdout)\(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
    }

    @Test func aCapacityPastAHundredThousandIsALocatedError() throws {
        let results = try Self.run(
            """
            integraph: 1
            teams: [{id: t, capacity: 100001}, {id: u, capacity: 99999999999999999999999}]
            """, [["check", "m.yaml"]])
        #expect(results[0].status == 1)
        #expect(results[0].stdout.contains("m.yaml:2:27: error: team 't': 'capacity' must be at most 100000, found 100001"))
        #expect(results[0].stdout.contains("m.yaml:2:54: error: team 'u': 'capacity' must be at most 100000, found 99999999999999999999999"))
    }

    /// The largest efforts allowed, chained, with a start near the calendar's end: dates past
    /// 9999-12-31 are said so, and every command still writes its output.
    @Test func theLargestEffortsNearTheEndOfTheCalendar() throws {
        let chain = (0..<40).map { "  - {id: f\($0), from: s\($0), to: s\($0 + 1), status: backlog, effort: 36500}" }
        let model = """
            integraph: 1
            teams: [{id: t}]
            systems: [\((0...40).map { "{id: s\($0), owner: t}" }.joined(separator: ", "))]
            flows:
            \(chain.joined(separator: "\n"))
            pilots: [{id: p, champion: C, needs: [s40], target: 9999-12-31, effort: {optimistic: 1, likely: 36500, pessimistic: 36500}}]
            """
        let results = try Self.run(
            model,
            [
                ["analyze", "m.yaml", "--start", "9999-12-01", "--format", "json"],
                ["analyze", "m.yaml", "--start", "9999-12-01"],
                ["render", "m.yaml", "--view", "pilot:p", "-o", "map.svg"],
                ["report", "m.yaml", "--start", "9999-12-01", "-o", "report.html"]
            ])
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(results[0].stdout.utf8)) as? [String: Any])
        let pilot = try #require((json["pilots"] as? [[String: Any]])?.first)
        #expect(pilot["finish"] is NSNull)
        #expect(pilot["state"] as? String == "at-risk")
        #expect(results[1].stdout.contains("done after 9999-12-31 (P85), target 9999-12-31 — at risk"))
    }

    @Test(arguments: [
        (["generate", "--systems", "99999999999999", "-o", "-"], "--systems must be between 2 and 5,000,000"),
        (["generate", "--systems", "5000000", "--flows-per-system", "50", "-o", "-"], "at most 20,000,000 flows"),
        (["generate", "--systems", "1e9", "-o", "-"], "--systems"),
        (["analyze", "Graphs/acme-retail.yaml", "--samples", "0"], "--samples must be between 1 and 1,000,000"),
        (["analyze", "Graphs/acme-retail.yaml", "--samples", "99999999999999999999999"], "--samples"),
        (["analyze", "Graphs/acme-retail.yaml", "--betweenness-exact-limit=-1"], "--betweenness-exact-limit must be between"),
        (["analyze", "Graphs/acme-retail.yaml", "--seed", "-1"], "--seed"),
        (["analyze", "Graphs/acme-retail.yaml", "--start", "2027-02-30"], "--start must be a date"),
        (["report", "Graphs/acme-retail.yaml", "--start", "99999-01-01", "-o", "-"], "--start must be a date")
    ])
    func aCountOutOfRangeOnTheCommandLineExitsTwo(arguments: [String], message: String) throws {
        let result = try CommandRunner.integraph(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
