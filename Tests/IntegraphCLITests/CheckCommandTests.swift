import Foundation
import Testing

@Suite struct CheckCommandTests {
    /// The example's findings are the governance gaps it was written with, each under its rule.
    @Test func theExampleShowsItsGovernanceGaps() throws {
        let result = try CommandRunner.integraph(["check", "--start", "2026-12-01", "Graphs/acme-retail.yaml"])
        #expect(result.status == 0)
        // Each finding sits on the line that declares its entity.
        let model = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        func line(of id: String) -> Int {
            (model.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- id: \(id)" || $0.contains("- {id: \(id),") } ?? -1) + 1
        }
        // Acme declares no `derives`: where a pilot demands data that no flow brings into a
        // system (embeddings at the vector database, features and scores at Snowflake), its
        // pending feeds there fall out of the lineage, and lineage-gap names each one.
        let gap = "lineage-gap", review = "restricted-data-needs-approved-review"
        let expected: [(String, String)] = [
            ("transcripts-to-vectors", review), ("transcripts-to-vectors", gap), ("kb-to-vectors", gap), ("forecasts-to-dwh", gap),
            ("churn-scores-to-crm", review), ("embeddings-to-gateway", gap), ("products-to-gateway", gap),
            ("supplier-docs-to-vectors", review), ("supplier-docs-to-vectors", gap), ("erp-direct-to-dwh", gap),
            ("crm-to-features", review), ("crm-to-features", gap), ("competitor-prices", review), ("competitor-prices", gap),
            ("loyalty-to-cdp", review), ("privacy-dpia-customer-360", "stale-gate"), ("next-best-offer", "max-sprawl"),
            ("supplier-risk", "pilot-has-champion")
        ]
        let found = result.stdout.split(separator: "\n").map { line in
            "\(line.split(separator: ":")[1]) \(line.split(separator: "[").last?.dropLast() ?? "")"
        }
        #expect(found == expected.map { "\(line(of: $0.0)) \($0.1)" })
        #expect(
            result.stdout.contains(
                "Graphs/acme-retail.yaml:\(line(of: "supplier-risk")):5: warning: pilot 'supplier-risk' has no champion: "
                    + "name the person accountable for it [pilot-has-champion]\n"))
        #expect(result.stdout.contains("gate 'privacy-dpia-customer-360' has been pending 61 days since it was requested on 2026-10-01"))
        #expect(
            result.stdout.contains(
                "warning: pending flow 'kb-to-vectors' feeds 'vector-db' in the lineage of 'supplier-risk' but carries 'articles' "
                    + "while the pilot demands 'embeddings' there, which no flow into 'vector-db' carries; if 'vector-db' builds "
                    + "'embeddings' from 'articles', declare 'derives' [lineage-gap]\n"))
        #expect(result.stderr == "0 errors and 18 warnings in 1 file (as of 2026-12-01)\n")
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
        #expect(result.stdout.split(separator: "\n").contains("broken.yaml:5:19: error: flow 'a->b': 'to' names unknown system 'b' [unknown-reference]"))
        for line in result.stdout.split(separator: "\n") {
            #expect(line.wholeMatch(of: /broken\.yaml:\d+:\d+: (error|warning): .+ \[[a-z-]+\]/) != nil)
        }
    }

    @Test func jsonFindingsMatchTheTextOnes() throws {
        struct Finding: Decodable, Equatable {
            var severity: String, file: String, line: Int, column: Int, id: String?, rule: String, message: String
        }
        let path = "Examples/first-landscape/broken.yaml"
        let text = try CommandRunner.integraph(["check", path])
        let json = try CommandRunner.integraph(["check", "--format", "json", path])
        #expect(json.status == 1)
        let findings = try JSONDecoder().decode([Finding].self, from: Data(json.stdout.utf8))
        let rebuilt = findings.map { "\($0.file):\($0.line):\($0.column): \($0.severity): \($0.message) [\($0.rule)]\n" }.joined()
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
        #expect(empty.stdout == "/dev/null:1:1: error: the file is empty: a model starts with 'integraph: 1' [schema]\n")
        let model = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"))
        let piped = try CommandRunner.integraph(["check", "--start", "2026-12-01", "/dev/stdin"], input: model)
        #expect(piped.status == 0)
        #expect(piped.stderr == "0 errors and 18 warnings in 1 file (as of 2026-12-01)\n")
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

/// `check --format sarif` and `--rules` through the command line.
@Suite struct CheckSARIFTests {
    static let schema: JSONValue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sarif-2.1.0-integraph.schema.json")
        guard let data = try? Data(contentsOf: url), let schema = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            fatalError("the SARIF schema fixture must be readable JSON")
        }
        return schema
    }()

    /// The SARIF log of the example is valid against the schema, and every result points at
    /// the line of the entity it is about.
    @Test func sarifOfTheExampleIsValidAndLocated() throws {
        let result = try CommandRunner.integraph(["check", "--format", "sarif", "--start", "2026-12-01", "Graphs/acme-retail.yaml"])
        #expect(result.status == 0)
        let log = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
        #expect(JSONSchemaCheck(root: Self.schema).violations(of: log) == [])
        // The check can fail: a misspelt property and a level SARIF does not have.
        let misspelt = result.stdout.replacingOccurrences(of: "\"startLine\"", with: "\"startline\"")
            .replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"info\"")
        let violations = JSONSchemaCheck(root: Self.schema).violations(of: try JSONDecoder().decode(JSONValue.self, from: Data(misspelt.utf8)))
        #expect(violations.contains { $0.hasSuffix("'startline' is not allowed") })
        #expect(violations.contains { $0.hasSuffix(".level: not one of the allowed values") })
        guard case .array(let runs)? = log["runs"], case .array(let results)? = runs.first?["results"],
            case .array(let rules)? = runs.first?["tool"]?["driver"]?["rules"]
        else {
            Issue.record("no runs, results or rules")
            return
        }
        #expect(results.count == 18)
        let model = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for result in results {
            guard case .string(let rule)? = result["ruleId"], case .integer(let index)? = result["ruleIndex"],
                case .array(let locations)? = result["locations"], case .integer(let line)? = locations.first?["physicalLocation"]?["region"]?["startLine"],
                case .string(let entity)? = result["properties"]?["entity"]
            else {
                Issue.record("incomplete result \(result)")
                continue
            }
            #expect(rules[index]["id"] == .string(rule))
            #expect(model[line - 1].contains(entity) || model[line].contains(entity), "\(rule) at line \(line) is not about \(entity)")
        }
        // A rule turned off is listed, disabled, and has no results.
        let off = try CommandRunner.integraph(["check", "--format", "sarif", "Graphs/acme-retail.yaml"])
        #expect(off.stdout.contains("\"id\": \"owned\""))
    }

