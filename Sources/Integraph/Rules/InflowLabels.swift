/// What flows bring into a system, for rules that ask whether a demanded label has a
/// source there: the labels carried in, whether some flow in is unlabelled, and what the
/// system `derives`. Worked out once per system asked about, O(flows into it).
///
/// ```swift
/// var inflows = InflowLabels(index)
/// inflows.isMissing(label, at: warehouse) // not derived there, and no flow brings it
/// ```
struct InflowLabels {
    private let index: LandscapeIndex
    private var known: [UInt32: (carried: Set<UInt32>, unlabelled: Bool)] = [:]

    init(_ index: LandscapeIndex) {
        self.index = index
    }

    /// Whether some flow into `system` carries no labels (it may bring anything).
    mutating func hasUnlabelled(_ system: UInt32) -> Bool { inflow(system).unlabelled }

    /// Whether `label` is neither derived at `system` nor carried by a flow into it.
    mutating func isMissing(_ label: UInt32, at system: UInt32) -> Bool {
        if index.derivations[system]?[label] != nil { return false }
        return !inflow(system).carried.contains(label)
    }

    private mutating func inflow(_ system: UInt32) -> (carried: Set<UInt32>, unlabelled: Bool) {
        if let found = known[system] { return found }
        var carried = Set<UInt32>(), unlabelled = false
        for position in index.incomingFlows.bounds(of: Int(system)) {
            let labels = index.flowLabels(index.incomingFlows.value(at: position))
            if labels.isEmpty { unlabelled = true } else { carried.formUnion(labels) }
        }
        known[system] = (carried, unlabelled)
        return (carried, unlabelled)
    }
}
