import Integraph

/// The `backlog` view: where the queue is. Only pending work and the systems it touches,
/// grouped into one box per owner of pending work (``BacklogBoxes``: each system in the box
/// of the owner with the most pending days at it, each box labelled with the days its owner
/// owns and the other owners' work in it); systems and gates filled on the heat scale of
/// their pending effort; pending flows labelled with their effort; gates as diamonds joined
/// to what waits for them.
///
/// ```swift
/// let graph = try BacklogMap().drawing(for: subject)
/// ```
package struct BacklogMap: Sendable {
    /// The most nodes a backlog map draws: past it, the boxes of the teams that own the most
    /// pending days are drawn until it is reached, and the rest are counted in the legend
    /// (a generated 30,000-system landscape has 1,503 boxes and 24,799 nodes, which no
    /// layout engine draws in minutes, nor anyone reads).
    public static let nodeLimit = 300
    /// The one team whose box to draw (`backlog:TEAM`), or every team's.
    public let team: String?

    public init(team: String? = nil) {
        self.team = team
    }

    public func drawing(for subject: MapSubject) throws(MapViewError) -> MapDrawing {
        let landscape = subject.landscape
        var graph = MapFrame.graph(title: subject.title(team.map { .backlogOf($0) } ?? .backlog), rankdir: "LR")
        let systems = subject.analysis.bottlenecks.systems
        let pendingGates = landscape.gates.filter(\.isPending)
        let pendingGateIDs = Set(pendingGates.map(\.id))
        let efforts =
            landscape.systems.indices.map { systems[$0].pendingEffort }
            + pendingGates.map { subject.workItem(.gate, $0.id)?.effort.expectedDays ?? 0 }
        let heat = HeatScale(maximum: efforts.max() ?? 0)
        // Every model id, hashed once: the legend and any placeholder node avoid them.
        let entityIDs = subject.entityIDs
        let boxes = Self.teamBoxes(subject, touched: Self.touched(landscape, pendingGates: pendingGateIDs), heat: heat, taken: entityIDs)
        let chosen = try choose(boxes, in: subject)
        (graph.clusters, graph.nodes) = (chosen.clusters, chosen.unboxed)
        for flow in landscape.flows where flow.isPending {
            var attributes = MapPalette.edgeStyle(for: flow.status)
            attributes["id"] = flow.id
            var label = [subject.effortText(.flow, flow.id)]
            if flow.status == .blocked { label.insert(MapFrame.blockedLabel(flow), at: 0) }
            attributes["label"] = label.joined(separator: "\n")
            attributes["tooltip"] = subject.flowTooltip(flow)
            graph.edges.append(DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes))
        }
        graph.edges += Self.waits(landscape, pendingGates: pendingGateIDs)
        var drawn = Set(graph.clusters.flatMap { $0.nodes.map(\.id) } + graph.nodes.map(\.id))
        var notices = chosen.notice.map { [$0] } ?? []
        if team != nil {
            // One team's box shows its work whole: the far end of each of its pending flows
            // and waits, outside the box.
            let (ends, left) = Self.farEnds(of: graph.edges, drawn: drawn, subject)
            graph.nodes += ends
            drawn.formUnion(ends.map(\.id))
            if left > 0 { notices.append("\(Wording.grouped(left)) more systems and gates its work touches are left out") }
        }
        // Only what joins two drawn nodes: a flow to a box left out is counted in the notice.
        graph.edges.removeAll { !drawn.contains($0.from) || !drawn.contains($0.to) }
        var legend = MapLegend()
        legend.addHeat("pending effort", unit: "days", scale: heat)
        legend.addFlowStatuses()
        legend.add(.glyph("◇", color: MapPalette.gateColor), "pending gate, joined (dashed) to what waits for it")
        legend.add(
            .glyph("▢", color: MapPalette.clusterBorder),
            "box: a team and the systems where most pending days are its own; the days it owns, and other owners' work in it")
        for notice in notices { legend.add(.glyph("ⓘ", color: "#1a1a1a"), notice) }
        var drawing = MapDrawing(graph: graph, legend: legend, avoiding: entityIDs)
        drawing.notice = notices.isEmpty ? nil : notices.joined(separator: "; ")
        return drawing
    }

    /// The nodes at the far end of `edges` that leave the `drawn` ones, in edge order, at
    /// most ``nodeLimit``, each labelled as in another box; and how many more there are.
    private static func farEnds(of edges: [DOTEdge], drawn: Set<String>, _ subject: MapSubject) -> (nodes: [DOTNode], left: Int) {
        var ends: [String] = [], seen = drawn
        for edge in edges where drawn.contains(edge.from) != drawn.contains(edge.to) {
            let end = drawn.contains(edge.from) ? edge.to : edge.from
            if seen.insert(end).inserted { ends.append(end) }
        }
        let gates = Dictionary(subject.landscape.gates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let nodes = ends.prefix(nodeLimit).compactMap { id -> DOTNode? in
            var attributes: DOTAttributes
            if let position = subject.systemPosition[id] {
                let system = subject.landscape.systems[position]
                attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
            } else if let gate = gates[id] {
                let effort = subject.effortText(.gate, gate.id)
                attributes = MapFrame.gateAttributes(gate, detail: effort, effort: effort)
            } else {
                return nil
            }
            attributes["label"] = (attributes["label"] ?? id) + "\n(another box)"
            return DOTNode(id: id, attributes: attributes)
        }
        return (nodes, ends.count - nodes.count)
    }

    /// The boxes to draw: one team's, or every team's while they fit ``nodeLimit``, most
    /// pending days owned first; with what was left out, said in words.
    private func choose(_ boxes: TeamBoxes, in subject: MapSubject) throws(MapViewError) -> (
        clusters: [DOTCluster], unboxed: [DOTNode], notice: String?
    ) {
        if let team {
            guard let index = boxes.boxes.firstIndex(where: { $0.team == team }) else {
                let owners = boxes.boxes.sorted { $0.owned > $1.owned }.compactMap(\.team)
                throw MapViewError(
                    "no team '\(team)' owns pending work; the teams that do, most days first: \(Wording.quoted(owners, limit: 8))")
            }
            let (cluster, notice) = trimmed(boxes.clusters[index], in: subject)
            return ([cluster], [], notice)
        }
        let total = boxes.clusters.reduce(boxes.unboxed.count) { $0 + $1.nodes.count }
        guard total > Self.nodeLimit else { return (boxes.clusters, boxes.unboxed, nil) }
        let order = boxes.boxes.indices.sorted {
            (-boxes.boxes[$0].owned, boxes.boxes[$0].name) < (-boxes.boxes[$1].owned, boxes.boxes[$1].name)
        }
        var kept: [Int] = [], nodes = 0
        // A prefix of the ranking, so that what is drawn is what the notice says: the teams owning the most.
        for index in order {
            guard kept.isEmpty || nodes + boxes.clusters[index].nodes.count <= Self.nodeLimit else { break }
            kept.append(index)
            nodes += boxes.clusters[index].nodes.count
        }
        let keptSet = Set(kept)
        let owned = kept.reduce(0.0) { $0 + boxes.boxes[$1].owned }
        let all = boxes.boxes.reduce(0.0) { $0 + $1.owned }
        let left = boxes.boxes.count - kept.count
        var leftOut: [String] = []
        if left > 0 { leftOut.append("the other \(Wording.grouped(left)) boxes") }
        if !boxes.unboxed.isEmpty { leftOut.append("\(Wording.grouped(boxes.unboxed.count)) systems outside any box") }
        var notices: [String] = []
        if !leftOut.isEmpty {
            notices.append(
                "drawn: the \(Wording.counted(kept.count, "team")) owning the most pending work (\(DaysText.days(owned, decimals: 0)) "
                    + "of \(DaysText.days(all, decimals: 0)) d); \(leftOut.joined(separator: " and ")) are left out, "
                    + "with their flows (--view backlog:TEAM draws one team's box)")
        }
        var clusters = boxes.clusters.indices.filter(keptSet.contains).map { boxes.clusters[$0] }
        if clusters.count == 1, let only = clusters.first {
            let (cluster, trimming) = trimmed(only, in: subject)
            clusters = [cluster]
            if let trimming { notices.append(trimming) }
        }
        return (clusters, [], notices.isEmpty ? nil : notices.joined(separator: "; "))
    }

    /// A box of more than ``nodeLimit`` nodes (one team owning most of a big landscape's
    /// work) keeps the nodes with the most pending days, in their order, and says how many
    /// it left out; a smaller box is as it was.
    private func trimmed(_ cluster: DOTCluster, in subject: MapSubject) -> (DOTCluster, notice: String?) {
        guard cluster.nodes.count > Self.nodeLimit else { return (cluster, nil) }
        let systems = subject.analysis.bottlenecks.systems
        func pending(_ node: DOTNode) -> Double {
            if let position = subject.systemPosition[node.id] { return systems[position].pendingEffort }
            return subject.workItem(.gate, node.id)?.effort.expectedDays ?? 0
        }
        let ranked = cluster.nodes.indices.sorted { (-pending(cluster.nodes[$0]), $0) < (-pending(cluster.nodes[$1]), $1) }
        let kept = Set(ranked.prefix(Self.nodeLimit))
        var result = cluster
        result.nodes = cluster.nodes.indices.filter(kept.contains).map { cluster.nodes[$0] }
        return (
            result,
            "its box is drawn with the \(Self.nodeLimit) systems and gates of most pending days; "
                + "\(Wording.grouped(cluster.nodes.count - Self.nodeLimit)) others in it are left out"
        )
    }

    /// The boxes of the backlog map as drawn, each beside what ``BacklogBoxes`` says of it.
    private struct TeamBoxes {
        let boxes: [BacklogBoxes.Box]
        let clusters: [DOTCluster]
        let unboxed: [DOTNode]
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

    /// One box per owner of pending work (``BacklogBoxes``: who owns how many days, whose
    /// work waits in it) holding its systems and pending gates, filled on the heat scale of
    /// their pending effort; systems with no work at them and no box of their owner stand
    /// outside. A box that holds nothing (its owner's work all sits on systems in other
    /// boxes) gets a small note, since Graphviz draws no empty box.
    private static func teamBoxes(_ subject: MapSubject, touched: Set<String>, heat: HeatScale, taken: Set<String>) -> TeamBoxes {
        let landscape = subject.landscape
        let systems = subject.analysis.bottlenecks.systems
        let positions = landscape.systems.indices.filter { touched.contains(landscape.systems[$0].id) }
        let placement = BacklogBoxes(subject, touched: positions)
        func systemNode(_ position: Int, in box: BacklogBoxes.Box?) -> DOTNode {
            let system = landscape.systems[position]
            let pending = systems[position].pendingEffort
            var attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
            var label = attributes["label"] ?? ""
            if pending > 0 {
                label += "\n\(DaysText.days(pending, decimals: 1)) d pending"
                attributes["fillcolor"] = heat.fill(for: pending)
                attributes["fontcolor"] = heat.fontColor(for: pending)
            }
            // A system drawn in another owner's box says whose it is.
            if let owner = system.owner?.id, owner != box?.team { label += "\nowner: \(subject.teamName(owner))" }
            attributes["label"] = label
            return DOTNode(id: system.id, attributes: attributes)
        }
        var taken = taken
        let clusters = placement.boxes.map { box in
            var nodes = box.systems.map { systemNode($0, in: box) }
            for position in box.gates {
                let gate = landscape.gates[position]
                let days = subject.workItem(.gate, gate.id)?.effort.expectedDays ?? 0
                let effort = subject.effortText(.gate, gate.id)
                var attributes = MapFrame.gateAttributes(gate, detail: effort, effort: effort)
                attributes["fillcolor"] = heat.fill(for: days)
                attributes["fontcolor"] = heat.fontColor(for: days)
                nodes.append(DOTNode(id: gate.id, attributes: attributes))
            }
            if nodes.isEmpty {
                var id = "~owner"
                while !taken.insert(id).inserted { id = "_" + id }
                nodes.append(
                    DOTNode(
                        id: id,
                        attributes: [
                            "id": id, "shape": "note", "fontsize": "9", "color": MapPalette.clusterBorder,
                            "label": "its work waits\n\(box.whereElse)", "tooltip": box.label
                        ]))
            }
            return MapFrame.cluster(label: box.label, nodes: nodes)
        }
        return TeamBoxes(boxes: placement.boxes, clusters: clusters, unboxed: placement.unboxed.map { systemNode($0, in: nil) })
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
