import Foundation
import Testing

@testable import Integraph

/// The report writers on a small hostile landscape: every model string escaped where it
/// lands, the page's own script allowed by its hash and nothing else, same input same bytes.
@Suite struct ReportWriterTests {
    static let attack = "<script>alert(1)</script></svg>\"'&amp;"

    static func input() throws -> ReportInput {
        let landscape = Landscape(
            name: attack, teams: [Team(id: "t", name: attack)],
            systems: [
                System(id: "crm", name: attack, owner: Reference("t", at: .start)),
                System(id: "dwh", owner: Reference("t", at: .start), status: .planned, effort: .days(3))
            ],
            flows: [
                Flow(
                    id: "f", from: Reference("crm", at: .start), to: Reference("dwh", at: .start), status: .blocked,
                    effort: .days(2), blockedBy: attack)
            ],
            pilots: [Pilot(id: "p", name: attack, champion: attack, needs: [PilotNeed(system: Reference("dwh", at: .start))])])
        let analysis = LandscapeAnalysis(try ValidatedLandscape(validating: landscape))
        let finding = Finding(severity: .warning, file: "m.yaml", position: SourcePosition(line: 3, column: 5), id: "crm", rule: "owned", message: attack)
        let maps = [
            ReportMap(
                sectionID: "overview", title: "Landscape", svg: "<?xml version=\"1.0\"?>\n<!-- c --><svg><g id=\"o-p\"></g></svg>",
                links: ["o-p": "pilot-1"]),
            ReportMap(sectionID: "pilot-1", title: attack, svg: "<svg></svg>", pilot: "p")
        ]
        return ReportInput(
            title: attack, landscape: landscape, analysis: analysis, findings: [finding], maps: maps,
            source: ReportSource(modelFile: attack, modelHash: "abc", generatedAt: "2026-11-25T00:00:00Z"))
    }

    @Test func htmlEscapesEveryModelStringAndAllowsOnlyItsOwnScript() throws {
        let html = HTMLReportWriter().write(try Self.input())
        #expect(!html.contains(Self.attack))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;&quot;&#39;&amp;amp;"))
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        let script = try #require(html.components(separatedBy: "<script>").last?.components(separatedBy: "</script>").first)
        #expect(script == HTMLReportAssets.script)
        #expect(html.contains("script-src 'sha256-\(Fingerprint.base64(Array(script.utf8)))'"))
        // Graphviz's prolog and comments do not reach the page; the links travel as JSON.
        #expect(!html.contains("<?xml") && !html.contains("<!-- c -->"))
        #expect(html.contains(#"<script type="application/json" id="map-links">{"o-p":"pilot-1"}</script>"#))
        #expect(html.contains("<a class=\"pilot-link\" href=\"#pilot-1\">"))
        #expect(html.contains("<code>m.yaml:3:5</code>"))
        #expect(html == HTMLReportWriter().write(try Self.input()))
    }

    @Test func markdownEscapesCellsAndLinksItsMapFiles() throws {
        let markdown = MarkdownReportWriter(mapDirectory: "report-maps").write(try Self.input())
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("![Landscape](report-maps/overview.svg)"))
        #expect(
            markdown.contains("## Pilots") && markdown.contains("## Bottlenecks") && markdown.contains("## Sprawl")
                && markdown.contains("## Model check"))
        #expect(markdown.contains("| **blocked** |"))
    }

    /// One pilot, one default-id flow and efforts that do not add up exactly in binary.
    static func smallAnalysis() throws -> LandscapeAnalysis {
        let t = Reference("t", at: .start)
        let landscape = Landscape(
            name: "Small", teams: [Team(id: "t")],
            systems: [System(id: "a", owner: t), System(id: "b", owner: t, status: .planned, effort: .days(0.1))],
            flows: [
                Flow(
                    id: "a->b", hasExplicitID: false, from: Reference("a", at: .start), to: Reference("b", at: .start),
                    status: .backlog, effort: .days(0.2))
            ],
            pilots: [Pilot(id: "p", champion: "C", needs: [PilotNeed(system: Reference("b", at: .start))])])
        return LandscapeAnalysis(try ValidatedLandscape(validating: landscape))
    }

    @Test func markdownShowsAnArrowAsWritten() throws {
        let markdown = AnalysisMarkdownWriter().write(try Self.smallAnalysis())
        #expect(markdown.contains("| a->b |"))
        #expect(!markdown.contains("&#62;"))
        // A '>' that could open a quote is still escaped.
        #expect(AnalysisMarkdownWriter.cell(">a->b") == "&#62;a->b")
    }

    @Test func countsOfOneAreSingular() throws {
        let text = AnalysisTextWriter().write(try Self.smallAnalysis())
        #expect(text.hasPrefix("Small: 2 systems, 1 flow, 1 team, 0 domains, 1 pilot\n2 pending work items,"))
        #expect(text.contains("holds back 1 pilot)"))
    }

    @Test func jsonKeepsFullPrecision() throws {
        let json = AnalysisJSONWriter().write(try Self.smallAnalysis())
        // 0.1 + 0.2 is not 0.3 in binary; JSON says what was computed, text rounds it.
        #expect(json.contains("\"duration\": \(0.1 + 0.2),"))
        #expect(json.contains("\"duration\": 0.30000000000000004,"))
        #expect(AnalysisTextWriter().write(try Self.smallAnalysis()).contains("p: 0.3 d"))
    }
}
