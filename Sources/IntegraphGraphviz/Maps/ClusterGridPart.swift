extension ClusterGrid {
    /// One cluster laid out on its own by `dot`, left to right with its connected components
    /// packed, so that a domain of mostly unconnected systems fills a block, not a column.
    struct Part {
        /// The cluster's box: the layout, a margin and the band for its label.
        var box: Size
        /// The layout's lower-left corner, which positions are measured from.
        var origin: Point
        var centres: [String: Point] = [:]
        var sizes: [String: Size] = [:]
        /// Edges inside the cluster, by their index in the whole graph, as `dot` drew them.
        var edges: [(index: Int, pos: String)] = []

        static let edgeKey = "integraph_edge"

        init(cluster index: Int, of graph: DOTGraph, clusterOf: [String: Int]) throws(GraphvizError) {
            let cluster = graph.clusters[index]
            var alone = DOTGraph(
                name: "part", graphAttributes: ["rankdir": "LR", "nodesep": "0.35", "ranksep": "0.6", "pack": "12"],
                nodeDefaults: graph.nodeDefaults, edgeDefaults: graph.edgeDefaults, nodes: cluster.nodes)
            for (position, edge) in graph.edges.enumerated()
            where clusterOf[edge.from] == index && clusterOf[edge.to] == index && edge.attributes["ltail"] == nil {
                var inside = edge
                inside.attributes[Self.edgeKey] = String(position)
                // With components packed, dot places edge labels outside the layout; the grid
                // places them along the drawn curve instead.
                inside.attributes["label"] = nil
                alone.edges.append(inside)
            }
            let placed = try Graphviz.shared.layout(dot: DOTWriter().write(alone), engine: "dot")
            let bounds = (placed.attributes["bb"] ?? "").split(separator: ",").compactMap { Double($0) }
            let layout =
                bounds.count == 4
                ? Box(minX: bounds[0], minY: bounds[1], maxX: bounds[2], maxY: bounds[3])
                : Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
            origin = Point(x: layout.minX, y: layout.minY)
            // A long domain name must fit over the box.
            let labelWidth = Double((cluster.attributes["label"] ?? "").count) * 8
            box = Size(
                width: max(layout.width, labelWidth) + 2 * ClusterGrid.margin,
                height: layout.height + 2 * ClusterGrid.margin + ClusterGrid.labelBand)
            for node in placed.nodes {
                let numbers = (node.attributes["pos"] ?? "").split(separator: ",").compactMap { Double($0) }
                guard numbers.count == 2 else { continue }
                centres[node.name] = Point(x: numbers[0], y: numbers[1])
                sizes[node.name] = Size(node.attributes)
            }
            for edge in placed.edges {
                guard let position = edge.attributes[Self.edgeKey].flatMap({ Int($0) }), let pos = edge.attributes["pos"] else { continue }
                edges.append((position, pos))
            }
        }
    }
}
