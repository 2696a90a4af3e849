/// A pilot's lineage: the systems it needs, every system with a flow path into one of them,
/// and the flows on those paths.
///
/// Computed by a backward breadth-first walk from each needed system. A `needs` entry with
/// `data` labels follows only flows that carry one of those labels, all the way upstream; a
/// flow without labels is followed too, to stay conservative. Each explicit flow of the
/// pilot adds itself, its two systems, and the backward walk from its source filtered by the
/// flow's own labels. O(needs × (S + F)) time in the worst case; bitsets keep the space at
/// (S + F) / 8 bytes. Pilots that need systems of the same strongly connected component
/// share its upstream closure through ``SharedClosures``, walked once.
///
/// ```swift
/// let lineage = Lineage(of: pilot, in: index)
/// lineage.systems.count
/// ```
public struct Lineage: Sendable {
    public let systems: Bitset
    public let flows: Bitset
    /// The needed systems, ascending.
    public let neededSystems: [UInt32]

    public init(of pilot: Pilot, in index: LandscapeIndex, shared: SharedClosures? = nil) {
        var systems = Bitset(count: index.systemCount)
        var flows = Bitset(count: index.flowCount)
        var needed: Set<UInt32> = []
        var queue: [UInt32] = []
        // Walks that follow every flow reach the same upstream closure from any system they
        // meet, so they share one visited set and never walk a system twice. They go first:
        // a filtered walk that meets that closure has nothing new to find upstream of it.
        var unfiltered = Bitset(count: index.systemCount)
        var filtered: [(start: UInt32, labels: Bitset)] = []
        for need in pilot.needs {
            guard let system = index.systemIndex[need.system.id] else { continue }
            needed.insert(system)
            if let data = need.data {
                filtered.append((system, index.labelSet(data.compactMap { index.labelIndex[$0] })))
            } else if let closure = shared?.closure(of: system, in: index) {
                systems.formUnion(closure.systems)
                flows.formUnion(closure.flows)
                unfiltered.formUnion(closure.systems)
            } else {
                Self.walk(from: system, filter: nil, index: index, visited: &unfiltered, closed: nil,
                          systems: &systems, flows: &flows, queue: &queue)
            }
        }
        for reference in pilot.flows {
            guard let flow = index.flowIndex(of: reference.id) else { continue }
            flows.insert(flow)
            systems.insert(index.flowTarget[Int(flow)])
            let labels = index.flowLabels(flow)
            if labels.isEmpty {
                Self.walk(from: index.flowSource[Int(flow)], filter: nil, index: index, visited: &unfiltered, closed: nil,
                          systems: &systems, flows: &flows, queue: &queue)
            } else {
                filtered.append((index.flowSource[Int(flow)], index.labelSet(labels)))
            }
        }
        for (start, labels) in filtered {
            var visited = Bitset(count: index.systemCount)
            Self.walk(from: start, filter: labels, index: index, visited: &visited, closed: unfiltered,
                      systems: &systems, flows: &flows, queue: &queue)
        }
        self.systems = systems
        self.flows = flows
        neededSystems = needed.sorted()
    }

    /// The upstream closures (systems and flows) of the strongly connected components that
    /// two or more pilots need without a data filter: every system of a component has the
    /// same closure, so it is walked once instead of once per pilot. Bounded to
    /// `memoryBudget` bytes of bitsets; components beyond it are walked per pilot.
    public struct SharedClosures: Sendable {
        private let closures: [Int: (systems: Bitset, flows: Bitset)]

        public init(for pilots: [Pilot], in index: LandscapeIndex, memoryBudget: Int = 256 << 20) {
            var demand: [Int: Int] = [:]
            for pilot in pilots {
                let components = Set(pilot.needs.filter { $0.data == nil }
                    .compactMap { index.systemIndex[$0.system.id] }.map { index.components.component(of: $0) })
                for component in components { demand[component, default: 0] += 1 }
            }
            let limit = memoryBudget / ((index.systemCount + index.flowCount) / 8 + 1)
            let shared = demand.filter { $0.value > 1 }.keys.sorted().prefix(limit)
            let walked = ConcurrentSlots<ClosureBox>.map(shared.count) { position in
                let start = index.components.members[shared[shared.startIndex + position]][0]
                var systems = Bitset(count: index.systemCount), flows = Bitset(count: index.flowCount)
                var visited = Bitset(count: index.systemCount)
                var queue: [UInt32] = []
                Lineage.walk(from: start, filter: nil, index: index, visited: &visited, closed: nil,
                             systems: &systems, flows: &flows, queue: &queue)
                return ClosureBox(systems: systems, flows: flows)
            }
            var closures: [Int: (systems: Bitset, flows: Bitset)] = [:]
            for (component, closure) in zip(shared, walked) { closures[component] = (closure.systems, closure.flows) }
            self.closures = closures
        }

        /// How many components' closures are kept.
        public var count: Int { closures.count }

        func closure(of system: UInt32, in index: LandscapeIndex) -> (systems: Bitset, flows: Bitset)? {
            closures[index.components.component(of: system)]
        }

        private struct ClosureBox: Sendable {
            let systems: Bitset
            let flows: Bitset
        }
    }

    /// Marks `start` and everything upstream of it through flows that pass `filter`, except
    /// upstream of systems in `closed`, whose whole upstream is marked already.
    fileprivate static func walk(from start: UInt32, filter: Bitset?, index: LandscapeIndex, visited: inout Bitset,
                             closed: Bitset?, systems: inout Bitset, flows: inout Bitset, queue: inout [UInt32]) {
        systems.insert(start)
        guard visited.insert(start), closed?.contains(start) != true else { return }
        queue.removeAll(keepingCapacity: true)
        queue.append(start)
        var head = 0
        while head < queue.count {
            let system = queue[head]
            head += 1
            for position in index.incomingFlows.bounds(of: Int(system)) {
                let flow = index.incomingFlows.value(at: position)
                if let filter, !index.flowCarriesAny(flow, of: filter) { continue }
                flows.insert(flow)
                let upstream = index.upstreamGraph.successor(at: position)
                if visited.insert(upstream) {
                    systems.insert(upstream)
                    if closed?.contains(upstream) != true { queue.append(upstream) }
                }
            }
        }
    }
}
