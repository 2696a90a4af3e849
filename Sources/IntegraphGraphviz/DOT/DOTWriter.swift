import Integraph

/// Writes a ``DOTGraph`` as DOT text that any Graphviz tool reads.
///
/// Every name and value is written as a double-quoted DOT string and escaped so that it
/// stays one string and renders as the literal text it holds: `"` and `\` are escaped;
/// newlines become Graphviz's `\n` line breaks; other control characters become spaces;
/// `&` becomes `&amp;`, because Graphviz decodes HTML entities in labels and in SVG output,
/// and `&lt;` typed by a user must show as `&lt;`. A system named
/// `a" -> b [URL="javascript:x"]` stays a name.
///
/// ```swift
/// let text = DOTWriter().write(graph)
/// ```
package struct DOTWriter: Sendable {
    public init() {}

    public func write(_ graph: DOTGraph) -> String {
        var out = "digraph \(Self.quoted(graph.name)) {\n"
        writeDefaults("graph", graph.graphAttributes, into: &out)
        writeDefaults("node", graph.nodeDefaults, into: &out)
        writeDefaults("edge", graph.edgeDefaults, into: &out)
        for (index, cluster) in graph.clusters.enumerated() {
            out += "  subgraph \"cluster_\(index)\" {\n"
            for entry in cluster.attributes.entries {
                out += "    \(entry.key)=\(Self.quoted(entry.value));\n"
            }
            for node in cluster.nodes {
                out += "    \(Self.statement(node));\n"
            }
            out += "  }\n"
        }
        for node in graph.nodes {
            out += "  \(Self.statement(node));\n"
        }
        for edge in graph.edges {
            out += "  \(Self.quoted(edge.from)) -> \(Self.quoted(edge.to))\(Self.list(edge.attributes));\n"
        }
        out += "}\n"
        return out
    }

    private func writeDefaults(_ kind: String, _ attributes: DOTAttributes, into out: inout String) {
        if !attributes.isEmpty { out += "  \(kind)\(Self.list(attributes));\n" }
    }

    private static func statement(_ node: DOTNode) -> String {
        guard let html = node.htmlLabel else { return quoted(node.id) + list(node.attributes) }
        var attributes = node.attributes
        attributes["label"] = nil
        let items = attributes.entries.map { "\($0.key)=\(quoted($0.value))" } + ["label=<\(html)>"]
        return quoted(node.id) + " [" + items.joined(separator: ", ") + "]"
    }

    private static func list(_ attributes: DOTAttributes) -> String {
        guard !attributes.isEmpty else { return "" }
        return " [" + attributes.entries.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", ") + "]"
    }

    /// Text for inside an HTML-like label: `&`, `<`, `>`, `"` and `'` as entities, line
    /// breaks as `<br/>`, other control characters as spaces.
    public static func htmlEscaped(_ text: String) -> String {
        HTMLText.escaped(text, lineBreak: "<br/>")
    }

    /// A DOT double-quoted string holding `text` literally.
    public static func quoted(_ text: String) -> String {
        "\""
            + TextEscaping.escape(text) { scalar in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "&": "&amp;"
                case "\n": "\\n"
                case "\r": ""
                case _ where TextEscaping.isControl(scalar): " "
                default: nil
                }
            } + "\""
    }
}
