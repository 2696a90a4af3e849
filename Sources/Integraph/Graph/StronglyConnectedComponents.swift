/// The strongly connected components of a ``DirectedGraph``, by Tarjan's algorithm
/// (Tarjan 1972, "Depth-first search and linear graph algorithms"), run with an explicit
/// stack so that a million-node chain cannot overflow the call stack.
///
/// O(n + m) time, O(n) extra space. Components are numbered in the order Tarjan's
/// algorithm completes them, which is a reverse topological order of the condensation:
/// every edge between two components goes from a higher number to a lower one.
///
/// ```swift
/// let graph = DirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 0), (1, 2), (2, 3)])
/// let scc = StronglyConnectedComponents(graph)
/// scc.count // 3
/// scc.component(of: 0) == scc.component(of: 1) // true
/// ```
package struct StronglyConnectedComponents: Sendable {
    /// The component number of each node.
    public let componentOfNode: [UInt32]
    /// The nodes of each component, in ascending order.
    public let members: [[DirectedGraph.Node]]

    public init(_ graph: DirectedGraph) {
        let unvisited = UInt32.max
        let n = graph.nodeCount
        var index = [UInt32](repeating: unvisited, count: n)
        var lowLink = [UInt32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var componentOfNode = [UInt32](repeating: 0, count: n)
        var members: [[DirectedGraph.Node]] = []
        var tarjanStack: [DirectedGraph.Node] = []
        // Each frame is a node and how many of its successors have been looked at.
        var callStack: [(node: DirectedGraph.Node, nextSuccessor: Int)] = []
        var nextIndex: UInt32 = 0
        // Numbers a node, puts it on Tarjan's stack, and starts looking at its successors.
        func discover(_ node: DirectedGraph.Node) {
            index[Int(node)] = nextIndex
            lowLink[Int(node)] = nextIndex
            nextIndex += 1
            tarjanStack.append(node)
            onStack[Int(node)] = true
            callStack.append((node, 0))
        }

        for root in 0..<UInt32(n) where index[Int(root)] == unvisited {
            discover(root)

            while let frame = callStack.last {
                let node = frame.node
                let successors = graph.successorBounds(of: node)
                if frame.nextSuccessor < successors.count {
                    callStack[callStack.count - 1].nextSuccessor += 1
                    let next = graph.successor(at: successors.lowerBound + frame.nextSuccessor)
                    if index[Int(next)] == unvisited {
                        discover(next)
                    } else if onStack[Int(next)] {
                        lowLink[Int(node)] = min(lowLink[Int(node)], index[Int(next)])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last {
                    lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[Int(node)])
                }
                if lowLink[Int(node)] == index[Int(node)] {
                    var component: [DirectedGraph.Node] = []
                    while let member = tarjanStack.popLast() {
                        onStack[Int(member)] = false
                        componentOfNode[Int(member)] = UInt32(members.count)
                        component.append(member)
                        if member == node { break }
                    }
                    members.append(component.sorted())
                }
            }
        }
        self.componentOfNode = componentOfNode
        self.members = members
    }

    public var count: Int { members.count }

    public func component(of node: DirectedGraph.Node) -> Int { Int(componentOfNode[Int(node)]) }

    /// A shortest cycle through `start` (its nodes in edge order, `start` first), found by
    /// breadth-first search that stays inside `start`'s component; `nil` when there is none.
    /// O(size of the component + its edges).
    public func shortestCycle(through start: DirectedGraph.Node, in graph: DirectedGraph) -> [DirectedGraph.Node]? {
        let component = self.component(of: start)
        var parent: [DirectedGraph.Node: DirectedGraph.Node] = [:]
        var queue: [DirectedGraph.Node] = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in graph.successors(of: node) where self.component(of: next) == component {
                if next == start {
                    var cycle = [node]
                    while let previous = parent[cycle[cycle.count - 1]] { cycle.append(previous) }
                    return Array(cycle.reversed())
                }
                if parent[next] == nil {
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        return nil
    }

    /// Whether `node` lies on a cycle: its component has several nodes, or it has a self-loop.
    public func isOnCycle(_ node: DirectedGraph.Node, in graph: DirectedGraph) -> Bool {
        members[component(of: node)].count > 1 || graph.successors(of: node).contains(node)
    }
}
