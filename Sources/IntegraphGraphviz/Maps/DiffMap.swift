import Integraph

/// The `diff` view: the union of two snapshots of a landscape, clustered by domain. What
/// was added is green, what was removed red and dashed, what changed amber (its tooltip
/// lists the keys); what stayed the same is grey. Pilots whose schedule moved are amber too.
///
/// ```swift
/// let comparison = MapSubject.Comparison(old: lastWeek, new: today)
/// let drawing = DiffMap(comparison).drawing(for: MapSubject(today, modelDate: nil))
/// ```
package struct DiffMap: Sendable {
    public var comparison: MapSubject.Comparison

    public init(_ comparison: MapSubject.Comparison) {
        self.comparison = comparison
    }

    enum Change { case added, removed, changed, same }

    public func drawing(for subject: MapSubject) -> MapDrawing {
        let diff = comparison.diff
        let old = comparison.baseline, new = subject.landscape
        // Looked up once per drawn entity: sets and a dictionary, not scans of the lists.
        let added = Set(diff.added.flatMap { kind, ids in ids.map { "\(kind.rawValue) \($0)" } })
        let removed = Set(diff.removed.flatMap { kind, ids in ids.map { "\(kind.rawValue) \($0)" } })
        var changed: [String: LandscapeDiff.Change] = [:]
        for (kind, changes) in diff.changed { for change in changes { changed["\(kind.rawValue) \(change.id)"] = change } }
        func status(_ kind: EntityKind, _ id: String) -> (Change, String?) {
            let key = "\(kind.rawValue) \(id)"
            if added.contains(key) { return (.added, nil) }
            if removed.contains(key) { return (.removed, nil) }
            if let change = changed[key] {
                return (.changed, change.fields.map { "\($0.key): \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: "\n"))
            }
            return (.same, nil)
        }
        // What the old snapshot had and the new one lacks is exactly what was removed.
        func gone(_ kind: EntityKind) -> Set<String> { Set(diff.removed[kind] ?? []) }
        var graph = MapFrame.graph(title: subject.title(.diff), rankdir: "LR")
        var groups: [String: [DOTNode]] = [:]
        let removedSystems = gone(.system)
        let systems = new.systems + old.systems.filter { removedSystems.contains($0.id) }
        for system in systems {
            let (change, detail) = status(.system, system.id)
            var attributes = MapFrame.systemAttributes(system, tooltip: ([system.id, Self.words(change)] + [detail].compactMap { $0 }).joined(separator: "\n"))
            Self.style(&attributes, change, fill: true)
            groups[system.domain ?? "(no domain)", default: []].append(DOTNode(id: system.id, attributes: attributes))
        }
        for group in groups.keys.sorted() { graph.clusters.append(MapFrame.cluster(label: group, nodes: groups[group] ?? [])) }
        let removedFlows = gone(.flow)
        let flows = new.flows + old.flows.filter { removedFlows.contains($0.id) }
        for flow in flows {
            let (change, detail) = status(.flow, flow.id)
            var attributes: DOTAttributes = ["id": flow.id, "tooltip": ([flow.id, Self.words(change)] + [detail].compactMap { $0 }).joined(separator: "\n")]
            Self.style(&attributes, change, fill: false)
            graph.edges.append(DOTEdge(from: flow.from.id, to: flow.to.id, attributes: attributes))
        }
        let moved = Dictionary(diff.pilots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let removedPilots = gone(.pilot)
        let pilots = new.pilots + old.pilots.filter { removedPilots.contains($0.id) }
        for pilot in pilots {
            var (change, _) = status(.pilot, pilot.id)
            if change == .same && moved[pilot.id] != nil { change = .changed }
            var node = MapFrame.pilotNode(pilot)
            if let schedule = moved[pilot.id] {
                node.attributes["tooltip"] = (node.attributes["tooltip"] ?? "") + "\n" + schedule.why.joined(separator: "\n")
            }
            if change != .same { node.attributes["color"] = Self.color(change); node.attributes["penwidth"] = "2.5" }
            if change == .removed { node.attributes["style"] = "filled,dashed" }
            graph.nodes.append(node)
            graph.edges += MapFrame.needEdges(pilot)
        }
        var legend = MapLegend()
        legend.add(.glyph("■ ━━▶", color: MapPalette.added), "added")
        legend.add(.glyph("■ ╍╍▶", color: MapPalette.removed), "removed (dashed)")
        legend.add(.glyph("■ ━━▶", color: MapPalette.changed), "changed: its tooltip lists the keys; a pilot whose schedule moved")
        legend.add(.glyph("■ ───▶", color: MapPalette.unchanged), "unchanged")
        let taken = Set(systems.map(\.id)).union(flows.map(\.id)).union(pilots.map(\.id))
        var drawing = MapDrawing(graph: graph, legend: legend, avoiding: taken)
        drawing.arrangesClustersInGrid = true
        return drawing
    }

    static func color(_ change: Change) -> String {
        switch change {
        case .added: MapPalette.added
        case .removed: MapPalette.removed
        case .changed: MapPalette.changed
        case .same: MapPalette.unchanged
        }
    }

    static func words(_ change: Change) -> String {
        switch change {
        case .added: "added"
        case .removed: "removed"
        case .changed: "changed"
        case .same: "unchanged"
        }
    }

    static func style(_ attributes: inout DOTAttributes, _ change: Change, fill: Bool) {
        attributes["color"] = color(change)
        attributes["penwidth"] = change == .same ? "1" : "2.2"
        if fill {
            attributes["fillcolor"] = change == .same ? "#ffffff" : color(change) + "33"
            attributes["style"] = change == .removed ? "rounded,filled,dashed" : "rounded,filled"
            attributes["fontcolor"] = change == .same ? "#666666" : "#1a1a1a"
        } else {
            attributes["style"] = change == .removed ? "dashed" : "solid"
        }
    }
}
