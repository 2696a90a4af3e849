/// Remaining days of work: one number, or a three-point estimate for planning under
/// uncertainty (PERT: optimistic ≤ likely ≤ pessimistic).
///
/// ```swift
/// let review = Effort.estimate(optimistic: 3, likely: 5, pessimistic: 12)
/// review.likely // 5
/// Effort.days(4).likely // 4
/// ```
public enum Effort: Sendable, Hashable {
    case days(Double)
    case estimate(optimistic: Double, likely: Double, pessimistic: Double)

    public static let zero = Effort.days(0)

    /// The single most likely number of days.
    public var likely: Double {
        switch self {
        case .days(let days): days
        case .estimate(_, let likely, _): likely
        }
    }
}
