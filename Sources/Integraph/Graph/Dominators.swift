/// Immediate dominators of a directed graph from a root, by the iterative algorithm of
/// Cooper, Harvey & Kennedy (2001, "A simple, fast dominance algorithm"): repeat, in reverse
/// postorder, idom(b) = the common ancestor in the dominator tree of b's processed
/// predecessors, until nothing changes. Postorder comes from an iterative depth-first
/// search. O(n + m) per round; few rounds on the graphs seen here.
///
/// ```swift
/// // root 0 → 1 → 3, 0 → 2 → 3: only the root dominates 3.
/// let tree = Dominators(DirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (1, 3), (2, 3)]), root: 0)
/// tree.immediateDominator(of: 3) // 0
/// ```
package struct Dominators: Sendable {
    private let idom: [UInt32]
    private static let none = UInt32.max

    public init(_ graph: DirectedGraph, root: UInt32) {
        let n = graph.nodeCount
        var postorderNumber = [UInt32](repeating: Self.none, count: n)
        var postorder: [UInt32] = []
        var visited = [Bool](repeating: false, count: n)
        var stack: [(node: UInt32, next: Int)] = [(root, 0)]
        visited[Int(root)] = true
        while let frame = stack.last {
            let successors = graph.successorBounds(of: frame.node)
            if frame.next < successors.count {
                stack[stack.count - 1].next += 1
                let next = graph.successor(at: successors.lowerBound + frame.next)
                if !visited[Int(next)] {
                    visited[Int(next)] = true
                    stack.append((next, 0))
                }
                continue
            }
            stack.removeLast()
            postorderNumber[Int(frame.node)] = UInt32(postorder.count)
            postorder.append(frame.node)
        }
        let predecessors = graph.reversed()
        var idom = [UInt32](repeating: Self.none, count: n)
        idom[Int(root)] = root
        var changed = true
        while changed {
            changed = false
            for node in postorder.reversed() where node != root {
                var newIdom = Self.none
                for position in predecessors.successorBounds(of: node) {
                    let predecessor = predecessors.successor(at: position)
                    guard idom[Int(predecessor)] != Self.none else { continue }
                    newIdom =
                        newIdom == Self.none
                        ? predecessor
                        : Self.intersect(predecessor, newIdom, idom: idom, postorderNumber: postorderNumber)
                }
                if newIdom != Self.none, idom[Int(node)] != newIdom {
                    idom[Int(node)] = newIdom
                    changed = true
                }
            }
        }
        self.idom = idom
    }

    private static func intersect(_ a: UInt32, _ b: UInt32, idom: [UInt32], postorderNumber: [UInt32]) -> UInt32 {
        var a = a, b = b
        while a != b {
            while postorderNumber[Int(a)] < postorderNumber[Int(b)] { a = idom[Int(a)] }
            while postorderNumber[Int(b)] < postorderNumber[Int(a)] { b = idom[Int(b)] }
        }
        return a
    }

    /// The immediate dominator; the root for the root itself; `nil` when unreachable.
    public func immediateDominator(of node: UInt32) -> UInt32? {
        idom[Int(node)] == Self.none ? nil : idom[Int(node)]
    }

    /// Every node that dominates `node`, nearest first, ending with the root; the node
    /// itself is not included. Empty when unreachable or the root.
    public func dominators(of node: UInt32) -> [UInt32] {
        var result: [UInt32] = []
        var current = node
        while let parent = immediateDominator(of: current), parent != current {
            result.append(parent)
            current = parent
        }
        return result
    }
}
