/// Merges a fresh import into a model people have worked on, so that re-importing a catalog
/// never loses hand work. Imported systems and flows are matched by id and updated in the
/// keys the source sets (name, kind, domain, owner, attributes, a flow's ends and
/// classification, a live status); what only people write is kept: efforts, `after`,
/// `derives`, a flow's `data` where it has some, and the status of pending work. New
/// entities are added after the model's own, in the import's order; entities this source
/// imported before but no longer has are reported, and kept as `deprecated` (flows as they
/// are) unless `prune` removes them and their flows. Pilots, gates, estimates and the calendar are never
/// touched. O(S + F).
///
/// ```swift
/// let merged = ImportMerge.merge(imported, into: model, source: "backstage", prune: false)
/// for note in merged.notes { print(note) }
/// ```
package enum ImportMerge {
    public static func merge(
        _ imported: Landscape, into model: Landscape, source: String, prune: Bool,
        file: String = "model"
    ) -> (landscape: Landscape, notes: [ImportNote]) {
        var result = model
        var notes: [ImportNote] = []
        let importedSystems = Dictionary(imported.systems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let importedFlows = Dictionary(imported.flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var gone: Set<String> = []
        result.systems = model.systems.compactMap { system in
            guard let fresh = importedSystems[system.id] else {
                guard system.attributes["source"] == source else { return system }
                notes.append(
                    ImportNote(
                        file: file, position: system.position,
                        message: "system '\(system.id)' is no longer in the \(source) source"
                            + (prune ? ": removed" : ": kept as deprecated")))
                gone.insert(system.id)
                if prune { return nil }
                var kept = system
                kept.status = .deprecated
                return kept
            }
            var merged = system
            merged.name = fresh.name ?? system.name
            merged.kind = fresh.kind ?? system.kind
            merged.domain = fresh.domain ?? system.domain
            merged.owner = fresh.owner ?? system.owner
            if !system.isPending { merged.status = fresh.status }
            merged.attributes.merge(fresh.attributes) { _, new in new }
            return merged
        }
        result.flows = model.flows.compactMap { flow in
            if prune, gone.contains(flow.from.id) || gone.contains(flow.to.id) { return nil }
            guard let fresh = importedFlows[flow.id] else {
                guard flow.attributes["source"] == source else { return flow }
                notes.append(
                    ImportNote(
                        file: file, position: flow.position,
                        message: "flow '\(flow.id)' is no longer in the \(source) source" + (prune ? ": removed" : ": kept")))
                return prune ? nil : flow
            }
            var merged = flow
            merged.from = fresh.from
            merged.to = fresh.to
            if flow.data.isEmpty { merged.data = fresh.data }
            if !flow.isPending { merged.status = fresh.status }
            merged.attributes.merge(fresh.attributes) { _, new in new }
            return merged
        }
        let known = Set(model.systems.map(\.id)), knownFlows = Set(model.flows.map(\.id)), knownTeams = Set(model.teams.map(\.id))
        result.systems += imported.systems.filter { !known.contains($0.id) }
        result.flows += imported.flows.filter { !knownFlows.contains($0.id) }
        result.teams += imported.teams.filter { !knownTeams.contains($0.id) }
        return (result, notes)
    }
}
