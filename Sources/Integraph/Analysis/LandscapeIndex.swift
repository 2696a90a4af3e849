/// A validated landscape turned into compact, index-based arrays for the analyses: systems,
/// flows, teams and data labels numbered from 0, flows listed per system both ways, and the
/// strongly connected components of the flow graph. Built once in O(S + F + labels), with
/// string-keyed dictionaries only for systems, teams, gates and the flows something refers
/// to by id: four million flow ids need not be hashed to analyse four million flows.
///
/// ```swift
/// let index = LandscapeIndex(landscape)
/// if let warehouse = index.systemIndex["snowflake"] {
///     print(index.incomingFlows[warehouse].count)
/// }
/// ```
public struct LandscapeIndex: Sendable {
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
    /// System → system, one edge per flow (parallel flows kept).
    public let flowGraph: DirectedGraph
    public let components: StronglyConnectedComponents
    /// Components that some flow enters from another component.
    public let enteredComponents: Bitset
    /// The team owning each flow (its own or its target's); `UInt32.max` for none. The same
    /// rule as ``Landscape/flowOwners()``, by index, so that no id-keyed dictionary of every
    /// flow is built.
    public let flowOwner: [UInt32]
    public let flowClassification: [Classification]
    /// The flows that pilots or `after` links name by id.
    private let referencedFlows: [String: UInt32]
    private let labelsOfFlows: CompressedRows

    public static let none = UInt32.max

    public init(_ landscape: Landscape) {
        self.landscape = landscape
        systemIndex = Self.numbered(landscape.systems.map(\.id))
        teamIndex = Self.numbered(landscape.teams.map(\.id))
        gateIndex = Self.numbered(landscape.gates.map(\.id))
        var labels: [String: UInt32] = [:]
        var labelEntries: [(UInt32, UInt32)] = []
        var source: [UInt32] = []
        var target: [UInt32] = []
        let flowCount = landscape.flows.count
        source.reserveCapacity(flowCount)
        target.reserveCapacity(flowCount)
        labelEntries.reserveCapacity(flowCount * 2)
        for (number, flow) in landscape.flows.enumerated() {
            source.append(systemIndex[flow.from.id] ?? 0)
            target.append(systemIndex[flow.to.id] ?? 0)
            var numbers: [UInt32] = []
            for label in flow.data {
                let next = UInt32(labels.count)
                let value = labels[label, default: next]
                if value == next { labels[label] = next }
                numbers.append(value)
            }
            numbers.sort()
            var previous: UInt32?
            for value in numbers where value != previous {
                labelEntries.append((UInt32(number), value))
                previous = value
            }
        }
        labelIndex = labels
        labelsOfFlows = CompressedRows(rowCount: flowCount, entries: labelEntries)
        flowSource = source
        flowTarget = target
        let systemCount = landscape.systems.count
        outgoingFlows = CompressedRows(rowCount: systemCount, entries: source.indices.lazy.map { (source[$0], UInt32($0)) })
        incomingFlows = CompressedRows(rowCount: systemCount, entries: target.indices.lazy.map { (target[$0], UInt32($0)) })
        flowGraph = DirectedGraph(nodeCount: systemCount, edges: source.indices.lazy.map { (source[$0], target[$0]) })
        components = StronglyConnectedComponents(flowGraph)
        var entered = Bitset(count: components.count)
        for (from, to) in zip(source, target) where components.component(of: from) != components.component(of: to) {
            entered.insert(UInt32(components.component(of: to)))
        }
        enteredComponents = entered

        let teams = teamIndex
        let systemOwner = landscape.systems.map { $0.owner.flatMap { teams[$0.id] } ?? Self.none }
        flowClassification = landscape.flows.map(\.classification)
        flowOwner = landscape.flows.indices.map { number in
            landscape.flows[number].owner.flatMap { teams[$0.id] } ?? systemOwner[Int(target[number])]
        }
        var wanted: Set<String> = []
        for pilot in landscape.pilots { wanted.formUnion(pilot.flows.map(\.id) + pilot.after.map(\.id)) }
        for system in landscape.systems where !system.after.isEmpty { wanted.formUnion(system.after.map(\.id)) }
        for flow in landscape.flows where !flow.after.isEmpty { wanted.formUnion(flow.after.map(\.id)) }
        for gate in landscape.gates where !gate.after.isEmpty { wanted.formUnion(gate.after.map(\.id)) }
        var referenced: [String: UInt32] = [:]
        if !wanted.isEmpty {
            for (number, flow) in landscape.flows.enumerated() where wanted.contains(flow.id) {
                referenced[flow.id] = UInt32(number)
            }
        }
        referencedFlows = referenced
    }

    public var systemCount: Int { landscape.systems.count }
    public var flowCount: Int { landscape.flows.count }

    /// A flow's data labels, as sorted label numbers.
    public func flowLabels(_ flow: UInt32) -> ArraySlice<UInt32> { labelsOfFlows[flow] }

    /// Whether a flow passes a lineage filter: it carries one of `labels`, or carries none.
    @inline(__always)
    public func flowCarriesAny(_ flow: UInt32, of labels: Bitset) -> Bool {
        let bounds = labelsOfFlows.bounds(of: Int(flow))
        if bounds.isEmpty { return true }
        for position in bounds where labels.contains(labelsOfFlows.value(at: position)) { return true }
        return false
    }

    /// Label numbers as a bitset, for ``flowCarriesAny(_:of:)``.
    public func labelSet(_ labels: some Sequence<UInt32>) -> Bitset {
        var set = Bitset(count: labelIndex.count)
        for label in labels { set.insert(label) }
        return set
    }

    /// The index of a flow that a pilot or an `after` link names.
    public func flowIndex(of id: String) -> UInt32? { referencedFlows[id] }

    private static func numbered(_ ids: [String]) -> [String: UInt32] {
        var result: [String: UInt32] = [:]
        result.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where result[id] == nil {
            result[id] = UInt32(index)
        }
        return result
    }
}
