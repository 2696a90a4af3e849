/// The what-ifs and the start date of a ``CapacityPlan``.
///
/// ```swift
/// var options = PlanOptions()
/// options.capacity["data-platform"] = 3         // --capacity data-platform=3
/// options.finishedNow.insert("crm-to-features") // --assume crm-to-features=live
/// ```
package struct PlanOptions: Sendable {
    /// Day 0 of the plan; with it, every day count also has a date.
    public var start: CalendarDate?
    /// Team capacities that replace the model's.
    public var capacity: [String: Int] = [:]
    /// Pending items taken as finished now (live, approved, done).
    public var finishedNow: Set<String> = []

    public init() {}

    /// Default options with a start date.
    public init(start: CalendarDate?) {
        self.start = start
    }

    /// Whether any what-if is set: then a plan is worth comparing with the model as written.
    public var hasWhatIfs: Bool { !finishedNow.isEmpty || !capacity.isEmpty }

    /// The same start, no what-ifs.
    public var withoutWhatIfs: PlanOptions { PlanOptions(start: start) }

    /// Why an item taken as finished cannot be: it is not pending work in `landscape`,
    /// called `name` in the message (with the closest id that is); `nil` when it is.
    ///
    /// ```swift
    /// PlanOptions.problem(finishing: "crm-to-featuers", in: landscape, named: "acme.yaml")
    /// // "'crm-to-featuers' is not pending work in acme.yaml (did you mean 'crm-to-features'?)"
    /// ```
    public static func problem(finishing id: String, in landscape: Landscape, named name: String) -> String? {
        let pending = Set(landscape.pendingItems().map(\.id))
        return pending.contains(id) ? nil : "'\(id)' is not pending work in \(name)" + Suggestion.phrase(for: id, among: pending)
    }

    /// Why a team's capacity cannot be set: `landscape` has no such team; `nil` when it has.
    public static func problem(team: String, in landscape: Landscape, named name: String) -> String? {
        let teams = Set(landscape.teams.map(\.id))
        return teams.contains(team) ? nil : "no team '\(team)' in \(name)" + Suggestion.phrase(for: team, among: teams)
    }
}
