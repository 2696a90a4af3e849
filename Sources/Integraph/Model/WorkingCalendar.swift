/// Turns durations in working days into calendar dates and back, on a model's working week
/// and holidays (its `calendar:` key); ``standard``, the default, works Monday to Friday
/// with no holidays.
///
/// Work starts on the start date or, when that is not a working day, on the next one; a
/// duration of d days ends on the ⌈d⌉-th working day counting that first one, so a duration
/// of 0 ends on the start itself.
///
/// Both operations run once per pilot and per blocked flow, on landscapes of a million
/// systems, so neither walks the days: whole weeks are counted arithmetically and holidays
/// by binary search: O(log H) for H holidays to count working days, O(log² H) for `finish`,
/// which searches for the day that makes up for the holidays it passes.
///
/// ```swift
/// let christmasEve = CalendarDate(iso: "2026-12-24")! // a Thursday
/// let calendar = WorkingCalendar(
///     workdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
///     holidays: [CalendarDate(iso: "2026-12-25")!])!
/// calendar.finish(afterWorkingDays: 2, from: christmasEve) // 2026-12-28, the Monday after
/// WorkingCalendar.standard.finish(afterWorkingDays: 2, from: christmasEve) // 2026-12-25
/// calendar.workingDays(from: christmasEve, until: CalendarDate(iso: "2026-12-29")!) // 2
/// ```
package struct WorkingCalendar: Sendable, Hashable {
    /// The most holidays a model may list: some forty years of a country's public holidays.
    public static let maximumHolidays = 10_000

    /// Monday to Friday, no holidays: the calendar of a model without `calendar:`.
    public static let standard = WorkingCalendar(
        checkedWorkdays: [.monday, .tuesday, .wednesday, .thursday, .friday], holidays: [])

    /// The days of the week worked, Monday first, each once.
    public let workdays: [Weekday]
    /// The days off, in order, each once; those on days not worked are kept (they change
    /// nothing) so that a model is written back as it was read.
    public let holidays: [CalendarDate]
    /// `workedBefore[k]`: how many of the weekdays before the k-th (Monday = 0) are worked;
    /// `workedBefore[7]` is the working days of a week, at least 1.
    private let workedBefore: [Int]
    /// The day numbers of the holidays that fall on a workday, ascending: only they move a date.
    private let holidayNumbers: [Int]

    /// A calendar working `workdays` except on `holidays` (repeats and order do not matter);
    /// `nil` when no day of the week is worked, since then no work could ever finish.
    ///
    /// ```swift
    /// WorkingCalendar(workdays: [.sunday, .monday, .tuesday, .wednesday, .thursday], holidays: [])
    /// WorkingCalendar(workdays: [], holidays: []) // nil
    /// ```
    public init?(workdays: some Sequence<Weekday>, holidays: some Sequence<CalendarDate>) {
        let days = Set(workdays)
        guard !days.isEmpty else { return nil }
        self.init(checkedWorkdays: days, holidays: Set(holidays))
    }

    private init(checkedWorkdays days: Set<Weekday>, holidays: Set<CalendarDate>) {
        workdays = days.sorted()
        self.holidays = holidays.sorted()
        var counts = [0]
        for day in Weekday.allCases { counts.append((counts.last ?? 0) + (days.contains(day) ? 1 : 0)) }
        workedBefore = counts
        holidayNumbers = self.holidays.filter { days.contains(Weekday($0)) }.map(\.dayNumber)
    }

    /// Whether work is done on `date`: a workday that is not a holiday.
    ///
    /// ```swift
    /// WorkingCalendar.standard.isWorkingDay(CalendarDate(iso: "2026-12-05")!) // false, a Saturday
    /// ```
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let number = date.dayNumber
        return worked(before: number + 1) > worked(before: number)
    }

    /// The day `days` working days from `start` end on; `nil` when that is past 9999-12-31
    /// (or `days` is not finite), which no plan can mean.
    ///
    /// ```swift
    /// let friday = CalendarDate(iso: "2026-12-04")!
    /// WorkingCalendar.standard.finish(afterWorkingDays: 2, from: friday) // 2026-12-07, the Monday
    /// ```
    public func finish(afterWorkingDays days: Double, from start: CalendarDate) -> CalendarDate? {
        // Checked before the conversion to Int, which traps on huge, negative-huge or
        // infinite values; a negative duration ends, like 0, on the start.
        guard days.isFinite, days < Double(CalendarDate.lastDayNumber) else { return nil }
        let count = max(1, Int(max(0, days).rounded(.up)))
        let first = start.dayNumber
        let target = weekdaysWorked(before: first) + count
        let holidaysBefore = holidayCount(before: first)
        // The day that reaches `target + m` weekdays passes `holidays(m)` holidays; the finish
        // is where m weekdays more make up exactly for the holidays passed. holidays(m) − m
        // never grows and falls by at most one per step (one more weekday passes at most one
        // more holiday), so the first m with holidays(m) ≤ m has holidays(m) = m: a binary
        // search, O(log² H), however the holidays bunch.
        func holidays(_ more: Int) -> Int { holidayCount(before: firstDay(reaching: target + more)) - holidaysBefore }
        var low = 0, high = holidayNumbers.count - holidaysBefore
        while low < high {
            let middle = (low + high) / 2
            if holidays(middle) <= middle { high = middle } else { low = middle + 1 }
        }
        let end = firstDay(reaching: target + low)
        return end <= CalendarDate.lastDayNumber + 1 ? CalendarDate(dayNumber: end - 1) : nil
    }

    /// The date working day `day` falls on, counting from 0 (fractions fall within a day):
    /// the day work begun `day` working days after `start` starts on. `nil` past 9999-12-31.
    ///
    /// ```swift
    /// let friday = CalendarDate(iso: "2026-12-04")!
    /// WorkingCalendar.standard.date(ofDay: 0, from: friday) // 2026-12-04
    /// WorkingCalendar.standard.date(ofDay: 1.5, from: friday) // 2026-12-07, the Monday
    /// ```
    public func date(ofDay day: Double, from start: CalendarDate) -> CalendarDate? {
        finish(afterWorkingDays: day.rounded(.down) + 1, from: start)
    }

    /// The first and last dates of work a plan runs from day `first` to day `last` after
    /// `start`: it begins on the day its start falls in and ends on the day its last part
    /// does (``date(ofDay:from:)``, ``finish(afterWorkingDays:from:)``).
    ///
    /// ```swift
    /// let friday = CalendarDate(iso: "2026-12-04")!
    /// WorkingCalendar.standard.dates(ofWorkFrom: 1, to: 3, after: friday) // (2026-12-07, 2026-12-08)
    /// ```
    public func dates(ofWorkFrom first: Double, to last: Double, after start: CalendarDate) -> (first: CalendarDate?, last: CalendarDate?) {
        let begins = date(ofDay: first, from: start), ends = finish(afterWorkingDays: last, from: start)
        // Work of no length ends the day it begins, not the working day before.
        if let begins, let ends, ends < begins { return (begins, begins) }
        return (begins, ends)
    }

    /// The working days from `start` up to, not including, `end`: the day work that may not
    /// begin before `end` begins on. 0 when `end` is not after `start`.
    ///
    /// ```swift
    /// let friday = CalendarDate(iso: "2026-12-04")!
    /// WorkingCalendar.standard.workingDays(from: friday, until: CalendarDate(iso: "2026-12-08")!) // 2
    /// ```
    public func workingDays(from start: CalendarDate, until end: CalendarDate) -> Int {
        let (first, last) = (start.dayNumber, end.dayNumber)
        guard first < last else { return 0 }
        return worked(before: last) - worked(before: first)
    }

    /// Working days, holidays excluded, from 0001-01-01 up to the day numbered `day`.
    private func worked(before day: Int) -> Int {
        weekdaysWorked(before: day) - holidayCount(before: day)
    }

    /// Workdays, holidays included, from 0001-01-01 (a Monday) up to the day numbered `day`.
    private func weekdaysWorked(before day: Int) -> Int {
        let day = max(0, day)  // dates start at day 0; the remainder below must not be negative
        return day / 7 * workedBefore[7] + workedBefore[day % 7]
    }

    /// The first day number `end` with `weekdaysWorked(before: end) >= count`, for a count of
    /// at least 1: the workday that completes the count is `end - 1`.
    private func firstDay(reaching count: Int) -> Int {
        let perWeek = workedBefore[7]
        let weeks = max(0, count - 1) / perWeek
        let rest = max(1, count - weeks * perWeek)  // 1 ... perWeek
        for day in 1...7 where workedBefore[day] >= rest { return weeks * 7 + day }
        return weeks * 7 + 7
    }

    /// Holidays on workdays before the day numbered `day` (binary search).
    private func holidayCount(before day: Int) -> Int {
        var low = 0, high = holidayNumbers.count
        while low < high {
            let middle = (low + high) / 2
            if holidayNumbers[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
