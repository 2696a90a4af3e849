/// The critical path method (Kelley & Walker 1959) over one pilot's work, with PERT
/// statistics and a seeded Monte Carlo run for three-point estimates.
///
/// Nodes are given in topological order with their predecessors; durations are efforts
/// (the PERT mean for three-point estimates; junctions take 0). A node that has not started
/// begins when its predecessors have all finished, and not before its release (a blocked
/// flow's `until`): earliest finish = earliest start + duration. A node already under way
/// (`started`) began at 0, so a link into it bounds its finish instead (finish-to-finish):
/// its earliest finish is the larger of its duration and its predecessors' latest earliest
/// finish. The backward pass from the last finish gives each node its latest finish (the
/// smallest latest start of its successors, or latest finish of a started one) and latest
/// start = latest finish − duration; slack = latest finish − earliest finish. The pilot's
/// own effort runs after all of it. O(n + m) per pass; the Monte Carlo run repeats both
/// passes per sample with durations drawn by ``PERTSampler``, so it costs
/// O(samples × (n + m)).
///
/// ```swift
/// let schedule = Schedule(durations: [2, 3], predecessors: CompressedRows(lists: [[], [0]]), tail: 1)
/// schedule.duration // 6
/// schedule.isCritical(0) // true: no slack
/// ```
package struct Schedule: Sendable {
    public let earliestStart: [Double]
    public let earliestFinish: [Double]
    public let latestStart: [Double]
    public let latestFinish: [Double]
    /// When all the work is done and the pilot's own effort can start.
    public let workFinish: Double
    /// The whole duration: `workFinish` plus the pilot's own effort.
    public let duration: Double
    private let started: Bitset?
    private let durations: [Double]

    /// Slack below this counts as zero: efforts are days, sums of them drift in the last bits.
    public static let tolerance = 1e-9

    /// - Parameters:
    ///   - durations: one per node, nodes in topological order.
    ///   - predecessors: for each node, the nodes (all earlier in the order) it waits for.
    ///   - tail: the pilot's own effort, done after everything else.
    ///   - started: the nodes under way, whose links in bound their finish, not their start.
    ///   - releases: for each node, the day before which it cannot start (`nil`: all 0).
    public init(
        durations: [Double], predecessors: CompressedRows, tail: Double, started: Bitset? = nil,
        releases: [Double]? = nil
    ) {
        let count = durations.count
        var earliestStart = [Double](repeating: 0, count: count)
        var earliestFinish = [Double](repeating: 0, count: count)
        var workFinish = 0.0
        for node in 0..<count {
            var before = 0.0
            for position in predecessors.bounds(of: node) {
                before = max(before, earliestFinish[Int(predecessors.value(at: position))])
            }
            let release = releases?[node] ?? 0
            if started?.contains(UInt32(node)) == true {
                earliestStart[node] = release
                earliestFinish[node] = max(release + durations[node], before)
            } else {
                earliestStart[node] = max(before, release)
                earliestFinish[node] = earliestStart[node] + durations[node]
            }
            workFinish = max(workFinish, earliestFinish[node])
        }
        var latestFinish = [Double](repeating: workFinish, count: count)
        var latestStart = [Double](repeating: 0, count: count)
        for node in stride(from: count - 1, through: 0, by: -1) {
            latestStart[node] = latestFinish[node] - durations[node]
            let bound = started?.contains(UInt32(node)) == true ? latestFinish[node] : latestStart[node]
            for position in predecessors.bounds(of: node) {
                let before = Int(predecessors.value(at: position))
                latestFinish[before] = min(latestFinish[before], bound)
            }
        }
        self.earliestStart = earliestStart
        self.earliestFinish = earliestFinish
        self.latestStart = latestStart
        self.latestFinish = latestFinish
        self.workFinish = workFinish
        self.duration = workFinish + tail
        self.started = started
        self.durations = durations
    }

    /// The longest path through each node (its earliest finish plus the longest chain of
    /// work after it), and the longest path of all; the two passes of the method without
    /// keeping starts and finishes. O(n + m).
    public static func longestPaths(durations: [Double], predecessors: CompressedRows) -> (through: [Double], total: Double) {
        let count = durations.count
        var finish = [Double](repeating: 0, count: count)
        var total = 0.0
        for node in 0..<count {
            var start = 0.0
            for position in predecessors.bounds(of: node) { start = max(start, finish[Int(predecessors.value(at: position))]) }
            finish[node] = start + durations[node]
            total = max(total, finish[node])
        }
        var after = [Double](repeating: 0, count: count)
        for node in stride(from: count - 1, through: 0, by: -1) {
            let chain = after[node] + durations[node]
            for position in predecessors.bounds(of: node) {
                let before = Int(predecessors.value(at: position))
                after[before] = max(after[before], chain)
            }
            after[node] += finish[node]
        }
        return (after, total)
    }

    public func isCritical(_ node: Int) -> Bool {
        latestFinish[node] - earliestFinish[node] < Self.tolerance
    }

    /// When a node's predecessors set its timing: its earliest start, or for a started node
    /// its earliest finish when a predecessor, not its own duration, sets that; `nil` when
    /// nothing before it does.
    private func predecessorsSet(_ node: Int) -> Double? {
        if started?.contains(UInt32(node)) == true {
            return earliestFinish[node] > earliestStart[node] + durations[node] + Self.tolerance
                ? earliestFinish[node] : nil
        }
        return earliestStart[node] > Self.tolerance ? earliestStart[node] : nil
    }

    /// One chain of zero-slack nodes from a start to the last finish, found backwards from
    /// the end and, where several nodes qualify, taking the one `precedes` puts first: a
    /// node's critical predecessor is one whose earliest finish sets the node's earliest start
    /// (or, for a started node, its earliest finish). It ends only on `isEligible` nodes and
    /// steps along `predecessors`.
    public func criticalChain(
        predecessors: (Int) -> [Int], isEligible: (Int) -> Bool = { _ in true },
        precedes: (Int, Int) -> Bool
    ) -> [Int] {
        let count = earliestFinish.count
        var candidates = (0..<count).filter {
            isEligible($0) && isCritical($0) && abs(earliestFinish[$0] - workFinish) < Self.tolerance
        }
        var chain: [Int] = []
        while let node = candidates.min(by: precedes) {
            chain.append(node)
            guard let time = predecessorsSet(node) else { break }
            candidates = predecessors(node).filter {
                isCritical($0) && abs(earliestFinish[$0] - time) < Self.tolerance
            }
        }
        return chain.reversed()
    }

    /// The days each node of a chain adds: its earliest finish minus that of the node before
    /// it (the first node counts from 0). What the PERT variance and the estimated share sum.
    public func contributions(of chain: [Int]) -> [Double] {
        var previous = 0.0
        return chain.map { node in
            defer { previous = earliestFinish[node] }
            return max(0, earliestFinish[node] - previous)
        }
    }
}

