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
}
