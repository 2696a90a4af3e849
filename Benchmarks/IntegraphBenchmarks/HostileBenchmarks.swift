import Foundation
import Integraph

/// Times the two inputs that were once quadratic, for each size N: `check` of a model with N
/// systems and N flows to unknown systems (every one a did-you-mean candidate search), and
/// the whole analysis without betweenness of N systems with 4N random flows that all carry
/// one label (every flow a redundant-flow candidate): `--hostile 20000`.
func benchmarkHostileInputs(sizes: [Int], seed: UInt64) {
    print("| systems | flows | check, every flow to an unknown system | analysis without betweenness, one label on every flow | redundant flows found |")
    print("|---:|---:|---:|---:|---:|")
    for size in sizes {
        var unknown = "integraph: 1\nsystems:\n"
        for number in 0..<size { unknown += "  - {id: s\(number)}\n" }
        unknown += "flows:\n"
        for number in 0..<size { unknown += "  - {from: s\(number), to: unknown-system-\(number)}\n" }
        let (report, checking) = time { LandscapeReader().read(bytes: Array(unknown.utf8), source: .file("unknown.yaml")) }
        guard report.errors.count == size else { fatalError("expected \(size) unknown systems, got \(report.errors.count)") }

        var random = SeededRandom(seed: seed)
        var landscape = Landscape(systems: (0..<size).map { System(id: "s\($0)") })
        var pairs: Set<UInt64> = []
        while pairs.count < size * 4 {
            let from = random.next() % UInt64(size), to = random.next() % UInt64(size)
            guard from != to, pairs.insert(from << 32 | to).inserted else { continue }
            landscape.flows.append(
                Flow(
                    id: "f\(pairs.count)", from: Reference("s\(from)", at: .start),
                    to: Reference("s\(to)", at: .start), data: ["x"]))
        }
        guard let validated = try? ValidatedLandscape(validating: landscape) else { fatalError("the one-label landscape must be valid") }
        var options = AnalysisOptions()
        options.computesBetweenness = false
        let (analysis, analysing) = time { LandscapeAnalysis(validated, options: options) }
        print("| \(size) | \(landscape.flows.count) | \(format(checking)) | \(format(analysing)) | \(analysis.sprawl.redundantFlows.count) |")
    }
}
