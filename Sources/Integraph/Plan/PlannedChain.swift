/// The items that set a pilot's ready day in a list schedule (``ListScheduler``): its
/// critical path with team capacity. Walking back from the pilot's last item to finish,
/// each step asks what held the item back until the moment it started (or, for an item
/// already under way, finished): a predecessor that finished just then, else another item
/// of its team whose hand came free just then; the walk stops at a start on day 0 or at a
/// release date nothing else explains. Ties go to the smaller item id.
///
/// With unlimited hands no item ever waits for a hand, and the walk is the critical path
/// method's chain of ``Schedule/criticalChain(predecessors:isEligible:precedes:)`` (tests
/// compare the two); with capacity, the chain may pass through another pilot's item that
/// held the team's only hand, which is what the pilot really waits for. O(chain length ×
/// predecessors) per pilot after an O(n log n) index of when each team's hands came free.
///
/// ```swift
/// let chains = PlannedChain(inputs, result: inputs.scheduler.run())
/// chains.chain(endingIn: inputs.pilots[0].work).items // item nodes, first to last
/// ```
struct PlannedChain {
    private let inputs: PlanInputs
    private let result: ListScheduler.Result
    /// For each team, its items as (the day the hand came free, id rank, node), sorted.
    private let handsFreed: [[(day: Double, rank: UInt32, node: Int)]]

    init(_ inputs: PlanInputs, result: ListScheduler.Result) {
        self.inputs = inputs
        self.result = result
        let plan = inputs.plan, scheduler = inputs.scheduler
        var handsFreed = [[(day: Double, rank: UInt32, node: Int)]](repeating: [], count: scheduler.capacities.count)
        for node in 0..<plan.items.count where !inputs.finishedNow[node] && scheduler.teams[node] != LandscapeIndex.none {
            handsFreed[Int(scheduler.teams[node])].append((result.start[node] + scheduler.durations[node], plan.idRank[node], node))
        }
        self.handsFreed = handsFreed.map { $0.sorted { ($0.day, $0.rank) < ($1.day, $1.rank) } }
    }

    /// The chain of items ending at the last of `work` to finish, first to last (empty when
    /// no pending item is left in it), and the items of it that started when the one before
    /// them freed its team's hand.
    func chain(endingIn work: [UInt32]) -> (items: [UInt32], waitedForHand: [UInt32]) {
        let plan = inputs.plan, scheduler = inputs.scheduler
        let tolerance = Schedule.tolerance
        var last: Int?
        for node in work.map(Int.init) where !plan.isJunction(UInt32(node)) && !inputs.finishedNow[node] {
            guard let best = last else {
                last = node
                continue
            }
            let later = result.finish[node] > result.finish[best] + tolerance
            let tied = abs(result.finish[node] - result.finish[best]) <= tolerance
            if later || (tied && plan.idRank[node] < plan.idRank[best]) { last = node }
        }
        guard var node = last else { return ([], []) }
        var chain = [UInt32(node)], waitedForHand: [UInt32] = []
        var visited = Bitset(count: scheduler.durations.count)
        visited.insert(UInt32(node))
        // Reached through a team's hand, an item matters from its start: the hand it held
        // came free at start + duration, whatever its finish waited for afterwards.
        var reachedByHand = false
        // Each step goes back along the precedence graph or to an earlier start, never to a
        // node seen before: bounded by the node count.
        for _ in 0..<scheduler.durations.count {
            // An item under way finishes when its predecessors do, if they finish after its
            // own work (finish-to-finish); otherwise, like any item, it waited only to start.
            let ownFinish = result.start[node] + scheduler.durations[node]
            let finishWaited = scheduler.started[node] && !reachedByHand && result.finish[node] > ownFinish + tolerance
            let time = finishWaited ? result.finish[node] : result.start[node]
            guard time > tolerance else { break }
            // Predecessors never hold back the start of an item under way: only a hand can.
            let before = finishWaited || !scheduler.started[node] ? predecessor(of: node, finishingAt: time) : nil
            guard let next = before ?? handFreed(before: node, at: time), visited.insert(UInt32(next)) else { break }
            reachedByHand = before == nil
            if reachedByHand { waitedForHand.append(UInt32(node)) }
            node = next
            chain.append(UInt32(node))
        }
        return (chain.reversed(), waitedForHand.reversed())
    }

    /// The predecessor item that finished at `time`, looking through junctions to the items
    /// that feed them, as the critical path method does; the smallest id on a tie.
    private func predecessor(of node: Int, finishingAt time: Double) -> Int? {
        let plan = inputs.plan
        var best: Int?
        func consider(_ candidate: Int) {
            guard !plan.isJunction(UInt32(candidate)), !inputs.finishedNow[candidate],
                abs(result.finish[candidate] - time) <= Schedule.tolerance
            else { return }
            if best.map({ plan.idRank[candidate] < plan.idRank[$0] }) ?? true { best = candidate }
        }
        for before in plan.predecessors.successors(of: UInt32(node)) {
            if plan.isJunction(before) {
                for fed in plan.predecessors.successors(of: before) { consider(Int(fed)) }
            } else {
                consider(Int(before))
            }
        }
        return best
    }

    /// Another item of the node's team whose hand came free at `time`, by binary search.
    private func handFreed(before node: Int, at time: Double) -> Int? {
        let team = inputs.scheduler.teams[node]
        guard team != LandscapeIndex.none else { return nil }
        let freed = handsFreed[Int(team)]
        var low = 0, high = freed.count
        while low < high {
            let middle = (low + high) / 2
            if freed[middle].day < time - Schedule.tolerance { low = middle + 1 } else { high = middle }
        }
        while low < freed.count, freed[low].day <= time + Schedule.tolerance {
            let candidate = freed[low].node
            if candidate != node && result.start[candidate] < time - Schedule.tolerance { return candidate }
            low += 1
        }
        return nil
    }
}
