/// `lineage-gap`: a pending flow that falls out of a pilot's lineage only because of data
/// labels, though it feeds a system the lineage reaches.
///
/// **Definition.** For a pilot P and a pending flow f into system t that carries data
/// labels: t is in P's lineage, f is not, and the walk's demand at t (before t's `derives`
/// apply) names labels — the *gap labels* — that t does not `derive`, that no flow into t
/// carries, and with no unlabelled flow into t. The walk then takes t as their origin,
/// though nothing in the model says t makes them, while f brings other data in: either t
/// builds the demanded data from f's (a missing `derives`) or the labels are wrong.
///
/// Not gaps: a flow in the lineage; a target whose demand is met by another flow carrying
/// the label (f is then unrelated data); demanded labels t `derives` (what it builds them
/// from was said, even from nothing: `derives: {audit: []}` declares t their origin); a
/// target reached only as the end of one of the pilot's explicit `flows` (nothing is
/// demanded there); unlabelled flows (they join whenever anything is demanded).
///
/// One finding per flow, at the flow, naming its pilots and the union of their gap labels
/// (three of each, then how many more), so the output is bounded by the pending flows.
///
/// Cost: candidate flows per pilot are tested on the pilot's lineage bitsets; a candidate
/// survives only if its target may lack a demanded label (an upper bound from the labels
/// of the lineage flows out of it); only pilots with survivors walk their lineage again
/// (``Lineage/demands(of:in:at:)``), once each.
///
/// ```swift
/// var findings = FindingCollector(file: "model.yaml")
/// LineageGapRule(validated).check(analysis, &findings)
/// ```
struct LineageGapRule {
    /// Names shown in a finding before "and N more".
    static let shownNames = 3

    private let landscape: Landscape
    private let index: LandscapeIndex

    init(_ validated: ValidatedLandscape) {
        landscape = validated.landscape
        index = validated.index
    }

    func check(_ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        let candidates = landscape.flows.indices.filter { landscape.flows[$0].isPending && !index.flowLabels(UInt32($0)).isEmpty }
        guard !candidates.isEmpty else { return }
        var inflows = InflowLabels(index)
        var gaps: [Int: (pilots: [String], labels: Set<UInt32>)] = [:]
        for pilot in analysis.pilots {
            let lineage = pilot.lineage
            var mayLack: [UInt32: Bool] = [:]
            var concerned: [Int] = []
            for flow in candidates where !lineage.flows.contains(UInt32(flow)) {
                let target = index.flowTarget[flow]
                guard lineage.systems.contains(target) else { continue }
                if mayLack[target] == nil { mayLack[target] = mayLackDemand(at: target, pilot: pilot.pilot, lineage: lineage, &inflows) }
                if mayLack[target] == true { concerned.append(flow) }
            }
            guard !concerned.isEmpty else { continue }
            let targets = Array(Set(concerned.map { index.flowTarget[$0] })).sorted()
            let demands = Lineage.demands(of: pilot.pilot, in: index, at: targets)
            var gapLabels: [UInt32: [UInt32]] = [:]
            for (target, demand) in zip(targets, demands) {
                guard case .labels(let demanded) = demand else { continue }
                let missing = demanded.filter { inflows.isMissing($0, at: target) }
                if !missing.isEmpty { gapLabels[target] = missing }
            }
            for flow in concerned {
                guard let missing = gapLabels[index.flowTarget[flow]] else { continue }
                gaps[flow, default: ([], [])].pilots.append(pilot.pilot.id)
                gaps[flow]?.labels.formUnion(missing)
            }
        }
        guard !gaps.isEmpty else { return }
        var labelNames = [String](repeating: "", count: index.labelIndex.count)
        for (name, number) in index.labelIndex { labelNames[Int(number)] = name }
        for flow in gaps.keys.sorted() {
            guard let gap = gaps[flow] else { continue }
            findings.warning(
                message(
                    flow: flow, pilots: gap.pilots,
                    demanded: gap.labels.map { labelNames[Int($0)] }.sorted(),
                    carried: index.flowLabels(UInt32(flow)).map { labelNames[Int($0)] }.sorted()),
                at: landscape.flows[flow].position, id: landscape.flows[flow].id, rule: .lineageGap)
        }
    }

    /// Whether the walk's demand at `target` may hold a gap label: it is not *all* and not
    /// fed by an unlabelled flow, and some label that may be demanded there (from the
    /// pilot's needs and explicit flows at it, and the labels of the lineage flows out of
    /// it; anything, when one of those is unlabelled) is neither derived nor brought in. A
    /// need or explicit flow there without labels demands *all*: every flow in joins.
    private func mayLackDemand(at target: UInt32, pilot: Pilot, lineage: Lineage, _ inflows: inout InflowLabels) -> Bool {
        guard !inflows.hasUnlabelled(target) else { return false }
        var possible: [UInt32] = []
        for need in pilot.needs where index.systemIndex[need.system.id] == target {
            guard let data = need.data, !data.isEmpty else { return false }
            possible += data.compactMap { index.labelIndex[$0] }
        }
        for reference in pilot.flows {
            guard let flow = index.flowIndex(of: reference.id), index.flowSource[Int(flow)] == target else { continue }
            let labels = index.flowLabels(flow)
            if labels.isEmpty { return false }
            possible += labels
        }
        for position in index.outgoingFlows.bounds(of: Int(target)) {
            let flow = index.outgoingFlows.value(at: position)
            guard lineage.flows.contains(flow) else { continue }
            let labels = index.flowLabels(flow)
            if labels.isEmpty { return true }
            possible += labels
        }
        return possible.contains { inflows.isMissing($0, at: target) }
    }

    private func message(flow position: Int, pilots: [String], demanded: [String], carried: [String]) -> String {
        let flow = landscape.flows[position], target = flow.to.id
        let derives = landscape.systems[Int(index.flowTarget[position])].derives
        let names = { (names: [String]) in Wording.quoted(names, limit: Self.shownNames) }
        return "pending flow '\(flow.id)' feeds '\(target)' in the \(pilots.count == 1 ? "lineage" : "lineages") of \(names(pilots)) "
            + "but carries \(names(carried)) while \(pilots.count == 1 ? "the pilot demands" : "they demand") \(names(demanded)) there, "
            + "which no flow into '\(target)' carries; if '\(target)' builds \(names(demanded)) from \(names(carried)), "
            + (derives.isEmpty ? "declare 'derives'" : "add it to its 'derives'")
    }
}
