import Foundation
import Testing

/// Examples/ci-governance/check-landscapes.sh in a scratch git repository: a branch that
/// re-estimates a gate in the Acme model is checked (SARIF, with the example's rules making
/// some findings errors, so the job fails) and diffed against main.
@Suite(.enabled(if: gitCommand != nil, "needs git"))
struct CIGovernanceExampleTests {
    @Test func theScriptChecksAndDiffsTheChangedModel() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let example = CommandRunner.packageRoot.appendingPathComponent("Examples/ci-governance")
        let model = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"), encoding: .utf8)
        func shell(_ line: String, environment: [String: String] = [:]) throws -> CommandRunner.Result {
            try CommandRunner.shell(line, in: directory, environment: environment)
        }
        let git = "git -c user.name=t -c user.email=t@example.com"
        try model.write(to: directory.appendingPathComponent("landscape.yaml"), atomically: true, encoding: .utf8)
        #expect(try shell("\(git) init -q -b main && \(git) add landscape.yaml && \(git) commit -q -m base").status == 0)
        let edited = model.replacingOccurrences(
            of: "privacy-dpia-customer-360, kind: privacy, owner: legal-privacy, effort: 15",
            with: "privacy-dpia-customer-360, kind: privacy, owner: legal-privacy, effort: 20")
        #expect(edited != model)
        try edited.write(to: directory.appendingPathComponent("landscape.yaml"), atomically: true, encoding: .utf8)
        #expect(try shell("\(git) switch -q -c re-estimate && \(git) commit -q -am re-estimate").status == 0)

        let result = try shell(
            "sh '\(example.appendingPathComponent("check-landscapes.sh").path)' main",
            environment: [
                "INTEGRAPH": CommandRunner.binary.path, "RULES": example.appendingPathComponent("rules.yaml").path, "START": "2026-12-01"
            ])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("== landscape.yaml"))
        let sarif = try String(contentsOf: directory.appendingPathComponent("governance-out/landscape.yaml.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"ruleId\": \"restricted-data-needs-approved-review\""))
        #expect(sarif.contains("\"level\": \"error\""))
        let diff = try String(contentsOf: directory.appendingPathComponent("governance-out/landscape.yaml.diff.md"), encoding: .utf8)
        #expect(diff.contains("- privacy-dpia-customer-360: effort 15 d → 20 d"))
        #expect(diff.contains("- next-best-offer: duration 30 d → 35 d"))
    }
}
