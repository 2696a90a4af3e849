import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct PlanCommandTests {
    @Test func theExamplesPlanNamesTheBottleneckAndTheMoney() throws {
        let result = try CommandRunner.integraph(["plan", "Graphs/acme-retail.yaml", "--start", "2026-12-01", "--format", "json", "--suggest"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["asOf", "pilots", "items", "teams", "suggestions"])
        #expect(json["asOf"] as? String == "2026-12-01")
        let teams = try #require(json["teams"] as? [[String: Any]])
        // The ML platform team (one hand, ten items) is busy from day 0 to the end.
        let ml = try #require(teams.first { $0["id"] as? String == "ml-platform" })
        #expect(ml["utilisation"] as? Double == 1 && ml["capacity"] as? Int == 1)
        let pilots = try #require(json["pilots"] as? [[String: Any]])
        let assist = try #require(pilots.first { $0["id"] as? String == "service-agent-assist" })
        #expect(assist["overBudget"] as? Bool == true)
        #expect((assist["plannedReady"] as? Double ?? 0) > (assist["unconstrainedReady"] as? Double ?? 0))
        let suggestions = try #require(json["suggestions"] as? [[String: Any]])
        #expect(!suggestions.isEmpty)
        let saved = suggestions.compactMap { $0["valueUnlocked"] as? Double }
        #expect(saved == saved.sorted(by: >))
    }

    @Test func whatIfsPrintEachPilotsChange() throws {
        let result = try CommandRunner.integraph([
            "plan", "Graphs/acme-retail.yaml", "--capacity", "ml-platform=2",
            "--assume", "crm-to-features=live", "--start", "2026-12-01"
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("churn-copilot: ready day 30.8 (2027-01-14); with unlimited hands day 30.8 (2027-01-14); capacity costs 0 d"))
        #expect(result.stdout.contains("(was day 70.2)"))
        let unknown = try CommandRunner.integraph(["plan", "Graphs/acme-retail.yaml", "--assume", "crm-to-feature=live"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'crm-to-feature' is not pending work in Graphs/acme-retail.yaml (did you mean 'crm-to-features'?)"))
        #expect(try CommandRunner.integraph(["plan", "Graphs/acme-retail.yaml", "--capacity", "ml-platform=0"]).status == 2)
        #expect(try CommandRunner.integraph(["plan", "Graphs/acme-retail.yaml", "--assume", "x=maybe"]).status == 2)
    }

    @Test func theGanttChartIsSVGWithEveryItemAndEscapedText() throws {
        let result = try CommandRunner.integraph(["plan", "Graphs/acme-retail.yaml", "--format", "svg"])
        #expect(result.status == 0)
        let document = try XMLDocument(data: Data(result.stdout.utf8), options: [])
        let titles = try document.nodes(forXPath: "//*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.filter { $0.hasPrefix("feature-store (system)") }.count == 1)
        #expect(titles.filter { $0.contains(": ready day") }.count == 8)
    }
}

extension PlanCommandTests {
    /// The report shows the plan's money: the assistant's remaining work costs more than its budget.
    @Test func theReportShowsCapacityAndCost() throws {
        let html = try CommandRunner.integraph(["report", "Graphs/acme-retail.yaml", "--start", "2026-12-01", "-o", "-"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<table class=\"sortable\" id=\"capacity-table\">"))
        // Ready on day 86.3 with team capacity, 57.8 with unlimited hands: from Tuesday 1 December,
        // Monday to Friday would give Wednesday 31 March and Thursday 18 February; the model's
        // calendar takes Christmas and New Year's Day off (both Fridays; Boxing Day is a
        // Saturday), so both move on two working days, to Friday 2 April and Monday 22 February.
        #expect(html.stdout.contains("<tr><td>service-agent-assist</td><td>2027-04-02</td><td>2027-02-22</td>"))
        #expect(html.stdout.contains("<td class=\"bad\">over its budget of 90000</td>"))
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = CommandRunner.packageRoot.appendingPathComponent("Graphs/acme-retail.yaml").path
        let markdown = try CommandRunner.integraph(["report", model, "--format", "markdown", "-o", "r.md"], in: directory)
        #expect(markdown.status == 0)
        let page = try String(contentsOf: directory.appendingPathComponent("r.md"), encoding: .utf8)
        #expect(page.contains("## Capacity and cost\n\n| Pilot | Ready, with team capacity |"))
    }
}
