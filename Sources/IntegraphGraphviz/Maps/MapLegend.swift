import Integraph

/// A map's legend: a table (a Graphviz HTML-like label) explaining its colours, line
/// styles and shapes, drawn as one borderless node.
///
/// ```swift
/// var legend = MapLegend()
/// legend.add(.fill("#fd8d3c"), "backlog pressure")
/// graph.nodes.append(legend.node(id: "legend"))
/// ```
package struct MapLegend: Sendable {
    package enum Swatch: Sendable {
        /// A filled box.
        case fill(String)
        /// A glyph (line, shape) in a colour.
        case glyph(String, color: String)
    }

    public private(set) var rows: [(swatch: Swatch, meaning: String)] = []

    mutating func add(_ swatch: Swatch, _ meaning: String) { rows.append((swatch, meaning)) }

    mutating func remove(_ meaning: String) { rows.removeAll { $0.meaning == meaning } }

    /// What a bundle edge means, for the views that draw them.
    static let bundleMeaning = "n live: that many such flows between two boxes (listed in its tooltip)"

    /// The flow statuses as line styles.
    mutating func addFlowStatuses() {
        for (status, meaning) in MapPalette.statusMeaning {
            let line = MapPalette.legendLine(for: status)
            add(.glyph(line.glyph, color: line.color), meaning)
        }
    }

    /// The heat scale from light to dark, each class with the values it holds in `unit`.
    mutating func addHeat(_ measure: String, unit: String, scale: HeatScale) {
        add(.fill(HeatScale.none), "no \(measure)")
        var lower = 0.0
        for (fill, upper) in zip(HeatScale.fills, scale.upperBounds) {
            // A class that holds no values (all of them when nothing has any) is not shown.
            guard upper > lower else { continue }
            add(.fill(fill), (lower == 0 ? "\(measure): " : "") + "\(DaysText.days(lower, decimals: 1))–\(DaysText.days(upper, decimals: 1)) \(unit)")
            lower = upper
        }
    }

    /// An id for the legend's node that none of `taken` uses.
    static func id(avoiding taken: Set<String>) -> String {
        var id = "legend"
        while taken.contains(id) { id = "_" + id }
        return id
    }

    /// The legend as one table node, named `id` in the graph and `elementID` in SVG.
    func node(id: String, elementID: String? = nil) -> DOTNode {
        var html = ##"<TABLE BORDER="1" COLOR="#c5cad3" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="#ffffff">"##
        html += ##"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>"##
        for (swatch, meaning) in rows {
            switch swatch {
            case .fill(let color):
                html += ##"<TR><TD BGCOLOR="\##(color)" BORDER="1" WIDTH="28"> </TD>"##
            case .glyph(let glyph, let color):
                html += ##"<TR><TD><FONT COLOR="\##(color)">\##(DOTWriter.htmlEscaped(glyph))</FONT></TD>"##
            }
            html += ##"<TD ALIGN="LEFT">\##(DOTWriter.htmlEscaped(meaning))</TD></TR>"##
        }
        html += "</TABLE>"
        return DOTNode(
            id: id,
            attributes: [
                "id": elementID ?? id, "shape": "plaintext", "margin": "0", "fontsize": "10",
                "tooltip": "Legend"
            ], htmlLabel: html)
    }
}
