/// Everything the analyses say about one pilot: its work and schedule, its critical path
/// and the odds on its duration, its sprawl and its single points of failure.
///
/// ```swift
/// let churn = LandscapeAnalysis(validated).pilots.first { $0.pilot.id == "churn-copilot" }
/// churn?.duration      // 36.8 working days with unlimited hands
/// churn?.criticalPath  // ["crm-to-features", "dwh-to-features", …]
/// ```
public struct PilotAnalysis: Sendable {
    /// One work item in the pilot's schedule.
    package struct ScheduledWork: Sendable {
        public let item: WorkItem
        public let earliestStart: Double
        public let earliestFinish: Double
        public let latestStart: Double
        public let latestFinish: Double
        public let slack: Double
        /// The share of Monte Carlo samples in which the item was on the critical path
        /// (0 or 1 when no effort is uncertain).
        public let criticality: Double
    }

    /// The pilot's work items with their schedule, sorted by id, kept as columns so a
    /// pilot waiting on a million items costs 28 bytes an item; a ``ScheduledWork`` is made
    /// when one is read.
    package struct WorkSchedule: Sendable, RandomAccessCollection {
        let items: [WorkItem]
        let itemIndices: [UInt32]
        let earliestStarts: [Double]
        let earliestFinishes: [Double]
        let latestFinishes: [Double]
        let criticalities: [Double]

        public var startIndex: Int { 0 }
        public var endIndex: Int { itemIndices.count }

        public subscript(position: Int) -> ScheduledWork {
            let item = items[Int(itemIndices[position])]
            let finish = earliestFinishes[position], latest = latestFinishes[position]
            return ScheduledWork(
                item: item, earliestStart: earliestStarts[position], earliestFinish: finish,
                latestStart: latest - item.effort.expectedDays, latestFinish: latest,
                slack: Swift.max(0, latest - finish), criticality: criticalities[position])
        }

        /// The entry for an item id, by binary search (the entries are sorted by id).
        public func entry(for id: String) -> ScheduledWork? {
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                let middleID = items[Int(itemIndices[middle])].id
                if middleID == id { return self[middle] }
                if middleID < id { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// PERT statistics along the critical path and Monte Carlo percentiles of the duration.
    package struct DurationEstimate: Sendable {
        public let mean: Double
        public let standardDeviation: Double
        public let p50: Double
        public let p85: Double
        public let p95: Double
    }

    /// How much of the landscape the pilot touches.
    package struct Sprawl: Sendable {
        public let systems: Int
        public let flows: Int
        public let pendingFlows: Int
        public let teams: Int
        public let domains: Int
        public let gates: Int
        /// The most sensitive classification among its lineage's flows.
        public let classification: Classification?
    }

    /// A blocked flow or a rejected gate in a pilot's work: who clears it, by when.
    package struct Blocker: Sendable, Hashable {
        public let id: String
        /// A blocked flow's `blocked_by` reason, or "rejected" for a gate.
        public let reason: String
        public let owner: String?
        /// When the block clears; the item starts no earlier.
        public let until: CalendarDate?
    }

    public let pilot: Pilot
    package let lineage: Lineage
    /// The one word every output uses for where the pilot stands.
    public private(set) var state: PilotState
    /// The blocked flows and rejected gates in its work, by id.
    package let blockers: [Blocker]
    /// No pending work stands between the pilot and its own hardening.
    public var ready: Bool { workItems.isEmpty }
    /// Some blocker has no `until` date, so its dates assume the block clears now.
    public var datesAssumeUnblocked: Bool { blockers.contains { $0.until == nil } }
    /// Whether ``finishDate`` is the P85 date of the Monte Carlo run rather than the
    /// duration's date. Never with team capacity: the capacity plan schedules expected
    /// efforts, so its date is no percentile.
    public var finishIsP85: Bool { estimate != nil && plannedReady == nil }

    /// The working days to the finish every output shows: the ready day with the teams'
    /// capacity where some team declares one, else the P85 duration where some effort is
    /// uncertain, else the duration.
    public var finishDays: Double { plannedReady ?? estimate?.p85 ?? duration }

    /// The finish date as every output words it: `2027-01-05`, `2027-01-05 (P85)`,
    /// `2027-01-21 (with team capacity)`, with `if unblocked now` when a blocker gives no
    /// date to count from, `after 9999-12-31` past the calendar's end; `nil` without a start
    /// date.
    ///
    /// ```swift
    /// analysis.pilots[0].finishText // "2027-02-15 (P85, if unblocked now)"
    /// ```
    public var finishText: String? {
        guard isDated else { return nil }
        var notes: [String] = []
        if finishIsP85 { notes.append("P85") }
        if plannedReady != nil && !ready { notes.append("with team capacity") }
        if datesAssumeUnblocked { notes.append("if unblocked now") }
        let date = DaysText.date(finishDate)
        return notes.isEmpty ? date : "\(date) (\(notes.joined(separator: ", ")))"
    }
    /// The 85th percentile of the Monte Carlo durations, where some effort is a three-point
    /// estimate; `nil` when every effort is certain.
    public var p85: Double? { estimate?.p85 }

    /// Working days until it is ready with unlimited hands (the critical path method).
    public let duration: Double
    /// Working days until it is ready with the teams' capacity, where some team declares
    /// one (``CapacityPlan``); `nil` when no team does, and then it equals ``duration``.
    public private(set) var plannedReady: Double?
    /// Item ids of the chain that sets its finish, first to last, ties broken by id: one
    /// zero-slack chain of the critical path method, or with team capacity the chain the
    /// capacity plan found (``PlannedChain``), which may run through another pilot's item
    /// holding a team's hand.
    public private(set) var criticalPath: [String]
    /// Items of ``criticalPath`` that started when the item before them freed its team's
    /// hand (with team capacity); empty without capacity.
    public private(set) var waitedForHand: Set<String> = []
    package let estimate: DurationEstimate?
    /// Sorted by id.
    package let work: WorkSchedule
    package let sprawl: Sprawl
    /// Systems every data path into the pilot's needed systems passes through, by id.
    public let dominators: [String]
    /// The share of the duration's critical-path days that rest on estimated efforts.
    public let estimatedShare: Double
    /// Whether the run had a start date, so the pilot has dates.
    public let isDated: Bool
    /// With a start date: the day ``finishDays`` ends on, in working days; `nil` past the
    /// year 9999.
    public private(set) var finishDate: CalendarDate?
    /// Item indices of its work and of its critical path, for the bottleneck analysis, and
    /// the plan's nodes it waits for (junctions included, in topological order).
    let workItems: [UInt32]
    private(set) var criticalItems: [UInt32]
    let workNodes: [UInt32]

    /// Takes the capacity plan's ready day and chain as its finish and critical path, and
    /// judges its state again by them.
    mutating func plan(_ planned: CapacityPlan.PilotPlan, start: CalendarDate?, calendar: WorkingCalendar) {
        plannedReady = planned.plannedReady
        criticalPath = planned.criticalPath
        criticalItems = planned.criticalItems
        waitedForHand = planned.waitedForHand
        judge(from: start, calendar: calendar)
    }

    /// Dates ``finishDays`` on the model's calendar and judges the state by that date: the
    /// one place a pilot's finish and state are decided, with or without capacity.
    mutating func judge(from start: CalendarDate?, calendar: WorkingCalendar) {
        finishDate = start.flatMap { calendar.finish(afterWorkingDays: finishDays, from: $0) }
        state = PilotState(
            stage: pilot.stage, blocked: !blockers.isEmpty, ready: ready, target: pilot.target, finish: finishDate,
            dated: isDated)
    }
}
