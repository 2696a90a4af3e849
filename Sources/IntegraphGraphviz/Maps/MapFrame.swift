import Integraph

/// What the views share: the graph frame with its title, system and pilot nodes, and
/// cluster boxes, so every map looks like one family.
enum MapFrame {
    /// What every map writes on a blocked flow: `blocked: vendor contract (Legal, until
    /// 2027-01-18)`, who clears it and when, as `analyze` and the report say it.
    static func blockedLabel(_ flow: Flow) -> String {
        let details = [flow.blockedOwner, flow.blockedUntil.map { "until \($0)" }].compactMap { $0 }
        return "blocked: \(flow.blockedBy ?? "reason not given")" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    static func graph(title: String, rankdir: String) -> DOTGraph {
        DOTGraph(
            name: title,
            graphAttributes: [
                "label": title, "labelloc": "t", "labeljust": "l", "fontsize": "20", "fontname": MapPalette.font,
                "rankdir": rankdir, "nodesep": "0.35", "ranksep": "0.9", "bgcolor": "white", "tooltip": title
            ],
            nodeDefaults: ["fontname": MapPalette.font, "fontsize": "11", "shape": "box", "margin": "0.15,0.06"],
            edgeDefaults: ["fontname": MapPalette.font, "fontsize": "9", "arrowsize": "0.7"])
    }

    static func systemAttributes(_ system: System, tooltip: String) -> DOTAttributes {
        var attributes = MapPalette.nodeStyle(for: system.status)
        var label = system.name ?? system.id
        if let kind = system.kind { label += "\n\(kind)" }
        if system.status != .live { label += "\n(\(system.status.rawValue))" }
        attributes["label"] = label
        attributes["id"] = system.id
        attributes["tooltip"] = tooltip
        return attributes
    }

    static func cluster(label: String, nodes: [DOTNode], tooltip: String? = nil) -> DOTCluster {
        var attributes: DOTAttributes = [
            "label": label, "style": "rounded,filled", "fillcolor": MapPalette.clusterFill,
            "color": MapPalette.clusterBorder, "fontname": MapPalette.font, "fontsize": "13"
        ]
        attributes["tooltip"] = tooltip ?? label
        return DOTCluster(attributes: attributes, nodes: nodes)
    }

    static func pilotNode(_ pilot: Pilot, extra: [String] = []) -> DOTNode {
        var tooltip = [
            "\(pilot.name ?? pilot.id) (\(pilot.id))", "stage: \(pilot.stage.rawValue)",
            "champion: \(pilot.champion ?? "none")"
        ]
        if let target = pilot.target { tooltip.append("target: \(target)") }
        return DOTNode(
            id: pilot.id,
            attributes: [
                "id": pilot.id, "label": ([pilot.name ?? pilot.id, pilot.stage.rawValue] + extra).joined(separator: "\n"),
                "shape": "hexagon", "style": "filled", "fillcolor": MapPalette.pilotFill,
                "color": MapPalette.pilotColor, "penwidth": "1.5", "tooltip": (tooltip + extra).joined(separator: "\n")
            ])
    }

    /// Dotted links from each needed system to the pilot, one per system.
    static func needEdges(_ pilot: Pilot) -> [DOTEdge] {
        var linked: Set<String> = []
        return pilot.needs.filter { linked.insert($0.system.id).inserted }.map { need in
            var tooltip = "\(pilot.name ?? pilot.id) needs \(need.system.id)"
            if let data = need.data { tooltip += " (\(data.joined(separator: ", ")))" }
            return DOTEdge(
                from: need.system.id, to: pilot.id,
                attributes: [
                    "id": "need:\(pilot.id):\(need.system.id)", "color": MapPalette.pilotColor,
                    "style": "dotted", "arrowhead": "empty", "penwidth": "1.2", "tooltip": tooltip
                ])
        }
    }

    /// A gate as a yellow diamond labelled with its id, kind and `detail`; `effort` as the
    /// analysis used it.
    static func gateAttributes(_ gate: Gate, detail: String, effort: String) -> DOTAttributes {
        [
            "id": gate.id, "shape": "diamond", "style": "filled", "fillcolor": MapPalette.gateFill,
            "color": MapPalette.gateColor, "fontsize": "9", "label": "\(gate.id)\n\(gate.kind.rawValue)\n\(detail)",
            "tooltip": "\(gate.id): \(gate.kind.rawValue)\nowner: \(gate.owner?.id ?? "none")\nstatus: \(gate.status.rawValue)"
                + "\neffort: \(effort)"
        ]
    }

    /// A dashed line from a gate to what waits for it.
    static func waitEdge(from gate: String, to target: String, why: String) -> DOTEdge {
        DOTEdge(
            from: gate, to: target,
            attributes: [
                "id": "wait:\(gate):\(target)", "style": "dashed", "color": MapPalette.gateColor, "arrowhead": "tee", "tooltip": why
            ])
    }
}
