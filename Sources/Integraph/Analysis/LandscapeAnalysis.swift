/// The analyses of a validated landscape: each pilot's critical path, duration odds and
/// sprawl; the shared bottlenecks among systems, flows and teams; and the landscape's
/// sprawl. Definitions, with worked examples, are in docs/analyses.md.
///
/// ```swift
/// guard let validated = try LandscapeReader().read(.file("Graphs/acme-retail.yaml")).validLandscape else { return }
/// let analysis = LandscapeAnalysis(validated)
/// for pilot in analysis.pilots { print(pilot.pilot.id, pilot.state, pilot.duration, pilot.criticalPath) }
/// ```
public struct LandscapeAnalysis: Sendable {
    package let summary: LandscapeSummary
    /// Sorted by id.
    public let pilots: [PilotAnalysis]
    package let bottlenecks: Bottlenecks
    package let sprawl: LandscapeSprawl
    public let options: AnalysisOptions
    /// The model's pending work and its order, which plans schedule.
    package let workPlan: WorkPlan
    /// Every pending item scheduled with the teams' capacity, where some team declares one:
    /// the pilots' finishes, states and critical paths come from it. `nil` when no team
    /// declares a capacity: then the critical path method's schedule is the plan.
    package let capacityPlan: CapacityPlan?

    /// Analyses a validated landscape, whose work validation has already ordered.
    public init(_ validated: ValidatedLandscape, options: AnalysisOptions = AnalysisOptions()) {
        let landscape = validated.landscape
        let plan = validated.plan
        let index = plan.index
        self.options = options
        workPlan = plan
        // The graph's structure and the pilots are independent: side by side. Pilots each
        // seed their own Monte Carlo run, so the order they run in does not matter.
        let structure = FlowGraphStructure(index, options: options)
        let sorted = landscape.pilots.sorted { $0.id < $1.id }
        var pilots = ConcurrentSlots<PilotAnalysis>.map(sorted.count) {
            Self.analyze(sorted[$0], plan: plan, options: options)
        }
        if landscape.teams.contains(where: { $0.capacity != nil }) {
            let capacityPlan = CapacityPlan(PlanInputs(plan, pilots: pilots, options: PlanOptions(start: options.start)))
            for (position, planned) in capacityPlan.pilots.enumerated() {
                pilots[position].plan(planned, start: options.start, calendar: landscape.calendar)
            }
            self.capacityPlan = capacityPlan
        } else {
            capacityPlan = nil
        }
        self.pilots = pilots
        summary = LandscapeSummary(
            name: landscape.name, systems: landscape.systems.count, flows: landscape.flows.count,
            teams: landscape.teams.count, domains: index.domainCount,
            pilots: landscape.pilots.count, pendingItems: plan.items.count,
            pendingEffort: plan.items.reduce(0) { $0 + $1.effort.expectedDays })
        bottlenecks = Self.bottlenecks(plan: plan, pilots: pilots, structure: structure)
        sprawl = Self.sprawl(index: index, pilots: pilots, redundantFlows: structure.redundantFlows)
    }

    /// The pending work item of the system, flow or gate at `position` in the model, with
    /// the effort the analyses used for it (estimated or written); `nil` when it is not
    /// pending work.
    ///
    /// ```swift
    /// analysis.workItem(.flow, at: 3)?.estimated
    /// ```
    package func workItem(_ kind: EntityKind, at position: Int) -> WorkItem? {
        let items: [UInt32] =
            switch kind {
            case .system: workPlan.systemItem
            case .flow: workPlan.flowItem
            case .gate: workPlan.gateItem
            default: []
            }
        guard items.indices.contains(position), items[position] != LandscapeIndex.none else { return nil }
        return workPlan.items[Int(items[position])]
    }

    /// The pending work item with this id, with the effort the analyses used; `nil` when
    /// the id names no pending work. For items on a pilot's critical path that are not its
    /// own work (another pilot's item holding a team's hand).
    ///
    /// ```swift
    /// analysis.workItem(named: "transcripts-to-vectors")?.effort
    /// ```
    package func workItem(named id: String) -> WorkItem? {
        workPlan.item(withID: id).map { workPlan.items[Int($0)] }
    }

