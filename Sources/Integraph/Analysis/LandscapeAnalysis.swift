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
        let plan = try WorkPlan(index)
        self.options = options
        pilots = landscape.pilots.sorted { $0.id < $1.id }.map { Self.analyze($0, plan: plan, options: options) }
        summary = LandscapeSummary(
            name: landscape.name, systems: landscape.systems.count, flows: landscape.flows.count,
            teams: landscape.teams.count, domains: Set(landscape.systems.compactMap(\.domain)).count,
            pilots: landscape.pilots.count, pendingItems: plan.items.count,
            pendingEffort: plan.items.reduce(0) { $0 + $1.effort.expectedDays })
        bottlenecks = Self.bottlenecks(plan: plan, pilots: pilots, options: options)
        sprawl = Self.sprawl(index: index, pilots: pilots)
    }

    // MARK: - Pilots

    private static func analyze(_ pilot: Pilot, plan: WorkPlan, options: AnalysisOptions) -> PilotAnalysis {
        let index = plan.index
        let lineage = Lineage(of: pilot, in: index)
        let nodes = plan.work(for: pilot, lineage: lineage)
        var local: [UInt32: Int] = [:]
        for (position, node) in nodes.enumerated() { local[node] = position }
        let predecessors = nodes.map { node in plan.predecessors.successors(of: node).compactMap { local[$0] } }
        let efforts = nodes.map { plan.isJunction($0) ? Effort.zero : plan.items[Int($0)].effort }
        let schedule = Schedule(durations: efforts.map(\.expectedDays), predecessors: predecessors,
                                tail: pilot.effort.expectedDays)
        // The chain is followed through items only: a junction stands for the flows that
        // feed it, so ties between a flow behind a junction and another item go by their ids.
        let itemPredecessors = nodes.indices.map { position in
            predecessors[position].flatMap { plan.isJunction(nodes[$0]) ? predecessors[$0] : [$0] }
        }
        let chain = schedule.criticalChain(predecessors: itemPredecessors, isEligible: { !plan.isJunction(nodes[$0]) }) { a, b in
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
        var work: [PilotAnalysis.ScheduledWork] = []
        for (position, node) in nodes.enumerated() where !plan.isJunction(node) {
            work.append(PilotAnalysis.ScheduledWork(
                item: plan.items[Int(node)],
                earliestStart: schedule.earliestStart[position], earliestFinish: schedule.earliestFinish[position],
                latestStart: schedule.latestStart[position], latestFinish: schedule.latestFinish[position],
                slack: max(0, schedule.latestStart[position] - schedule.earliestStart[position]),
                criticality: monteCarlo?.criticality[position] ?? (schedule.isCritical(position) ? 1 : 0)))
        }
        work.sort { $0.item.id < $1.item.id }

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
            finishDate: finishDate, workItems: workItems)
    }

    /// The Monte Carlo run, on the near-critical part of the work only: an item whose
    /// longest path with every duration pessimistic is shorter than the whole work with
    /// every duration optimistic can never be critical, nor set the duration, in any sample,
    /// so leaving it out changes neither the percentiles nor any criticality. On large
    /// landscapes that drops most of the work from the O(samples × (n + m)) loop.
    private static func simulate(efforts: [Effort], predecessors: [[Int]], tail: Effort,
                                 samples: Int, seed: UInt64) -> (p50: Double, p85: Double, p95: Double, criticality: [Double]) {
        let optimistic = Schedule(durations: efforts.map(\.optimisticDays), predecessors: predecessors, tail: tail.optimisticDays)
        let pessimistic = Schedule(durations: efforts.map(\.pessimisticDays), predecessors: predecessors, tail: 0)
        let kept = efforts.indices.filter { node in
            pessimistic.earliestStart[node] + pessimistic.workFinish - pessimistic.latestStart[node] + tail.pessimisticDays
                >= optimistic.duration - Schedule.tolerance
        }
        var position = [Int](repeating: -1, count: efforts.count)
        for (index, node) in kept.enumerated() { position[node] = index }
        let run = MonteCarloSchedule(efforts: kept.map { efforts[$0] },
                                     predecessors: kept.map { predecessors[$0].compactMap { position[$0] >= 0 ? position[$0] : nil } },
                                     tail: tail, samples: samples, seed: seed)
        var criticality = [Double](repeating: 0, count: efforts.count)
        for (index, node) in kept.enumerated() { criticality[node] = run.criticality[index] }
        return (run.p50, run.p85, run.p95, criticality)
    }

    private static func sprawl(of lineage: Lineage, work: [UInt32], plan: WorkPlan) -> PilotAnalysis.Sprawl {
        let index = plan.index
        let landscape = index.landscape
        var teams: Set<String> = []
        var domains: Set<String> = []
        for system in lineage.systems {
            if let owner = landscape.systems[Int(system)].owner?.id { teams.insert(owner) }
            if let domain = landscape.systems[Int(system)].domain { domains.insert(domain) }
        }
        var classification: Classification?
        var pendingFlows = 0
        for flow in lineage.flows {
            if let owner = index.flowOwner[Int(flow)] { teams.insert(landscape.teams[Int(owner)].id) }
            let model = landscape.flows[Int(flow)]
            if model.isPending { pendingFlows += 1 }
            classification = max(classification ?? model.classification, model.classification)
        }
        var gates = 0
        for item in work.map({ plan.items[Int($0)] }) {
            if let owner = item.owner { teams.insert(owner) }
            if item.kind == .gate { gates += 1 }
        }
        return PilotAnalysis.Sprawl(systems: lineage.systems.count, flows: lineage.flows.count, pendingFlows: pendingFlows,
                                    teams: teams.count, domains: domains.count, gates: gates, classification: classification)
    }

    /// Dominators of a virtual sink fed by the needed systems, from a virtual root joined to
    /// every system of each source component of the lineage graph.
    private static func dominators(of lineage: Lineage, index: LandscapeIndex) -> [String] {
        guard !lineage.neededSystems.isEmpty else { return [] }
        var local: [UInt32: UInt32] = [:]
        for (position, system) in lineage.systems.enumerated() { local[system] = UInt32(position) }
        let count = lineage.systems.count
        var edges: [(UInt32, UInt32)] = lineage.flows.compactMap { flow in
            guard let from = local[index.flowSource[Int(flow)]], let to = local[index.flowTarget[Int(flow)]] else { return nil }
            return (from, to)
        }
        let components = StronglyConnectedComponents(DirectedGraph(nodeCount: count, edges: edges))
        var entered = [Bool](repeating: false, count: components.count)
        for (from, to) in edges where components.component(of: from) != components.component(of: to) {
            entered[components.component(of: to)] = true
        }
        let root = UInt32(count), sink = UInt32(count + 1)
        for (component, members) in components.members.enumerated() where !entered[component] {
            edges += members.map { (root, $0) }
        }
        edges += lineage.neededSystems.compactMap { local[$0] }.map { ($0, sink) }
        let tree = Dominators(DirectedGraph(nodeCount: count + 2, edges: edges), root: root)
        return tree.dominators(of: sink).filter { $0 != root }
            .map { index.landscape.systems[Int(lineage.systems[Int($0)])].id }.sorted()
    }

    // MARK: - Bottlenecks

    private static func bottlenecks(plan: WorkPlan, pilots: [PilotAnalysis], options: AnalysisOptions) -> Bottlenecks {
        let index = plan.index
        let landscape = index.landscape
        var itemPilotCount = [Int](repeating: 0, count: plan.items.count)
        var systemPilots = [Set<Int>](repeating: [], count: index.systemCount)
        var flowPilots = [Set<Int>](repeating: [], count: index.flowCount)
        var teamPilots = [Set<Int>](repeating: [], count: landscape.teams.count)
        var systemCritical = [Set<Int>](repeating: [], count: index.systemCount)
        var flowCritical = [Set<Int>](repeating: [], count: index.flowCount)
        var teamCritical = [Set<Int>](repeating: [], count: landscape.teams.count)

        func team(_ id: String?) -> Int? { id.flatMap { index.teamIndex[$0] }.map(Int.init) }
        for (pilotNumber, pilot) in pilots.enumerated() {
            for system in pilot.lineage.systems {
                systemPilots[Int(system)].insert(pilotNumber)
                if let owner = team(landscape.systems[Int(system)].owner?.id) { teamPilots[owner].insert(pilotNumber) }
            }
            for flow in pilot.lineage.flows {
                flowPilots[Int(flow)].insert(pilotNumber)
                if let owner = index.flowOwner[Int(flow)] { teamPilots[Int(owner)].insert(pilotNumber) }
            }
            for item in pilot.workItems {
                itemPilotCount[Int(item)] += 1
                let work = plan.items[Int(item)]
                if let owner = team(work.owner) { teamPilots[owner].insert(pilotNumber) }
                switch work.kind {
                case .system: systemPilots[Int(work.entity)].insert(pilotNumber)
                case .flow: flowPilots[Int(work.entity)].insert(pilotNumber)
                default: break
                }
            }
            for id in pilot.criticalPath {
                guard let item = plan.itemIndex[id].map({ plan.items[Int($0)] }) else { continue }
                if let owner = team(item.owner) { teamCritical[owner].insert(pilotNumber) }
                switch item.kind {
                case .system: systemCritical[Int(item.entity)].insert(pilotNumber)
                case .flow:
                    flowCritical[Int(item.entity)].insert(pilotNumber)
                    systemCritical[Int(index.flowSource[Int(item.entity)])].insert(pilotNumber)
                    systemCritical[Int(index.flowTarget[Int(item.entity)])].insert(pilotNumber)
                default: break
                }
            }
        }

        var systemLoad = [(effort: Double, pressure: Double)](repeating: (0, 0), count: index.systemCount)
        var flowLoad = [(effort: Double, pressure: Double)](repeating: (0, 0), count: index.flowCount)
        var teamLoad = [(effort: Double, pressure: Double)](repeating: (0, 0), count: landscape.teams.count)
        func add(_ load: inout (effort: Double, pressure: Double), _ days: Double, _ pilotCount: Int) {
            load.effort += days
            load.pressure += days * Double(pilotCount)
        }
        for (position, item) in plan.items.enumerated() {
            let days = item.effort.expectedDays
            let count = itemPilotCount[position]
            if let owner = team(item.owner) { add(&teamLoad[owner], days, count) }
            switch item.kind {
            case .system: add(&systemLoad[Int(item.entity)], days, count)
            case .flow:
                add(&flowLoad[Int(item.entity)], days, count)
                add(&systemLoad[Int(index.flowSource[Int(item.entity)])], days, count)
                add(&systemLoad[Int(index.flowTarget[Int(item.entity)])], days, count)
            default: break
            }
        }

        let exact = index.systemCount <= options.betweennessExactLimit
        let betweenness = options.computesBetweenness
            ? Betweenness(index.flowGraph, sampleSize: exact ? nil : options.betweennessSampleSize, seed: options.seed)
            : nil
        let cuts = Biconnectivity(nodeCount: index.systemCount,
                                  edges: Array(zip(index.flowSource, index.flowTarget)))
        var isArticulation = [Bool](repeating: false, count: index.systemCount)
        for node in cuts.articulationPoints { isArticulation[Int(node)] = true }
        var isBridge = [Bool](repeating: false, count: index.flowCount)
        for edge in cuts.bridges { isBridge[Int(edge)] = true }

        func ids(_ set: Set<Int>) -> [String] { set.map { pilots[$0].pilot.id }.sorted() }
        let systems = landscape.systems.indices.map { system in
            Bottleneck(id: landscape.systems[system].id, pilots: ids(systemPilots[system]),
                       pendingEffort: systemLoad[system].effort, pressure: systemLoad[system].pressure,
                       criticalFor: ids(systemCritical[system]), betweenness: betweenness?.values[system],
                       articulationPoint: isArticulation[system], bridge: nil)
        }
        let flows = landscape.flows.indices.map { flow in
            Bottleneck(id: landscape.flows[flow].id, pilots: ids(flowPilots[flow]),
                       pendingEffort: flowLoad[flow].effort, pressure: flowLoad[flow].pressure,
                       criticalFor: ids(flowCritical[flow]), betweenness: nil, articulationPoint: nil,
                       bridge: isBridge[flow])
        }
        let teams = landscape.teams.indices.map { team in
            Bottleneck(id: landscape.teams[team].id, pilots: ids(teamPilots[team]),
                       pendingEffort: teamLoad[team].effort, pressure: teamLoad[team].pressure,
                       criticalFor: ids(teamCritical[team]), betweenness: nil, articulationPoint: nil, bridge: nil)
        }
        func ranked(_ list: [Bottleneck]) -> [Bottleneck] {
            list.sorted { ($0.pressure, $1.id) > ($1.pressure, $0.id) }
        }
        return Bottlenecks(systems: ranked(systems), flows: ranked(flows), teams: ranked(teams),
                           betweennessSources: betweenness?.sourceCount ?? 0, betweennessIsExact: betweenness?.isExact ?? false)
    }

    // MARK: - Sprawl

    private static func sprawl(index: LandscapeIndex, pilots: [PilotAnalysis]) -> LandscapeSprawl {
        let landscape = index.landscape
        let cycles = index.components.members.filter { $0.count > 1 }
            .map { $0.map { landscape.systems[Int($0)].id }.sorted() }
            .sorted { $0.lexicographicallyPrecedes($1) }
        var needed: Set<String> = []
        var inLineage: Set<UInt32> = []
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
            redundantFlows: RedundantFlows(index).flows.map { landscape.flows[Int($0)].id }.sorted(),
            orphanSystems: orphans, deprecatedInUse: deprecated,
            flowsPerSystem: index.systemCount > 0 ? Double(index.flowCount) / Double(index.systemCount) : 0)
    }
}
