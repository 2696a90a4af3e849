/// A pilot's lineage read as the graph its dominators are defined on, without copying it:
/// the lineage's systems and flows, a virtual root joined to every system of each source
/// component (a strongly connected component of the lineage graph that no lineage flow
/// enters from outside), and a virtual sink fed by every needed system.
///
/// ```swift
/// let graph = LineageGraph(lineage, index: index)
/// TargetDominators(path: graph.pathToSink(), in: graph).dominators
/// ```
struct LineageGraph: SuccessorGraph {
    let index: LandscapeIndex
    let lineage: Lineage
    /// The systems the root is joined to.
    let sourceSystems: [UInt32]
    private let needed: Bitset
    private let isSource: Bitset

    init(_ lineage: Lineage, index: LandscapeIndex) {
        self.index = index
        self.lineage = lineage
        var needed = Bitset(count: index.systemCount)
        for system in lineage.neededSystems { needed.insert(system) }
        self.needed = needed
        sourceSystems = Self.sourceSystems(of: lineage, index: index)
        var isSource = Bitset(count: index.systemCount)
        for system in sourceSystems { isSource.insert(system) }
        self.isSource = isSource
    }

    var nodeCount: Int { index.systemCount + 2 }
    var root: UInt32 { UInt32(index.systemCount) }
    var sink: UInt32 { UInt32(index.systemCount + 1) }

    @inline(__always)
    func forEachSuccessor(of node: UInt32, _ body: (UInt32) -> Void) {
        if node == root {
            for system in sourceSystems { body(system) }
            return
        }
        guard node != sink else { return }
        for position in index.outgoingFlows.bounds(of: Int(node)) {
            let flow = index.outgoingFlows.value(at: position)
            if lineage.flows.contains(flow) { body(index.flowGraph.successor(at: position)) }
        }
        if needed.contains(node) { body(sink) }
    }

    /// One path from the root to the sink, found walking upstream breadth-first from the
    /// needed systems until a source system turns up, which in a landscape is usually a few
    /// steps; empty when no needed system is in the lineage.
    func pathToSink() -> [UInt32] {
        var downstream = [UInt32](repeating: LandscapeIndex.none, count: index.systemCount)
        var queue: [UInt32] = []
        for system in lineage.neededSystems where downstream[Int(system)] == LandscapeIndex.none {
            downstream[Int(system)] = sink
            queue.append(system)
        }
        var head = 0
        while head < queue.count {
            let system = queue[head]
            head += 1
            if isSource.contains(system) {
                var path = [root, system]
                while let last = path.last, last != sink { path.append(downstream[Int(last)]) }
                return path
            }
            for position in index.incomingFlows.bounds(of: Int(system)) where lineage.flows.contains(index.incomingFlows.value(at: position)) {
                let upstream = index.upstreamGraph.successor(at: position)
                if downstream[Int(upstream)] == LandscapeIndex.none {
                    downstream[Int(upstream)] = system
                    queue.append(upstream)
                }
            }
        }
        return []
    }

    /// When the lineage takes every flow into its systems (no data filter cut it short), its
    /// components are the landscape's and its source components are those no flow enters,
    /// already known; otherwise Tarjan's algorithm runs on the lineage itself.
    private static func sourceSystems(of lineage: Lineage, index: LandscapeIndex) -> [UInt32] {
        var closed = true
        check: for system in lineage.systems {
            for position in index.incomingFlows.bounds(of: Int(system))
            where !lineage.flows.contains(index.incomingFlows.value(at: position)) {
                closed = false
                break check
            }
        }
        if closed {
            return lineage.systems.filter { !index.enteredComponents.contains(UInt32(index.components.component(of: $0))) }
        }
        let systems = Array(lineage.systems)
        var local = [UInt32](repeating: LandscapeIndex.none, count: index.systemCount)
        for (position, system) in systems.enumerated() { local[Int(system)] = UInt32(position) }
        let edges: [(UInt32, UInt32)] = lineage.flows.map { flow in
            (local[Int(index.flowSource[Int(flow)])], local[Int(index.flowTarget[Int(flow)])])
        }
        let components = StronglyConnectedComponents(DirectedGraph(nodeCount: systems.count, edges: edges))
        var entered = Bitset(count: components.count)
        for (from, to) in edges where components.component(of: from) != components.component(of: to) {
            entered.insert(UInt32(components.component(of: to)))
        }
        return systems.indices.filter { !entered.contains(UInt32(components.component(of: UInt32($0)))) }.map { systems[$0] }
    }
}
