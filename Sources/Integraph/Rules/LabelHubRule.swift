/// `label-hub-flows`: a system that its unlabelled flows pull into most pilots' lineages.
///
/// **Definition.** A system s is *pulled into* pilot P's lineage by its unlabelled flows
/// when some flow out of s without `data` is in P's lineage. A finding when that holds for
/// at least 2 pilots and for more than half of all pilots. An unlabelled flow passes on
/// whatever is demanded at its target, so every pilot reading through it takes s and all
/// that feeds s into its lineage, its work and its critical path; labels (`data:` on the
/// flows, `needs: {system, data}` on the pilots, `derives` on the systems between) let
/// each pilot keep to the data it uses.
///
/// One finding per system, at the system, naming its unlabelled flows in a lineage (three,
/// then how many more). O(pilots × F / 64 + Σ lineage flows): each lineage's flow bitset is
/// read whole.
///
/// ```swift
/// var findings = FindingCollector(file: "model.yaml")
/// LabelHubRule(index: analysis.workPlan.index).check(analysis, &findings)
/// ```
struct LabelHubRule {
    /// The analysed model's index: the rule reads the same one its lineages index into.
    let index: LandscapeIndex
    private var landscape: Landscape { index.landscape }

    func check(_ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        let pilotCount = analysis.pilots.count
        guard pilotCount >= 2 else { return }
        // Per system: the pilots pulling it in (each counted once: the last one seen is
        // remembered), and its unlabelled flows in some lineage.
        var pulled = [Int32](repeating: 0, count: index.systemCount)
        var lastPilot = [Int32](repeating: -1, count: index.systemCount)
        var unlabelledInLineage = Bitset(count: index.flowCount)
        for (number, pilot) in analysis.pilots.enumerated() {
            for flow in pilot.lineage.flows where index.flowLabels(flow).isEmpty {
                unlabelledInLineage.insert(flow)
                let source = Int(index.flowSource[Int(flow)])
                if lastPilot[source] != Int32(number) {
                    lastPilot[source] = Int32(number)
                    pulled[source] += 1
                }
            }
        }
        for system in landscape.systems.indices where pulled[system] >= 2 && Int(pulled[system]) * 2 > pilotCount {
            var flows: [String] = []
            for position in index.outgoingFlows.bounds(of: system) {
                let flow = index.outgoingFlows.value(at: position)
                if unlabelledInLineage.contains(flow) { flows.append(landscape.flows[Int(flow)].id) }
            }
            flows.sort()
            let id = landscape.systems[system].id
            findings.warning(
                "system '\(id)' is in the lineages of \(pulled[system]) of \(pilotCount) pilots through its unlabelled "
                    + "\(flows.count == 1 ? "flow" : "flows") \(Wording.quoted(flows, limit: LineageGapRule.shownNames)): "
                    + "name the data \(flows.count == 1 ? "it carries" : "they carry") ('data' on the flows, 'needs: {system, data}' on the pilots, 'derives' on "
                    + "the systems between) so each pilot's lineage keeps to the data it uses",
                at: landscape.systems[system].position, id: id, rule: .labelHubFlows)
        }
    }
}
