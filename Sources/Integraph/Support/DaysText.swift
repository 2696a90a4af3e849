/// Days as people read them in reports and maps: `12`, `12.5`, `3–5–12 d`.
///
/// ```swift
/// DaysText.days(12.333)             // "12.33"
/// DaysText.days(12.333, decimals: 1) // "12.3"
/// DaysText.effort(.estimate(optimistic: 3, likely: 5, pessimistic: 12)) // "3–5–12 d"
/// ```
package enum DaysText {
    /// A computed date as every output writes it: `2027-01-05`, or `after 9999-12-31` when it
    /// falls past the last day a date holds.
    ///
    /// ```swift
    /// DaysText.date(nil) // "after 9999-12-31"
    /// ```
    public static func date(_ date: CalendarDate?) -> String { date?.description ?? "after 9999-12-31" }

    /// A number of days to at most `decimals` places, without trailing zeros. Values too
    /// large for a whole number (or not finite) are written as Swift writes them.
    public static func days(_ value: Double, decimals: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return rounded.isFinite ? JSONText.plain(rounded) : String(value)
    }

    /// The effort the analyses use for a work item, as every output words it: `4 d`, or
    /// `4 d, estimated` when no one wrote it down.
    public static func effort(of item: WorkItem) -> String {
        effort(item.effort) + (item.estimated ? ", estimated" : "")
    }

    /// `5 d`, `3–5–12 d` for a three-point estimate, or `not estimated`.
    public static func effort(_ effort: Effort?, decimals: Int = 1) -> String {
        switch effort {
        case nil: "not estimated"
        case .days(let value): "\(days(value, decimals: decimals)) d"
        case .estimate(let optimistic, let likely, let pessimistic):
            "\(days(optimistic, decimals: decimals))–\(days(likely, decimals: decimals))–\(days(pessimistic, decimals: decimals)) d"
        }
    }
}
