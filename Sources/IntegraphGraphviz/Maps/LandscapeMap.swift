import Integraph

/// Styles a landscape as a Graphviz graph: systems clustered by domain, flows as edges
/// styled by status (blocked ones labelled with what blocks them), and pilots as purple
/// hexagons linked from the systems they need.
///
/// Each node and edge carries its model id in `id` (so SVG elements can be linked) and a
/// tooltip with name, owner, status and effort. Iteration follows the model's order and
/// sorted domain names, so the same model gives the same DOT text byte for byte.
///
/// ```swift
/// let graph = LandscapeMap().graph(for: landscape)
/// let dot = DOTWriter().write(graph)
/// ```
public struct LandscapeMap: Sendable {
    public init() {}

    public func graph(for landscape: Landscape) -> DOTGraph {
        var graph = DOTGraph(
            name: landscape.name ?? "landscape",
            graphAttributes: [
                "label": landscape.name ?? "Integration landscape", "labelloc": "t", "fontsize": "20",
                "fontname": MapPalette.font, "rankdir": "LR", "nodesep": "0.35", "ranksep": "0.9",
                "bgcolor": "white",
            ],
            nodeDefaults: ["fontname": MapPalette.font, "fontsize": "11", "shape": "box", "margin": "0.15,0.06"],
            edgeDefaults: ["fontname": MapPalette.font, "fontsize": "9", "arrowsize": "0.7"])

        var domains: [String: [DOTNode]] = [:]
        for system in landscape.systems {
            let node = systemNode(system)
            if let domain = system.domain {
                domains[domain, default: []].append(node)
            } else {
                graph.nodes.append(node)
            }
        }
        for domain in domains.keys.sorted() {
            graph.clusters.append(DOTCluster(
                attributes: [
                    "label": domain, "style": "rounded,filled", "fillcolor": MapPalette.clusterFill,
                    "color": MapPalette.clusterBorder, "fontname": MapPalette.font, "fontsize": "13",
                ],
                nodes: domains[domain] ?? []))
        }

        let owners = landscape.flowOwners()
        for flow in landscape.flows {
            graph.edges.append(flowEdge(flow, owner: owners[flow.id]))
        }
        for pilot in landscape.pilots {
            graph.nodes.append(pilotNode(pilot))
            var linked: Set<String> = []
            for need in pilot.needs where linked.insert(need.system.id).inserted {
                graph.edges.append(DOTEdge(from: need.system.id, to: pilot.id, attributes: [
                    "id": "need:\(pilot.id):\(need.system.id)", "color": MapPalette.pilotColor,
                    "style": "dotted", "arrowhead": "empty", "penwidth": "1.2",
                    "tooltip": "\(pilot.name ?? pilot.id) needs \(need.system.id)",
                ]))
            }
        }
        return graph
    }

    private func systemNode(_ system: System) -> DOTNode {
        var attributes = MapPalette.nodeStyle(for: system.status)
        var label = system.name ?? system.id
        if let kind = system.kind { label += "\n\(kind)" }
        if system.status != .live { label += "\n(\(system.status.rawValue))" }
        attributes["label"] = label
        attributes["id"] = system.id
        var tooltip = ["\(system.name ?? system.id) (\(system.id))"]
        tooltip.append([system.kind, system.domain].compactMap { $0 }.joined(separator: " · "))
        tooltip.append("owner: \(system.owner?.id ?? "none")")
        tooltip.append("status: \(system.status.rawValue)")
        if system.isPending { tooltip.append("effort: \(Self.describe(system.effort))") }
        attributes["tooltip"] = tooltip.filter { !$0.isEmpty }.joined(separator: "\n")
        return DOTNode(id: system.id, attributes: attributes)
    }

    private func flowEdge(_ flow: Flow, owner: String?) -> DOTEdge {
        var attributes = MapPalette.edgeStyle(for: flow.status)
        attributes["id"] = flow.id
        if flow.status == .blocked {
            attributes["label"] = "blocked: \(flow.blockedBy ?? "reason not given")"
        }
        var tooltip = ["\(flow.id): \(flow.from.id) → \(flow.to.id)", "status: \(flow.status.rawValue)"]
        if flow.isPending { tooltip.append("effort: \(Self.describe(flow.effort))") }
        tooltip.append("owner: \(owner ?? "none")")
        if !flow.data.isEmpty { tooltip.append("data: \(flow.data.joined(separator: ", "))") }
        tooltip.append("classification: \(flow.classification.rawValue)")
        attributes["tooltip"] = tooltip.joined(separator: "\n")
        return DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes)
    }

    private func pilotNode(_ pilot: Pilot) -> DOTNode {
        var tooltip = ["\(pilot.name ?? pilot.id) (\(pilot.id))", "stage: \(pilot.stage.rawValue)",
                       "champion: \(pilot.champion ?? "none")"]
        if let target = pilot.target { tooltip.append("target: \(target)") }
        return DOTNode(id: pilot.id, attributes: [
            "id": pilot.id, "label": "\(pilot.name ?? pilot.id)\n\(pilot.stage.rawValue)",
            "shape": "hexagon", "style": "filled", "fillcolor": MapPalette.pilotFill,
            "color": MapPalette.pilotColor, "penwidth": "1.5", "tooltip": tooltip.joined(separator: "\n"),
        ])
    }

    /// `5 d`, `3–5–12 d` for a three-point estimate, or `not estimated`.
    static func describe(_ effort: Effort?) -> String {
        func days(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
        }
        switch effort {
        case nil: return "not estimated"
        case .days(let value): return "\(days(value)) d"
        case .estimate(let optimistic, let likely, let pessimistic):
            return "\(days(optimistic))–\(days(likely))–\(days(pessimistic)) d"
        }
    }
}
