/// A day of the week, Monday first (ISO 8601), as a model's `calendar.workdays` names it:
/// `mon` or `monday`, in any case.
///
/// ```swift
/// Weekday(word: "Tue") // .tuesday
/// Weekday(word: "SUNDAY") // .sunday
/// Weekday.friday.shortName // "fri"
/// ```
package enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `mon` … `sun`: how the model writer spells it.
    public var shortName: String { String(fullName.prefix(3)) }

    /// `monday` … `sunday`.
    public var fullName: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// Every spelling the reader accepts, short names first: the candidates of a did-you-mean.
    public static let spellings: [String] = allCases.map(\.shortName) + allCases.map(\.fullName)

    /// The weekday a short or full name means, whatever its case; `nil` for any other word.
    public init?(word: String) {
        let lowered = word.lowercased()
        guard let day = Self.allCases.first(where: { $0.shortName == lowered || $0.fullName == lowered }) else { return nil }
        self = day
    }

    /// The weekday of `date`: 0001-01-01, day number 0, was a Monday (proleptic Gregorian).
    ///
    /// ```swift
    /// Weekday(CalendarDate(iso: "2026-12-25")!) // .friday
    /// ```
    public init(_ date: CalendarDate) {
        self = Self(rawValue: date.dayNumber % 7) ?? .monday
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
