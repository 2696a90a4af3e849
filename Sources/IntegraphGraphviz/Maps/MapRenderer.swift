import Foundation
import Integraph

/// Draws a map: view (``LandscapeMap``, ``PilotMap``, ``BacklogMap``, ``DomainMap``) →
/// graph → engine chosen for its size and shape (``LayoutPlan``) → layout and render
/// through libgvc in-process (``Graphviz``). `dot` output is the styled graph as DOT text
/// before layout (with `layout=` naming the chosen engine; a landscape's box grid with every
/// position set, `layout=nop2`), `mermaid` the same view as a
/// Mermaid flowchart.
///
/// ```swift
/// let subject = try MapSubject(landscape, modelDate: "2026-11-25")
/// let rendering = try MapRenderer(view: .pilot("churn-copilot")).render(subject, as: .svg)
/// try AtomicFile.write(rendering.data, to: "out/churn-copilot.svg")
/// ```
public struct MapRenderer: Sendable {
    public var view: MapView
    public var clustering: MapClustering
    /// `nil`: chosen from the graph (see ``LayoutPlan``).
    public var engine: String?
    /// Put before every SVG element id, for pages that hold several maps.
    public var idPrefix: String

    public init(view: MapView = .landscape, clustering: MapClustering = .domain, engine: String? = nil, idPrefix: String = "") {
        self.view = view
        self.clustering = clustering
        self.engine = engine
        self.idPrefix = idPrefix
    }

    /// A rendered map, the layout decision behind it, and Graphviz's warnings.
    ///
    /// ```swift
    /// let rendering = try MapRenderer().render(subject, as: .svg)
    /// try AtomicFile.write(rendering.data, to: "map.svg")
    /// ```
    public struct Rendering: Sendable {
        public var data: [UInt8]
        public var warnings: [String]
        package var plan: LayoutPlan
        /// The drawing's ``MapDrawing/notice``.
        public var notice: String? = nil
    }

    /// Graphviz 2.43's `dot` corrupts its heap freeing a layout in which labelled edges run
    /// between clusters in certain shapes (reproduced with plain C on the backlog view of
    /// Graphs/acme-retail.yaml: "double free detected" in `gvFreeLayout`), and its `xlabel`
    /// placement puts labels on other edges and over nodes. So each labelled edge becomes
    /// two, through a small text node of its own that holds the label: dot ranks and places
    /// it like any node, on the edge's path and clear of the others. The first half keeps
    /// the edge's id; the text node's id adds `~label` to it, the second half's `~label-edge`.
    static func labelsOnTheirOwnNodes(_ graph: inout DOTGraph) {
        var taken = Set(graph.nodes.map(\.id))
        for cluster in graph.clusters { taken.formUnion(cluster.nodes.map(\.id)) }
        var edges: [DOTEdge] = []
        edges.reserveCapacity(graph.edges.count)
        var number = 0
        for edge in graph.edges {
            guard let label = edge.attributes["label"] else {
                edges.append(edge)
                continue
            }
            var nodeID: String
            repeat {
                number += 1
                nodeID = "~label\(number)"
            } while taken.contains(nodeID)
            let id = edge.attributes["id"]
            var text = DOTAttributes()
            text["shape"] = "plaintext"
            text["label"] = label
            text["margin"] = "0.02"
            text["width"] = "0"
            text["height"] = "0"
            text["fontsize"] = edge.attributes["fontsize"] ?? "10"
            text["fontcolor"] = edge.attributes["fontcolor"] ?? edge.attributes["color"]
            text["tooltip"] = edge.attributes["tooltip"]
            text["id"] = id.map { $0 + "~label" }
            graph.nodes.append(DOTNode(id: nodeID, attributes: text))
            var first = edge, second = edge
            first.to = nodeID
            first.attributes["label"] = nil
            first.attributes["arrowhead"] = "none"
            first.attributes["lhead"] = nil
            second.from = nodeID
            second.attributes["label"] = nil
            second.attributes["ltail"] = nil
            second.attributes["id"] = id.map { $0 + "~label-edge" }
            edges += [first, second]
        }
        graph.edges = edges
    }

    /// The rank direction whose `dot` layout of `graph` has the aspect nearest
    /// ``ClusterGrid/targetAspect``; the first on a tie.
    static func direction(of graph: DOTGraph, among directions: [String]) throws(GraphvizError) -> String {
        var best: (score: Double, direction: String)?
        for direction in directions {
            var trial = graph
            trial.graphAttributes["rankdir"] = direction
            let bounds = (try Graphviz.shared.layout(dot: DOTWriter().write(trial), engine: "dot").attributes["bb"] ?? "")
                .split(separator: ",").compactMap { Double($0) }
            guard bounds.count == 4, bounds[2] > bounds[0], bounds[3] > bounds[1] else { continue }
            let score = abs(log((bounds[2] - bounds[0]) / (bounds[3] - bounds[1]) / ClusterGrid.targetAspect))
            if score < (best?.score ?? .infinity) - 1e-9 { best = (score, direction) }
        }
        return best?.direction ?? directions[0]
    }

