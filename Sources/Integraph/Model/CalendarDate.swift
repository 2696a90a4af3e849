/// A day in the proleptic Gregorian calendar, read from and written as ISO 8601 `YYYY-MM-DD`.
///
/// ```swift
/// CalendarDate(iso: "2027-03-31")?.description // "2027-03-31"
/// CalendarDate(iso: "2027-02-30") // nil: February has no 30th
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For dates computed by calendar arithmetic, which are valid by construction.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(iso text: String) {
        guard Self.isWrittenAsISODate(text) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Whether `text` has the shape `YYYY-MM-DD`, whether or not the calendar has that day:
    /// `2027-02-30` has the shape, so an error can say it is no date rather than no format.
    public static func isWrittenAsISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Days since 0001-01-01 (proleptic Gregorian), so that two dates subtract to the
    /// calendar days between them (Hinnant's days-from-civil).
    public var dayNumber: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 306
    }

    /// The date of a ``dayNumber``, the inverse (Hinnant's civil-from-days); `nil` outside
    /// 0001-01-01 ... 9999-12-31, the days a date holds.
    ///
    /// ```swift
    /// CalendarDate(dayNumber: 0)?.description // "0001-01-01"
    /// CalendarDate(dayNumber: -1) // nil
    /// ```
    public init?(dayNumber number: Int) {
        guard (0...Self.lastDayNumber).contains(number) else { return nil }
        // Days since 0000-03-01, the start of an era of 400 years in the shifted calendar.
        let shifted = number + 306
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day number of 9999-12-31, the last day a date holds.
    public static let lastDayNumber = CalendarDate(uncheckedYear: 9999, month: 12, day: 31).dayNumber

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
