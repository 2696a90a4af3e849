/// Turns durations in working days into calendar dates, counting Monday to Friday.
///
/// Work starts on the start date (or the Monday after, if it falls on a weekend); a
/// duration of d days ends on the ⌈d⌉-th working day counting the start as the first, and
/// a duration of 0 ends on the start itself.
///
/// ```swift
/// let start = CalendarDate(iso: "2026-12-04")! // a Friday
/// WorkingCalendar.finish(afterWorkingDays: 2, from: start) // 2026-12-07, the Monday
/// ```
package enum WorkingCalendar {
    /// The day `days` working days from `start` end on; `nil` when that is past 9999-12-31
    /// (or `days` is not finite), which no plan can mean.
    public static func finish(afterWorkingDays days: Double, from start: CalendarDate) -> CalendarDate? {
        var day = dayNumber(start)
        while isWeekend(day) { day += 1 }
        // Checked before the conversion to Int, which traps on huge or infinite values.
        guard days.isFinite, days < Double(lastDayNumber - day) else { return nil }
        var remaining = max(0, Int(days.rounded(.up)) - 1)
        // Whole weeks first, then the rest a day at a time.
        day += (remaining / 5) * 7
        remaining %= 5
        while remaining > 0 {
            day += 1
            if !isWeekend(day) { remaining -= 1 }
        }
        return day > lastDayNumber ? nil : date(fromDayNumber: day)
    }

    /// The working days from `start` up to, not including, `end`: the day work that may not
    /// begin before `end` begins on. 0 when `end` is not after `start`.
    public static func workingDays(from start: CalendarDate, until end: CalendarDate) -> Int {
        var day = dayNumber(start)
        let last = dayNumber(end)
        guard day < last else { return 0 }
        let weeks = (last - day) / 7
        var count = weeks * 5
        day += weeks * 7
        while day < last {
            if !isWeekend(day) { count += 1 }
            day += 1
        }
        return count
    }

    /// 9999-12-31, the last day a ``CalendarDate`` holds.
    private static let lastDayNumber = dayNumber(CalendarDate(uncheckedYear: 9999, month: 12, day: 31))

    /// Days since 1970-01-01 (Hinnant's days_from_civil).
    static func dayNumber(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthFromMarch = (date.month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``dayNumber(_:)`` (Hinnant's civil_from_days).
    static func date(fromDayNumber number: Int) -> CalendarDate {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(uncheckedYear: year, month: month, day: day)
    }

    /// 1970-01-01 was a Thursday.
    static func isWeekend(_ dayNumber: Int) -> Bool {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return weekday >= 5
    }
}
