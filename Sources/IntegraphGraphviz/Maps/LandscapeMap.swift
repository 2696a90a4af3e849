import Integraph

/// The `landscape` view: every system, clustered by domain or owner team, filled on the
/// backlog heat scale of its pressure (pilot-days of pending work on it); flows styled by
/// status, blocked ones labelled with what blocks them; articulation points (systems whose
/// loss disconnects the landscape) outlined twice; pilots as hexagons linked from the
/// systems they need. Each node and edge carries its model id and a tooltip.
///
/// ```swift
/// let graph = LandscapeMap(clustering: .team).drawing(for: subject)
/// ```
public struct LandscapeMap: Sendable {
    /// Past this many systems a map of every one is unreadable: `--view landscape` draws the
    /// domains instead, and says so; `landscape:all` draws them anyway.
    public static let systemLimit = 300

    public var clustering: MapClustering

    public init(clustering: MapClustering = .domain) {
        self.clustering = clustering
    }

    public func drawing(for subject: MapSubject) -> MapDrawing {
        let landscape = subject.landscape
        var graph = MapFrame.graph(title: subject.title(.landscape), rankdir: "LR")
        let systems = subject.analysis.bottlenecks.systems
        let heat = HeatScale(maximum: systems.map(\.pressure).max() ?? 0)
        var groups: [String: [DOTNode]] = [:]
        for (position, system) in landscape.systems.enumerated() {
            let bottleneck = systems[position]
            var attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
            if bottleneck.pressure > 0 {
                attributes["fillcolor"] = heat.fill(for: bottleneck.pressure)
                attributes["fontcolor"] = heat.fontColor(for: bottleneck.pressure)
            }
            if bottleneck.articulationPoint == true {
                attributes["peripheries"] = "2"
                attributes["penwidth"] = "2"
            }
            let node = DOTNode(id: system.id, attributes: attributes)
            let group: String? = switch clustering {
            case .domain: system.domain
            case .team: system.owner.map { subject.teamName($0.id) }
            case .none: nil
            }
            if let group { groups[group, default: []].append(node) } else { graph.nodes.append(node) }
        }
        for group in groups.keys.sorted() {
            graph.clusters.append(MapFrame.cluster(label: group, nodes: groups[group] ?? []))
        }
        // Live flows that no pilot's lineage uses are context, not the subject: drawn faint.
        // (Leaving them out of ranking, constraint=false, made dot take minutes on 200
        // clustered systems.)
        var inLineage = Set<Int>()
        for pilot in subject.analysis.pilots { for flow in pilot.lineage.flows { inLineage.insert(Int(flow)) } }
        for (position, flow) in landscape.flows.enumerated() {
            var attributes = MapPalette.edgeStyle(for: flow.status)
            if flow.status == .live && !inLineage.contains(position) {
                attributes["color"] = MapPalette.contextEdge
                attributes["penwidth"] = "0.6"
            }
            attributes["id"] = flow.id
            if flow.status == .blocked { attributes["label"] = "blocked: \(flow.blockedBy ?? "reason not given")" }
            attributes["tooltip"] = subject.flowTooltip(flow)
            graph.edges.append(DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes))
        }
        for pilot in landscape.pilots {
            graph.nodes.append(MapFrame.pilotNode(pilot))
            graph.edges += MapFrame.needEdges(pilot)
        }
        var legend = MapLegend()
        legend.addHeat("backlog pressure", unit: "pilot-days", scale: heat)
        legend.addFlowStatuses()
        legend.add(.glyph("───▶", color: MapPalette.contextEdge), "faint: a live flow no pilot's lineage uses")
        legend.add(.glyph("◯◯", color: "#1a1a1a"), "double outline: articulation point (its loss splits the landscape)")
        legend.add(.glyph("▭ ╍", color: "#e69f00"), "dashed box: planned system")
        legend.add(.glyph("⬡", color: MapPalette.pilotColor), "pilot, linked (dotted) from the systems it needs")
        return MapDrawing(graph: graph, legend: legend, avoiding: subject.entityIDs)
    }
}