    // MARK: - Pilots

    private static func analyze(_ pilot: Pilot, plan: WorkPlan, options: AnalysisOptions) -> PilotAnalysis {
        let index = plan.index
        let lineage = Lineage(of: pilot, in: index)
        let work = PilotWorkGraph(plan.work(for: pilot, lineage: lineage), plan: plan)
        let nodes = work.nodes
        let releases = options.start.flatMap { start in Self.releases(of: nodes, plan: plan, start: start) }
        let schedule = Schedule(
            durations: work.efforts.map(\.expectedDays), predecessors: work.predecessors,
            tail: pilot.effort.expectedDays, started: work.started, releases: releases)
        let chain = work.criticalChain(of: schedule, plan: plan)
        let criticalItems = chain.map { nodes[$0] }
        let contributions = schedule.contributions(of: chain)

        let uncertain = work.efforts.contains(where: \.isUncertain) || pilot.effort.isUncertain
        let monteCarlo =
            uncertain
            ? Self.simulate(
                efforts: work.efforts, predecessors: work.predecessors, tail: pilot.effort, started: work.started,
                releases: releases, samples: options.samples, seed: options.seed ^ SeededRandom.hash(pilot.id))
            : nil
        let estimate = monteCarlo.map { run in
            // An item adds its variance only where it adds days to the chain.
            let variance = zip(criticalItems, contributions).reduce(pilot.effort.variance) { sum, entry in
                entry.1 > Schedule.tolerance ? sum + plan.items[Int(entry.0)].effort.variance : sum
            }
            return PilotAnalysis.DurationEstimate(
                mean: schedule.duration, standardDeviation: variance.squareRoot(),
                p50: run.p50, p85: run.p85, p95: run.p95)
        }
        let estimatedDays = zip(criticalItems, contributions).reduce(0.0) { sum, entry in
            plan.items[Int(entry.0)].estimated ? sum + entry.1 : sum
        }
        let workItems = nodes.filter { !plan.isJunction($0) }
        var analysis = PilotAnalysis(
            pilot: pilot, lineage: lineage,
            // Judged below, from the finish every output shows, as a capacity plan would.
            state: .unscheduled,
            blockers: Self.blockers(in: workItems, plan: plan),
            duration: schedule.duration, plannedReady: nil, criticalPath: criticalItems.map { plan.items[Int($0)].id },
            estimate: estimate, work: work.schedule(schedule, criticality: monteCarlo?.criticality, plan: plan),
            sprawl: sprawl(of: lineage, work: workItems, plan: plan),
            dominators: dominators(of: lineage, index: index),
            estimatedShare: schedule.duration > 0 ? estimatedDays / schedule.duration : 0,
            isDated: options.start != nil, finishDate: nil, workItems: workItems,
            criticalItems: criticalItems, workNodes: nodes)
        analysis.judge(from: options.start, calendar: index.landscape.calendar)
        return analysis
    }

    /// One pilot's work as a graph of its own: the plan's nodes it needs, numbered
    /// 0..<count in the order given, with their predecessors among them, efforts (zero for
    /// junctions) and which are under way.
    private struct PilotWorkGraph {
        let nodes: [UInt32]
        /// Plan node → position in `nodes`, or -1.
        let local: [Int32]
        let predecessors: CompressedRows
        let efforts: [Effort]
        let started: Bitset

        init(_ nodes: [UInt32], plan: WorkPlan) {
            var local = [Int32](repeating: -1, count: plan.precedence.nodeCount)
            for (position, node) in nodes.enumerated() { local[Int(node)] = Int32(position) }
            var entries: [(UInt32, UInt32)] = []
            for (position, node) in nodes.enumerated() {
                for before in plan.predecessors.successors(of: node) { entries.append((UInt32(position), UInt32(local[Int(before)]))) }
            }
            var started = Bitset(count: nodes.count)
            for (position, node) in nodes.enumerated() where !plan.isJunction(node) && plan.startedItems.contains(node) {
                started.insert(UInt32(position))
            }
            self.nodes = nodes
            self.local = local
            predecessors = CompressedRows(rowCount: nodes.count, entries: entries)
            efforts = nodes.map { plan.isJunction($0) ? Effort.zero : plan.items[Int($0)].effort }
            self.started = started
        }

