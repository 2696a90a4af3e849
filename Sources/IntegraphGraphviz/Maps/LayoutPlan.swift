/// Which Graphviz engine lays a map out, decided from the graph's size and shape before
/// layout starts, so that a big map never hangs silently. `dot` draws flows in layers and
/// is best for pilots and small or layered maps, but its crossing minimisation takes over
/// a minute on 400 randomly connected nodes (../shared/GRAPHVIZ-NOTES.md); `sfdp` lays out
/// thousands of nodes in about a second. Shape is measured as back edges: edges that close
/// a cycle in a depth-first search in model order (iterative, O(n + m)).
///
/// - Automatic: `dot` up to 300 nodes; `dot` with bounded crossing minimisation up to
///   2,000 nodes when under 3 % of edges go back; otherwise `sfdp` with overlap removal,
///   and a notice saying so and suggesting the `domains` view.
/// - Clustered landscapes of up to 300 systems: a grid of clusters (``ClusterGrid``).
/// - Forced (`--engine`): that engine; `dot` on a graph the automatic rule would not give it
///   is bounded too, with a notice that it may be slow.
///
/// ```swift
/// let plan = LayoutPlan(for: drawing.graphWithLegend, requested: nil)
/// plan.engine // "dot" or "sfdp"
/// ```
package struct LayoutPlan: Sendable, Equatable {
    public static let engines = ["dot", "neato", "fdp", "sfdp", "circo", "twopi"]

    public let engine: String
    /// Graph attributes added for this engine.
    public let attributes: [String: String]
    /// What was decided and why, for stderr; `nil` when nothing needs saying.
    public let notice: String?
    public let nodeCount: Int
    public let edgeCount: Int
    public let backEdgeCount: Int

    public init(for graph: DOTGraph, requested: String?) {
        let shape = Self.shape(of: graph)
        nodeCount = shape.nodes
        edgeCount = shape.edges
        backEdgeCount = shape.back
        let size = "\(shape.nodes) nodes and \(shape.edges) edges (\(shape.back) closing cycles)"
        let small = shape.nodes <= 300
        let layered = shape.nodes <= 2_000 && Double(shape.back) <= 0.03 * Double(max(1, shape.edges))
        let bounded = ["mclimit": "0.3", "nslimit": "2", "nslimit1": "2", "searchsize": "20"]
        let spring = ["overlap": "prism", "overlap_scaling": "-4", "outputorder": "edgesfirst", "splines": "false"]
        switch requested {
        case "dot"?:
            engine = "dot"
            attributes = small ? [:] : bounded
            notice =
                small || layered
                ? nil
                : "dot on \(size) may take minutes; crossing minimisation is bounded (try --engine sfdp or --view domains)"
        case let other?:
            engine = other
            attributes = other == "sfdp" ? spring : [:]
            notice = nil
        case nil where small:
            engine = "dot"
            attributes = [:]
            notice = nil
        case nil where layered:
            engine = "dot"
            attributes = bounded
            notice = "laying out \(size) with dot, crossing minimisation bounded"
        case nil:
            engine = "sfdp"
            attributes = spring
            notice =
                "the map has \(size), too tangled for dot (it can take minutes): laid out with sfdp; "
                + "for an overview try --view domains, or force an engine with --engine"
        }
    }

    /// The plan for a clustered map placed by ``ClusterGrid``: each cluster laid out by
    /// `dot` on its own, every position then given, so Graphviz only renders (`nop2`).
    init(placingClustersOf base: LayoutPlan) {
        engine = ClusterGrid.engine
        attributes = [:]
        notice = nil
        nodeCount = base.nodeCount
        edgeCount = base.edgeCount
        backEdgeCount = base.backEdgeCount
    }

    private static func shape(of graph: DOTGraph) -> (nodes: Int, edges: Int, back: Int) {
        var number: [String: Int] = [:]
        for node in graph.clusters.flatMap(\.nodes) + graph.nodes where number[node.id] == nil { number[node.id] = number.count }
        for edge in graph.edges {
            for end in [edge.from, edge.to] where number[end] == nil { number[end] = number.count }
        }
        var successors = [[Int]](repeating: [], count: number.count)
        for edge in graph.edges {
            if let from = number[edge.from], let to = number[edge.to] { successors[from].append(to) }
        }
        // 0 unvisited, 1 on the stack, 2 done.
        var state = [UInt8](repeating: 0, count: number.count)
        var back = 0
        for root in 0..<number.count where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < successors[top.node].count {
                    stack[stack.count - 1].next += 1
                    let next = successors[top.node][top.next]
                    if state[next] == 1 {
                        back += 1
                    } else if state[next] == 0 {
                        state[next] = 1
                        stack.append((next, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return (number.count, graph.edges.count, back)
    }
}
