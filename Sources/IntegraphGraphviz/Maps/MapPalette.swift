import Integraph

/// Colours and line styles of the maps, chosen to stay distinguishable for colour-blind
/// readers (Okabe–Ito hues) and to survive black-and-white printing (line styles differ too).
enum MapPalette {
    static let font = "Helvetica"
    static let pilotColor = "#6a3d9a"
    static let pilotFill = "#ece2f7"
    static let clusterFill = "#f6f7f9"
    static let clusterBorder = "#c5cad3"
    /// The critical path of a `pilot:ID` view: darker and heavier than a blocked flow.
    static let critical = "#b2182b"
    static let criticalWidth = "3.4"
    static let gateFill = "#fff7bc"
    static let gateColor = "#8c6d00"

    /// The `diff` view: added, removed, changed (Okabe–Ito bluish green, vermillion, orange).
    static let added = "#009e73"
    static let removed = "#d55e00"
    static let changed = "#e69f00"
    static let unchanged = "#9a9a9a"

    /// Live flows drawn only for context.
    static let contextEdge = "#d0d0d0"
    /// Several context flows between two boxes, drawn as one.
    static let bundleEdge = "#b8b8b8"

    static func edgeStyle(for status: FlowStatus) -> DOTAttributes {
        switch status {
        case .live: ["color": "#8c8c8c", "style": "solid", "penwidth": "1"]
        case .inProgress: ["color": "#0072b2", "style": "solid", "penwidth": "1.6"]
        case .backlog: ["color": "#e69f00", "style": "dashed", "penwidth": "1.6"]
        case .blocked: ["color": "#d55e00", "style": "bold", "penwidth": "2.6", "fontcolor": "#d55e00"]
        }
    }

    static func nodeStyle(for status: SystemStatus) -> DOTAttributes {
        switch status {
        case .live: ["style": "rounded,filled", "fillcolor": "#ffffff", "color": "#4d4d4d"]
        case .planned: ["style": "rounded,filled,dashed", "fillcolor": "#fff4dc", "color": "#e69f00"]
        case .deprecated: ["style": "rounded,filled", "fillcolor": "#e6e6e6", "color": "#999999", "fontcolor": "#666666"]
        }
    }

    /// Line glyphs for the legend, coloured like the edge they explain.
    static func legendLine(for status: FlowStatus) -> (color: String, glyph: String) {
        switch status {
        case .live: ("#8c8c8c", "───▶")
        case .inProgress: ("#0072b2", "━━━▶")
        case .backlog: ("#e69f00", "╍╍╍▶")
        case .blocked: ("#d55e00", "━━━▶")
        }
    }

    static let statusMeaning: [(FlowStatus, String)] = [
        (.live, "live flow"), (.inProgress, "flow in progress"), (.backlog, "flow in the backlog"),
        (.blocked, "blocked flow, labelled with what blocks it")
    ]
}
