/// The checks that span entities: unique ids, references that resolve to the right kind,
/// no self-flows, no cycles among `after` links; and the warnings about gaps a planner
/// should close (no champion, no owner, blocked without a reason, deprecated dependencies).
///
/// O((n + m) log n) for n entities and m references: ids are indexed once, cycles are found
/// with ``StronglyConnectedComponents``.
struct LandscapeValidator {
    private struct Declaration {
        let kind: EntityKind
        let position: SourcePosition
        var defaultFlowID = false
    }

    let landscape: Landscape
    /// Ids of entities the decoder had to leave out; references to them are not reported.
    let incompleteIDs: Set<String>
    private var declarations: [String: Declaration] = [:]
    /// Ids of each kind set references may name, gathered once for did-you-mean.
    private var candidates: [Set<EntityKind>: [String]] = [:]
    /// Did-you-mean phrases already worked out, by unknown id and expected kinds.
    private var suggestions: [String: String] = [:]

    /// How many distinct unknown ids get a did-you-mean search: each search reads every id
    /// of the kind, and a model with thousands of unknown references has a broken import,
    /// not typos, so past this many the errors go without suggestions and validation stays
    /// O((S + F) log) instead of quadratic.
    static let suggestionBudget = 50

    init(_ landscape: Landscape, incompleteIDs: Set<String>) {
        self.landscape = landscape
        self.incompleteIDs = incompleteIDs
    }

    mutating func validate(into findings: inout FindingCollector) {
        checkUniqueIDs(&findings)
        checkReferences(&findings)
        checkAfterCycles(&findings)
        warnAboutGaps(&findings)
    }

    // MARK: - Ids

    private mutating func checkUniqueIDs(_ findings: inout FindingCollector) {
        declarations.reserveCapacity(
            landscape.teams.count + landscape.systems.count + landscape.flows.count
                + landscape.gates.count + landscape.pilots.count)
        // Kind by kind, without sorting millions of entries: where an id turns up again, the
        // one written first in the file is the declaration and the other the duplicate.
        var duplicates: [(id: String, kind: EntityKind, position: SourcePosition, defaultFlowID: Bool)] = []
        func declare(_ id: String, _ kind: EntityKind, _ position: SourcePosition, defaultFlowID: Bool) {
            guard let first = declarations[id] else {
                declarations[id] = Declaration(kind: kind, position: position, defaultFlowID: defaultFlowID)
                return
            }
            if position < first.position {
                declarations[id] = Declaration(kind: kind, position: position, defaultFlowID: defaultFlowID)
                duplicates.append((id, first.kind, first.position, first.defaultFlowID))
            } else {
                duplicates.append((id, kind, position, defaultFlowID))
            }
        }
        for team in landscape.teams { declare(team.id, .team, team.position, defaultFlowID: false) }
        for system in landscape.systems { declare(system.id, .system, system.position, defaultFlowID: false) }
        for number in landscape.flows.indices {
            declare(
                landscape.flows[number].id, .flow, landscape.flows[number].position,
                defaultFlowID: !landscape.flows[number].hasExplicitID)
        }
        for gate in landscape.gates { declare(gate.id, .gate, gate.position, defaultFlowID: false) }
        for pilot in landscape.pilots { declare(pilot.id, .pilot, pilot.position, defaultFlowID: false) }
        for entry in duplicates {
            guard let first = declarations[entry.id] else { continue }
            if entry.defaultFlowID {
                findings.error(
                    "flow '\(entry.id)': another entity already has the default id '\(entry.id)' "
                        + "(the \(first.kind.rawValue) at line \(first.position.line)); give this flow an explicit 'id'",
                    at: entry.position, id: entry.id, rule: .duplicateID)
            } else {
                findings.error(
                    "\(entry.kind.rawValue) '\(entry.id)': duplicate id, already used by the "
                        + "\(first.kind.rawValue) at line \(first.position.line)",
                    at: entry.position, id: entry.id, rule: .duplicateID)
            }
        }
    }

    // MARK: - References

