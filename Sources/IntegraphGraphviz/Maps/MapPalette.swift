import Integraph

/// Colours and line styles of the maps, chosen to stay distinguishable for colour-blind
/// readers (Okabe–Ito hues) and to survive black-and-white printing (line styles differ too).
enum MapPalette {
    static let font = "Helvetica"
    static let pilotColor = "#6a3d9a"
    static let pilotFill = "#ece2f7"
    static let clusterFill = "#f6f7f9"
    static let clusterBorder = "#c5cad3"

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
}
