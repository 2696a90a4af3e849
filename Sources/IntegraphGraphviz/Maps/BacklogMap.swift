import Integraph

/// The `backlog` view: where the queue is. Only pending work and the systems it touches,
/// grouped into one box per owner team (labelled with the team's pending days); systems
/// and gates filled on the heat scale of their pending effort; pending flows labelled with
/// their effort; gates as diamonds joined to what waits for them.
///
/// ```swift
/// let graph = BacklogMap().drawing(for: subject)
/// ```
package struct BacklogMap: Sendable {
    public init() {}

    public func drawing(for subject: MapSubject) -> MapDrawing {
        let landscape = subject.landscape
        var graph = MapFrame.graph(title: subject.title(.backlog), rankdir: "LR")
        let systems = subject.analysis.bottlenecks.systems
        let pendingGates = landscape.gates.filter(\.isPending)
        let pendingGateIDs = Set(pendingGates.map(\.id))
        let efforts =
            landscape.systems.indices.map { systems[$0].pendingEffort }
            + pendingGates.map { subject.workItem(.gate, $0.id)?.effort.expectedDays ?? 0 }
        let heat = HeatScale(maximum: efforts.max() ?? 0)
        graph.clusters = Self.teamBoxes(
            subject, touched: Self.touched(landscape, pendingGates: pendingGateIDs),
            gates: pendingGates, heat: heat)
        for flow in landscape.flows where flow.isPending {
            var attributes = MapPalette.edgeStyle(for: flow.status)
            attributes["id"] = flow.id
            var label = [subject.effortText(.flow, flow.id)]
            if flow.status == .blocked { label.insert("blocked: \(flow.blockedBy ?? "reason not given")", at: 0) }
            attributes["label"] = label.joined(separator: "\n")
            attributes["tooltip"] = subject.flowTooltip(flow)
            graph.edges.append(DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes))
        }
        graph.edges += Self.waits(landscape, pendingGates: pendingGateIDs)
        var legend = MapLegend()
        legend.addHeat("pending effort", unit: "days", scale: heat)
        legend.addFlowStatuses()
        legend.add(.glyph("◇", color: MapPalette.gateColor), "pending gate, joined (dashed) to what waits for it")
        legend.add(.glyph("▢", color: MapPalette.clusterBorder), "box: the owner team, with its pending days")
        return MapDrawing(graph: graph, legend: legend, avoiding: subject.entityIDs)
    }

    /// The systems the backlog touches: ends of pending flows, planned systems, and what
    /// waits for a pending gate.
    private static func touched(_ landscape: Landscape, pendingGates: Set<String>) -> Set<String> {
        var touched = Set(landscape.flows.filter(\.isPending).flatMap { [$0.from.id, $0.to.id] })
        touched.formUnion(landscape.systems.filter(\.isPending).map(\.id))
        for flow in landscape.flows where flow.after.contains(where: { pendingGates.contains($0.id) }) { touched.insert(flow.to.id) }
        for system in landscape.systems where system.after.contains(where: { pendingGates.contains($0.id) }) {
            touched.insert(system.id)
        }
        return touched
    }

    /// One box per owner team (labelled with its pending days) holding its touched systems
    /// and pending gates, filled on the heat scale of their pending effort.
    private static func teamBoxes(_ subject: MapSubject, touched: Set<String>, gates: [Gate], heat: HeatScale) -> [DOTCluster] {
        let landscape = subject.landscape
        let systems = subject.analysis.bottlenecks.systems
        var teams: [String: [DOTNode]] = [:]
        let unowned = "no owner"
        for (position, system) in landscape.systems.enumerated() where touched.contains(system.id) {
            let pending = systems[position].pendingEffort
            var attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
            if pending > 0 {
                attributes["label"] = (attributes["label"] ?? "") + "\n\(DaysText.days(pending, decimals: 1)) d pending"
                attributes["fillcolor"] = heat.fill(for: pending)
                attributes["fontcolor"] = heat.fontColor(for: pending)
            }
            teams[system.owner.map { subject.teamName($0.id) } ?? unowned, default: []]
                .append(DOTNode(id: system.id, attributes: attributes))
        }
        for gate in gates {
            let days = subject.workItem(.gate, gate.id)?.effort.expectedDays ?? 0
            let effort = subject.effortText(.gate, gate.id)
            var attributes = MapFrame.gateAttributes(gate, detail: effort, effort: effort)
            attributes["fillcolor"] = heat.fill(for: days)
            attributes["fontcolor"] = heat.fontColor(for: days)
            teams[gate.owner.map { subject.teamName($0.id) } ?? unowned, default: []].append(DOTNode(id: gate.id, attributes: attributes))
        }
        let teamTable = subject.analysis.bottlenecks.teams
        let pendingByTeam = Dictionary(
            landscape.teams.indices.map { (subject.teamName(landscape.teams[$0].id), teamTable[$0].pendingEffort) },
            uniquingKeysWith: +)
        return teams.keys.sorted().map { team in
            let label = team == unowned ? team : "\(team) — \(DaysText.days(pendingByTeam[team] ?? 0, decimals: 1)) d pending"
            return MapFrame.cluster(label: label, nodes: teams[team] ?? [])
        }
    }

    /// Dashed links from each pending gate to what waits for it, once per pair.
    private static func waits(_ landscape: Landscape, pendingGates: Set<String>) -> [DOTEdge] {
        var waits: [(gate: String, target: String, why: String)] = []
        var seen: Set<[String]> = []
        for flow in landscape.flows {
            for reference in flow.after where pendingGates.contains(reference.id) && seen.insert([reference.id, flow.to.id]).inserted {
                waits.append((reference.id, flow.to.id, "flow \(flow.id) waits for \(reference.id)"))
            }
        }
        for system in landscape.systems {
            for reference in system.after where pendingGates.contains(reference.id) && seen.insert([reference.id, system.id]).inserted {
                waits.append((reference.id, system.id, "\(system.id) waits for \(reference.id)"))
            }
        }
        return waits.map { MapFrame.waitEdge(from: $0.gate, to: $0.target, why: $0.why) }
    }
}
