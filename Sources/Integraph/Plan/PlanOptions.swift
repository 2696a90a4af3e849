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

    /// What-ifs checked against a model before they are set: an item taken as finished must
    /// be pending work, a team given hands must exist. The model's ids are gathered once.
    ///
    /// ```swift
    /// let check = PlanOptions.WhatIfCheck(landscape, named: "acme.yaml")
    /// check.problem(finishing: "crm-to-featuers")
    /// // "'crm-to-featuers' is not pending work in acme.yaml (did you mean 'crm-to-features'?)"
    /// ```
    package struct WhatIfCheck {
        private let pending: Set<String>
        private let teams: Set<String>
        private let name: String

        public init(_ landscape: Landscape, named name: String) {
            pending = Set(landscape.pendingItems().map(\.id))
            teams = Set(landscape.teams.map(\.id))
            self.name = name
        }

        /// Why `id` cannot be taken as finished (with the closest pending id); `nil` when it can.
        public func problem(finishing id: String) -> String? {
            pending.contains(id) ? nil : "'\(id)' is not pending work in \(name)" + Suggestion.phrase(for: id, among: pending)
        }

        /// Why `team` cannot be given hands (with the closest team id); `nil` when it can.
        public func problem(team: String) -> String? {
            teams.contains(team) ? nil : "no team '\(team)' in \(name)" + Suggestion.phrase(for: team, among: teams)
        }
    }
}
