/// The analyses of a validated landscape: each pilot's critical path, duration odds and
/// sprawl; the shared bottlenecks among systems, flows and teams; and the landscape's
/// sprawl. Definitions, with worked examples, are in docs/analyses.md.
///
/// ```swift
/// let analysis = try LandscapeAnalysis(landscape)
/// for pilot in analysis.pilots { print(pilot.pilot.id, pilot.duration, pilot.criticalPath) }
/// ```
public struct LandscapeAnalysis: Sendable {
    public let summary: LandscapeSummary
    /// Sorted by id.
    public let pilots: [PilotAnalysis]
    public let bottlenecks: Bottlenecks
    public let sprawl: LandscapeSprawl
    public let options: AnalysisOptions

    /// Throws when explicit `after` links and the implicit precedence rules form a cycle.
    public init(_ landscape: Landscape, options: AnalysisOptions = AnalysisOptions()) throws(PrecedenceCycleError) {
        let index = LandscapeIndex(landscape)
        self.options = options
        // The plan and the graph's structure need only the index, so they are computed side
        // by side; then the pilots, which are independent and each seed their own Monte Carlo
        // run, so the order they run in does not matter.
        let (planned, structure) = concurrently({ Result { () throws(PrecedenceCycleError) in try WorkPlan(index) } },
                                                { FlowGraphStructure(index, options: options) })
        let plan = try planned.get()
        let sorted = landscape.pilots.sorted { $0.id < $1.id }
        let shared = Lineage.SharedClosures(for: sorted, in: index)
        let pilots = ConcurrentSlots<PilotAnalysis>.map(sorted.count) {
            Self.analyze(sorted[$0], plan: plan, shared: shared, options: options)
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

    // MARK: - Pilots

    private static func analyze(_ pilot: Pilot, plan: WorkPlan, shared: Lineage.SharedClosures,
                                options: AnalysisOptions) -> PilotAnalysis {
        let index = plan.index
        let lineage = Lineage(of: pilot, in: index, shared: shared)
        let nodes = plan.work(for: pilot, lineage: lineage)
        var local = [Int32](repeating: -1, count: plan.precedence.nodeCount)
        for (position, node) in nodes.enumerated() { local[Int(node)] = Int32(position) }
        var entries: [(UInt32, UInt32)] = []
        for (position, node) in nodes.enumerated() {
            for before in plan.predecessors.successors(of: node) { entries.append((UInt32(position), UInt32(local[Int(before)]))) }
        }
        let predecessors = CompressedRows(rowCount: nodes.count, entries: entries)
        let efforts = nodes.map { plan.isJunction($0) ? Effort.zero : plan.items[Int($0)].effort }
        let schedule = Schedule(durations: efforts.map(\.expectedDays), predecessors: predecessors,
                                tail: pilot.effort.expectedDays)
        // The chain is followed through items only: a junction stands for the flows that
        // feed it, so ties between a flow behind a junction and another item go by their ids.
        let chain = schedule.criticalChain(predecessors: { position in
            predecessors[position].flatMap { before in
                plan.isJunction(nodes[Int(before)]) ? predecessors[Int(before)].map(Int.init) : [Int(before)]
            }
        }, isEligible: { !plan.isJunction(nodes[$0]) }) { a, b in
            plan.items[Int(nodes[a])].id < plan.items[Int(nodes[b])].id
        }
        let criticalItems = chain.map { nodes[$0] }

        let uncertain = efforts.contains(where: \.isUncertain) || pilot.effort.isUncertain
        let monteCarlo = uncertain
            ? Self.simulate(efforts: efforts, predecessors: predecessors, tail: pilot.effort,
                            samples: options.samples, seed: options.seed ^ SeededRandom.hash(pilot.id))
            : nil
        let estimate = monteCarlo.map { run in
            PilotAnalysis.DurationEstimate(
                mean: schedule.duration,
                standardDeviation: (criticalItems.reduce(pilot.effort.variance) { $0 + plan.items[Int($1)].effort.variance }).squareRoot(),
                p50: run.p50, p85: run.p85, p95: run.p95)
        }
        var marks = Bitset(count: plan.items.count)
        for node in nodes where !plan.isJunction(node) { marks.insert(plan.idRank[Int(node)]) }
        let itemPositions = plan.inIDOrder(marks).map { Int(local[Int($0)]) }
        let work = PilotAnalysis.WorkSchedule(
            items: plan.items, itemIndices: itemPositions.map { nodes[$0] },
            earliestStarts: itemPositions.map { schedule.earliestStart[$0] },
            latestStarts: itemPositions.map { schedule.latestStart[$0] },
            criticalities: itemPositions.map { monteCarlo?.criticality[$0] ?? (schedule.isCritical($0) ? 1 : 0) })

        let estimatedDays = criticalItems.map { plan.items[Int($0)] }.filter(\.estimated).reduce(0) { $0 + $1.effort.expectedDays }
        let finishDate = options.start.map {
            WorkingCalendar.finish(afterWorkingDays: estimate?.p85 ?? schedule.duration, from: $0)
        }
        let workItems = nodes.filter { !plan.isJunction($0) }
        var atRisk = false
        if let target = pilot.target, let finishDate { atRisk = target < finishDate }
        return PilotAnalysis(
            pilot: pilot, lineage: lineage, ready: workItems.isEmpty, atRisk: atRisk,
            duration: schedule.duration, criticalPath: criticalItems.map { plan.items[Int($0)].id },
            estimate: estimate, work: work,
            sprawl: sprawl(of: lineage, work: workItems, plan: plan),
            dominators: dominators(of: lineage, index: index),
            estimatedShare: schedule.duration > 0 ? estimatedDays / schedule.duration : 0,
            finishDate: finishDate, workItems: workItems, criticalItems: criticalItems)
    }

    /// The Monte Carlo run, on the near-critical part of the work only: an item whose
    /// longest path with every duration pessimistic is shorter than the whole work with
    /// every duration optimistic can never be critical, nor set the duration, in any sample,
    /// so leaving it out changes neither the percentiles nor any criticality. On large
    /// landscapes that drops most of the work from the O(samples × (n + m)) loop.
    private static func simulate(efforts: [Effort], predecessors: CompressedRows, tail: Effort,
                                 samples: Int, seed: UInt64) -> (p50: Double, p85: Double, p95: Double, criticality: [Double]) {
        let shortest = Schedule.longestPaths(durations: efforts.map(\.optimisticDays), predecessors: predecessors).total
            + tail.optimisticDays
        let longest = Schedule.longestPaths(durations: efforts.map(\.pessimisticDays), predecessors: predecessors).through
        let kept = efforts.indices.filter { longest[$0] + tail.pessimisticDays >= shortest - Schedule.tolerance }
        var position = [Int](repeating: -1, count: efforts.count)
        for (index, node) in kept.enumerated() { position[node] = index }
        var entries: [(UInt32, UInt32)] = []
        for (index, node) in kept.enumerated() {
            for before in predecessors[node] where position[Int(before)] >= 0 {
                entries.append((UInt32(index), UInt32(position[Int(before)])))
            }
        }
        let run = MonteCarloSchedule(efforts: kept.map { efforts[$0] },
                                     predecessors: CompressedRows(rowCount: kept.count, entries: entries),
                                     tail: tail, samples: samples, seed: seed)
        var criticality = [Double](repeating: 0, count: efforts.count)
        for (index, node) in kept.enumerated() { criticality[node] = run.criticality[index] }
        return (run.p50, run.p85, run.p95, criticality)
    }

    private static func sprawl(of lineage: Lineage, work: [UInt32], plan: WorkPlan) -> PilotAnalysis.Sprawl {
        let index = plan.index
        let landscape = index.landscape
        var teams = Bitset(count: landscape.teams.count)
        var domains = Bitset(count: index.domainCount)
        var systemCount = 0
        for system in lineage.systems {
            systemCount += 1
            let owner = index.systemOwner[Int(system)], domain = index.systemDomain[Int(system)]
            if owner != LandscapeIndex.none { teams.insert(owner) }
            if domain != LandscapeIndex.none { domains.insert(domain) }
        }
        var classification: Classification?
        var pendingFlows = 0, flowCount = 0
        for flow in lineage.flows {
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
        return PilotAnalysis.Sprawl(systems: systemCount, flows: flowCount, pendingFlows: pendingFlows,
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
        let words = max(1, (pilots.count + 63) / 64)
        var itemPilotCount = [Int32](repeating: 0, count: plan.items.count)
        var systemPilots = [UInt64](repeating: 0, count: index.systemCount * words)
        var flowPilots = [UInt64](repeating: 0, count: index.flowCount * words)
        var teamPilots = [UInt64](repeating: 0, count: landscape.teams.count * words)
        var systemCritical = systemPilots, flowCritical = flowPilots, teamCritical = teamPilots
        func mark(_ bits: inout [UInt64], _ entity: UInt32, _ pilot: Int) {
            guard entity != LandscapeIndex.none else { return }
            bits[Int(entity) * words + pilot / 64] |= UInt64(1) << UInt64(pilot % 64)
        }
        let systemOwner = index.systemOwner
        let itemOwner = plan.itemOwner

        for (pilot, analysis) in pilots.enumerated() {
            let word = pilot / 64, bit = UInt64(1) << UInt64(pilot % 64)
            // Millions of marks per pilot: written through raw buffers, with no
            // copy-on-write check per mark.
            systemPilots.withUnsafeMutableBufferPointer { bits in
                for system in analysis.lineage.systems { bits[Int(system) * words + word] |= bit }
            }
            flowPilots.withUnsafeMutableBufferPointer { bits in
                for flow in analysis.lineage.flows { bits[Int(flow) * words + word] |= bit }
            }
            for item in analysis.workItems {
                itemPilotCount[Int(item)] += 1
                let entity = plan.itemEntity[Int(item)]
                switch plan.itemKind[Int(item)] {
                case .system: mark(&systemPilots, entity, pilot)
                case .flow: mark(&flowPilots, entity, pilot)
                default: mark(&teamPilots, itemOwner[Int(item)], pilot)
                }
            }
            for item in analysis.criticalItems {
                let entity = plan.itemEntity[Int(item)]
                mark(&teamCritical, itemOwner[Int(item)], pilot)
                switch plan.itemKind[Int(item)] {
                case .system: mark(&systemCritical, entity, pilot)
                case .flow:
                    mark(&flowCritical, entity, pilot)
                    mark(&systemCritical, index.flowSource[Int(entity)], pilot)
                    mark(&systemCritical, index.flowTarget[Int(entity)], pilot)
                default: break
                }
            }
        }

        // A team depends on the pilots of every system and flow it owns (a pending item's
        // owner is its system's or flow's owner); gates were marked above.
        for (owners, bits) in [(systemOwner, systemPilots), (index.flowOwner, flowPilots)] {
            for (entity, owner) in owners.enumerated() where owner != LandscapeIndex.none {
                for word in 0..<words { teamPilots[Int(owner) * words + word] |= bits[entity * words + word] }
            }
        }

        var systemEffort = [Double](repeating: 0, count: index.systemCount), systemPressure = systemEffort
        var flowEffort = [Double](repeating: 0, count: index.flowCount), flowPressure = flowEffort
        var teamEffort = [Double](repeating: 0, count: landscape.teams.count), teamPressure = teamEffort
        for (position, item) in plan.items.enumerated() {
            let days = item.effort.expectedDays
            let exposure = days * Double(itemPilotCount[position])
            if itemOwner[position] != LandscapeIndex.none {
                teamEffort[Int(itemOwner[position])] += days
                teamPressure[Int(itemOwner[position])] += exposure
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

        let pilotIDs = pilots.map(\.pilot.id)
        func table(_ ids: [String], _ effort: [Double], _ pressure: [Double], _ pilotBits: [UInt64], _ criticalBits: [UInt64],
                   systems: Bool = false, bridges: Bitset? = nil) -> BottleneckTable {
            BottleneckTable(ids: ids, pendingEffort: effort, pressure: pressure, pilotBits: pilotBits, criticalBits: criticalBits,
                            words: words, pilotIDs: pilotIDs, betweenness: systems ? structure.betweenness?.values : nil,
                            articulationPoints: systems ? structure.articulationPoints : nil, bridges: bridges, isSystems: systems)
        }
        return Bottlenecks(
            systems: table(landscape.systems.map(\.id), systemEffort, systemPressure, systemPilots, systemCritical, systems: true),
            flows: table(landscape.flows.map(\.id), flowEffort, flowPressure, flowPilots, flowCritical, bridges: structure.bridges),
            teams: table(landscape.teams.map(\.id), teamEffort, teamPressure, teamPilots, teamCritical),
            betweennessSources: structure.betweenness?.sourceCount ?? 0,
            betweennessIsExact: structure.betweenness?.isExact ?? false)
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
