/// Something Graphviz could not do, in words a user can act on. Graphviz's own messages
/// are captured and carried here instead of being printed to stderr.
///
/// ```swift
/// do { _ = try Graphviz.shared.render(dot: "digraph {", engine: "dot", format: "svg") }
/// catch { print(error) } // "Graphviz cannot read the graph: syntax error in line 1 near ''"
/// ```
package enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgvc started without plugins: its plugin list (`config6a`) is missing.
    case noPlugins
    case unreadableGraph(messages: [String])
    case layoutFailed(engine: String, messages: [String])
    case renderFailed(format: String, messages: [String])

    public var description: String {
        switch self {
        case .noPlugins:
            "Graphviz has no layout or render plugins: its plugin list (config6a) is missing. "
                + "Run 'dot -c' as root once (sudo dot -c) to write it, then try again; "
                + "if GVBINDIR is set, it must name Graphviz's plugin directory."
        case .unreadableGraph(let messages):
            "Graphviz cannot read the graph" + Self.detail(messages)
        case .layoutFailed(let engine, let messages):
            "Graphviz layout with engine '\(engine)' failed" + Self.detail(messages, fallback: "is the engine installed?")
        case .renderFailed(let format, let messages):
            "Graphviz cannot render format '\(format)'" + Self.detail(messages, fallback: "is its plugin installed?")
        }
    }

    private static func detail(_ messages: [String], fallback: String? = nil) -> String {
        if messages.isEmpty { return fallback.map { " (\($0))" } ?? "" }
        return ": " + messages.joined(separator: "; ")
    }
}