        /// The critical chain by position, followed through items only: a junction stands
        /// for the flows that feed it, so ties between a flow behind a junction and another
        /// item go by their ids.
        func criticalChain(of schedule: Schedule, plan: WorkPlan) -> [Int] {
            schedule.criticalChain(
                predecessors: { position in
                    predecessors[position].flatMap { before in
                        plan.isJunction(nodes[Int(before)]) ? predecessors[Int(before)].map(Int.init) : [Int(before)]
                    }
                }, isEligible: { !plan.isJunction(nodes[$0]) }
            ) { a, b in
                plan.items[Int(nodes[a])].id < plan.items[Int(nodes[b])].id
            }
        }

        /// The items' schedule in id order, with the Monte Carlo run's criticality where
        /// there was one (else 1 on the critical path, 0 off it).
        func schedule(_ schedule: Schedule, criticality: [Double]?, plan: WorkPlan) -> PilotAnalysis.WorkSchedule {
            var marks = Bitset(count: plan.items.count)
            for node in nodes where !plan.isJunction(node) { marks.insert(plan.idRank[Int(node)]) }
            let itemPositions = plan.inIDOrder(marks).map { Int(local[Int($0)]) }
            return PilotAnalysis.WorkSchedule(
                items: plan.items, itemIndices: itemPositions.map { nodes[$0] },
                earliestStarts: itemPositions.map { schedule.earliestStart[$0] },
                earliestFinishes: itemPositions.map { schedule.earliestFinish[$0] },
                latestFinishes: itemPositions.map { schedule.latestFinish[$0] },
                criticalities: itemPositions.map { criticality?[$0] ?? (schedule.isCritical($0) ? 1 : 0) })
        }
    }

    /// The day each node may start at the earliest (``WorkPlan/releaseDay(ofItem:from:)``);
    /// `nil` when no node has a release.
    private static func releases(of nodes: [UInt32], plan: WorkPlan, start: CalendarDate) -> [Double]? {
        var releases: [Double]?
        for (position, node) in nodes.enumerated() {
            guard let day = plan.releaseDay(ofItem: Int(node), from: start) else { continue }
            if releases == nil { releases = [Double](repeating: 0, count: nodes.count) }
            releases?[position] = day
        }
        return releases
    }

    /// The blocked flows and rejected gates among a pilot's work, by id.
    private static func blockers(in work: [UInt32], plan: WorkPlan) -> [PilotAnalysis.Blocker] {
        let landscape = plan.index.landscape
        var blockers: [PilotAnalysis.Blocker] = []
        for item in work {
            let entity = Int(plan.itemEntity[Int(item)])
            switch plan.itemKind[Int(item)] {
            case .flow where landscape.flows[entity].status == .blocked:
                let flow = landscape.flows[entity]
                blockers.append(
                    PilotAnalysis.Blocker(
                        id: flow.id, reason: flow.blockedBy ?? "reason not given",
                        owner: flow.blockedOwner, until: flow.blockedUntil))
            case .gate where landscape.gates[entity].status == .rejected:
                blockers.append(PilotAnalysis.Blocker(id: landscape.gates[entity].id, reason: "rejected", owner: nil, until: nil))
            default: break
            }
        }
        return blockers.sorted { $0.id < $1.id }
    }

