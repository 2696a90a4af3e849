/// A compact directed graph on nodes `0..<nodeCount`, stored as compressed sparse rows:
/// one contiguous array of edge targets and one array of offsets into it, with 32-bit
/// indices. Built once in O(n + m); `successors(of:)` is O(1) and allocation-free.
///
/// Parallel edges and self-loops are kept as given; algorithms that need a simple graph
/// say so.
///
/// ```swift
/// let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
/// graph.successors(of: 1) // [2]
/// ```
public struct DirectedGraph: Sendable {
    public typealias Node = UInt32

    public let nodeCount: Int
    private let offsets: [UInt32]
    private let targets: [Node]

    /// Builds the graph from an edge list by counting sort on the source, so the
    /// successors of each node keep the order the edges were given in.
    public init(nodeCount: Int, edges: some Collection<(Node, Node)>) {
        precondition(nodeCount < Int(UInt32.max) && edges.count < Int(UInt32.max), "graph too large for 32-bit indices")
        self.nodeCount = nodeCount
        var offsets = [UInt32](repeating: 0, count: nodeCount + 1)
        for (source, _) in edges {
            offsets[Int(source) + 1] += 1
        }
        for node in 0..<nodeCount {
            offsets[node + 1] += offsets[node]
        }
        var cursor = offsets
        var targets = [Node](repeating: 0, count: edges.count)
        for (source, target) in edges {
            targets[Int(cursor[Int(source)])] = target
            cursor[Int(source)] += 1
        }
        self.offsets = offsets
        self.targets = targets
    }

    public var edgeCount: Int { targets.count }

    public func successors(of node: Node) -> ArraySlice<Node> {
        targets[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])]
    }
}
