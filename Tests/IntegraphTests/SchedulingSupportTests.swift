import Testing

@testable import Integraph

@Suite struct SchedulingSupportTests {
    @Test func pertSamplesHaveThePERTMean() {
        var random = SeededRandom(seed: 11)
        let effort = Effort.estimate(optimistic: 3, likely: 5, pessimistic: 12)
        let samples = (0..<200_000).map { _ in PERTSampler.sample(effort, using: &random) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        #expect(abs(mean - effort.expectedDays) < 0.02)
        #expect(samples.allSatisfy { (3...12).contains($0) })
        #expect(PERTSampler.sample(.days(4), using: &random) == 4)
    }

    @Test func seededRandomIsReproducible() {
        var a = SeededRandom(seed: 5), b = SeededRandom(seed: 5), c = SeededRandom(seed: 6)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func monteCarloPercentilesBracketTheMean() {
        let efforts: [Effort] = [.estimate(optimistic: 2, likely: 4, pessimistic: 10), .days(3)]
        let run = MonteCarloSchedule(
            efforts: efforts, predecessors: CompressedRows(lists: [[], [0]]), tail: .zero,
            samples: 5_000, seed: 9)
        #expect(run.p50 <= run.p85 && run.p85 <= run.p95)
        #expect(run.p50 > 5 && run.p95 < 13)
        #expect(run.criticality == [1, 1])
    }
}

@Suite struct IdentifierOrderTests {
    /// Keys must order exactly as String's `<`: prefixes, long shared prefixes, NUL bytes,
    /// and (through the fallback) non-ASCII ids with combining marks.
    @Test(arguments: [false, true])
    func ordersExactlyAsStringComparison(withUnicode: Bool) {
        var random = SeededRandom(seed: withUnicode ? 2 : 1)
        let pieces = ["a", "b", "flow", "-", "0", "9", "\u{0}", "z"] + (withUnicode ? ["e\u{301}", "é", "f"] : [])
        let ids = (0..<2_000).map { _ in
            (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
        let expected = ids.indices.sorted { ids[$0] < ids[$1] }
        #expect(IdentifierOrder.sortedPositions(ids) == expected)
    }
}

@Suite struct DaysTextTests {
    @Test func daysAreShortAndNeverTrap() {
        let cases: [(Double, Int, String)] = [
            (12, 2, "12"), (12.333, 2, "12.33"), (12.5, 2, "12.5"), (12.333, 1, "12.3"),
            (0.04, 1, "0"), (-3.25, 1, "-3.3"), (1e20, 2, "1e+20"), (.infinity, 2, "inf")
        ]
        for (value, decimals, text) in cases { #expect(DaysText.days(value, decimals: decimals) == text, "\(value)") }
        #expect(DaysText.days(.nan) == "nan")
        #expect(DaysText.effort(.estimate(optimistic: 3, likely: 5.25, pessimistic: 12)) == "3–5.3–12 d")
        #expect(DaysText.effort(nil) == "not estimated")
    }
}
