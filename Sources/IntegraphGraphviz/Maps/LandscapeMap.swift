import Foundation
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
package struct LandscapeMap: Sendable {
    /// Past this many systems a map of every one is unreadable: `--view landscape` draws the
    /// domains instead, and says so; `landscape:all` draws them anyway.
    public static let systemLimit = 300

    /// Whether the `landscape` view draws this landscape's domains instead of its systems:
    /// the one place the renderer and the report's overview decide it.
    static func drawsDomains(_ landscape: Landscape) -> Bool { landscape.systems.count > systemLimit }

    public var clustering: MapClustering

    public init(clustering: MapClustering = .domain) {
        self.clustering = clustering
    }

    public func drawing(for subject: MapSubject) -> MapDrawing {
        var graph = MapFrame.graph(title: subject.title(.landscape), rankdir: "LR")
        graph.graphAttributes["compound"] = "true"
        let heat = HeatScale(maximum: subject.analysis.bottlenecks.systems.map(\.pressure).max() ?? 0)
        let (names, clusterOf) = addSystems(subject, heat: heat, to: &graph)
        let bundled = Self.addFlows(subject, clusterOf: clusterOf, names: names, to: &graph)
        for pilot in subject.landscape.pilots {
            graph.nodes.append(MapFrame.pilotNode(pilot))
            graph.edges += MapFrame.needEdges(pilot)
        }
        var drawing = MapDrawing(graph: graph, legend: Self.legend(heat: heat, bundles: !bundled.isEmpty), avoiding: subject.entityIDs)
        drawing.arrangesClustersInGrid = true
        drawing.bundledEdges = bundled
        return drawing
    }

    /// Every system, filled by its pressure and outlined twice when it is an articulation
    /// point, in the box of its group; returns the boxes' names and each system's box.
    private func addSystems(_ subject: MapSubject, heat: HeatScale, to graph: inout DOTGraph) -> (names: [String], clusterOf: [String: Int]) {
        let systems = subject.analysis.bottlenecks.systems
        var groups: [String: [DOTNode]] = [:]
        for (position, system) in subject.landscape.systems.enumerated() {
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
            let group: String? =
                switch clustering {
                case .domain: system.domain
                case .team: system.owner.map { subject.teamName($0.id) }
                case .none: nil
                }
            if let group { groups[group, default: []].append(node) } else { graph.nodes.append(node) }
        }
        // Systems without a group share a box of their own, unless no system has one.
        let unclustered = graph.nodes
        if !groups.isEmpty && !unclustered.isEmpty {
            groups[clustering == .domain ? "(no domain)" : "(no owner)", default: []] += unclustered
            graph.nodes = []
        }
        let names = groups.keys.sorted()
        var clusterOf: [String: Int] = [:]
        for (index, group) in names.enumerated() {
            let nodes = groups[group] ?? []
            graph.clusters.append(MapFrame.cluster(label: group, nodes: nodes))
            for node in nodes { clusterOf[node.id] = index }
        }
        return (names, clusterOf)
    }

    /// Flows styled by status. Live flows that no pilot's lineage uses are context, not the
    /// subject: faint inside a box, and between two boxes bundled into one edge per pair
    /// that counts them and lists them in its tooltip. Returns the flows the bundles stand for.
    private static func addFlows(_ subject: MapSubject, clusterOf: [String: Int], names: [String], to graph: inout DOTGraph) -> [DOTEdge] {
        var inLineage = Set<Int>()
        for pilot in subject.analysis.pilots { for flow in pilot.lineage.flows { inLineage.insert(Int(flow)) } }
        var bundles: [Pair: [Flow]] = [:]
        var bundled: [DOTEdge] = []
        for (position, flow) in subject.landscape.flows.enumerated() {
            let context = flow.status == .live && !inLineage.contains(position)
            var attributes = MapPalette.edgeStyle(for: flow.status)
            if context {
                attributes["color"] = MapPalette.contextEdge
                attributes["penwidth"] = "0.6"
            }
            attributes["id"] = flow.id
            if flow.status == .blocked { attributes["label"] = MapFrame.blockedLabel(flow) }
            attributes["tooltip"] = subject.flowTooltip(flow)
            let edge = DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes)
            if context, let from = clusterOf[flow.from.id], let to = clusterOf[flow.to.id], from != to {
                bundles[Pair(min(from, to), max(from, to)), default: []].append(flow)
                bundled.append(edge)
            } else {
                graph.edges.append(edge)
            }
        }
        for pair in bundles.keys.sorted(by: { ($0.first, $0.second) < ($1.first, $1.second) }) {
            graph.edges.append(bundle(bundles[pair] ?? [], between: pair, of: graph.clusters, names: names))
        }
        return bundled
    }

    private static func legend(heat: HeatScale, bundles: Bool) -> MapLegend {
        var legend = MapLegend()
        legend.addHeat("backlog pressure", unit: "pilot-days", scale: heat)
        legend.addFlowStatuses()
        legend.add(.glyph("───▶", color: MapPalette.contextEdge), "faint: a live flow no pilot's lineage uses")
        if bundles { legend.add(.glyph("━━━", color: MapPalette.bundleEdge), MapLegend.bundleMeaning) }
        legend.add(.glyph("◯◯", color: "#1a1a1a"), "double outline: articulation point (its loss splits the landscape)")
        legend.add(.glyph("▭ ╍", color: "#e69f00"), "dashed box: planned system")
        legend.add(.glyph("⬡", color: MapPalette.pilotColor), "pilot, linked (dotted) from the systems it needs")
        return legend
    }

    private struct Pair: Hashable {
        var first: Int, second: Int
        init(_ first: Int, _ second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// One undirected edge from cluster box to cluster box (`ltail`/`lhead`) standing for
    /// `flows`, its width growing with their number.
    private static func bundle(_ flows: [Flow], between pair: Pair, of clusters: [DOTCluster], names: [String]) -> DOTEdge {
        let (a, b) = (names[pair.first], names[pair.second])
        let listed = flows.map { "\($0.from.id) → \($0.to.id) (\($0.id))" }.sorted()
        let attributes: DOTAttributes = [
            "id": "live:\(a)~\(b)", "ltail": "cluster_\(pair.first)", "lhead": "cluster_\(pair.second)", "dir": "none",
            "color": MapPalette.bundleEdge, "penwidth": String(format: "%.1f", min(5, 0.8 + 0.15 * Double(flows.count))),
            "label": "\(flows.count) live", "fontcolor": "#777777",
            "tooltip": "\(Wording.counted(flows.count, "live flow")) between \(a) and \(b) that no pilot's lineage uses:\n"
                + listed.joined(separator: "\n")
        ]
        return DOTEdge(
            from: clusters[pair.first].nodes.first?.id ?? "", to: clusters[pair.second].nodes.first?.id ?? "",
            attributes: attributes)
    }
}
