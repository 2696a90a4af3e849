/// A validated landscape turned into compact, index-based arrays for the analyses: systems,
/// flows, teams and data labels numbered from 0, flows listed per system both ways, and the
/// strongly connected components of the flow graph. Built once in O(S + F + labels).
///
/// ```swift
/// let index = LandscapeIndex(landscape)
/// for flow in index.incomingFlows[index.systemIndex["snowflake"]!] { ... }
/// ```
public struct LandscapeIndex: Sendable {
    public let landscape: Landscape
    public let systemIndex: [String: UInt32]
    public let flowIndex: [String: UInt32]
    public let teamIndex: [String: UInt32]
    /// Flow endpoints, by flow index.
    public let flowSource: [UInt32]
    public let flowTarget: [UInt32]
    /// Each flow's data labels as sorted label numbers.
    public let flowLabels: [[UInt32]]
    public let labelIndex: [String: UInt32]
    /// Flow indices leaving and entering each system.
    public let outgoingFlows: CompressedRows
    public let incomingFlows: CompressedRows
    /// System → system, one edge per flow (parallel flows kept).
    public let flowGraph: DirectedGraph
    public let components: StronglyConnectedComponents
    /// The team owning each flow (its own or its target's), if any.
    public let flowOwner: [UInt32?]

    public init(_ landscape: Landscape) {
        self.landscape = landscape
        systemIndex = Self.numbered(landscape.systems.map(\.id))
        flowIndex = Self.numbered(landscape.flows.map(\.id))
        teamIndex = Self.numbered(landscape.teams.map(\.id))
        var labels: [String: UInt32] = [:]
        for label in Set(landscape.flows.flatMap(\.data)).sorted() {
            labels[label] = UInt32(labels.count)
        }
        labelIndex = labels
        var source: [UInt32] = []
        var target: [UInt32] = []
        var flowLabels: [[UInt32]] = []
        source.reserveCapacity(landscape.flows.count)
        target.reserveCapacity(landscape.flows.count)
        flowLabels.reserveCapacity(landscape.flows.count)
        for flow in landscape.flows {
            source.append(systemIndex[flow.from.id] ?? 0)
            target.append(systemIndex[flow.to.id] ?? 0)
            flowLabels.append(Set(flow.data.compactMap { labels[$0] }).sorted())
        }
        flowSource = source
        flowTarget = target
        self.flowLabels = flowLabels
        let systemCount = landscape.systems.count
        outgoingFlows = CompressedRows(rowCount: systemCount, entries: source.indices.lazy.map { (source[$0], UInt32($0)) })
        incomingFlows = CompressedRows(rowCount: systemCount, entries: target.indices.lazy.map { (target[$0], UInt32($0)) })
        flowGraph = DirectedGraph(nodeCount: systemCount, edges: source.indices.lazy.map { (source[$0], target[$0]) })
        components = StronglyConnectedComponents(flowGraph)
        let owners = landscape.flowOwners()
        let teams = teamIndex
        flowOwner = landscape.flows.map { owners[$0.id].flatMap { teams[$0] } }
    }

    public var systemCount: Int { landscape.systems.count }
    public var flowCount: Int { landscape.flows.count }

    private static func numbered(_ ids: [String]) -> [String: UInt32] {
        var result: [String: UInt32] = [:]
        result.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() where result[id] == nil {
            result[id] = UInt32(index)
        }
        return result
    }
}
