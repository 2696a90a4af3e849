import Foundation

/// Betweenness centrality of every node of a directed, unweighted graph, by Brandes'
/// algorithm (Brandes 2001, "A faster algorithm for betweenness centrality"): one
/// breadth-first search per source, then dependencies accumulated in reverse BFS order.
/// Not normalised; parallel edges count once. O(n·m) time for exact values, O(n + m) space
/// per thread. Sources are split into contiguous blocks, one per core, and the blocks' sums
/// are added in block order, so the result does not depend on thread timing.
///
/// With `sampleSize` set, only that many sources, drawn with a seeded generator, are used
/// and the sums are scaled by n / sampleSize (Brandes & Pich 2007): an unbiased estimate.
///
/// ```swift
/// let graph = DirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
/// Betweenness(graph).values // [0, 1, 0]
/// ```
package struct Betweenness: Sendable {
    public let values: [Double]
    /// The number of sources used; equal to the node count when exact.
    public let sourceCount: Int
    public var isExact: Bool { sourceCount == values.count }

    public init(_ graph: DirectedGraph, sampleSize: Int? = nil, seed: UInt64 = 1) {
        let n = graph.nodeCount
        let simple = Self.simplified(graph)
        let reverse = simple.reversed()
        var sources = Array(0..<UInt32(n))
        var scale = 1.0
        if let sampleSize, sampleSize < n {
            var random = SeededRandom(seed: seed)
            // Partial Fisher–Yates: the first sampleSize entries become a uniform sample.
            for position in 0..<sampleSize {
                let other = position + Int(random.next() % UInt64(n - position))
                sources.swapAt(position, other)
            }
            sources = Array(sources[0..<sampleSize]).sorted()
            scale = Double(n) / Double(sampleSize)
        }
        let blocks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, sources.count / 64 + 1))
        let chosen = sources
        let partials = ConcurrentSlots<[Double]>.map(blocks) { block in
            let lower = chosen.count * block / blocks
            let upper = chosen.count * (block + 1) / blocks
            return Self.accumulate(simple, reverse: reverse, sources: chosen[lower..<upper])
        }
        var values = [Double](repeating: 0, count: n)
        for partial in partials {
            for node in 0..<n { values[node] += partial[node] }
        }
        if scale != 1 { values = values.map { $0 * scale } }
        self.values = values
        self.sourceCount = chosen.count
    }

    private static func accumulate(
        _ graph: DirectedGraph, reverse: DirectedGraph,
        sources: ArraySlice<UInt32>
    ) -> [Double] {
        let n = graph.nodeCount
        var centrality = [Double](repeating: 0, count: n)
        var distance = [Int32](repeating: -1, count: n)
        var paths = [Double](repeating: 0, count: n)
        var dependency = [Double](repeating: 0, count: n)
        var order = [UInt32](repeating: 0, count: n)
        // Raw buffers: this loop runs S × (S + F) times, and slicing rows or checking
        // array bounds per step would cost more than the arithmetic.
        graph.withUnsafeStorage { offsets, targets in
            reverse.withUnsafeStorage { reverseOffsets, sourcesOf in
                centrality.withUnsafeMutableBufferPointer { centrality in
                    distance.withUnsafeMutableBufferPointer { distance in
                        paths.withUnsafeMutableBufferPointer { paths in
                            dependency.withUnsafeMutableBufferPointer { dependency in
                                order.withUnsafeMutableBufferPointer { order in
                                    for source in sources {
                                        let s = Int(source)
                                        distance[s] = 0
                                        paths[s] = 1
                                        order[0] = source
                                        var count = 1
                                        var head = 0
                                        while head < count {
                                            let node = Int(order[head])
                                            head += 1
                                            let next = distance[node] + 1
                                            let nodePaths = paths[node]
                                            for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                                                let target = Int(targets[edge])
                                                if distance[target] < 0 {
                                                    distance[target] = next
                                                    order[count] = UInt32(target)
                                                    count += 1
                                                }
                                                if distance[target] == next { paths[target] += nodePaths }
                                            }
                                        }
                                        var position = count - 1
                                        while position >= 0 {
                                            let node = Int(order[position])
                                            position -= 1
                                            let before = distance[node] - 1
                                            let share = (1 + dependency[node]) / paths[node]
                                            for edge in Int(reverseOffsets[node])..<Int(reverseOffsets[node + 1]) {
                                                let predecessor = Int(sourcesOf[edge])
                                                if distance[predecessor] == before { dependency[predecessor] += paths[predecessor] * share }
                                            }
                                            if node != s { centrality[node] += dependency[node] }
                                        }
                                        for position in 0..<count {
                                            let node = Int(order[position])
                                            distance[node] = -1
                                            paths[node] = 0
                                            dependency[node] = 0
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return centrality
    }

    /// The graph without parallel edges and self-loops.
    static func simplified(_ graph: DirectedGraph) -> DirectedGraph {
        var edges: [(UInt32, UInt32)] = []
        edges.reserveCapacity(graph.edgeCount)
        for node in 0..<UInt32(graph.nodeCount) {
            var previous: UInt32?
            for target in graph.successors(of: node).sorted() where target != node && target != previous {
                edges.append((node, target))
                previous = target
            }
        }
        return DirectedGraph(nodeCount: graph.nodeCount, edges: edges)
    }
}
