import Integraph

/// The `focus:SYSTEM[:DEPTH]` view: one system and the systems up to DEPTH flows away from
/// it in either direction (default 1, at most 5), and no other; the flows among them styled
/// by status, pending work filled on the heat scale of its pressure, the focus drawn bold,
/// the pilots whose lineage or work includes it, and a note in the legend of what was left
/// out — the view users of Backstage's catalog graph and dependency-cruiser's `--focus`
/// start from. A breadth-first walk over the flows, O(S + F).
///
/// ```swift
/// let drawing = try FocusMap("snowflake:2").drawing(for: subject)
/// ```
package struct FocusMap: Sendable {
    public static let maximumDepth = 5
    /// The most systems a focus map draws, nearest first: five flows around a hub of a
    /// 100,000-system landscape reach tens of thousands, which dot lays out for minutes.
    public static let systemLimit = 300
    /// As written after `focus:`: a system id, or a system id, a colon and a depth.
    public let target: String

    public init(_ target: String) {
        self.target = target
    }

    /// The system and depth `target` names: the whole text if it is a system id, else the
    /// text before a final `:N`.
    func resolve(in subject: MapSubject) throws(MapViewError) -> (system: String, depth: Int) {
        if subject.systemPosition[target] != nil { return (target, 1) }
        if let colon = target.lastIndex(of: ":") {
            let system = String(target[..<colon]), digits = target[target.index(after: colon)...]
            if subject.systemPosition[system] != nil {
                // Checked as text before any conversion: a depth is one or two digits.
                guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber), let depth = Int(digits),
                    (1...Self.maximumDepth).contains(depth)
                else {
                    throw MapViewError("the depth of focus:\(target) must be a whole number from 1 to \(Self.maximumDepth)")
                }
                return (system, depth)
            }
        }
        throw MapViewError("no system '\(target)' to focus on" + Suggestion.phrase(for: target, among: subject.landscape.systems.map(\.id)))
    }

    public func drawing(for subject: MapSubject) throws(MapViewError) -> MapDrawing {
        let (focus, depth) = try resolve(in: subject)
        let landscape = subject.landscape
        let (distance, reachable) = Self.distances(from: focus, upTo: depth, in: landscape)
        let words = depth == 1 ? "1 flow" : "\(depth) flows"
        var graph = MapFrame.graph(title: subject.title(.focus("\(focus), \(words) away")), rankdir: "LR")
        let table = subject.analysis.bottlenecks.systems
        let heat = HeatScale(maximum: distance.keys.compactMap { subject.systemPosition[$0] }.map { table[$0].pressure }.max() ?? 0)
        addSystems(within: distance, focus: focus, heat: heat, subject, to: &graph)
        let drawnFlows = addFlows(within: distance, subject, to: &graph)
        addPilots(waitingOn: focus, within: distance, subject, to: &graph)
        var legend = MapLegend()
        legend.add(.glyph("▭", color: MapPalette.critical), "bold red outline: \(focus), the system in focus")
        legend.addHeat("backlog pressure", unit: "pilot-days", scale: heat)
        legend.addFlowStatuses()
        legend.add(.glyph("⬡", color: MapPalette.pilotColor), "pilots whose lineage or work includes \(focus)")
        let hiddenSystems = landscape.systems.count - distance.count
        let hiddenFlows = landscape.flows.count - drawnFlows
        var notice: String?
        if reachable > distance.count {
            let farthest = distance.values.max() ?? 0
            notice =
                "drawn: the \(Self.systemLimit) systems nearest \(focus), up to \(farthest == 1 ? "1 flow" : "\(farthest) flows") away; "
                + "\(Wording.grouped(reachable - distance.count)) more within \(words) are left out (a smaller depth draws fewer)"
        }
        legend.add(
            .glyph("…", color: "#1a1a1a"),
            notice
                ?? (hiddenSystems + hiddenFlows == 0
                    ? "nothing left out"
                    : "left out: \(Wording.counted(hiddenSystems, "system")) and \(Wording.counted(hiddenFlows, "flow")) "
                        + "more than \(words) away"))
        var drawing = MapDrawing(graph: graph, legend: legend, avoiding: subject.entityIDs)
        drawing.notice = notice
        return drawing
    }

    /// The ``systemLimit`` systems nearest `focus` at most `depth` flows from it, either way,
    /// with their distance, and how many systems are that near in all.
    private static func distances(from focus: String, upTo depth: Int, in landscape: Landscape) -> (
        distance: [String: Int], reachable: Int
    ) {
        var neighbours: [String: [String]] = [:]
        for flow in landscape.flows {
            neighbours[flow.from.id, default: []].append(flow.to.id)
            neighbours[flow.to.id, default: []].append(flow.from.id)
        }
        var distance = [focus: 0]
        var queue = [focus], head = 0
        while head < queue.count {
            let system = queue[head]
            head += 1
            guard let reached = distance[system], reached < depth else { continue }
            for next in neighbours[system] ?? [] where distance[next] == nil {
                distance[next] = reached + 1
                queue.append(next)
            }
        }
        // Breadth first, so the queue is in order of distance: its head is the nearest.
        let kept = queue.prefix(systemLimit)
        return (Dictionary(uniqueKeysWithValues: kept.map { ($0, distance[$0] ?? 0) }), queue.count)
    }

    /// The systems in reach, pending ones filled by pressure, the focus outlined.
    private func addSystems(
        within distance: [String: Int], focus: String, heat: HeatScale, _ subject: MapSubject, to graph: inout DOTGraph
    ) {
        let table = subject.analysis.bottlenecks.systems
        for system in subject.landscape.systems where distance[system.id] != nil {
            var attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
            if let position = subject.systemPosition[system.id], table[position].pressure > 0 {
                attributes["fillcolor"] = heat.fill(for: table[position].pressure)
                attributes["fontcolor"] = heat.fontColor(for: table[position].pressure)
            }
            if system.id == focus {
                attributes["penwidth"] = "3"
                attributes["color"] = MapPalette.critical
            }
            graph.nodes.append(DOTNode(id: system.id, attributes: attributes))
        }
    }

    /// The flows between systems in reach, styled by status; returns how many.
    private func addFlows(within distance: [String: Int], _ subject: MapSubject, to graph: inout DOTGraph) -> Int {
        var drawn = 0
        for flow in subject.landscape.flows where distance[flow.from.id] != nil && distance[flow.to.id] != nil {
            var attributes = MapPalette.edgeStyle(for: flow.status)
            attributes["id"] = flow.id
            if flow.status == .blocked { attributes["label"] = MapFrame.blockedLabel(flow) }
            attributes["tooltip"] = subject.flowTooltip(flow)
            graph.edges.append(DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes))
            drawn += 1
        }
        return drawn
    }

    /// The pilots whose lineage or work includes the focus, with their needs in reach, or
    /// one dotted edge from the focus when none is.
    private func addPilots(waitingOn focus: String, within distance: [String: Int], _ subject: MapSubject, to graph: inout DOTGraph) {
        let table = subject.analysis.bottlenecks.systems
        let waiting = subject.systemPosition[focus].map { Set(table[$0].pilots) } ?? []
        for pilot in subject.landscape.pilots where waiting.contains(pilot.id) {
            graph.nodes.append(MapFrame.pilotNode(pilot))
            let needs = MapFrame.needEdges(pilot).filter { distance[$0.from] != nil }
            graph.edges +=
                needs.isEmpty
                ? [
                    DOTEdge(
                        from: focus, to: pilot.id,
                        attributes: [
                            "style": "dotted", "color": MapPalette.pilotColor,
                            "arrowhead": "empty", "id": "need:\(pilot.id):\(focus)",
                            "tooltip": "\(pilot.id) needs data that passes through \(focus)"
                        ])
                ]
                : needs
        }
    }
}
