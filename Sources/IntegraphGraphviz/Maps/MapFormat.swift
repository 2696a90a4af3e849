/// The file formats a map can be written in: what libgvc renders (`svg`, `png`, `pdf`,
/// `json`), the styled graph itself before layout (`dot`), and a Mermaid flowchart of the
/// same view for wikis (`mermaid`).
///
/// ```swift
/// MapFormat(path: "out/map.svg") // .svg
/// MapFormat(path: "map.mmd")     // .mermaid
/// MapFormat(path: "map.gif")     // nil
/// ```
public enum MapFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, json, dot, mermaid

    /// The format named by a file's extension (`.gv` is DOT, `.mmd` Mermaid), or `nil`.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "gv": self = .dot
        case "mmd": self = .mermaid
        case let ext: self.init(rawValue: ext)
        }
    }

    /// Whether Graphviz lays the graph out for this format; `dot` and `mermaid` are written
    /// straight from the styled graph.
    public var needsLayout: Bool { self != .dot && self != .mermaid }
}
