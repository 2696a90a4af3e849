import Foundation

/// A validated landscape turned into compact, index-based arrays for the analyses: systems,
/// flows, teams and data labels numbered from 0, flows listed per system both ways, and the
/// strongly connected components of the flow graph. Built once in O(S + F + labels), with
/// string-keyed dictionaries only for systems, teams, gates and the flows something refers
/// to by id: four million flow ids need not be hashed to analyse four million flows.
///
/// ```swift
/// let index = validated.index
/// if let warehouse = index.systemIndex["snowflake"] {
///     print(index.incomingFlows[warehouse].count)
/// }
/// ```
package struct LandscapeIndex: Sendable {
    public let landscape: Landscape
    public let systemIndex: [String: UInt32]
    public let teamIndex: [String: UInt32]
    public let gateIndex: [String: UInt32]
    public let labelIndex: [String: UInt32]
    /// Flow endpoints, by flow index.
    public let flowSource: [UInt32]
    public let flowTarget: [UInt32]
    /// Flow indices leaving and entering each system.
    public let outgoingFlows: CompressedRows
    public let incomingFlows: CompressedRows
    /// System → system, one edge per flow (parallel flows kept). Its rows line up with
    /// `outgoingFlows`: position p of a system's row names the target of the flow at position p.
    public let flowGraph: DirectedGraph
    /// The same edges turned round, lined up with `incomingFlows` the same way, so walks
    /// upstream read each flow's source next to the flow instead of from a random place.
    public let upstreamGraph: DirectedGraph
    public let components: StronglyConnectedComponents
    /// Components that some flow enters from another component.
    public let enteredComponents: Bitset
    /// The team owning each flow (its own or its target's); `UInt32.max` for none. The same
    /// rule as ``Landscape/flowOwners()``, by index, so that no id-keyed dictionary of every
    /// flow is built.
    public let flowOwner: [UInt32]
    /// The team owning each system; `UInt32.max` for none.
    public let systemOwner: [UInt32]
    /// Each system's domain, numbered by first appearance; `UInt32.max` for none.
    public let systemDomain: [UInt32]
    public let domainCount: Int
    public let flowClassification: [Classification]
    /// Each system's `derives`, by label number: an outgoing label and the incoming labels
    /// it is built from. Only systems that declare some are present.
    public let derivations: [UInt32: [UInt32: [UInt32]]]
    /// The flows that pilots or `after` links name by id.
    private let referencedFlows: [String: UInt32]
    private let labelsOfFlows: CompressedRows

    public static let none = UInt32.max

    /// Only for landscapes validation has passed: an id that resolves to nothing would be
    /// read as system 0. Code outside the package gets a validated one from
    /// ``ValidatedLandscape/index``.
    package init(_ landscape: Landscape) {
        self.init(landscape, flowsPerBlock: 100_000)
    }

    /// `flowsPerBlock`: the fewest flows worth a core of their own; tests lower it.
    init(_ landscape: Landscape, flowsPerBlock: Int) {
        self.landscape = landscape
        systemIndex = Self.numbered(landscape.systems.map(\.id))
        teamIndex = Self.numbered(landscape.teams.map(\.id))
        gateIndex = Self.numbered(landscape.gates.map(\.id))
        let teams = teamIndex
        let systemOwner = landscape.systems.map { $0.owner.flatMap { teams[$0.id] } ?? Self.none }
        self.systemOwner = systemOwner
        (systemDomain, domainCount) = Self.domains(landscape)

        let context = FlowBlock.Context(
            systemIndex: systemIndex, teamIndex: teams, systemOwner: systemOwner, wanted: Self.referencedIDs(landscape))
        var flows = Self.readFlows(landscape.flows, context: context, flowsPerBlock: flowsPerBlock)
        derivations = Self.derivations(landscape, labels: &flows.labels)
        labelIndex = flows.labels
        labelsOfFlows = CompressedRows(rowCount: landscape.flows.count, entries: flows.labelEntries)
        flowSource = flows.source
        flowTarget = flows.target
        flowOwner = flows.owner
        flowClassification = flows.classification
        referencedFlows = flows.referenced

        let rows = Self.adjacency(source: flows.source, target: flows.target, systemCount: landscape.systems.count)
        outgoingFlows = rows.outgoing
        incomingFlows = rows.incoming
        flowGraph = rows.downstream
        upstreamGraph = rows.upstream
        components = StronglyConnectedComponents(flowGraph)
        var entered = Bitset(count: components.count)
        for (from, to) in zip(flows.source, flows.target) where components.component(of: from) != components.component(of: to) {
            entered.insert(UInt32(components.component(of: to)))
        }
        enteredComponents = entered
    }

    /// Each system's domain number (``none`` without one), domains numbered by first
    /// appearance, and how many there are.
    private static func domains(_ landscape: Landscape) -> (systemDomain: [UInt32], count: Int) {
        var domains: [String: UInt32] = [:]
        let systemDomain = landscape.systems.map { system in
            guard let domain = system.domain else { return Self.none }
            let next = UInt32(domains.count)
            let value = domains[domain, default: next]
            if value == next { domains[domain] = next }
            return value
        }
        return (systemDomain, domains.count)
    }

    /// Every flow's ends, owner, classification and labels, as columns.
    private struct FlowColumns {
        var source: [UInt32] = [], target: [UInt32] = [], owner: [UInt32] = []
        var classification: [Classification] = []
        /// (flow, label) pairs, each flow's labels sorted.
        var labelEntries: [(UInt32, UInt32)] = []
        var labels: [String: UInt32] = [:]
        /// Flows that `after` links and pilots name, by id.
        var referenced: [String: UInt32] = [:]
    }

    /// Reads flows in blocks on every core, then joins them in block order. Labels are
    /// numbered per block by first appearance and renumbered while joining, which gives
    /// the numbering one pass would.
    private static func readFlows(_ flows: [Flow], context: FlowBlock.Context, flowsPerBlock: Int) -> FlowColumns {
        let blocks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, flows.count / flowsPerBlock))
        let parts = ConcurrentSlots<FlowBlock>.map(blocks) { block in
            FlowBlock(flows[flows.count * block / blocks..<flows.count * (block + 1) / blocks], context: context)
        }
        var columns = FlowColumns()
        columns.source.reserveCapacity(flows.count)
        columns.target.reserveCapacity(flows.count)
        columns.owner.reserveCapacity(flows.count)
        columns.classification.reserveCapacity(flows.count)
        columns.labelEntries.reserveCapacity(parts.reduce(0) { $0 + $1.labelEntries.count })
        for part in parts {
            let renumbered = part.labelNames.map { name in
                let next = UInt32(columns.labels.count)
                let value = columns.labels[name, default: next]
                if value == next { columns.labels[name] = next }
                return value
            }
            let offset = UInt32(columns.source.count)
            columns.labelEntries += part.labelEntries.map { ($0.0 + offset, renumbered[Int($0.1)]) }
            for (id, flow) in part.referenced { columns.referenced[id] = flow + offset }
            columns.source += part.source
            columns.target += part.target
            columns.owner += part.owner
            columns.classification += part.classification
        }
        sortRuns(&columns.labelEntries)
        return columns
    }

    /// Flows by source and by target, and the flow graph both ways; the four are
    /// independent, built two at a time.
    private static func adjacency(
        source: [UInt32], target: [UInt32], systemCount: Int
    ) -> (outgoing: CompressedRows, incoming: CompressedRows, downstream: DirectedGraph, upstream: DirectedGraph) {
        let rows = ConcurrentSlots<CompressedRows>.map(4) { kind in
            switch kind {
            case 0: CompressedRows(rowCount: systemCount, entries: source.indices.lazy.map { (source[$0], UInt32($0)) })
            case 1: CompressedRows(rowCount: systemCount, entries: target.indices.lazy.map { (target[$0], UInt32($0)) })
            case 2: CompressedRows(rowCount: systemCount, entries: source.indices.lazy.map { (source[$0], target[$0]) })
            default: CompressedRows(rowCount: systemCount, entries: target.indices.lazy.map { (target[$0], source[$0]) })
            }
        }
        return (rows[0], rows[1], DirectedGraph(rows: rows[2]), DirectedGraph(rows: rows[3]))
    }

    /// The ids that `after` links and pilots' `flows` name: the only flows worth a lookup.
    private static func referencedIDs(_ landscape: Landscape) -> Set<String> {
        var wanted: Set<String> = []
        for pilot in landscape.pilots { wanted.formUnion(pilot.flows.map(\.id) + pilot.after.map(\.id)) }
        for system in landscape.systems where !system.after.isEmpty { wanted.formUnion(system.after.map(\.id)) }
        for flow in landscape.flows where !flow.after.isEmpty { wanted.formUnion(flow.after.map(\.id)) }
        for gate in landscape.gates where !gate.after.isEmpty { wanted.formUnion(gate.after.map(\.id)) }
        return wanted
    }

    /// Renumbering can reorder a flow's labels: puts each flow's run back in order.
    private static func sortRuns(_ entries: inout [(UInt32, UInt32)]) {
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].0 == entries[start].0 { end += 1 }
            if end - start > 1 { entries[start..<end].sort { $0.1 < $1.1 } }
            start = end
        }
    }

    /// Each system's `derives` by label number. Labels only needs and `derives` name are
    /// numbered after those flows carry: a demand for one matches no flow but still keeps
    /// unlabelled flows in a lineage.
    private static func derivations(_ landscape: Landscape, labels: inout [String: UInt32]) -> [UInt32: [UInt32: [UInt32]]] {
        func number(_ label: String) -> UInt32 {
            let next = UInt32(labels.count)
            let value = labels[label, default: next]
            if value == next { labels[label] = next }
            return value
        }
        for pilot in landscape.pilots {
            for need in pilot.needs { for label in need.data ?? [] { _ = number(label) } }
        }
        var derivations: [UInt32: [UInt32: [UInt32]]] = [:]
        for (position, system) in landscape.systems.enumerated() where !system.derives.isEmpty {
            var rules: [UInt32: [UInt32]] = [:]
            for output in system.derives.keys.sorted() {
                rules[number(output)] = Array(Set((system.derives[output] ?? []).map(number))).sorted()
            }
            derivations[UInt32(position)] = rules
        }
        return derivations
    }

    public var systemCount: Int { landscape.systems.count }
    public var flowCount: Int { landscape.flows.count }

    /// A flow's data labels, as sorted label numbers.
    public func flowLabels(_ flow: UInt32) -> ArraySlice<UInt32> { labelsOfFlows[flow] }

    /// Every flow's labels as rows, for loops over millions of flows that read them by
    /// position (``CompressedRows/bounds(of:)``) without a slice per flow.
    public var labelRows: CompressedRows { labelsOfFlows }

    /// The index of a flow that a pilot or an `after` link names.
    public func flowIndex(of id: String) -> UInt32? { referencedFlows[id] }

    /// One block of flows read: endpoints, owner and classification by flow, labels numbered
    /// within the block (flows counted from the block's start), and the referenced flows.
    private struct FlowBlock: Sendable {
        struct Context: Sendable {
            let systemIndex: [String: UInt32]
            let teamIndex: [String: UInt32]
            let systemOwner: [UInt32]
            let wanted: Set<String>
        }

        var source: [UInt32] = []
        var target: [UInt32] = []
        var owner: [UInt32] = []
        var classification: [Classification] = []
        var labelNames: [String] = []
        var labelEntries: [(UInt32, UInt32)] = []
        var referenced: [(String, UInt32)] = []

        init(_ flows: ArraySlice<Flow>, context: Context) {
            source.reserveCapacity(flows.count)
            target.reserveCapacity(flows.count)
            owner.reserveCapacity(flows.count)
            classification.reserveCapacity(flows.count)
            var numbers: [String: UInt32] = [:]
            var labels: [UInt32] = []
            // Fields are read through the slice, not from a copy of each flow: a copy costs
            // reference counting on every string and array in it, millions of times.
            for (number, position) in flows.indices.enumerated() {
                let to = context.systemIndex[flows[position].to.id] ?? 0
                source.append(context.systemIndex[flows[position].from.id] ?? 0)
                target.append(to)
                owner.append(
                    flows[position].owner(own: { context.teamIndex[$0.id] }, target: { context.systemOwner[Int(to)] })
                        ?? LandscapeIndex.none)
                classification.append(flows[position].classification)
                if !context.wanted.isEmpty, context.wanted.contains(flows[position].id) {
                    referenced.append((flows[position].id, UInt32(number)))
                }
                labels.removeAll(keepingCapacity: true)
                for label in flows[position].data {
                    let next = UInt32(labelNames.count)
                    let value = numbers[label, default: next]
                    if value == next {
                        numbers[label] = next
                        labelNames.append(label)
                    }
                    labels.append(value)
                }
                labels.sort()
                var previous: UInt32?
                for value in labels where value != previous {
                    labelEntries.append((UInt32(number), value))
                    previous = value
                }
            }
        }
    }

    private static func numbered(_ ids: [String]) -> [String: UInt32] {
        var result: [String: UInt32] = [:]
        result.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where result[id] == nil {
            result[id] = UInt32(index)
        }
        return result
    }
}
