/// What a ``CapacityPlan`` is computed from, built once so that what-ifs and suggestions
/// only rerun the scheduler: durations, owners, capacities, priorities, each pilot's work.
struct PlanInputs {
    struct PilotWork {
        let id: String
        let work: [UInt32]
        /// Its duration with unlimited hands, as the analysis found it (what-ifs aside).
        let duration: Double
        let ownEffort: Double
        let target: CalendarDate?
        let value: Double?
        let budget: Double?
        let cost: Double?

        /// What a day of delay costs: the yearly `value` over 260 working days.
        var valuePerDay: Double? { value.map { $0 / 260 } }
    }

    let plan: WorkPlan
    var scheduler: ListScheduler
    let pilots: [PilotWork]
    /// Items taken as finished now, by node.
    var finishedNow: [Bool]
    let options: PlanOptions

    /// From the pilots an analysis found (their lineages and work), so a plan never
    /// analyses the model again.
    init(_ plan: WorkPlan, pilots analysed: [PilotAnalysis], options: PlanOptions) {
        let landscape = plan.index.landscape
        self.plan = plan
        self.options = options
        let nodeCount = plan.precedence.nodeCount

        var finishedNow = [Bool](repeating: false, count: nodeCount)
        for node in 0..<plan.items.count where options.finishedNow.contains(plan.items[node].id) { finishedNow[node] = true }
        self.finishedNow = finishedNow
        var waiting = [Int](repeating: 0, count: nodeCount)
        pilots = analysed.map { pilot in
            for node in pilot.workNodes { waiting[Int(node)] += 1 }
            var cost: Double?
            for node in pilot.workItems where !finishedNow[Int(node)] {
                let owner = plan.itemOwner[Int(node)]
                guard owner != LandscapeIndex.none, let rate = landscape.teams[Int(owner)].dayRate else { continue }
                cost = (cost ?? 0) + rate * plan.items[Int(node)].effort.expectedDays
            }
            return PilotWork(
                id: pilot.pilot.id, work: pilot.workNodes, duration: pilot.duration,
                ownEffort: pilot.pilot.effort.expectedDays,
                target: pilot.pilot.target, value: pilot.pilot.value, budget: pilot.pilot.budget, cost: cost)
        }
        var durations = [Double](repeating: 0, count: nodeCount), teams = [UInt32](repeating: LandscapeIndex.none, count: nodeCount)
        var started = [Bool](repeating: false, count: nodeCount), releases = [Double](repeating: 0, count: nodeCount)
        for node in 0..<plan.items.count {
            durations[node] = plan.items[node].effort.expectedDays
            teams[node] = plan.itemOwner[node]
            started[node] = plan.startedItems.contains(UInt32(node))
            if let start = options.start { releases[node] = plan.releaseDay(ofItem: node, from: start) ?? 0 }
        }
        // Remaining path to the pilots: each node's duration plus the longest such path
        // through the work some pilot waits for after it, in reverse topological order.
        // Work no pilot waits for comes after all that pilots do.
        var remaining = [Double](repeating: 0, count: nodeCount)
        for rank in (0..<nodeCount).reversed() {
            let node = Int(plan.nodeAtRank[rank])
            var after = 0.0
            for next in plan.precedence.successors(of: UInt32(node)) where waiting[Int(next)] > 0 { after = max(after, remaining[Int(next)]) }
            remaining[node] = durations[node] + after
        }
        // A team that declares no capacity takes on what its work needs.
        let capacities = landscape.teams.map { options.capacity[$0.id] ?? $0.capacity ?? Int.max }
        scheduler = ListScheduler(
            durations: durations, teams: teams, capacities: capacities, successors: plan.precedence,
            predecessorCount: (0..<nodeCount).map { plan.predecessors.successors(of: UInt32($0)).count },
            started: started, releases: releases, done: finishedNow,
            priority: (0..<nodeCount).map { node in
                (
                    waiting[node] > 0 ? remaining[node] : remaining[node] - 1e12, waiting[node],
                    node < plan.items.count ? -Int(plan.idRank[node]) : 1
                )
            })
    }

    /// The same inputs with one team's capacity replaced.
    func with(capacity: Int, forTeam team: Int) -> PlanInputs {
        var capacities = scheduler.capacities
        capacities[team] = capacity
        return with(capacities: capacities)
    }

    func with(capacities: [Int]) -> PlanInputs {
        var copy = self
        copy.scheduler = ListScheduler(
            durations: scheduler.durations, teams: scheduler.teams, capacities: capacities,
            successors: scheduler.successors, predecessorCount: scheduler.predecessorCount,
            started: scheduler.started, releases: scheduler.releases, done: scheduler.done,
            priority: scheduler.priority)
        return copy
    }

    /// The same inputs with one item finished now.
    func finishing(_ node: Int) -> PlanInputs {
        var copy = self
        copy.finishedNow[node] = true
        copy.scheduler = ListScheduler(
            durations: scheduler.durations, teams: scheduler.teams, capacities: scheduler.capacities,
            successors: scheduler.successors, predecessorCount: scheduler.predecessorCount,
            started: scheduler.started, releases: scheduler.releases, done: copy.finishedNow,
            priority: scheduler.priority)
        return copy
    }
}