/// Percentiles of a pilot's duration and each node's criticality index, from a Monte Carlo
/// run of ``Schedule`` with durations drawn from their Beta-PERT distributions.
package struct MonteCarloSchedule: Sendable {
    public let p50: Double
    public let p85: Double
    public let p95: Double
    /// For each node, the share of samples in which it had zero slack.
    public let criticality: [Double]

    public init(
        efforts: [Effort], predecessors: CompressedRows, tail: Effort, samples: Int, seed: UInt64,
        started: Bitset? = nil, releases: [Double]? = nil
    ) {
        var random = SeededRandom(seed: seed)
        var durations = [Double](repeating: 0, count: efforts.count)
        var totals: [Double] = []
        totals.reserveCapacity(samples)
        var criticalCounts = [Int](repeating: 0, count: efforts.count)
        for _ in 0..<max(1, samples) {
            for node in efforts.indices { durations[node] = PERTSampler.sample(efforts[node], using: &random) }
            let schedule = Schedule(
                durations: durations, predecessors: predecessors,
                tail: PERTSampler.sample(tail, using: &random), started: started, releases: releases)
            totals.append(schedule.duration)
            for node in efforts.indices where schedule.isCritical(node) { criticalCounts[node] += 1 }
        }
        totals.sort()
        func percentile(_ p: Double) -> Double {
            // Nearest rank: the smallest sample with at least p of the samples at or below it.
            totals[max(0, min(totals.count - 1, Int((p * Double(totals.count)).rounded(.up)) - 1))]
        }
        p50 = percentile(0.50)
        p85 = percentile(0.85)
        p95 = percentile(0.95)
        criticality = criticalCounts.map { Double($0) / Double(totals.count) }
    }
}
