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
        var drawing = Drawing(map: self, subject: subject, analysis: analysis)
        let drawn = drawing.selection()
        drawing.addSystems(drawn.systems)
        drawing.addFlows(drawn.flows)
        drawing.addWaits(systems: drawn.systems, gates: drawn.waitedGates)
        drawing.addHandoffs(systems: drawn.systems)
        drawing.addPilot()
        var result = MapDrawing(
            graph: drawing.graph, legend: Self.legend(withCapacity: analysis.plannedReady != nil && !analysis.ready), avoiding: subject.entityIDs)
        result.directionsToTry = ["LR", "TB"]
        return result
    }

    /// With team capacity the critical path is the chain that sets the planned finish, and
    /// slack is still the critical path method's: the legend says which is which.
    private static func legend(withCapacity: Bool) -> MapLegend {
        var legend = MapLegend()
        legend.add(
            .glyph("━━━▶", color: MapPalette.critical),
            withCapacity
                ? "critical path: the chain that sets its finish with the teams' capacity (work and freed hands)"
                : "critical path: its items have no slack")
        if withCapacity {
            legend.add(.glyph("╌╌╌▶", color: MapPalette.critical), "hand freed: the next item started when this one freed its team's hand")
        }
        legend.addFlowStatuses()
        legend.add(
            .glyph("effort · slack", color: "#1a1a1a"),
            "on each pending item: days of effort, days it may slip" + (withCapacity ? " with unlimited hands" : ""))
        legend.add(.glyph("◇", color: MapPalette.gateColor), "gate (review, sign-off) on the flow it guards")
        legend.add(.glyph("◯◯", color: "#1a1a1a"), "double outline: dominator, every data path to the pilot passes here")
        legend.add(.glyph("⬡", color: MapPalette.pilotColor), "the pilot, linked (dotted) from the systems it needs")
        return legend
    }

    /// One pilot view being drawn: what it shows and the graph so far.
    private struct Drawing {
        let map: PilotMap
        let subject: MapSubject
        let analysis: PilotAnalysis
        let critical: Set<String>
        let dominators: Set<String>
        let gates: [String: Gate]
        var graph: DOTGraph
        var drawnGates: Set<String> = []

        init(map: PilotMap, subject: MapSubject, analysis: PilotAnalysis) {
            self.map = map
            self.subject = subject
            self.analysis = analysis
            critical = Set(analysis.criticalPath)
            dominators = Set(analysis.dominators)
            gates = Dictionary(subject.landscape.gates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            graph = MapFrame.graph(title: subject.title(.pilot(map.pilot)), rankdir: "LR")
        }

        /// `effort · slack` of a pending item, as the schedule has it; for another pilot's
        /// item on its critical path, that it holds a team's hand the pilot waits for.
        func schedule(_ id: String) -> String? {
            if let entry = analysis.work.entry(for: id) {
                return "\(DaysText.effort(of: entry.item)) · slack \(DaysText.days(entry.slack, decimals: 1)) d"
            }
            guard critical.contains(id) else { return nil }
            let kind: EntityKind = subject.flowPosition[id] != nil ? .flow : subject.systemPosition[id] != nil ? .system : .gate
            return "\(subject.effortText(kind, id)) · another pilot's work"
        }

        /// The lineage and every item of the work (or, critical path only, that and the
        /// systems the pilot needs), with the gates the work waits for.
        func selection() -> (flows: Set<String>, systems: Set<String>, waitedGates: Set<String>) {
            let landscape = subject.landscape
            var flows = Set(analysis.lineage.flows.map { landscape.flows[Int($0)].id })
            var systems = Set(analysis.lineage.systems.map { landscape.systems[Int($0)].id })
            var waitedGates: Set<String> = []
            for entry in analysis.work {
                switch entry.item.kind {
                case .flow:
                    flows.insert(entry.item.id)
                    if let position = subject.flowPosition[entry.item.id] {
                        systems.insert(landscape.flows[position].from.id)
                        systems.insert(landscape.flows[position].to.id)
                    }
                case .system: systems.insert(entry.item.id)
                default: waitedGates.insert(entry.item.id)
                }
            }
            // With team capacity the critical path may pass through another pilot's item
            // that held a team's only hand: drawn too, since the pilot waits on it.
            for id in analysis.criticalPath where analysis.work.entry(for: id) == nil {
                if let position = subject.flowPosition[id] {
                    flows.insert(id)
                    systems.formUnion([landscape.flows[position].from.id, landscape.flows[position].to.id])
                } else if subject.systemPosition[id] != nil {
                    systems.insert(id)
                } else {
                    waitedGates.insert(id)
                }
            }
            guard map.criticalPathOnly else { return (flows, systems, waitedGates) }
            flows.formIntersection(critical)
            systems = critical.intersection(systems).union(analysis.pilot.needs.map(\.system.id))
            for flow in flows {
                guard let position = subject.flowPosition[flow] else { continue }
                systems.formUnion([landscape.flows[position].from.id, landscape.flows[position].to.id])
            }
            return (flows, systems, waitedGates.intersection(critical))
        }

        mutating func addSystems(_ drawn: Set<String>) {
            for system in subject.landscape.systems where drawn.contains(system.id) {
                var attributes = MapFrame.systemAttributes(system, tooltip: subject.systemTooltip(system))
                if let line = schedule(system.id) { attributes["label"] = (attributes["label"] ?? "") + "\n" + line }
                if critical.contains(system.id) {
                    attributes["color"] = MapPalette.critical
                    attributes["penwidth"] = MapPalette.criticalWidth
                }
                if dominators.contains(system.id) {
                    attributes["peripheries"] = "2"
                    attributes["tooltip"] = (attributes["tooltip"] ?? "") + "\ndominator: every data path to \(map.pilot) passes here"
                }
                graph.nodes.append(DOTNode(id: system.id, attributes: attributes))
            }
        }

        mutating func addGate(_ gate: Gate) {
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

        /// Each flow styled by status, labelled with what blocks it and its schedule; gates
        /// sit on the flow they guard: from → gate → … → to.
        mutating func addFlows(_ drawn: Set<String>) {
            for flow in subject.landscape.flows where drawn.contains(flow.id) {
                var attributes = MapPalette.edgeStyle(for: flow.status)
                var label: [String] = []
                if flow.status == .blocked { label.append(MapFrame.blockedLabel(flow)) }
                if let line = schedule(flow.id) { label.append(line) }
                if !label.isEmpty { attributes["label"] = label.joined(separator: "\n") }
                if critical.contains(flow.id) {
                    attributes["color"] = MapPalette.critical
                    attributes["fontcolor"] = MapPalette.critical
                    attributes["penwidth"] = MapPalette.criticalWidth
                    attributes["style"] = "bold"
                }
                attributes["tooltip"] = subject.flowTooltip(flow)
                var stops = [flow.from.id]
                for reference in flow.after {
                    guard let gate = gates[reference.id] else { continue }
                    addGate(gate)
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
        }

        /// Gates that systems or the pilot wait for, and gates of the work guarding nothing drawn.
        mutating func addWaits(systems drawn: Set<String>, gates waited: Set<String>) {
            for system in subject.landscape.systems where drawn.contains(system.id) {
                for reference in system.after where !map.criticalPathOnly || critical.contains(reference.id) {
                    guard let gate = gates[reference.id] else { continue }
                    addGate(gate)
                    graph.edges.append(map.waitEdge(from: gate.id, to: system.id, critical: critical.contains(gate.id)))
                }
            }
            let pilotAfter = Set(analysis.pilot.after.map(\.id))
            for id in waited.union(pilotAfter).sorted() where !drawnGates.contains(id) || pilotAfter.contains(id) {
                guard let gate = gates[id] else { continue }
                addGate(gate)
                graph.edges.append(map.waitEdge(from: gate.id, to: map.pilot, critical: critical.contains(gate.id)))
            }
        }

        /// With team capacity, a dashed critical edge from each item of the critical path to
        /// the next one that waited for its team's hand: the link no flow or gate draws. A
        /// flow is joined at its target (where it ends) and its source (where it starts).
        mutating func addHandoffs(systems drawn: Set<String>) {
            let path = analysis.criticalPath
            func anchor(_ id: String, end: Bool) -> String? {
                if let position = subject.flowPosition[id] {
                    let flow = subject.landscape.flows[position]
                    return end ? flow.to.id : flow.from.id
                }
                return drawn.contains(id) || drawnGates.contains(id) ? id : nil
            }
            for (before, after) in zip(path, path.dropFirst()) where analysis.waitedForHand.contains(after) {
                guard let from = anchor(before, end: true), let to = anchor(after, end: false), from != to else { continue }
                graph.edges.append(
                    DOTEdge(
                        from: from, to: to,
                        attributes: [
                            "id": "hand:\(before)~\(after)", "style": "dashed", "color": MapPalette.critical,
                            "fontcolor": MapPalette.critical, "penwidth": MapPalette.criticalWidth,
                            "label": "hand freed", "tooltip": "\(after) started when \(before) freed its team's hand"
                        ]))
            }
        }

        /// The pilot's hexagon with its duration, state and finish, and its needs.
        mutating func addPilot() {
            var extra = ["duration \(DaysText.days(analysis.duration, decimals: 1)) d"]
            if let planned = analysis.plannedReady, !analysis.ready {
                extra.append("ready in \(DaysText.days(planned, decimals: 1)) d with the teams' capacity")
            }
            extra.append(analysis.state.words)
            if let finish = analysis.finishText { extra.append("done \(finish)") }
            graph.nodes.append(MapFrame.pilotNode(analysis.pilot, extra: extra))
            graph.edges += MapFrame.needEdges(analysis.pilot)
        }
    }

    fileprivate func waitEdge(from: String, to: String, critical: Bool) -> DOTEdge {
        var edge = MapFrame.waitEdge(from: from, to: to, why: "\(to) waits for \(from)")
        if critical {
            edge.attributes["color"] = MapPalette.critical
            edge.attributes["penwidth"] = MapPalette.criticalWidth
        }
        return edge
    }
}
