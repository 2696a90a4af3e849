/// Articulation points and bridges of an undirected multigraph (Hopcroft & Tarjan 1973,
/// "Efficient algorithms for graph manipulation"), by depth-first search with low points,
/// run with an explicit stack. An edge is a bridge when deleting that one edge disconnects
/// its ends, so two edges between the same pair, in either direction, are never bridges:
/// the search skips only the edge it arrived by, not every edge back to the parent.
/// O(n + m) time and space.
///
/// ```swift
/// // 0 - 1 - 2, with edges numbered 0 and 1
/// let cuts = Biconnectivity(nodeCount: 3, edges: [(0, 1), (1, 2)])
/// cuts.articulationPoints // [1]
/// cuts.bridges            // [0, 1]
/// ```
package struct Biconnectivity: Sendable {
    /// Nodes whose removal disconnects their component, ascending.
    public let articulationPoints: [UInt32]
    /// Indices of edges whose removal disconnects their ends, ascending.
    public let bridges: [UInt32]

    /// - Parameter edges: endpoint pairs; direction is ignored, self-loops are ignored.
    public init(nodeCount: Int, edges: [(UInt32, UInt32)]) {
        var incidence: [(UInt32, UInt32)] = []
        incidence.reserveCapacity(edges.count * 2)
        for (index, edge) in edges.enumerated() where edge.0 != edge.1 {
            incidence.append((edge.0, UInt32(index)))
            incidence.append((edge.1, UInt32(index)))
        }
        let incident = CompressedRows(rowCount: nodeCount, entries: incidence)
        let unvisited = UInt32.max
        var discovery = [UInt32](repeating: unvisited, count: nodeCount)
        var low = [UInt32](repeating: 0, count: nodeCount)
        var isArticulation = [Bool](repeating: false, count: nodeCount)
        var bridges: [UInt32] = []
        var time: UInt32 = 0
        var stack: [(node: UInt32, arrivedBy: UInt32, next: Int)] = []

        for root in 0..<UInt32(nodeCount) where discovery[Int(root)] == unvisited {
            discovery[Int(root)] = time
            low[Int(root)] = time
            time += 1
            var rootChildren = 0
            stack.append((root, unvisited, 0))
            while let frame = stack.last {
                let node = frame.node
                // Positions, not a row slice: a slice per step costs reference counting.
                let edgesHere = incident.bounds(of: Int(node))
                if frame.next < edgesHere.count {
                    stack[stack.count - 1].next += 1
                    let edge = incident.value(at: edgesHere.lowerBound + frame.next)
                    if edge == frame.arrivedBy { continue }
                    let (a, b) = edges[Int(edge)]
                    let other = a == node ? b : a
                    if discovery[Int(other)] == unvisited {
                        discovery[Int(other)] = time
                        low[Int(other)] = time
                        time += 1
                        if node == root { rootChildren += 1 }
                        stack.append((other, edge, 0))
                    } else {
                        low[Int(node)] = min(low[Int(node)], discovery[Int(other)])
                    }
                    continue
                }
                stack.removeLast()
                guard let parent = stack.last?.node else { continue }
                low[Int(parent)] = min(low[Int(parent)], low[Int(node)])
                if low[Int(node)] > discovery[Int(parent)] { bridges.append(frame.arrivedBy) }
                if parent != root, low[Int(node)] >= discovery[Int(parent)] { isArticulation[Int(parent)] = true }
            }
            if rootChildren > 1 { isArticulation[Int(root)] = true }
        }
        articulationPoints = isArticulation.indices.filter { isArticulation[$0] }.map { UInt32($0) }
        self.bridges = bridges.sorted()
    }
}
