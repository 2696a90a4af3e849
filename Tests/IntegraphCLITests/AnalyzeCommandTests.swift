import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    @Test func jsonOfTheExampleIsDeterministicAndComplete() throws {
        let first = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "json", "--start", "2026-12-01"])
        #expect(first.status == 0)
        let second = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "json", "--start", "2026-12-01"])
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["landscape", "pilots", "bottlenecks", "sprawl"])
        let pilots = try #require(object["pilots"] as? [[String: Any]])
        #expect(pilots.compactMap { $0["id"] as? String } == pilots.compactMap { $0["id"] as? String }.sorted())
        #expect(pilots.count == 8)
        let invoice = try #require(pilots.first { $0["id"] as? String == "invoice-matching" })
        #expect(invoice["state"] as? String == "ready")
        // Every pilot says one of the six words, and a blocked one names what blocks it.
        let states = pilots.compactMap { $0["state"] as? String }
        #expect(states.count == 8 && Set(states).isSubset(of: PilotStateWords.all))
        for pilot in pilots where pilot["state"] as? String == "blocked" {
            #expect(!((pilot["blockedBy"] as? [[String: Any]]) ?? []).isEmpty)
        }
        let systems = try #require((object["bottlenecks"] as? [String: Any])?["systems"] as? [[String: Any]])
        let pressures = systems.compactMap { $0["pressure"] as? Double }
        #expect(pressures == pressures.sorted(by: >))
    }

    @Test func onePilotInEveryFormat() throws {
        let sections = ["text": "\nPilot ", "json": "\n    {\"id\": ", "markdown": "\n## Pilot "]
        for (format, heading) in sections {
            let result = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--pilot", "churn-copilot", "--format", format])
            #expect(result.status == 0, "\(format)")
            #expect(result.stdout.components(separatedBy: heading).count == 2, "\(format) should report one pilot")
            #expect(result.stdout.contains(heading + (format == "json" ? "\"churn-copilot\"" : "churn-copilot")), "\(format)")
        }
        let markdown = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Acme Retail: integration analysis\n"))
        #expect(markdown.stdout.contains("| pilot | stage | champion |"))
    }

    @Test func anUnknownPilotListsCloseMatches() throws {
        let result = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--pilot", "churn-copliot"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: no pilot 'churn-copliot' in Graphs/acme-retail.yaml (did you mean 'churn-copilot'?)"))
    }

    @Test func aBrokenModelIsNotAnalysed() throws {
        let result = try CommandRunner.integraph(["analyze", "Examples/first-landscape/broken.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
    }

    /// Online Boutique's frontend and checkout are hubs: each pilot's work holds only what
    /// its own data passes through, and a blocked flow with a date holds its pilot's dates.
    @Test func hubsPassOnOnlyEachPilotsOwnWork() throws {
        let result = try CommandRunner.integraph(["analyze", "Graphs/online-boutique.yaml", "--format", "json", "--start", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let pilots = try #require(object["pilots"] as? [[String: Any]])
        func pilot(_ id: String) throws -> [String: Any] { try #require(pilots.first { $0["id"] as? String == id }) }
        func work(_ id: String) throws -> Set<String> {
            Set(((try pilot(id))["work"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
        #expect(try work("personalised-recommendations") == ["clickstream-events"])
        #expect(
            try work("shopping-assistant")
                == [
                    "llm-vendor-review", "shoppingassistantservice", "llm-vendor", "llm-completions", "catalog-to-assistant",
                    "assistant-to-frontend"
                ])
        #expect(
            try work("fraud-scoring")
                == ["fx-rates-feed", "orders-to-fraud", "payments-privacy-review", "fraud-scorer", "fraud-features", "scores-to-checkout"])
        let fraud = try pilot("fraud-scoring")
        #expect(fraud["state"] as? String == "blocked")
        #expect(fraud["criticalPath"] as? [String] == ["fx-rates-feed"])
        // The feed clears on 2027-01-15, 33 working days in: 33 + 4 + the pilot's own 4.
        #expect(fraud["duration"] as? Double == 41)
        #expect(fraud["datesAssumeUnblocked"] as? Bool == false)
        let blocker = try #require((fraud["blockedBy"] as? [[String: Any]])?.first)
        #expect(blocker["reason"] as? String == "FX data licence renewal" && blocker["until"] as? String == "2027-01-15")
    }

    @Test func anImpossibleOrderOfWorkExitsOne() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        integraph: 1
        teams: [{id: t}]
        systems: [{id: a, owner: t}, {id: b, owner: t}, {id: c, owner: t}]
        flows:
          - {id: f1, from: a, to: b, status: backlog, effort: 1, after: [f2]}
          - {id: f2, from: b, to: c, status: backlog, effort: 1}
        """.write(to: directory.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        // Ordering the work is part of validation: check and analyze say the same, located.
        let message = "m.yaml:6:5: error: the order of work has a cycle: f2 -> f1 [implicit: lineage"
        let analyzed = try CommandRunner.integraph(["analyze", "m.yaml"], in: directory)
        #expect(analyzed.status == 1)
        #expect(analyzed.stderr.contains(message))
        let checked = try CommandRunner.integraph(["check", "m.yaml"], in: directory)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains(message))
    }

    @Test func outputGoesToAFileAtomically() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("analysis.md").path
        let result = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "markdown", "-o", output])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("## Bottlenecks"))
        #expect(try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--start", "2026-13-01"]).status == 2)
    }
}

/// The state words of docs/analyses.md; the CLI tests see the binary only, not the library.
enum PilotStateWords {
    static let all: Set<String> = ["stalled", "blocked", "ready", "at-risk", "on-track", "unscheduled"]
}

/// `--top N` keeps the ranked bottleneck lists small on big landscapes.
@Suite struct AnalyzeTopTests {
    @Test func topLimitsEveryRankedList() throws {
        let full = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "json"])
        let top = try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--format", "json", "--top", "2"])
        func lists(_ text: String) throws -> [String: [[String: Any]]] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try #require(json["bottlenecks"] as? [String: [[String: Any]]])
        }
        let all = try lists(full.stdout), few = try lists(top.stdout)
        for kind in ["systems", "flows", "teams"] {
            #expect(few[kind]?.count == 2)
            // The first two of the full ranking, in order.
            #expect(few[kind]?.compactMap { $0["id"] as? String } == all[kind]?.prefix(2).compactMap { $0["id"] as? String })
        }
        #expect(try CommandRunner.integraph(["analyze", "Graphs/acme-retail.yaml", "--top", "0"]).status == 2)
    }
}
