import Integraph

/// The `pilot:ID` view: what one pilot waits for, sources first and the pilot last (left to
/// right, or top to bottom when that brings the map nearer a page's shape). It draws the pilot's lineage and every item of its work (some lie outside the
/// lineage, reached through `after` links); its critical path bold and dark red; each
/// pending item labelled with its effort and slack; gates as diamonds on the flows they
/// guard (or beside the system or pilot that waits for them); and its dominators, the
/// systems every data path into it passes through, outlined twice.
///
/// ```swift
/// let graph = try PilotMap(pilot: "churn-copilot").drawing(for: subject)
/// ```
package struct PilotMap: Sendable {
    public var pilot: String
    /// Draw only the critical path, the needed systems and the pilot: for pilots whose
    /// lineage is too big to read.
    public var criticalPathOnly: Bool

    public init(pilot: String, criticalPathOnly: Bool = false) {
        self.pilot = pilot
        self.criticalPathOnly = criticalPathOnly
    }

    public func drawing(for subject: MapSubject) throws(MapViewError) -> MapDrawing {
        guard let analysis = subject.analysis.pilots.first(where: { $0.pilot.id == pilot }) else {
            throw MapViewError(
                "no pilot '\(pilot)' in the model"
                    + Suggestion.phrase(for: pilot, among: subject.landscape.pilots.map(\.id)))
        }
        let landscape = subject.landscape
        var graph = MapFrame.graph(title: subject.title(.pilot(pilot)), rankdir: "LR")
        let critical = Set(analysis.criticalPath)
        let dominators = Set(analysis.dominators)
        func schedule(_ id: String) -> String? {
            analysis.work.entry(for: id).map {
                "\(DaysText.effort(of: $0.item)) · slack \(DaysText.days($0.slack, decimals: 1)) d"
            }
        }

        var drawnFlows = Set(analysis.lineage.flows.map { landscape.flows[Int($0)].id })
        var drawnSystems = Set(analysis.lineage.systems.map { landscape.systems[Int($0)].id })
        var waitedGates: Set<String> = []
        for entry in analysis.work {
            switch entry.item.kind {
            case .flow:
                drawnFlows.insert(entry.item.id)
                if let position = subject.flowPosition[entry.item.id] {
                    drawnSystems.insert(landscape.flows[position].from.id)
                    drawnSystems.insert(landscape.flows[position].to.id)
                }
            case .system: drawnSystems.insert(entry.item.id)
            default: waitedGates.insert(entry.item.id)
            }
        }
        if criticalPathOnly {
            drawnFlows.formIntersection(critical)
            drawnSystems = critical.intersection(drawnSystems).union(analysis.pilot.needs.map(\.system.id))
            for flow in drawnFlows {
                guard let position = subject.flowPosition[flow] else { continue }
                drawnSystems.formUnion([landscape.flows[position].from.id, landscape.flows[position].to.id])
            }
            waitedGates.formIntersection(critical)
        }

        for system in landscape.systems where drawnSystems.contains(system.id) {
            var attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
            if let line = schedule(system.id) { attributes["label"] = (attributes["label"] ?? "") + "\n" + line }
            if critical.contains(system.id) {
                attributes["color"] = MapPalette.critical
                attributes["penwidth"] = MapPalette.criticalWidth
            }
            if dominators.contains(system.id) {
                attributes["peripheries"] = "2"
                attributes["tooltip"] = (attributes["tooltip"] ?? "") + "\ndominator: every data path to \(pilot) passes here"
            }
            graph.nodes.append(DOTNode(id: system.id, attributes: attributes))
        }

        let gates = Dictionary(landscape.gates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var drawnGates: Set<String> = []
        func gateNode(_ gate: Gate) {
            guard drawnGates.insert(gate.id).inserted else { return }
            var attributes = MapFrame.gateAttributes(
                gate, detail: schedule(gate.id) ?? gate.status.rawValue,
                effort: subject.effortText(.gate, gate.id))
            if critical.contains(gate.id) {
                attributes["color"] = MapPalette.critical
                attributes["penwidth"] = MapPalette.criticalWidth
            }
            graph.nodes.append(DOTNode(id: gate.id, attributes: attributes))
        }

        for flow in landscape.flows where drawnFlows.contains(flow.id) {
            var attributes = MapPalette.edgeStyle(for: flow.status)
            var label: [String] = []
            if flow.status == .blocked { label.append("blocked: \(flow.blockedBy ?? "reason not given")") }
            if let line = schedule(flow.id) { label.append(line) }
            if !label.isEmpty { attributes["label"] = label.joined(separator: "\n") }
            if critical.contains(flow.id) {
                attributes["color"] = MapPalette.critical
                attributes["fontcolor"] = MapPalette.critical
                attributes["penwidth"] = MapPalette.criticalWidth
                attributes["style"] = "bold"
            }
            attributes["tooltip"] = subject.flowTooltip(flow)
            // Gates sit on the flow they guard: from → gate → … → to.
            var stops = [flow.from.id]
            for reference in flow.after {
                guard let gate = gates[reference.id] else { continue }
                gateNode(gate)
                stops.append(gate.id)
            }
            stops.append(flow.to.id)
            for (step, (from, to)) in zip(stops, stops.dropFirst()).enumerated() {
                var segment = attributes
                segment["id"] = step == 0 ? flow.id : "\(flow.id)~\(from)"
                if to != flow.to.id { segment["arrowhead"] = "none" }
                if step > 0 { segment["label"] = nil }
                graph.edges.append(DOTEdge(from: from, to: to, attributes: segment))
            }
        }
        // Gates that systems or the pilot wait for, and gates of the work guarding nothing drawn.
        for system in landscape.systems where drawnSystems.contains(system.id) {
            for reference in system.after where !criticalPathOnly || critical.contains(reference.id) {
                guard let gate = gates[reference.id] else { continue }
                gateNode(gate)
                graph.edges.append(waitEdge(from: gate.id, to: system.id, critical: critical.contains(gate.id)))
            }
        }
        let pilotAfter = Set(analysis.pilot.after.map(\.id))
        for id in waitedGates.union(pilotAfter).sorted() where !drawnGates.contains(id) || pilotAfter.contains(id) {
            guard let gate = gates[id] else { continue }
            gateNode(gate)
            graph.edges.append(waitEdge(from: gate.id, to: pilot, critical: critical.contains(gate.id)))
        }

        var extra = ["duration \(DaysText.days(analysis.duration, decimals: 1)) d"]
        extra.append(analysis.state.words)
        if let finish = analysis.finishText { extra.append("done \(finish)") }
        graph.nodes.append(MapFrame.pilotNode(analysis.pilot, extra: extra))
        graph.edges += MapFrame.needEdges(analysis.pilot)

        var legend = MapLegend()
        legend.add(.glyph("━━━▶", color: MapPalette.critical), "critical path: its items have no slack")
        legend.addFlowStatuses()
        legend.add(.glyph("effort · slack", color: "#1a1a1a"), "on each pending item: days of effort, days it may slip")
        legend.add(.glyph("◇", color: MapPalette.gateColor), "gate (review, sign-off) on the flow it guards")
        legend.add(.glyph("◯◯", color: "#1a1a1a"), "double outline: dominator, every data path to the pilot passes here")
        legend.add(.glyph("⬡", color: MapPalette.pilotColor), "the pilot, linked (dotted) from the systems it needs")
        var drawing = MapDrawing(graph: graph, legend: legend, avoiding: subject.entityIDs)
        drawing.directionsToTry = ["LR", "TB"]
        return drawing
    }

    private func waitEdge(from: String, to: String, critical: Bool) -> DOTEdge {
        var edge = MapFrame.waitEdge(from: from, to: to, why: "\(to) waits for \(from)")
        if critical {
            edge.attributes["color"] = MapPalette.critical
            edge.attributes["penwidth"] = MapPalette.criticalWidth
        }
        return edge
    }
}
