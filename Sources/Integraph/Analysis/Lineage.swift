/// A pilot's lineage: the systems it needs, every system with a flow path into one of them,
/// and the flows on those paths.
///
/// Computed by a backward breadth-first walk from each needed system. A `needs` entry with
/// `data` labels follows only flows that carry one of those labels, all the way upstream; a
/// flow without labels is followed too, to stay conservative. Each explicit flow of the
/// pilot adds itself, its two systems, and the backward walk from its source filtered by the
/// flow's own labels. O(needs × (S + F)) time in the worst case, O(S + F) space.
///
/// ```swift
/// let lineage = Lineage(of: pilot, in: index)
/// lineage.systems.count
/// ```
public struct Lineage: Sendable {
    /// System indices, ascending.
    public let systems: [UInt32]
    /// Flow indices, ascending.
    public let flows: [UInt32]
    /// The needed systems, ascending.
    public let neededSystems: [UInt32]

    public init(of pilot: Pilot, in index: LandscapeIndex) {
        var systemSeen = [Bool](repeating: false, count: index.systemCount)
        var flowSeen = [Bool](repeating: false, count: index.flowCount)
        var needed: Set<UInt32> = []
        for need in pilot.needs {
            guard let system = index.systemIndex[need.system.id] else { continue }
            needed.insert(system)
            let filter = need.data.map { Set($0.compactMap { index.labelIndex[$0] }) }
            Self.walk(from: system, filter: filter, index: index, systems: &systemSeen, flows: &flowSeen)
        }
        for reference in pilot.flows {
            guard let flow = index.flowIndex[reference.id] else { continue }
            flowSeen[Int(flow)] = true
            systemSeen[Int(index.flowTarget[Int(flow)])] = true
            let labels = index.flowLabels[Int(flow)]
            Self.walk(from: index.flowSource[Int(flow)], filter: labels.isEmpty ? nil : Set(labels),
                      index: index, systems: &systemSeen, flows: &flowSeen)
        }
        systems = systemSeen.indices.filter { systemSeen[$0] }.map { UInt32($0) }
        flows = flowSeen.indices.filter { flowSeen[$0] }.map { UInt32($0) }
        neededSystems = needed.sorted()
    }

    /// Marks `start` and everything upstream of it through flows that pass `filter`.
    private static func walk(from start: UInt32, filter: Set<UInt32>?, index: LandscapeIndex,
                             systems: inout [Bool], flows: inout [Bool]) {
        var visited: Set<UInt32> = [start]
        var queue = [start]
        var head = 0
        systems[Int(start)] = true
        while head < queue.count {
            let system = queue[head]
            head += 1
            for flow in index.incomingFlows[system] {
                let labels = index.flowLabels[Int(flow)]
                if let filter, !labels.isEmpty, !labels.contains(where: filter.contains) { continue }
                flows[Int(flow)] = true
                let upstream = index.flowSource[Int(flow)]
                if visited.insert(upstream).inserted {
                    systems[Int(upstream)] = true
                    queue.append(upstream)
                }
            }
        }
    }
}
