import Integraph

/// Draws a landscape map: style (``LandscapeMap``) → DOT text (``DOTWriter``) → layout and
/// render through libgvc in-process (``Graphviz``). The `dot` format is the styled DOT
/// text itself, before layout, for piping into other Graphviz tools.
///
/// ```swift
/// let rendering = try MapRenderer().render(landscape, as: .svg)
/// try AtomicFile.write(rendering.data, to: "out/map.svg")
/// ```
public struct MapRenderer: Sendable {
    /// The Graphviz layout engine; `dot` draws flows left to right in layers.
    public var engine: String

    public init(engine: String = "dot") {
        self.engine = engine
    }

    public func render(_ landscape: Landscape, as format: MapFormat) throws(GraphvizError) -> Graphviz.Rendering {
        let text = DOTWriter().write(LandscapeMap().graph(for: landscape))
        if format == .dot {
            return Graphviz.Rendering(data: Array(text.utf8), warnings: [])
        }
        return try Graphviz.shared.render(dot: text, engine: engine, format: format.rawValue)
    }
}
