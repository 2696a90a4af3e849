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
/// Cost: per pilot, the flows into its lineage's systems are tested, O(S / 64 + those
/// flows); a candidate survives only if its target may lack a demanded label (an upper
/// bound from the labels of the lineage flows out of it); only pilots with survivors walk
/// their lineage again (``Lineage/demands(of:in:at:)``), once each.
///
/// ```swift
/// var findings = FindingCollector(file: "model.yaml")
/// LineageGapRule(index: analysis.workPlan.index).check(analysis, &findings)
/// ```
struct LineageGapRule {
    /// Names shown in a finding before "and N more".
    static let shownNames = 3

    /// The analysed model's index: the rule reads the same one its lineages index into.
    let index: LandscapeIndex
    private var landscape: Landscape { index.landscape }

    func check(_ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        let flows = landscape.flows
        var candidate = Bitset(count: index.flowCount)
        for position in flows.indices where flows[position].isPending && !index.flowLabels(UInt32(position)).isEmpty {
            candidate.insert(UInt32(position))
        }
        guard candidate.count > 0 else { return }
        let incoming = index.incomingFlows, flowTarget = index.flowTarget
        var inflows = InflowLabels(index)
        var gaps: [Int: (pilots: [String], labels: Set<UInt32>)] = [:]
        for pilot in analysis.pilots {
            let lineage = pilot.lineage
            // Driven by the lineage: O(its systems and the flows into them), not every
            // pending flow once per pilot.
            var concerned: [Int] = []
            let asked = askedLabels(of: pilot.pilot)
            for target in lineage.systems {
                var flowsIn: [Int] = []
                for position in incoming.bounds(of: Int(target)) {
                    let flow = incoming.value(at: position)
                    if candidate.contains(flow) && !lineage.flows.contains(flow) { flowsIn.append(Int(flow)) }
                }
                if !flowsIn.isEmpty && mayLackDemand(at: target, asked: asked[target] ?? [], lineage: lineage, &inflows) { concerned += flowsIn }
            }
            guard !concerned.isEmpty else { continue }
            let targets = Array(Set(concerned.map { flowTarget[$0] })).sorted()
            let demands = Lineage.demands(of: pilot.pilot, in: index, at: targets)
            var gapLabels: [UInt32: [UInt32]] = [:]
            for (target, demand) in zip(targets, demands) {
                guard case .labels(let demanded) = demand else { continue }
                let missing = demanded.filter { inflows.isMissing($0, at: target) }
                if !missing.isEmpty { gapLabels[target] = missing }
            }
            for flow in concerned {
                guard let missing = gapLabels[flowTarget[flow]] else { continue }
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

    /// The labels a pilot's needs and explicit flows ask of each system, gathered once per
    /// pilot. A need or explicit flow without labels asks for *all*, and then every flow
    /// into its system joins the lineage: no flow there is a candidate, so *all* needs no
    /// entry here.
    private func askedLabels(of pilot: Pilot) -> [UInt32: [UInt32]] {
        var asked: [UInt32: [UInt32]] = [:]
        for need in pilot.needs {
            guard let system = index.systemIndex[need.system.id] else { continue }
            asked[system, default: []] += (need.data ?? []).compactMap { index.labelIndex[$0] }
        }
        for reference in pilot.flows {
            guard let flow = index.flowIndex(of: reference.id) else { continue }
            asked[index.flowSource[Int(flow)], default: []] += index.flowLabels(flow)
        }
        return asked
    }

    /// Whether the walk's demand at `target` may hold a gap label: it is not fed by an
    /// unlabelled flow, and some label that may be demanded there (from the pilot's needs
    /// and explicit flows at it, and the labels of the lineage flows out of it; anything,
    /// when one of those is unlabelled) is neither derived nor brought in.
    private func mayLackDemand(at target: UInt32, asked: [UInt32], lineage: Lineage, _ inflows: inout InflowLabels) -> Bool {
        guard !inflows.hasUnlabelled(target) else { return false }
        var possible = asked
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
