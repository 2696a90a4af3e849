import Foundation
import Testing

/// Examples/swift-library: the public pipeline used as a library gives what the command line
/// gives, and a broken model stops it with located findings.
@Suite struct LibraryExampleTests {
    @Test func theLibraryExampleAgreesWithAnalyze() throws {
        let scratch = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let example = CommandRunner.built("integraph-library-example")
        let result = try CommandRunner.run(example, ["Graphs/acme-retail.yaml", scratch.path])
        #expect(result.status == 0, "\(result.stderr)")

        // The same states and finishes as `integraph analyze --format json` with the same options.
        let cli = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "json", "--start", "2026-12-01"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        let pilots = try #require(json["pilots"] as? [[String: Any]])
        #expect(result.stdout.hasPrefix("as of 2026-12-01; "))
        let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains(": ") && !$0.hasPrefix("analysis JSON") }
        #expect(lines.count == pilots.count)
        for (line, pilot) in zip(lines, pilots) {
            let id = try #require(pilot["id"] as? String), state = try #require(pilot["state"] as? String)
            #expect(line.hasPrefix("\(id): \(state), ready "), "\(line)")
        }
        for pilot in pilots {
            let id = try #require(pilot["id"] as? String), path = try #require(pilot["criticalPath"] as? [String])
            if !path.isEmpty { #expect(result.stdout.contains("\(id): ") && result.stdout.contains("  gated by: \(path.joined(separator: " → "))")) }
        }

        // The library and the command write the same report, byte for byte, for the same inputs.
        let report = try String(contentsOf: scratch.appendingPathComponent("report.html"), encoding: .utf8)
        let command = try CommandRunner.integraph(["report", "Graphs/acme-retail.yaml", "--start", "2026-12-01", "-o", "-"])
        #expect(report.hasPrefix("<!DOCTYPE html>") && report == command.stdout)
        let map = try String(contentsOf: scratch.appendingPathComponent("pilot-churn-copilot.svg"), encoding: .utf8)
        #expect(map.contains("<svg") && map.contains("<title>Acme Retail — pilot churn&#45;copilot — as of 2026&#45;12&#45;01</title>"))
    }

    @Test func aBrokenModelStopsTheLibraryExampleWithLocatedFindings() throws {
        let scratch = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try CommandRunner.run(
            CommandRunner.built("integraph-library-example"), ["Examples/first-landscape/broken.yaml", scratch.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yaml:14:25: error:"))
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("report.html").path))
    }
}