    /// The Monte Carlo run, on the near-critical part of the work only: an item whose
    /// longest path with every duration pessimistic is shorter than the whole work with
    /// every duration optimistic can never be critical, nor set the duration, in any sample,
    /// so leaving it out changes neither the percentiles nor any criticality. On large
    /// landscapes that drops most of the work from the O(samples × (n + m)) loop.
    private static func simulate(
        efforts: [Effort], predecessors: CompressedRows, tail: Effort, started: Bitset,
        releases: [Double]?, samples: Int,
        seed: UInt64
    ) -> (p50: Double, p85: Double, p95: Double, criticality: [Double]) {
        // Finish-to-start longest paths bound from above what any node adds with started
        // nodes and releases too; the shortest total must be the real schedule's.
        let shortest = Schedule(
            durations: efforts.map(\.optimisticDays), predecessors: predecessors, tail: tail.optimisticDays,
            started: started, releases: releases
        ).duration
        let releaseBound = releases?.max() ?? 0
        let longest = Schedule.longestPaths(durations: efforts.map(\.pessimisticDays), predecessors: predecessors).through
        let kept = efforts.indices.filter { longest[$0] + releaseBound + tail.pessimisticDays >= shortest - Schedule.tolerance }
        var position = [Int](repeating: -1, count: efforts.count)
        for (index, node) in kept.enumerated() { position[node] = index }
        var entries: [(UInt32, UInt32)] = []
        for (index, node) in kept.enumerated() {
            for before in predecessors[node] where position[Int(before)] >= 0 {
                entries.append((UInt32(index), UInt32(position[Int(before)])))
            }
        }
        var keptStarted = Bitset(count: kept.count)
        for (index, node) in kept.enumerated() where started.contains(UInt32(node)) { keptStarted.insert(UInt32(index)) }
        let run = MonteCarloSchedule(
            efforts: kept.map { efforts[$0] },
            predecessors: CompressedRows(rowCount: kept.count, entries: entries),
            tail: tail, samples: samples, seed: seed, started: keptStarted,
            releases: releases.map { all in kept.map { all[$0] } })
        var criticality = [Double](repeating: 0, count: efforts.count)
        for (index, node) in kept.enumerated() { criticality[node] = run.criticality[index] }
        return (run.p50, run.p85, run.p95, criticality)
    }

    private static func sprawl(of lineage: Lineage, work: [UInt32], plan: WorkPlan) -> PilotAnalysis.Sprawl {
        let index = plan.index
        let landscape = index.landscape
        var teams = Bitset(count: landscape.teams.count)
        var domains = Bitset(count: index.domainCount)
        // The systems its work touches count as well as its lineage's: a pilot waiting on
        // flows between six systems touches six systems, whatever it reads.
        var touched = lineage.systems, touchedFlows = lineage.flows
        for item in work {
            let entity = plan.itemEntity[Int(item)]
            switch plan.itemKind[Int(item)] {
            case .system: touched.insert(entity)
            case .flow:
                touchedFlows.insert(entity)
                touched.insert(index.flowSource[Int(entity)])
                touched.insert(index.flowTarget[Int(entity)])
            default: break
            }
        }
        var systemCount = 0
        for system in touched {
            systemCount += 1
            let owner = index.systemOwner[Int(system)], domain = index.systemDomain[Int(system)]
            if owner != LandscapeIndex.none { teams.insert(owner) }
            if domain != LandscapeIndex.none { domains.insert(domain) }
        }
        var classification: Classification?
        var pendingFlows = 0, flowCount = 0
        for flow in touchedFlows {
            flowCount += 1
            let owner = index.flowOwner[Int(flow)]
            if owner != LandscapeIndex.none { teams.insert(owner) }
            if plan.flowItem[Int(flow)] != LandscapeIndex.none { pendingFlows += 1 }
            let level = index.flowClassification[Int(flow)]
            classification = max(classification ?? level, level)
        }
        var gates = 0
        for item in work {
            let owner = plan.itemOwner[Int(item)]
            if owner != LandscapeIndex.none { teams.insert(owner) }
            if plan.itemKind[Int(item)] == .gate { gates += 1 }
        }
        return PilotAnalysis.Sprawl(
            systems: systemCount, flows: flowCount, pendingFlows: pendingFlows,
            teams: teams.count, domains: domains.count, gates: gates, classification: classification)
    }

    /// Dominators of a virtual sink fed by the needed systems, from a virtual root joined to
    /// every system of each source component of the lineage graph.
    private static func dominators(of lineage: Lineage, index: LandscapeIndex) -> [String] {
        guard !lineage.neededSystems.isEmpty else { return [] }
        let graph = LineageGraph(lineage, index: index)
        return TargetDominators(path: graph.pathToSink(), in: graph).dominators
            .map { index.landscape.systems[Int($0)].id }.sorted()
    }

    // MARK: - Bottlenecks