    package func drawing(for subject: MapSubject) throws(MapViewError) -> MapDrawing {
        switch view {
        case .landscape where LandscapeMap.drawsDomains(subject.landscape):
            DomainMap(
                note: "This landscape has \(subject.landscape.systems.count) systems, too many to read on one map: "
                    + "drawn as its domains (--view landscape:all draws every system)"
            ).drawing(for: subject)
        case .landscape, .landscapeAll: LandscapeMap(clustering: clustering).drawing(for: subject)
        case .pilot(let id): try PilotMap(pilot: id).drawing(for: subject)
        case .backlog: try BacklogMap().drawing(for: subject)
        case .backlogOf(let team): try BacklogMap(team: team).drawing(for: subject)
        case .domains: DomainMap().drawing(for: subject)
        case .focus(let text): try FocusMap(text).drawing(for: subject)
        case .diff:
            if let comparison = subject.comparison {
                DiffMap(comparison).drawing(for: subject)
            } else {
                throw MapViewError("the 'diff' view compares two models: name the earlier one (render --against OLD)")
            }
        }
    }

    /// Throws ``MapViewError`` for a view that cannot be drawn, ``GraphvizError`` when
    /// Graphviz fails.
    public func render(_ subject: MapSubject, as format: MapFormat) throws -> Rendering {
        try render(subject, as: format, slowLayout: nil)
    }

    /// As ``render(_:as:)``; `slowLayout` is called once, from another thread, if layout and
    /// rendering take over a second, so a caller can say that work is going on.
    package func render(
        _ subject: MapSubject, as format: MapFormat,
        slowLayout: (@Sendable (LayoutPlan) -> Void)?
    ) throws -> Rendering {
        try render(try drawing(for: subject).prefixingIDs(idPrefix), as: format, slowLayout: slowLayout)
    }

    /// Lays out and renders a drawing made elsewhere (a view with options of its own).
    package func render(
        _ drawing: MapDrawing, as format: MapFormat,
        slowLayout: (@Sendable (LayoutPlan) -> Void)? = nil
    ) throws -> Rendering {
        if format == .mermaid {
            let plain = drawing.unbundled()
            return Rendering(
                data: Array(MermaidWriter().write(plain).utf8), warnings: [],
                plan: LayoutPlan(for: plain.graphWithLegend, requested: engine), notice: drawing.notice)
        }
        let inGrid =
            drawing.arrangesClustersInGrid && engine == nil && !drawing.graph.clusters.isEmpty
            && drawing.graph.clusters.reduce(0, { $0 + $1.nodes.count }) <= LandscapeMap.systemLimit
        let every = drawing.unbundled().graphWithLegend
        let automatic = LayoutPlan(for: every, requested: engine)
        let plan = inGrid ? LayoutPlan(placingClustersOf: automatic) : automatic
        // Only the grid and dot (compound edges) join cluster boxes by an edge.
        var graph = inGrid || (plan.engine == "dot" && !every.clusters.isEmpty) ? drawing.graphWithLegend : every
        let reminder = slowLayout.map { report in DispatchWorkItem { report(plan) } }
        if let reminder { DispatchQueue.global().asyncAfter(deadline: .now() + 1, execute: reminder) }
        defer { reminder?.cancel() }
        if inGrid {
            graph = try ClusterGrid(legendID: drawing.legendID).arranged(graph)
        } else {
            for (key, value) in plan.attributes.sorted(by: { $0.key < $1.key }) { graph.graphAttributes[key] = value }
            if plan.engine == "dot" && !graph.clusters.isEmpty { Self.labelsOnTheirOwnNodes(&graph) }
            if plan.engine == "dot" && drawing.directionsToTry.count > 1 {
                graph.graphAttributes["rankdir"] = try Self.direction(of: graph, among: drawing.directionsToTry)
            }
        }
        graph.graphAttributes["layout"] = plan.engine
        if format == .dot { return Rendering(data: Array(DOTWriter().write(graph).utf8), warnings: [], plan: plan, notice: drawing.notice) }
        let result = try Graphviz.shared.render(dot: DOTWriter().write(graph), engine: plan.engine, format: format.rawValue)
        return Rendering(data: result.data, warnings: result.warnings, plan: plan, notice: drawing.notice)
    }
}
