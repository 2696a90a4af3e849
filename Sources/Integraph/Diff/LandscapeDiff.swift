/// What changed between two snapshots of a landscape: entities added, removed and changed
/// key by key (a reordered list is no change), pending effort before and after per team,
/// and the pilots whose duration, P85 or state moved, with why (items finished, added,
/// re-estimated, blocked or unblocked).
///
/// A renamed id is a removal and an addition: ids are what other entities refer to, so a
/// rename is a change a reader must see.
///
/// ```swift
/// let diff = LandscapeDiff(old: lastWeek, new: today)
/// diff.added[.flow]   // ["crm-to-lakehouse"]
/// diff.pilots.first?.why // ["finished: crm-to-features", "re-estimated: dwh-to-features (5 d → 8 d)"]
/// ```
package struct LandscapeDiff: Sendable {
    package struct FieldChange: Sendable, Equatable {
        public let key: String
        public let old: String?
        public let new: String?
    }

    package struct Change: Sendable, Equatable {
        public let id: String
        public let fields: [FieldChange]
    }

    /// A pilot's schedule in one snapshot.
    package struct Outcome: Sendable, Equatable {
        public let duration: Double
        public let p85: Double?
        /// The working days to the finish shown (``PilotAnalysis/finishDays``).
        public let finishDays: Double
        public let state: PilotState
        public let finish: CalendarDate?
    }

    package struct PilotChange: Sendable {
        public let id: String
        public let before: Outcome
        public let after: Outcome
        public let why: [String]
    }

    package struct TeamEffort: Sendable, Equatable {
        public let id: String
        public let before: Double
        public let after: Double
    }

    /// Ids by kind, sorted.
    public let added: [EntityKind: [String]]
    public let removed: [EntityKind: [String]]
    public let changed: [EntityKind: [Change]]
    public let pilots: [PilotChange]
    public let pendingBefore: Double
    public let pendingAfter: Double
    /// Every team with pending work in either snapshot, by id.
    public let teams: [TeamEffort]
    /// The day both snapshots' schedules count from.
    public let asOf: CalendarDate?
    /// The calendar's changes: `workdays`, and `holidays` with the days only the old
    /// snapshot has as `old` and those only the new one has as `new`.
    public let calendar: [FieldChange]

    public var isEmpty: Bool {
        added.values.allSatisfy(\.isEmpty) && removed.values.allSatisfy(\.isEmpty) && changed.values.allSatisfy(\.isEmpty) && pilots.isEmpty
            && calendar.isEmpty
    }

    /// The changes between two analysed snapshots (two outlooks of one pipeline, so the
    /// same date and options).
    public init(old before: LandscapeAnalysis, new after: LandscapeAnalysis) {
        let old = before.workPlan.index, new = after.workPlan.index
        asOf = after.options.start
        let oldRecords = Self.byKind(EntityRecord.all(in: old.landscape)), newRecords = Self.byKind(EntityRecord.all(in: new.landscape))
        var added: [EntityKind: [String]] = [:], removed: [EntityKind: [String]] = [:], changed: [EntityKind: [Change]] = [:]
        for kind in EntityKind.allCases {
            let was = oldRecords[kind] ?? [:], now = newRecords[kind] ?? [:]
            added[kind] = now.keys.filter { was[$0] == nil }.sorted()
            removed[kind] = was.keys.filter { now[$0] == nil }.sorted()
            changed[kind] = now.keys.sorted().compactMap { id -> Change? in
                guard let previous = was[id], let current = now[id], previous != current else { return nil }
                let keys = Set(previous.fields.keys).union(current.fields.keys).sorted()
                return Change(
                    id: id,
                    fields: keys.compactMap { key in
                        previous.fields[key] == current.fields[key] ? nil : FieldChange(key: key, old: previous.fields[key], new: current.fields[key])
                    })
            }
        }
        self.added = added
        self.removed = removed
        self.changed = changed
        calendar = EntityRecord.calendarChanges(old: old.landscape.calendar, new: new.landscape.calendar)
        pilots = Self.pilotChanges(before: before, after: after, newRecords: newRecords, calendarChanged: !calendar.isEmpty)
        pendingBefore = before.summary.pendingEffort
        pendingAfter = after.summary.pendingEffort
        teams = Self.teamEfforts(before: before.bottlenecks.teams, after: after.bottlenecks.teams)
    }

    private static func byKind(_ records: [EntityRecord]) -> [EntityKind: [String: EntityRecord]] {
        var result: [EntityKind: [String: EntityRecord]] = [:]
        for record in records { result[record.kind, default: [:]][record.id] = record }
        return result
    }

    private static func outcome(_ pilot: PilotAnalysis) -> Outcome {
        Outcome(duration: pilot.duration, p85: pilot.estimate?.p85, finishDays: pilot.finishDays, state: pilot.state, finish: pilot.finishDate)
    }

    private static func pilotChanges(
        before: LandscapeAnalysis, after: LandscapeAnalysis,
        newRecords: [EntityKind: [String: EntityRecord]], calendarChanged: Bool
    ) -> [PilotChange] {
        let earlier = Dictionary(before.pilots.map { ($0.pilot.id, $0) }, uniquingKeysWith: { first, _ in first })
        return after.pilots.sorted { $0.pilot.id < $1.pilot.id }.compactMap { now -> PilotChange? in
            guard let was = earlier[now.pilot.id] else { return nil }
            let (old, new) = (outcome(was), outcome(now))
            guard
                abs(old.duration - new.duration) > 1e-9 || abs(old.finishDays - new.finishDays) > 1e-9 || old.state != new.state
                    || !sameDays(old.p85, new.p85) || old.finish != new.finish
            else { return nil }
            var reasons = why(was, now, newRecords: newRecords)
            // The same working days can end on another date only if the calendar moved them.
            if calendarChanged && old.finish != new.finish { reasons.append("calendar changed") }
            return PilotChange(id: now.pilot.id, before: old, after: new, why: reasons)
        }
    }

    private static func sameDays(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) <= 1e-6
        default: false
        }
    }

    /// Items finished (gone from the work but still in the model), removed from the model,
    /// newly in the work, re-estimated; blocks that appeared or cleared.
    private static func why(_ was: PilotAnalysis, _ now: PilotAnalysis, newRecords: [EntityKind: [String: EntityRecord]]) -> [String] {
        let oldItems = Dictionary(was.work.map { ($0.item.id, $0.item) }, uniquingKeysWith: { first, _ in first })
        let newItems = Dictionary(now.work.map { ($0.item.id, $0.item) }, uniquingKeysWith: { first, _ in first })
        var finished: [String] = [], dropped: [String] = [], added: [String] = [], estimated: [String] = []
        for (id, item) in oldItems.sorted(by: { $0.key < $1.key }) {
            if let current = newItems[id] {
                if current.effort != item.effort {
                    estimated.append("\(id) (\(DaysText.effort(item.effort)) → \(DaysText.effort(current.effort)))")
                }
            } else if newRecords[item.kind]?[id] != nil {
                finished.append(id)
            } else {
                dropped.append(id)
            }
        }
        added = newItems.keys.filter { oldItems[$0] == nil }.sorted()
        let oldBlocks = Set(was.blockers.map(\.id)), newBlocks = Set(now.blockers.map(\.id))
        var why: [String] = []
        for (label, ids) in [
            ("finished", finished), ("removed from the model", dropped), ("new work", added), ("re-estimated", estimated),
            ("newly blocked", newBlocks.subtracting(oldBlocks).sorted()), ("unblocked", oldBlocks.subtracting(newBlocks).subtracting(finished).sorted())
        ]
        where !ids.isEmpty {
            why.append("\(label): \(ids.joined(separator: ", "))")
        }
        return why
    }

    private static func teamEfforts(before: BottleneckTable, after: BottleneckTable) -> [TeamEffort] {
        var efforts: [String: (Double, Double)] = [:]
        for team in before where team.pendingEffort > 0 { efforts[team.id, default: (0, 0)].0 = team.pendingEffort }
        for team in after where team.pendingEffort > 0 { efforts[team.id, default: (0, 0)].1 = team.pendingEffort }
        return efforts.keys.sorted().map { TeamEffort(id: $0, before: efforts[$0]?.0 ?? 0, after: efforts[$0]?.1 ?? 0) }
    }
}
