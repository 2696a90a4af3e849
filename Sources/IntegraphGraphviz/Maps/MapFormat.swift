/// The file formats a map can be written in.
///
/// ```swift
/// MapFormat(path: "out/map.svg") // .svg
/// MapFormat(path: "map.gif")     // nil
/// ```
public enum MapFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    /// The format named by a file's extension (`.gv` is DOT too), or `nil` when it names none.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        self.init(rawValue: ext == "gv" ? "dot" : ext)
    }
}
