/// A graph as a DOT file states it, read by libcgraph: its nodes, edges and clusters with
/// the attributes written on them, in the order the file creates them. A plain value: the
/// cgraph graph it was read from is closed.
///
/// ```swift
/// let document = try Graphviz.shared.read(dot: "digraph { subgraph cluster_a { label=Sales; crm } crm -> dwh }")
/// document.clusters.first?.members // ["crm"]
/// ```
package struct DOTDocument: Sendable {
    package struct Node: Sendable {
        public let name: String
        /// Attributes with a non-empty value, the graph's defaults included.
        public let attributes: [String: String]
    }

    package struct Edge: Sendable {
        public let tail: String
        public let head: String
        public let attributes: [String: String]
    }

    /// A subgraph whose name starts with `cluster`, outer ones before the ones inside them.
    package struct Cluster: Sendable {
        public let name: String
        public let label: String?
        public let members: [String]
    }

    public let name: String
    public let isDirected: Bool
    /// The root graph's attributes with a non-empty value (`bb` once laid out).
    public let attributes: [String: String]
    public let nodes: [Node]
    public let edges: [Edge]
    public let clusters: [Cluster]
}
