/// A view drawn as a graph, with its legend kept apart so each output can show the legend
/// its own way: a table node for Graphviz, a box of labelled nodes for Mermaid.
///
/// ```swift
/// let drawing = LandscapeMap().drawing(for: subject)
/// let dot = DOTWriter().write(drawing.graphWithLegend)
/// ```
package struct MapDrawing: Sendable {
    /// The view without its legend.
    public var graph: DOTGraph
    public var legend: MapLegend
    /// The legend's node id: one that no node of the view uses.
    public var legendID: String
    /// The legend's SVG element id: `legendID` behind the drawing's id prefix.
    public var legendElementID: String
    /// Why the drawing is not quite what was asked (a big landscape drawn as its domains),
    /// for the command line to say as well as the legend.
    public var notice: String?
    /// Whether the clusters are laid out as a grid of boxes (``ClusterGrid``) when the map
    /// is small enough for `dot` and no engine is forced.
    public var arrangesClustersInGrid = false
    /// Rank directions to try when `dot` lays the map out; the one whose layout comes
    /// closest to a 1.6 : 1 page is kept (a pilot's long chain of flows reads better top to
    /// bottom than as a strip). Empty: the graph's own `rankdir`.
    public var directionsToTry: [String] = []
    /// The edges that bundle edges (edges with `ltail`/`lhead` naming clusters) stand for:
    /// drawn instead of the bundles where clusters cannot be joined by an edge (engines
    /// other than `dot` and the grid, Mermaid).
    public var bundledEdges: [DOTEdge] = []

    /// The drawing with each bundle replaced by the edges it stands for.
    public func unbundled() -> MapDrawing {
        guard !bundledEdges.isEmpty else { return self }
        var copy = self
        copy.graph.edges = graph.edges.filter { $0.attributes["ltail"] == nil } + bundledEdges
        copy.bundledEdges = []
        copy.legend.remove(MapLegend.bundleMeaning)
        return copy
    }

    init(graph: DOTGraph, legend: MapLegend, avoiding taken: Set<String>) {
        self.graph = graph
        self.legend = legend
        legendID = MapLegend.id(avoiding: taken)
        legendElementID = legendID
    }

    /// The graph Graphviz draws: the view and its legend as a table node.
    public var graphWithLegend: DOTGraph {
        var graph = graph
        graph.nodes.append(legend.node(id: legendID, elementID: legendElementID))
        return graph
    }

    /// The same drawing with `prefix` before every element id (nodes, edges, clusters, the
    /// graph), so several maps can share one HTML page without clashing ids.
    public func prefixingIDs(_ prefix: String) -> MapDrawing {
        guard !prefix.isEmpty else { return self }
        var copy = self
        func prefixed(_ attributes: inout DOTAttributes) {
            if let id = attributes["id"] { attributes["id"] = prefix + id }
        }
        copy.graph.graphAttributes["id"] = prefix + "graph"
        for index in copy.graph.nodes.indices { prefixed(&copy.graph.nodes[index].attributes) }
        for index in copy.graph.edges.indices { prefixed(&copy.graph.edges[index].attributes) }
        for index in copy.bundledEdges.indices { prefixed(&copy.bundledEdges[index].attributes) }
        for index in copy.graph.clusters.indices {
            copy.graph.clusters[index].attributes["id"] = "\(prefix)cluster-\(index)"
            for node in copy.graph.clusters[index].nodes.indices { prefixed(&copy.graph.clusters[index].nodes[node].attributes) }
        }
        copy.legendElementID = prefix + legendID
        return copy
    }
}