    private mutating func checkReferences(_ findings: inout FindingCollector) {
        let work = Set(EntityKind.workKinds)
        for system in landscape.systems {
            check(system.owner, "owner", of: "system '\(system.id)'", id: system.id, expecting: [.team], &findings)
            check(system.after, "after", of: "system '\(system.id)'", id: system.id, expecting: work, &findings)
        }
        for number in landscape.flows.indices {
            let flow = landscape.flows[number]
            check(flow.from, "from", of: "flow '\(flow.id)'", id: flow.id, expecting: [.system], &findings)
            check(flow.to, "to", of: "flow '\(flow.id)'", id: flow.id, expecting: [.system], &findings)
            check(flow.owner, "owner", of: "flow '\(flow.id)'", id: flow.id, expecting: [.team], &findings)
            check(flow.after, "after", of: "flow '\(flow.id)'", id: flow.id, expecting: work, &findings)
            if flow.from.id == flow.to.id {
                findings.error(
                    "flow '\(flow.id)': flows from '\(flow.from.id)' to itself; a flow joins two different systems",
                    at: flow.to.position, id: flow.id, rule: .selfFlow)
            }
        }
        for gate in landscape.gates {
            let subject = "gate '\(gate.id)'"
            check(gate.owner, "owner", of: subject, id: gate.id, expecting: [.team], &findings)
            check(gate.after, "after", of: subject, id: gate.id, expecting: work, &findings)
        }
        for rule in landscape.estimates {
            check(rule.owner, "owner", of: "estimate rule at line \(rule.position.line)", id: nil, expecting: [.team], &findings)
        }
        for pilot in landscape.pilots {
            let subject = "pilot '\(pilot.id)'"
            check(pilot.needs.map(\.system), "needs", of: subject, id: pilot.id, expecting: [.system], &findings)
            check(pilot.flows, "flows", of: subject, id: pilot.id, expecting: [.flow], &findings)
            check(pilot.after, "after", of: subject, id: pilot.id, expecting: work, &findings)
        }
    }

    private mutating func check(
        _ references: [Reference], _ key: String, of subject: @autoclosure () -> String, id: String?,
        expecting kinds: Set<EntityKind>, _ findings: inout FindingCollector
    ) {
        for reference in references {
            check(reference, key, of: subject(), id: id, expecting: kinds, &findings)
        }
    }

    /// `subject` is worded only when there is something to say: millions of flows are fine.
    private mutating func check(
        _ reference: Reference?, _ key: String, of subject: @autoclosure () -> String, id: String?,
        expecting kinds: Set<EntityKind>, _ findings: inout FindingCollector
    ) {
        guard let reference else { return }
        guard let declaration = declarations[reference.id] else {
            guard !incompleteIDs.contains(reference.id) else { return }
            findings.error(
                "\(subject()): '\(key)' names unknown \(Self.describe(kinds)) '\(reference.id)'"
                    + suggestion(for: reference.id, kinds), at: reference.position, id: id, rule: .unknownReference)
            return
        }
        if !kinds.contains(declaration.kind) {
            findings.error(
                "\(subject()): '\(key)' names the \(declaration.kind.rawValue) '\(reference.id)', "
                    + "but '\(key)' takes \(Self.describe(kinds)) ids",
                at: reference.position, id: id, rule: .unknownReference)
        }
    }

    /// `" (did you mean 'x'?)"` for an unknown id, within ``suggestionBudget``.
    private mutating func suggestion(for id: String, _ kinds: Set<EntityKind>) -> String {
        let key = kinds.sorted().map(\.rawValue).joined(separator: ",") + "\u{0}" + id
        if let known = suggestions[key] { return known }
        guard suggestions.count < Self.suggestionBudget else { return "" }
        if candidates[kinds] == nil {
            candidates[kinds] = declarations.filter { kinds.contains($0.value.kind) }.keys.sorted()
        }
        let phrase = Suggestion.phrase(for: id, among: candidates[kinds] ?? [])
        suggestions[key] = phrase
        return phrase
    }

