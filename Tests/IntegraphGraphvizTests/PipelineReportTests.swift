import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

/// The pipeline's report stage: what `integraph report` writes, assembled by the library.
@Suite struct PipelineReportTests {
    @Test func theReportCarriesItsAnalysisMapsAndPlan() throws {
        let pipeline = Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01")))
        let validated = MapRenderingTests.acme
        let source = ReportSource(modelFile: "acme-retail.yaml", modelHash: "00", generatedAt: "2026-12-01T09:00:00Z")
        let outlook = pipeline.outlook(validated, file: "acme-retail.yaml", for: .report)
        let input = try pipeline.report(outlook, source: source)
        // The report lists the outlook's findings: what `check` prints, the rules that need the analysis included.
        #expect(input.findings.map(\.rule) == outlook.findings.map(\.rule))
        #expect(input.findings.contains { $0.rule == "restricted-data-needs-approved-review" })
        #expect(input.title == "\(validated.landscape.displayName): AI pilots, integration outlook")
        #expect(input.source.toolVersion == IntegraphVersion.current)
        // Acme is small: its betweenness is exact, its overview is the landscape, every pilot has a map.
        #expect(input.analysis.bottlenecks.betweennessSources == validated.systems.count)
        #expect(input.maps.first?.sectionID == "overview")
        #expect(Set(input.maps.compactMap(\.pilot)) == Set(validated.pilots.map(\.id)))
        // The plan is dated from the pipeline's start.
        #expect(input.plan?.pilots.count == validated.pilots.count)
        #expect(input.plan?.pilots.contains { $0.plannedDate != nil } == true)
        #expect(input.maps.allSatisfy { $0.svg.hasPrefix("<?xml") || $0.svg.hasPrefix("<svg") })
        let titled = try pipeline.report(outlook, source: source, title: "Q1 outlook")
        #expect(titled.title == "Q1 outlook")
    }
}
