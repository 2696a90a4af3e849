/// A view drawn as a graph, with its legend kept apart so each output can show the legend
/// its own way: a table node for Graphviz, a box of labelled nodes for Mermaid.
///
/// ```swift
/// let drawing = LandscapeMap().drawing(for: subject)
/// let dot = DOTWriter().write(drawing.graphWithLegend)
/// ```
public struct MapDrawing: Sendable {
    /// The view without its legend.
    public var graph: DOTGraph
    public var legend: MapLegend
    /// The legend's node id: one that no node of the view uses.
    public var legendID: String

    init(graph: DOTGraph, legend: MapLegend, avoiding taken: Set<String>) {
        self.graph = graph
        self.legend = legend
        legendID = MapLegend.id(avoiding: taken)
    }

    /// The graph Graphviz draws: the view and its legend as a table node.
    public var graphWithLegend: DOTGraph {
        var graph = graph
        graph.nodes.append(legend.node(id: legendID))
        return graph
    }
}
