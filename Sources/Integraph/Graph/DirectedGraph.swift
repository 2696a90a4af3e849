/// A compact directed graph on nodes `0..<nodeCount`, stored as ``CompressedRows`` of
/// successors with 32-bit indices. Built once in O(n + m); `successors(of:)` is O(1) and
/// allocation-free.
///
/// Parallel edges and self-loops are kept as given; algorithms that need a simple graph
/// say so.
///
/// ```swift
/// let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
/// graph.successors(of: 1) // [2]
/// ```
package struct DirectedGraph: Sendable {
    package typealias Node = UInt32

    private let rows: CompressedRows

    public init(nodeCount: Int, edges: some Collection<(Node, Node)>) {
        rows = CompressedRows(rowCount: nodeCount, entries: edges)
    }

    /// A graph over rows built elsewhere: row n lists node n's successors.
    init(rows: CompressedRows) {
        self.rows = rows
    }

    public var nodeCount: Int { rows.rowCount }
    public var edgeCount: Int { rows.entryCount }

    public func successors(of node: Node) -> ArraySlice<Node> {
        rows[node]
    }

    /// Positions of a node's successors, read with ``successor(at:)`` in inner loops.
    @inline(__always)
    public func successorBounds(of node: Node) -> Range<Int> { rows.bounds(of: Int(node)) }

    @inline(__always)
    public func successor(at position: Int) -> Node { rows.value(at: position) }

    /// The successor lists as raw offsets and targets; see ``CompressedRows/withUnsafeStorage(_:)``.
    public func withUnsafeStorage<Result>(
        _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws -> Result
    ) rethrows -> Result {
        try rows.withUnsafeStorage(body)
    }

    /// The same graph with every edge turned round.
    public func reversed() -> DirectedGraph {
        var edges: [(Node, Node)] = []
        edges.reserveCapacity(edgeCount)
        for node in 0..<Node(nodeCount) {
            for next in successors(of: node) { edges.append((next, node)) }
        }
        return DirectedGraph(nodeCount: nodeCount, edges: edges)
    }
}
