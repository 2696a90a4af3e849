import Foundation
import Testing

@testable import Integraph

/// The public path read → validated model → analysis, and the one place where what each
/// caller's analysis computes is chosen.
@Suite struct PipelineTests {
    static let broken = """
        integraph: 1
        systems:
          - id: crm
        flows:
          - id: crm-to-erp
            from: crm
            to: erp
            status: live
        """

    @Test func validatedThrowsEveryFindingOfABrokenModel() throws {
        let pipeline = Pipeline()
        let report = pipeline.read(bytes: Array(Self.broken.utf8), source: .file("broken.yaml"))
        #expect(throws: InvalidLandscape.self) { try pipeline.validated(report) }
        do {
            _ = try pipeline.validated(report)
        } catch {
            #expect(error.findings == report.findings)
            #expect(error.description.contains("erp"))
            #expect(error.findings.contains { $0.line == 7 && $0.severity == .error })
        }
    }

    @Test func aValidModelIsAnalysedWithThePipelinesOptions() throws {
        var options = AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))
        options.samples = 500
        options.seed = 7
        let pipeline = Pipeline(options: options)
        let report = try pipeline.read(.file(packageRoot.appendingPathComponent("Graphs/acme-retail.yaml").path))
        let validated = try pipeline.validated(report)
        let analysis = pipeline.analyze(validated)
        #expect(analysis.options.samples == 500 && analysis.options.seed == 7)
        #expect(analysis.pilots.count == validated.pilots.count)
        #expect(analysis.bottlenecks.betweennessSources == validated.systems.count)
        #expect(analysis.options.start == options.start)
    }

    /// Every purpose sees the same dates, samples and seed, so maps, plans, rules and the
    /// report show the numbers `analyze` shows; only betweenness, which none of them reads
    /// but the report, is left out.
    @Test func eachPurposeKeepsDatesSamplesAndSeedAndDropsOnlyBetweenness() {
        var options = AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))
        options.seed = 9
        options.samples = 4_000
        options.betweennessExactLimit = 50
        let pipeline = Pipeline(options: options)
        let purposes: [Pipeline.Purpose] = [.analysis, .schedules, .report]
        let derived = purposes.map { pipeline.options(for: $0, systemCount: 40) }
        #expect(derived.allSatisfy { $0.start == options.start && $0.seed == 9 && $0.samples == 4_000 })
        #expect(derived.map(\.computesBetweenness) == [true, false, true])
        // A report's betweenness is left out where it would only be an estimate.
        #expect(!pipeline.options(for: .report, systemCount: 51).computesBetweenness)
        var without = options
        without.computesBetweenness = false
        #expect(!Pipeline(options: without).options(for: .report, systemCount: 40).computesBetweenness)
    }
}
