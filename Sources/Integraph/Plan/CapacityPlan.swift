/// All pending work scheduled with each team's `capacity` (``ListScheduler``): per item its
/// start and finish, per team its load, per pilot its planned ready day beside the critical
/// path's (unlimited hands) and its target — the difference is what team capacity costs —
/// and, where teams have a `day_rate` and pilots a `value` and `budget`, money.
///
/// Days are working days from day 0, efforts their PERT means. A pilot is ready when all of
/// its work is finished and its own effort done after it.
///
/// ```swift
/// let plan = CapacityPlan(LandscapeAnalysis(validated), options: PlanOptions())
/// plan.pilots.first?.plannedReady      // 41.5
/// plan.pilots.first?.unconstrainedReady // 36.8
/// ```
package struct CapacityPlan: Sendable {
    package struct Item: Sendable, Equatable {
        public let id: String
        public let kind: EntityKind
        public let team: String?
        public let start: Double
        public let finish: Double
        /// When its team's hand is free again: start + effort. An item already under way
        /// may finish later, when the work it waits for does (finish-to-finish).
        public let handFree: Double
    }

    package struct TeamLoad: Sendable, Equatable {
        public let id: String
        /// Items it carries at once; `nil` when it declares no capacity (no limit).
        public let capacity: Int?
        /// Working days of effort it carries.
        public let busyDays: Double
        /// Busy days over capacity × the plan's length; `nil` for a team without a limit,
        /// which no share of hands describes.
        public let utilisation: Double?
        public let items: Int
    }

    package struct PilotPlan: Sendable, Equatable {
        public let id: String
        public let plannedReady: Double
        public let unconstrainedReady: Double
        public let target: CalendarDate?
        public let plannedDate: CalendarDate?
        public let unconstrainedDate: CalendarDate?
        /// Effort days of its remaining work times each owner team's day rate; `nil` when no
        /// team of that work has a rate.
        public let remainingCost: Double?
        /// Its value per working day (yearly value over 260), times the days capacity adds.
        public let delayCost: Double?
        public let budget: Double?
        /// The items that set ``plannedReady``, first to last (``PlannedChain``): a
        /// predecessor finishing, or a team's hand coming free. Empty in the trial plans of
        /// suggestions.
        public let criticalPath: [String]
        /// The same items by node, for the analysis' bottleneck marks.
        let criticalItems: [UInt32]
        /// The ids of those items that started when the item before them on the path freed
        /// its team's hand, rather than when their predecessors finished.
        public let waitedForHand: Set<String>
        public var overBudget: Bool { (remainingCost ?? 0) > (budget ?? .infinity) }
    }

    /// In start order, then by id.
    public let items: [Item]
    /// Teams with work, by id; items without an owner team are listed under no team.
    public let teams: [TeamLoad]
    /// In model order.
    public let pilots: [PilotPlan]
    /// When the last item finishes.
    public let length: Double
    public let options: PlanOptions
    /// The model's calendar, on which the plan's days become dates.
    public let calendar: WorkingCalendar

    /// Each pilot as report rows say it: id, planned ready, unlimited hands, the days capacity
    /// costs, remaining cost, cost of delay, and "over budget" or "".
    public var reportRows: [[String]] {
        func day(_ days: Double, _ date: CalendarDate?) -> String {
            options.start == nil ? "day \(DaysText.days(days, decimals: 1))" : DaysText.date(date)
        }
        func money(_ amount: Double?) -> String { amount.map { DaysText.days($0, decimals: 0) } ?? "—" }
        return pilots.map { pilot in
            [
                pilot.id, day(pilot.plannedReady, pilot.plannedDate), day(pilot.unconstrainedReady, pilot.unconstrainedDate),
                "\(DaysText.days(pilot.plannedReady - pilot.unconstrainedReady, decimals: 1)) d", money(pilot.remainingCost),
                money(pilot.delayCost), pilot.overBudget ? "over its budget of \(money(pilot.budget))" : ""
            ]
        }
    }

    static let reportHeaders = [
        "Pilot", "Ready, with team capacity", "Ready, unlimited hands", "Capacity costs", "Remaining cost",
        "Cost of delay", "Budget"
    ]

    /// The plan of an analysed model: each pilot's work is the work the analysis found.
    ///
    /// ```swift
    /// let plan = CapacityPlan(LandscapeAnalysis(validated, options: options), options: PlanOptions(start: options.start))
    /// ```
    package init(_ analysis: LandscapeAnalysis, options: PlanOptions) {
        self.init(PlanInputs(analysis.workPlan, pilots: analysis.pilots, options: options))
    }

    /// With `full`, each pilot gets its critical path and its ready day with unlimited hands:
    /// the analysis' duration for the model as written (one figure, shown by `analyze` and
    /// `plan` alike), or under what-ifs the same scheduler run again with unlimited hands;
    /// suggestions' trial plans need neither.
    init(_ inputs: PlanInputs, full: Bool = true) {
        let options = inputs.options
        let result = inputs.scheduler.run()
        let limited = inputs.scheduler.capacities.contains { $0 != Int.max }
        let unlimited =
            full && options.hasWhatIfs
            ? (limited ? inputs.with(capacities: inputs.scheduler.capacities.map { _ in Int.max }).scheduler.run() : result) : nil
        let chains = full ? PlannedChain(inputs, result: result) : nil
        let plan = inputs.plan
        let landscape = plan.index.landscape
        var items: [Item] = []
        for node in 0..<plan.items.count where !inputs.finishedNow[node] {
            let team = plan.itemOwner[node] == LandscapeIndex.none ? nil : landscape.teams[Int(plan.itemOwner[node])].id
            items.append(
                Item(
                    id: plan.items[node].id, kind: plan.items[node].kind, team: team,
                    start: result.start[node], finish: result.finish[node],
                    handFree: result.start[node] + inputs.scheduler.durations[node]))
        }
        items.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        self.items = items
        length = items.map(\.finish).max() ?? 0
        var counts = [Int](repeating: 0, count: landscape.teams.count)
        for node in 0..<plan.items.count where !inputs.finishedNow[node] && plan.itemOwner[node] != LandscapeIndex.none {
            counts[Int(plan.itemOwner[node])] += 1
        }
        let length = length
        func capacity(_ team: Int) -> Int? { inputs.scheduler.capacities[team] == Int.max ? nil : inputs.scheduler.capacities[team] }
        teams = landscape.teams.indices.filter { counts[$0] > 0 }.map { team in
            TeamLoad(
                id: landscape.teams[team].id, capacity: capacity(team), busyDays: result.busy[team],
                utilisation: capacity(team).map { hands in length > 0 ? result.busy[team] / (Double(hands) * length) : 0 },
                items: counts[team])
        }.sorted { $0.id < $1.id }
        pilots = inputs.pilots.map { pilot in
            let ready = (pilot.work.map { result.finish[Int($0)] }.max() ?? 0) + pilot.ownEffort
            let free =
                unlimited.map { run in (pilot.work.map { run.finish[Int($0)] }.max() ?? 0) + pilot.ownEffort }
                ?? (full ? pilot.duration : ready)
            let date = { (days: Double) in options.start.flatMap { landscape.calendar.finish(afterWorkingDays: days, from: $0) } }
            let delay = pilot.valuePerDay.map { $0 * max(0, ready - free) }
            let chain = chains?.chain(endingIn: pilot.work) ?? (items: [], waitedForHand: [])
            return PilotPlan(
                id: pilot.id, plannedReady: ready, unconstrainedReady: free, target: pilot.target,
                plannedDate: date(ready), unconstrainedDate: date(free),
                remainingCost: pilot.cost, delayCost: delay, budget: pilot.budget,
                criticalPath: chain.items.map { plan.items[Int($0)].id }, criticalItems: chain.items,
                waitedForHand: Set(chain.waitedForHand.map { plan.items[Int($0)].id }))
        }
        self.options = options
        calendar = landscape.calendar
    }
}
