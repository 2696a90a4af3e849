import Integraph

/// Writes a map as a Mermaid flowchart, for wikis and Markdown that render Mermaid: the same
/// nodes, clusters and edges as the Graphviz map, with colours and line styles carried over
/// as `style`/`linkStyle`, and the legend as a box of labelled nodes.
///
/// Mermaid ids are generated (`n0`, `n1`, …) so model ids need not fit its syntax; every
/// label is quoted with `"`, `<`, `>`, `&`, `#` and backticks written as Mermaid entity
/// codes, so no model string can end a label or inject markup.
///
/// ```swift
/// let text = MermaidWriter().write(LandscapeMap().drawing(for: subject))
/// ```
package struct MermaidWriter: Sendable {
    public init() {}

    public func write(_ drawing: MapDrawing) -> String {
        let graph = drawing.graph
        var out = "---\ntitle: \(Self.label(graph.graphAttributes["label"] ?? graph.name))\n---\n"
        out += "flowchart \(graph.graphAttributes["rankdir"] == "TB" ? "TB" : "LR")\n"
        var ids: [String: String] = [:]
        var styles: [String] = []
        func declare(_ node: DOTNode, indent: String) {
            guard ids[node.id] == nil else { return }
            let id = "n\(ids.count)"
            ids[node.id] = id
            let text = Self.label(node.attributes["label"] ?? node.id)
            let shape =
                switch node.attributes["shape"] {
                case "hexagon"?: "{{\(text)}}"
                case "diamond"?: "{\(text)}"
                default: "[\(text)]"
                }
            out += "\(indent)\(id)\(shape)\n"
            var style: [String] = []
            if let fill = node.attributes["fillcolor"] { style.append("fill:\(fill)") }
            if let stroke = node.attributes["color"] { style.append("stroke:\(stroke)") }
            if let font = node.attributes["fontcolor"] { style.append("color:\(font)") }
            if let width = node.attributes["penwidth"] { style.append("stroke-width:\(width)px") }
            if node.attributes["style"]?.contains("dashed") == true { style.append("stroke-dasharray:4 3") }
            if !style.isEmpty { styles.append("style \(id) \(style.joined(separator: ","))") }
        }
        for (number, cluster) in graph.clusters.enumerated() {
            out += "  subgraph c\(number)[\(Self.label(cluster.attributes["label"] ?? ""))]\n"
            for node in cluster.nodes { declare(node, indent: "    ") }
            out += "  end\n"
        }
        for node in graph.nodes { declare(node, indent: "  ") }
        for edge in graph.edges {
            for end in [edge.from, edge.to] where ids[end] == nil { declare(DOTNode(id: end), indent: "  ") }
        }
        for (number, edge) in graph.edges.enumerated() {
            let style = edge.attributes["style"] ?? ""
            let arrow = style.contains("dotted") || style.contains("dashed") ? "-.->" : style.contains("bold") ? "==>" : "-->"
            let label = edge.attributes["label"].map { "|\(Self.label($0))|" } ?? ""
            out += "  \(ids[edge.from] ?? "")\(arrow)\(label)\(ids[edge.to] ?? "")\n"
            var link: [String] = []
            if let color = edge.attributes["color"] { link.append("stroke:\(color)") }
            if let width = edge.attributes["penwidth"] { link.append("stroke-width:\(width)px") }
            if !link.isEmpty { styles.append("linkStyle \(number) \(link.joined(separator: ","))") }
        }
        out += "  subgraph legend[\"Legend\"]\n"
        for (number, row) in drawing.legend.rows.enumerated() {
            let id = "legend\(number)"
            switch row.swatch {
            case .fill(let color):
                out += "    \(id)[\(Self.label(row.meaning.isEmpty ? " " : row.meaning))]\n"
                styles.append("style \(id) fill:\(color),stroke:#999999")
            case .glyph(let glyph, let color):
                out += "    \(id)[\(Self.label("\(glyph) \(row.meaning)"))]\n"
                styles.append("style \(id) fill:#ffffff,stroke:#ffffff,color:\(color)")
            }
        }
        out += "  end\n"
        for style in styles { out += "  \(style)\n" }
        return out
    }

    /// A quoted Mermaid label holding `text` literally; line breaks become `<br/>`.
    static func label(_ text: String) -> String {
        "\""
            + TextEscaping.escape(text) { scalar in
                switch scalar {
                case "\"": "#quot;"
                case "#": "#35;"
                case "<": "#lt;"
                case ">": "#gt;"
                case "&": "#amp;"
                case "`": "#96;"
                case "\n": "<br/>"
                case _ where TextEscaping.isControl(scalar): " "
                default: nil
                }
            } + "\""
    }
}
