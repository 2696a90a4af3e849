import Testing

@testable import Integraph

/// The list scheduler on inputs too big or too deep to write as models.
@Suite struct ListSchedulerTests {
    /// A chain of 300,000 items all under way, each shorter than the one before: every item's
    /// work is done before its predecessor finishes, so when the first finishes on day n the
    /// whole chain finishes with it (finish-to-finish: EF(i) = max(d(i), EF(i - 1)) = n).
    /// Finishing them one from another must not recurse 300,000 calls deep.
    @Test func aDeepChainUnderWayFinishesAtOnceWithoutRecursing() {
        let n = 300_000
        let scheduler = ListScheduler(
            durations: (0..<n).map { Double(n - $0) }, teams: [UInt32](repeating: LandscapeIndex.none, count: n),
            capacities: [], successors: DirectedGraph(nodeCount: n, edges: (0..<UInt32(n - 1)).map { ($0, $0 + 1) }),
            predecessorCount: [0] + [Int](repeating: 1, count: n - 1), started: [Bool](repeating: true, count: n),
            releases: [Double](repeating: 0, count: n), done: [Bool](repeating: false, count: n),
            priority: (0..<n).map { (0, 0, -$0) })
        let result = scheduler.run()
        #expect(result.start.allSatisfy { $0 == 0 })
        #expect(result.finish.allSatisfy { $0 == Double(n) })
    }

    /// The same chain not under way runs one after another: item i starts when i - 1 ends.
    @Test func aChainNotUnderWayRunsInOrder() {
        let durations: [Double] = [3, 1, 2]
        let scheduler = ListScheduler(
            durations: durations, teams: [0, 0, 0], capacities: [2],
            successors: DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)]), predecessorCount: [0, 1, 1],
            started: [false, false, false], releases: [0, 0, 0], done: [false, false, false],
            priority: [(6, 1, 0), (3, 1, -1), (2, 1, -2)])
        let result = scheduler.run()
        #expect(result.start == [0, 3, 4])
        #expect(result.finish == [3, 4, 6])
        #expect(result.busy == [6])
    }
}
