/// Remaining days of work: one number, or a three-point estimate for planning under
/// uncertainty (PERT: optimistic ≤ likely ≤ pessimistic).
///
/// ```swift
/// let review = Effort.estimate(optimistic: 3, likely: 5, pessimistic: 12)
/// review.expectedDays // 5.5, the PERT mean
/// Effort.days(4).expectedDays // 4
/// ```
public enum Effort: Sendable, Hashable {
    case days(Double)
    case estimate(optimistic: Double, likely: Double, pessimistic: Double)

    public static let zero = Effort.days(0)

    /// The most days one effort may say: a hundred years. Larger numbers are typos or
    /// hostile input, and bounding them keeps every sum, date and conversion finite.
    public static let maximumDays = 36_500.0

}
