/// All pending work in a landscape, its efforts resolved, and the order it must happen in.
///
/// **Efforts.** An item's written effort is used as is. One without is given the effort of
/// the first `estimates` rule that matches it, or else the component-wise median of the
/// written efforts of pending items of its kind; either way it is marked `estimated`.
///
/// **Precedence** (what must finish before what): every explicit `after` link between
/// pending items; a pending flow waits for a planned system at either end; and the lineage
/// rule: pending flow g precedes pending flow f when `g.to == f.from`, `g.from` and `f.to`
/// lie in different strongly connected components of the flow graph (so two-way syncs make no
/// cycle), and g feeds f: g has no labels or carries one of W, f's labels translated through
/// the `derives` of the system they share (*all* when f has none). The lineage rule can relate
/// every flow into a hub with every flow out of it, so it is stored through zero-length
/// junctions (``FeedJunctions``) instead of pair by pair, O(F × labels) edges in all. A cycle
/// is an error (``PrecedenceCycleError``).
///
/// O(S + (F + after links) × labels) time and space, plus Tarjan's algorithm for the cycle
/// check.
///
/// ```swift
/// let plan = try WorkPlan(LandscapeIndex(landscape)) // inside the package, on a checked landscape
/// plan.items.count
/// ```
package struct WorkPlan: Sendable {
    public let index: LandscapeIndex
    /// Pending items: planned systems, pending flows, pending gates, in model order.
    public let items: [WorkItem]
    /// The item of each system, flow and gate; `LandscapeIndex.none` when it is not pending.
    public let systemItem: [UInt32]
    public let flowItem: [UInt32]
    public let gateItem: [UInt32]
    /// Nodes `0..<items.count` are items, the rest lineage junctions; edges run from the
    /// work that must finish first to the work that waits.
    public let precedence: DirectedGraph
    public let predecessors: DirectedGraph
    /// Each node's position in one topological order of `precedence`, and the node at each
    /// position.
    public let topologicalRank: [UInt32]
    let nodeAtRank: [UInt32]
    /// Each item's position when all items are sorted by id: sorting by it sorts by id,
    /// without comparing strings again.
    public let idRank: [UInt32]
    let itemAtIDRank: [UInt32]
    /// Columns of `items`, read in hot loops without copying whole items: owning team
    /// (`LandscapeIndex.none` for none), kind, and entity index.
    public let itemOwner: [UInt32]
    /// Items already under way (flows `in-progress`): their finish, not their start, waits
    /// for what precedes them.
    public let startedItems: Bitset
    public let itemKind: [EntityKind]
    public let itemEntity: [UInt32]

    /// Built while validating (``ValidatedLandscape``), which reports a cycle as a located error.
    package init(_ index: LandscapeIndex) throws(PrecedenceCycleError) {
        self.index = index
        let landscape = index.landscape
        let pending = landscape.pendingItems { flow in
            let owner = index.flowOwner[flow]
            return owner == LandscapeIndex.none ? nil : landscape.teams[Int(owner)].id
        }
        items = Self.resolveEfforts(pending, rules: landscape.estimates, index: index)
        var systemItem = [UInt32](repeating: LandscapeIndex.none, count: index.systemCount)
        var flowItem = [UInt32](repeating: LandscapeIndex.none, count: index.flowCount)
        var gateItem = [UInt32](repeating: LandscapeIndex.none, count: landscape.gates.count)
        // Columns first, read by index below: copying whole items costs reference counting.
        let itemKind = items.map(\.kind), itemEntity = items.map(\.entity)
        for position in items.indices {
            let entity = Int(itemEntity[position])
            switch itemKind[position] {
            case .system: systemItem[entity] = UInt32(position)
            case .flow: flowItem[entity] = UInt32(position)
            default: gateItem[entity] = UInt32(position)
            }
        }
        self.systemItem = systemItem
        self.flowItem = flowItem
        self.gateItem = gateItem

        let (edges, nodeCount) = Self.precedenceEdges(
            pending: pending, itemKind: itemKind, itemEntity: itemEntity, index: index,
            items: (systemItem, flowItem, gateItem))
        precedence = DirectedGraph(nodeCount: nodeCount, edges: edges)
        predecessors = precedence.reversed()

        let components = StronglyConnectedComponents(precedence)
        for node in 0..<UInt32(items.count) where components.isOnCycle(node, in: precedence) {
            if let cycle = components.shortestCycle(through: node, in: precedence) {
                throw Self.describe(cycle: cycle, items: items, pending: pending, index: index)
            }
        }
        // Tarjan numbers components in reverse topological order; every component is one node.
        let ranks = components.componentOfNode.map { UInt32(nodeCount - 1) - $0 }
        topologicalRank = ranks
        var nodeAtRank = [UInt32](repeating: 0, count: nodeCount)
        for (node, rank) in ranks.enumerated() { nodeAtRank[Int(rank)] = UInt32(node) }
        self.nodeAtRank = nodeAtRank
        let items = self.items
        var idRank = [UInt32](repeating: 0, count: items.count)
        let byID = IdentifierOrder.sortedPositions(items.map(\.id))
        for (rank, item) in byID.enumerated() { idRank[item] = UInt32(rank) }
        self.idRank = idRank
        itemAtIDRank = byID.map { UInt32($0) }
        itemOwner = Self.owners(itemKind: itemKind, itemEntity: itemEntity, index: index)
        self.itemKind = itemKind
        self.itemEntity = itemEntity
        var started = Bitset(count: items.count)
        for position in items.indices
        where itemKind[position] == .flow
            && landscape.flows[Int(itemEntity[position])].status == .inProgress
        {
            started.insert(UInt32(position))
        }
        startedItems = started
    }

    /// The precedence links between pending items, by the three rules: `after` links; a
    /// planned system before the flows into and out of it; a flow after the flows that feed
    /// its source (through junctions, ``FeedJunctions``). Returns them with the node count
    /// (items, then junctions).
    private static func precedenceEdges(
        pending: [PendingItem], itemKind: [EntityKind], itemEntity: [UInt32], index: LandscapeIndex,
        items: (system: [UInt32], flow: [UInt32], gate: [UInt32])
    ) -> (edges: [(UInt32, UInt32)], nodeCount: Int) {
        var edges: [(UInt32, UInt32)] = []
        for position in pending.indices where !pending[position].after.isEmpty {
            for reference in pending[position].after {
                if let before = Self.item(
                    named: reference.id, index: index, systemItem: items.system, flowItem: items.flow,
                    gateItem: items.gate)
                {
                    edges.append((before, UInt32(position)))
                }
            }
        }
        for position in itemKind.indices where itemKind[position] == .flow {
            let flow = Int(itemEntity[position])
            for end in [index.flowSource[flow], index.flowTarget[flow]] where items.system[Int(end)] != LandscapeIndex.none {
                edges.append((items.system[Int(end)], UInt32(position)))
            }
        }
        var junctions = FeedJunctions(index: index, flowItem: items.flow, firstNode: itemKind.count)
        for system in 0..<UInt32(index.systemCount) { junctions.link(at: system, into: &edges) }
        return (edges, junctions.nextNode)
    }

    /// Each item's owner team: its system's, its flow's (``LandscapeIndex/flowOwner``) or its gate's.
    private static func owners(itemKind: [EntityKind], itemEntity: [UInt32], index: LandscapeIndex) -> [UInt32] {
        let teams = index.teamIndex
        let gateOwner = index.landscape.gates.map { $0.owner.flatMap { teams[$0.id] } ?? LandscapeIndex.none }
        return itemKind.indices.map { position in
            let entity = Int(itemEntity[position])
            return switch itemKind[position] {
            case .system: index.systemOwner[entity]
            case .flow: index.flowOwner[entity]
            default: gateOwner[entity]
            }
        }
    }

    /// The item a referenced model id names (an `after` link, a pilot's `flows`), if it is
    /// pending work: built while the plan is, before the id order exists.
    private static func item(
        named id: String, index: LandscapeIndex, systemItem: [UInt32], flowItem: [UInt32],
        gateItem: [UInt32]
    ) -> UInt32? {
        let item: UInt32? =
            if let system = index.systemIndex[id] {
                systemItem[Int(system)]
            } else if let flow = index.flowIndex(of: id) {
                flowItem[Int(flow)]
            } else if let gate = index.gateIndex[id] {
                gateItem[Int(gate)]
            } else {
                nil
            }
        return item == LandscapeIndex.none ? nil : item
    }

    /// The items a pilot waits for: pending items in its lineage, those named by its `after`
    /// and `flows`, and, transitively, every pending predecessor of those. Node ids
    /// (junctions included), in topological order. O(size of the result + its edges), plus
    /// a sort.
    public func work(for pilot: Pilot, lineage: Lineage) -> [UInt32] {
        // Marked by topological rank, so reading the marks in order is the topological order.
        var included = Bitset(count: precedence.nodeCount)
        var queue: [UInt32] = []
        func add(_ node: UInt32) {
            if node != LandscapeIndex.none, included.insert(topologicalRank[Int(node)]) { queue.append(node) }
        }
        for system in lineage.systems { add(systemItem[Int(system)]) }
        for flow in lineage.flows { add(flowItem[Int(flow)]) }
        for reference in pilot.after + pilot.flows {
            if let item = item(withID: reference.id) { add(item) }
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for position in predecessors.successorBounds(of: node) { add(predecessors.successor(at: position)) }
        }
        return included.map { nodeAtRank[Int($0)] }
    }

    /// The pending item a model id names, by binary search over the items in id order;
    /// O(log items) string comparisons.
    public func item(withID id: String) -> UInt32? {
        var low = 0, high = itemAtIDRank.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = itemAtIDRank[middle]
            if items[Int(candidate)].id == id { return candidate }
            if items[Int(candidate)].id < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Items in id order: those of `items` marked in a bitset over id ranks.
    func inIDOrder(_ marks: Bitset) -> [UInt32] {
        marks.map { itemAtIDRank[Int($0)] }
    }

    public func isJunction(_ node: UInt32) -> Bool { Int(node) >= items.count }

    /// The working day, counted from `start`, before which an item may not begin: for a
    /// blocked flow with an `until` date, the model calendar's working days from `start` to
    /// that date; `nil` for every other item. The analysis and the capacity plan both ask
    /// here.
    ///
    /// ```swift
    /// plan.releaseDay(ofItem: 4, from: start) // 31 for a flow blocked until 2027-01-15, from 2026-12-01
    /// ```
    public func releaseDay(ofItem item: Int, from start: CalendarDate) -> Double? {
        guard items.indices.contains(item), itemKind[item] == .flow else { return nil }
        let flow = index.landscape.flows[Int(itemEntity[item])]
        guard flow.status == .blocked, let until = flow.blockedUntil else { return nil }
        return Double(index.landscape.calendar.workingDays(from: start, until: until))
    }

    // MARK: - Efforts

    private static func resolveEfforts(_ pending: [PendingItem], rules: [EstimateRule], index: LandscapeIndex) -> [WorkItem] {
        var written: [EntityKind: [Effort]] = [:]
        for item in pending {
            if let effort = item.effort { written[item.kind, default: []].append(effort) }
        }
        var medians: [EntityKind: Effort] = [:]
        for (kind, efforts) in written { medians[kind] = median(of: efforts) }
        // Sources are worded once per rule and per kind, not once per item.
        let ruleSources = rules.map { "estimates rule at line \($0.position.line)" }
        var medianSources: [EntityKind: String] = [:]
        for kind in EntityKind.workKinds {
            let count = written[kind]?.count ?? 0
            medianSources[kind] =
                count > 0
                ? "median of \(count) estimated \(kind.rawValue)s"
                : "no estimated \(kind.rawValue)s to take a median of; taken as 0"
        }
        return pending.map { item in
            let entity = item.entity
            if let effort = item.effort {
                return WorkItem(
                    kind: item.kind, id: item.id, effort: effort, estimated: false, estimateSource: nil,
                    owner: item.owner, entity: entity)
            }
            if let rule = rules.firstIndex(where: { $0.matches(item) }) {
                return WorkItem(
                    kind: item.kind, id: item.id, effort: rules[rule].effort, estimated: true,
                    estimateSource: ruleSources[rule], owner: item.owner, entity: entity)
            }
            return WorkItem(
                kind: item.kind, id: item.id, effort: medians[item.kind] ?? .zero, estimated: true,
                estimateSource: medianSources[item.kind], owner: item.owner, entity: entity)
        }
    }

    /// The component-wise median of efforts (a single number counts as o = l = p).
    static func median(of efforts: [Effort]) -> Effort {
        func points(_ effort: Effort) -> (Double, Double, Double) {
            switch effort {
            case .days(let days): (days, days, days)
            case .estimate(let optimistic, let likely, let pessimistic): (optimistic, likely, pessimistic)
            }
        }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let all = efforts.map(points)
        let optimistic = median(all.map(\.0)), likely = median(all.map(\.1)), pessimistic = median(all.map(\.2))
        return optimistic == pessimistic ? .days(likely) : .estimate(optimistic: optimistic, likely: likely, pessimistic: pessimistic)
    }

    // MARK: - Cycles

    /// Turns a cycle of precedence nodes (each before the next) into waits-for order with the
    /// reason for each link.
    private static func describe(
        cycle: [UInt32], items: [WorkItem], pending: [PendingItem],
        index: LandscapeIndex
    ) -> PrecedenceCycleError {
        let itemNodes = cycle.filter { Int($0) < items.count }
        // Precedence runs from what finishes first; people read "x waits for y".
        let waiting = Array(itemNodes.reversed())
        var ids = waiting.map { items[Int($0)].id }
        // Junctions only link items, so a cycle always holds at least one.
        ids += ids.prefix(1)
        var links: [String] = []
        for (position, node) in waiting.enumerated() {
            let next = waiting[(position + 1) % waiting.count]
            let waiter = pending[Int(node)]
            let awaited = items[Int(next)]
            if waiter.after.contains(where: { $0.id == awaited.id }) {
                links.append("after")
            } else if awaited.kind == .system {
                links.append("implicit: a flow waits for its planned system")
            } else {
                links.append("implicit: lineage, '\(awaited.id)' feeds the source of '\(waiter.id)'")
            }
        }
        return PrecedenceCycleError(
            cycle: ids, position: waiting.first.map { pending[Int($0)].position } ?? .start,
            links: links)
    }
}