    private static func describe(_ kinds: Set<EntityKind>) -> String {
        let names = kinds.sorted().map(\.rawValue)
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    // MARK: - Cycles

    /// Finds every strongly connected component of the `after` graph that holds a cycle and
    /// names one shortest cycle through its smallest id, so the message is deterministic.
    /// Only entities with `after` links of their own can be on a cycle, so only they are
    /// nodes: a few, however many millions of flows the landscape has.
    private func checkAfterCycles(_ findings: inout FindingCollector) {
        var ids: [String] = []
        var afters: [[Reference]] = []
        for system in landscape.systems where !system.after.isEmpty { ids.append(system.id); afters.append(system.after) }
        for number in landscape.flows.indices where !landscape.flows[number].after.isEmpty {
            ids.append(landscape.flows[number].id)
            afters.append(landscape.flows[number].after)
        }
        for gate in landscape.gates where !gate.after.isEmpty { ids.append(gate.id); afters.append(gate.after) }
        var indexOfID: [String: DirectedGraph.Node] = [:]
        for (index, id) in ids.enumerated() where indexOfID[id] == nil {
            indexOfID[id] = DirectedGraph.Node(index)
        }
        var edges: [(DirectedGraph.Node, DirectedGraph.Node)] = []
        for (index, references) in afters.enumerated() where indexOfID[ids[index]] == DirectedGraph.Node(index) {
            for reference in references {
                if let target = indexOfID[reference.id] { edges.append((DirectedGraph.Node(index), target)) }
            }
        }
        let graph = DirectedGraph(nodeCount: ids.count, edges: edges)
        let components = StronglyConnectedComponents(graph)
        var cycles: [[DirectedGraph.Node]] = []
        for members in components.members {
            guard let start = members.min(by: { ids[Int($0)] < ids[Int($1)] }) else { continue }
            if components.isOnCycle(start, in: graph), let cycle = components.shortestCycle(through: start, in: graph) {
                cycles.append(cycle)
            }
        }
        for cycle in cycles.sorted(by: { ids[Int($0[0])] < ids[Int($1[0])] }) {
            let start = Int(cycle[0])
            let names = (cycle + [cycle[0]]).map { ids[Int($0)] }
            let secondID = names[1]
            let position = afters[start].first(where: { $0.id == secondID })?.position ?? .start
            findings.error(
                "cycle in 'after' links: \(names.joined(separator: " -> ")) (each waits for the next, so none can start)",
                at: position, id: ids[start], rule: .afterCycle)
        }
    }

    // MARK: - Warnings

    /// More pending flows into a system than this, and an unlabelled pending flow out of it
    /// waits for every one of them: worth a warning.
    static let hubIncomingLimit = 5

    /// An unlabelled pending flow out of a system with many pending flows in: the implicit
    /// precedence rule cannot tell which of them feed it, so it waits for all of them.
    private func warnAboutUnlabelledFlowsOutOfHubs(_ findings: inout FindingCollector) {
        var pendingIn: [String: Int] = [:]
        for number in landscape.flows.indices where landscape.flows[number].isPending {
            pendingIn[landscape.flows[number].to.id, default: 0] += 1
        }
        let hubs = Set(
            landscape.flows.lazy.filter { $0.isPending && $0.data.isEmpty }.map(\.from.id)
                .filter { (pendingIn[$0] ?? 0) > Self.hubIncomingLimit })
        guard !hubs.isEmpty else { return }
        var incomingOf: [String: [String]] = [:]
        for flow in landscape.flows where flow.isPending && hubs.contains(flow.to.id) { incomingOf[flow.to.id, default: []].append(flow.id) }
        for flow in landscape.flows where flow.isPending && flow.data.isEmpty && hubs.contains(flow.from.id) {
            let incoming = incomingOf[flow.from.id] ?? []
            let named = incoming.sorted().prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            findings.warning(
                "flow '\(flow.id)' carries no data labels and leaves '\(flow.from.id)', which has \(incoming.count) "
                    + "pending flows coming in (\(named), …): it must wait for all of them; label its 'data' "
                    + "(and theirs) so that it waits only for the flows that feed it",
                at: flow.position, id: flow.id, rule: .unlabelledFlowFromHub)
        }
    }

    private func warnAboutGaps(_ findings: inout FindingCollector) {
        // Each flow's owner worked out where it is needed, not as a dictionary of every flow.
        let systemOwners = landscape.systemOwners()
        func owner(ofFlow number: Int) -> String? {
            let flow = landscape.flows[number]
            return flow.owner(own: { $0.id }, target: { systemOwners[flow.to.id] })
        }
        for item in landscape.pendingItems(ownerOfFlow: owner(ofFlow:))
        where item.effort == nil && !landscape.estimates.contains(where: { $0.matches(item) }) {
            findings.warning(
                "\(item.kind.rawValue) '\(item.id)' is pending work with no 'effort', and no estimates rule covers it: "
                    + "it will take the median effort of its kind",
                at: item.position, id: item.id, rule: .pendingWithoutEffort)
        }
        for system in landscape.systems {
            if system.owner == nil {
                findings.warning(
                    "system '\(system.id)' has no owner: name the team that runs it",
                    at: system.position, id: system.id, rule: .owned)
            }
        }
        for gate in landscape.gates where gate.owner == nil {
            findings.warning(
                "gate '\(gate.id)' has no owner: name the team that decides it",
                at: gate.position, id: gate.id, rule: .owned)
        }
        for number in landscape.flows.indices {
            let flow = landscape.flows[number]
            // A flow into an unknown system is an error already; its owner is unknowable.
            if owner(ofFlow: number) == nil, declarations[flow.to.id]?.kind == .system {
                findings.warning(
                    "flow '\(flow.id)' has no owner, and neither has its target system '\(flow.to.id)'",
                    at: flow.position, id: flow.id, rule: .owned)
            }
            if flow.status == .blocked, (flow.blockedBy ?? "").allSatisfy(\.isWhitespace) {
                findings.warning(
                    "flow '\(flow.id)' is blocked but says nothing in 'blocked_by' about what blocks it",
                    at: flow.position, id: flow.id, rule: .blockedHasReason)
            }
        }
        warnAboutUnlabelledFlowsOutOfHubs(&findings)
        for pilot in landscape.pilots {
            if (pilot.champion ?? "").allSatisfy(\.isWhitespace) {
                findings.warning(
                    "pilot '\(pilot.id)' has no champion: name the person accountable for it",
                    at: pilot.position, id: pilot.id, rule: .pilotHasChampion)
            }
        }
    }
}
