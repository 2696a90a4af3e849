/// A directed graph read one successor list at a time, for algorithms that can run on a
/// view (a subgraph given by bitsets, a graph with virtual nodes) without copying it into a
/// ``DirectedGraph`` first.
///
/// ```swift
/// let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (0, 2)])
/// graph.forEachSuccessor(of: 0) { print($0) } // 1, 2
/// ```
package protocol SuccessorGraph {
    var nodeCount: Int { get }
    func forEachSuccessor(of node: UInt32, _ body: (UInt32) -> Void)
}

extension DirectedGraph: SuccessorGraph {
    @inline(__always)
    public func forEachSuccessor(of node: UInt32, _ body: (UInt32) -> Void) {
        for position in successorBounds(of: node) { body(successor(at: position)) }
    }
}