    private static func bottlenecks(plan: WorkPlan, pilots: [PilotAnalysis], structure: FlowGraphStructure) -> Bottlenecks {
        let index = plan.index
        let landscape = index.landscape
        var marks = PilotMarks(plan: plan, pilotCount: pilots.count)
        for (pilot, analysis) in pilots.enumerated() { marks.mark(analysis, as: pilot, plan: plan) }
        marks.spreadToOwningTeams(index)
        let load = Self.load(plan: plan, itemPilotCount: marks.itemPilotCount)

        let pilotIDs = pilots.map(\.pilot.id)
        func table(
            _ ids: [String], _ effort: [Double], _ pressure: [Double], _ bits: PilotMarks.Bits, systems: Bool = false,
            bridges: Bitset? = nil
        ) -> BottleneckTable {
            BottleneckTable(
                ids: ids, pendingEffort: effort, pressure: pressure, pilotBits: bits.depending, criticalBits: bits.critical,
                waitingBits: bits.waiting, words: marks.words, pilotIDs: pilotIDs, betweenness: systems ? structure.betweenness?.values : nil,
                articulationPoints: systems ? structure.articulationPoints : nil, bridges: bridges, isSystems: systems)
        }
        return Bottlenecks(
            systems: table(landscape.systems.map(\.id), load.systems.effort, load.systems.pressure, marks.systems, systems: true),
            flows: table(landscape.flows.map(\.id), load.flows.effort, load.flows.pressure, marks.flows, bridges: structure.bridges),
            teams: table(landscape.teams.map(\.id), load.teams.effort, load.teams.pressure, marks.teams),
            betweennessSources: structure.betweenness?.sourceCount ?? 0,
            betweennessIsExact: structure.betweenness?.isExact ?? false)
    }

    /// Which pilots each system, flow and team matters to, one bit per pilot (`words` words
    /// per entity): pilots that depend on it (lineage or pending work), whose critical path
    /// runs through it, and whose pending work waits on it; and how many pilots wait on
    /// each pending item.
    private struct PilotMarks {
        struct Bits {
            var depending: [UInt64]
            var critical: [UInt64]
            var waiting: [UInt64]

            init(count: Int) {
                depending = [UInt64](repeating: 0, count: count)
                critical = depending
                waiting = depending
            }
        }

        let words: Int
        var itemPilotCount: [Int32]
        var systems: Bits, flows: Bits, teams: Bits

        init(plan: WorkPlan, pilotCount: Int) {
            words = max(1, (pilotCount + 63) / 64)
            itemPilotCount = [Int32](repeating: 0, count: plan.items.count)
            systems = Bits(count: plan.index.systemCount * words)
            flows = Bits(count: plan.index.flowCount * words)
            teams = Bits(count: plan.index.landscape.teams.count * words)
        }

        mutating func mark(_ analysis: PilotAnalysis, as pilot: Int, plan: WorkPlan) {
            let index = plan.index, itemOwner = plan.itemOwner
            let word = pilot / 64, bit = UInt64(1) << UInt64(pilot % 64), words = words
            func set(_ bits: inout [UInt64], _ entity: UInt32, _ pilot: Int) {
                guard entity != LandscapeIndex.none else { return }
                bits[Int(entity) * words + word] |= bit
            }
            // Millions of marks per pilot: written through raw buffers, with no
            // copy-on-write check per mark.
            systems.depending.withUnsafeMutableBufferPointer { bits in
                for system in analysis.lineage.systems { bits[Int(system) * words + word] |= bit }
            }
            flows.depending.withUnsafeMutableBufferPointer { bits in
                for flow in analysis.lineage.flows { bits[Int(flow) * words + word] |= bit }
            }
            for item in analysis.workItems {
                itemPilotCount[Int(item)] += 1
                let entity = plan.itemEntity[Int(item)]
                set(&teams.waiting, itemOwner[Int(item)], pilot)
                switch plan.itemKind[Int(item)] {
                case .system:
                    set(&systems.depending, entity, pilot)
                    set(&systems.waiting, entity, pilot)
                case .flow:
                    set(&flows.depending, entity, pilot)
                    set(&flows.waiting, entity, pilot)
                    set(&systems.waiting, index.flowSource[Int(entity)], pilot)
                    set(&systems.waiting, index.flowTarget[Int(entity)], pilot)
                default: set(&teams.depending, itemOwner[Int(item)], pilot)
                }
            }
            for item in analysis.criticalItems {
                let entity = plan.itemEntity[Int(item)]
                set(&teams.critical, itemOwner[Int(item)], pilot)
                switch plan.itemKind[Int(item)] {
                case .system: set(&systems.critical, entity, pilot)
                case .flow:
                    set(&flows.critical, entity, pilot)
                    set(&systems.critical, index.flowSource[Int(entity)], pilot)
                    set(&systems.critical, index.flowTarget[Int(entity)], pilot)
                default: break
                }
            }
        }