    /// A rules file: off, error, thresholds, a custom rule; its mistakes exit 2 with a location.
    @Test func aRulesFileChangesWhatIsShown() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml"))
        try model.write(to: directory.appendingPathComponent("acme.yaml"))
        try """
        rules:
          restricted-data-needs-approved-review: off
          pilot-has-champion: error
          max-sprawl: {teams: 7}
        custom:
          - id: gates-have-requests
            description: every pending gate says when it was requested
            where: {kind: gate, status: pending}
            require: {requested: ["2026-10-01"]}
        """.write(to: directory.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["check", "--rules", "rules.yaml", "--start", "2026-12-01", "acme.yaml"], in: directory)
        #expect(result.status == 1)
        let rules = result.stdout.split(separator: "\n").compactMap { $0.split(separator: "[").last.map { String($0.dropLast()) } }
        #expect(!rules.contains("restricted-data-needs-approved-review") && !rules.contains("max-sprawl"))
        #expect(result.stdout.contains("error: pilot 'supplier-risk' has no champion"))
        #expect(rules.filter { $0 == "gates-have-requests" }.count == 4)
        try "rules: {ownd: off}\n".write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try CommandRunner.integraph(["check", "--rules", "bad.yaml", "acme.yaml"], in: directory)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yaml:1:9: error: unknown rule 'ownd' (did you mean 'owned'?)"))
    }
}
