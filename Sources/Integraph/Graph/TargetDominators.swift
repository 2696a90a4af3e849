/// The dominators of one target: the nodes that every path from the root to the target
/// passes through. For a single target this needs no dominator tree. Every dominator lies
/// on any one root–target path p₀ … p_k, and path node p_j is bypassed exactly when some
/// earlier p_i reaches a later p_l (i < j < l) through nodes off the path. So: find one path
/// by breadth-first search, then sweep it from the root, exploring from each p_i the off-path
/// nodes not yet seen and keeping the farthest path position reached; p_j dominates when that
/// farthest position, before p_j is explored, is j itself. A node first seen from p_i need
/// not be explored again from a later p_i′: whatever it reaches already counts from p_i,
/// which bypasses more; and once the sweep reaches the target around the path, no later path
/// node can dominate, so it stops there. O(n + m) time and O(n) space: the (s, t)-cut-vertex problem solved
/// along one path. ``Dominators`` (Cooper–Harvey–Kennedy) gives the whole dominator tree and
/// is this type's second method in the tests, with deletion as the third.
///
/// ```swift
/// // 0 → 1 → 2 → 4 and 0 → 3 → 2: every path to 4 passes through 2.
/// let graph = DirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 4), (0, 3), (3, 2)])
/// TargetDominators(of: 4, from: 0, in: graph).dominators // [2]
/// ```
package struct TargetDominators: Sendable {
    /// The dominators other than the root and the target, nearest the root first; empty
    /// when the target is unreachable.
    public let dominators: [UInt32]
    /// Whether the target can be reached from the root at all.
    public let isReachable: Bool

    public init(of target: UInt32, from root: UInt32, in graph: some SuccessorGraph) {
        let none = UInt32.max
        var parent = [UInt32](repeating: none, count: graph.nodeCount)
        parent[Int(root)] = root
        var queue: [UInt32] = [root]
        var head = 0
        search: while head < queue.count {
            let node = queue[head]
            head += 1
            var found = false
            graph.forEachSuccessor(of: node) { next in
                guard !found, parent[Int(next)] == none else { return }
                parent[Int(next)] = node
                queue.append(next)
                if next == target { found = true }
            }
            if found { break search }
        }
        guard root == target || parent[Int(target)] != none else {
            self.init(path: [], in: graph)
            return
        }
        var path: [UInt32] = [target]
        while let last = path.last, last != root { path.append(parent[Int(last)]) }
        self.init(path: path.reversed(), in: graph)
    }

    /// The sweep alone, along a path the caller already has: `path` runs from the root to
    /// the target along edges of `graph` (empty: the target is unreachable).
    public init(path: [UInt32], in graph: some SuccessorGraph) {
        isReachable = !path.isEmpty
        // Path nodes hold their position; other nodes are unseen or seen.
        let unseen = UInt32.max, seen = UInt32.max - 1
        var mark = [UInt32](repeating: unseen, count: graph.nodeCount)
        for (position, node) in path.enumerated() { mark[Int(node)] = UInt32(position) }
        let last = path.count - 1
        var result: [UInt32] = []
        var farthest = 0
        var stack: [UInt32] = []
        sweep: for (position, node) in path.enumerated().dropLast() {
            if position > 0 && farthest <= position { result.append(node) }
            stack.append(node)
            while let current = stack.popLast() {
                graph.forEachSuccessor(of: current) { next in
                    let value = mark[Int(next)]
                    if value == unseen {
                        mark[Int(next)] = seen
                        stack.append(next)
                    } else if value != seen, Int(value) > farthest {
                        farthest = Int(value)
                    }
                }
                // Once the target is reached around the path, no later path node dominates.
                if farthest == last { break sweep }
            }
        }
        dominators = result
    }
}