        /// A team depends on the pilots of every system and flow it owns (a pending item's
        /// owner is its system's or flow's owner); gates were marked with the work.
        mutating func spreadToOwningTeams(_ index: LandscapeIndex) {
            for (owners, bits) in [(index.systemOwner, systems.depending), (index.flowOwner, flows.depending)] {
                for (entity, owner) in owners.enumerated() where owner != LandscapeIndex.none {
                    for word in 0..<words { teams.depending[Int(owner) * words + word] |= bits[entity * words + word] }
                }
            }
        }
    }

    /// Pending effort and pressure (effort × pilots waiting) per system (a flow's effort
    /// counts at both its ends), per flow and per owner team. O(items).
    private static func load(plan: WorkPlan, itemPilotCount: [Int32]) -> (
        systems: (effort: [Double], pressure: [Double]), flows: (effort: [Double], pressure: [Double]),
        teams: (effort: [Double], pressure: [Double])
    ) {
        let index = plan.index
        var systemEffort = [Double](repeating: 0, count: index.systemCount), systemPressure = systemEffort
        var flowEffort = [Double](repeating: 0, count: index.flowCount), flowPressure = flowEffort
        var teamEffort = [Double](repeating: 0, count: index.landscape.teams.count), teamPressure = teamEffort
        for (position, item) in plan.items.enumerated() {
            let days = item.effort.expectedDays
            let exposure = days * Double(itemPilotCount[position])
            if plan.itemOwner[position] != LandscapeIndex.none {
                teamEffort[Int(plan.itemOwner[position])] += days
                teamPressure[Int(plan.itemOwner[position])] += exposure
            }
            switch item.kind {
            case .system:
                systemEffort[Int(item.entity)] += days
                systemPressure[Int(item.entity)] += exposure
            case .flow:
                flowEffort[Int(item.entity)] += days
                flowPressure[Int(item.entity)] += exposure
                for end in [index.flowSource[Int(item.entity)], index.flowTarget[Int(item.entity)]] {
                    systemEffort[Int(end)] += days
                    systemPressure[Int(end)] += exposure
                }
            default: break
            }
        }

        return ((systemEffort, systemPressure), (flowEffort, flowPressure), (teamEffort, teamPressure))
    }

    // MARK: - Sprawl

    private static func sprawl(index: LandscapeIndex, pilots: [PilotAnalysis], redundantFlows: [UInt32]) -> LandscapeSprawl {
        let landscape = index.landscape
        let cycles = index.components.members.filter { $0.count > 1 }
            .map { $0.map { landscape.systems[Int($0)].id }.sorted() }
            .sorted { $0.lexicographicallyPrecedes($1) }
        var needed: Set<String> = []
        var inLineage = Bitset(count: index.systemCount)
        for pilot in pilots {
            needed.formUnion(pilot.pilot.needs.map(\.system.id))
            inLineage.formUnion(pilot.lineage.systems)
        }
        let orphans = landscape.systems.indices.filter {
            index.outgoingFlows[$0].isEmpty && index.incomingFlows[$0].isEmpty && !needed.contains(landscape.systems[$0].id)
        }.map { landscape.systems[$0].id }.sorted()
        let deprecated = inLineage.filter { landscape.systems[Int($0)].status == .deprecated }
            .map { landscape.systems[Int($0)].id }.sorted()
        return LandscapeSprawl(
            cycles: cycles,
            redundantFlows: redundantFlows.map { landscape.flows[Int($0)].id }.sorted(),
            orphanSystems: orphans, deprecatedInUse: deprecated,
            flowsPerSystem: index.systemCount > 0 ? Double(index.flowCount) / Double(index.systemCount) : 0)
    }
}
