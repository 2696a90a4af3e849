/// A Graphviz graph as plain values: the styled stage between a landscape and a layout.
///
/// Build one, turn it into text with ``DOTWriter``, and lay it out and render it with
/// ``Graphviz``. Every string in it is taken literally; the writer does all escaping.
///
/// ```swift
/// var graph = DOTGraph(name: "map")
/// graph.nodes.append(DOTNode(id: "crm", attributes: ["label": "CRM"]))
/// graph.nodes.append(DOTNode(id: "dwh", attributes: ["label": "Warehouse"]))
/// graph.edges.append(DOTEdge(from: "crm", to: "dwh"))
/// ```
package struct DOTGraph: Sendable, Hashable {
    public var name: String
    public var graphAttributes: DOTAttributes
    public var nodeDefaults: DOTAttributes
    public var edgeDefaults: DOTAttributes
    public var clusters: [DOTCluster]
    /// Nodes outside any cluster.
    public var nodes: [DOTNode]
    public var edges: [DOTEdge]

    public init(
        name: String, graphAttributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:], clusters: [DOTCluster] = [], nodes: [DOTNode] = [],
        edges: [DOTEdge] = []
    ) {
        self.name = name
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.clusters = clusters
        self.nodes = nodes
        self.edges = edges
    }
}

/// A node, named by the model id it stands for.
package struct DOTNode: Sendable, Hashable {
    public var id: String
    public var attributes: DOTAttributes
    /// A Graphviz HTML-like label (a table), written between `<` and `>` instead of quoted;
    /// it replaces any `label` attribute. Whoever builds it escapes the text in it
    /// (``DOTWriter/htmlEscaped(_:)``).
    public var htmlLabel: String?

    public init(id: String, attributes: DOTAttributes = [:], htmlLabel: String? = nil) {
        self.id = id
        self.attributes = attributes
        self.htmlLabel = htmlLabel
    }
}

/// A directed edge between two nodes.
package struct DOTEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var attributes: DOTAttributes

    public init(from: String, to: String, attributes: DOTAttributes = [:]) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A box of nodes that Graphviz keeps together, such as the systems of one domain.
package struct DOTCluster: Sendable, Hashable {
    public var attributes: DOTAttributes
    public var nodes: [DOTNode]

    public init(attributes: DOTAttributes = [:], nodes: [DOTNode] = []) {
        self.attributes = attributes
        self.nodes = nodes
    }
}
