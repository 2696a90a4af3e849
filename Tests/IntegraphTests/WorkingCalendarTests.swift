import Testing

@testable import Integraph

/// Dates on a working calendar, worked by hand on December 2026 (the 1st is a Tuesday,
/// Christmas and New Year's Day are Fridays), and checked against a day-by-day count.
@Suite struct WorkingCalendarTests {
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// Monday to Friday with Christmas and New Year's Day off.
    static func holidays() throws -> WorkingCalendar {
        try #require(WorkingCalendar(workdays: weekdays, holidays: [date("2027-01-01"), date("2026-12-25")]))
    }

    @Test func theStandardCalendarCountsMondayToFriday() throws {
        let friday = try Self.date("2026-12-04")
        let standard = WorkingCalendar.standard
        #expect(standard.finish(afterWorkingDays: 0, from: friday)?.description == "2026-12-04")
        #expect(standard.finish(afterWorkingDays: 1, from: friday)?.description == "2026-12-04")
        #expect(standard.finish(afterWorkingDays: 1.2, from: friday)?.description == "2026-12-07")
        #expect(standard.finish(afterWorkingDays: 6, from: friday)?.description == "2026-12-11")
        #expect(standard.finish(afterWorkingDays: 1, from: try Self.date("2026-12-05"))?.description == "2026-12-07")
        // Across a leap day and a year end.
        #expect(standard.finish(afterWorkingDays: 3, from: try Self.date("2028-02-28"))?.description == "2028-03-01")
        #expect(standard.finish(afterWorkingDays: 2, from: try Self.date("2027-12-31"))?.description == "2028-01-03")
        // Friday to the Tuesday after: Friday and Monday.
        #expect(standard.workingDays(from: friday, until: try Self.date("2026-12-08")) == 2)
        #expect(standard.workingDays(from: friday, until: friday) == 0)
        #expect(standard.workingDays(from: friday, until: try Self.date("2026-12-01")) == 0)
        #expect(standard.workdays == Self.weekdays && standard.holidays.isEmpty)
    }

    @Test func holidaysOnWorkdaysAreSkipped() throws {
        let calendar = try Self.holidays()
        // Thursday the 24th is the first day; the 25th is off; Monday the 28th is the second.
        #expect(calendar.finish(afterWorkingDays: 2, from: try Self.date("2026-12-24"))?.description == "2026-12-28")
        #expect(WorkingCalendar.standard.finish(afterWorkingDays: 2, from: try Self.date("2026-12-24"))?.description == "2026-12-25")
        // From Monday the 21st: 21–24 (4), 28–31 (8), New Year's Day off, 4 January (9), 5 January (10).
        #expect(calendar.finish(afterWorkingDays: 10, from: try Self.date("2026-12-21"))?.description == "2027-01-05")
        #expect(WorkingCalendar.standard.finish(afterWorkingDays: 10, from: try Self.date("2026-12-21"))?.description == "2027-01-01")
        // A holiday beside a weekend: from Thursday 31 December, the 1st to the 3rd are off,
        // so a second day lands on Monday the 4th.
        #expect(calendar.finish(afterWorkingDays: 2, from: try Self.date("2026-12-31"))?.description == "2027-01-04")
        #expect(calendar.holidays.map(\.description) == ["2026-12-25", "2027-01-01"])
    }

    @Test func aHolidayOnTheStartDayMovesTheStart() throws {
        let calendar = try Self.holidays()
        let christmas = try Self.date("2026-12-25")
        #expect(calendar.finish(afterWorkingDays: 0, from: christmas)?.description == "2026-12-28")
        #expect(calendar.finish(afterWorkingDays: 1, from: christmas)?.description == "2026-12-28")
        #expect(calendar.finish(afterWorkingDays: 3, from: christmas)?.description == "2026-12-30")
        let christmasEve = try Self.date("2026-12-24")
        #expect(!calendar.isWorkingDay(christmas) && calendar.isWorkingDay(christmasEve))
    }

    @Test func aHolidayOnAWeekendChangesNothing() throws {
        let saturday = try #require(WorkingCalendar(workdays: Self.weekdays, holidays: [Self.date("2026-12-26")]))
        let thursday = try Self.date("2026-12-24")
        for days in [0.0, 1, 2, 3, 7.5, 30] {
            #expect(saturday.finish(afterWorkingDays: days, from: thursday) == WorkingCalendar.standard.finish(afterWorkingDays: days, from: thursday))
        }
        #expect(saturday.workingDays(from: thursday, until: try Self.date("2027-01-05")) == 8)
        // Kept, so that a model writes back as read, but it is a different calendar.
        #expect(saturday.holidays.count == 1 && saturday != .standard)
    }

    @Test func aSundayToThursdayWeek() throws {
        let week = try #require(WorkingCalendar(workdays: [.thursday, .sunday, .monday, .tuesday, .wednesday], holidays: []))
        #expect(week.workdays == [.monday, .tuesday, .wednesday, .thursday, .sunday])
        let friday = try Self.date("2026-12-04")
        // Friday and Saturday are off: work starts Sunday the 6th.
        #expect(week.finish(afterWorkingDays: 1, from: friday)?.description == "2026-12-06")
        #expect(week.finish(afterWorkingDays: 5, from: friday)?.description == "2026-12-10")
        #expect(week.finish(afterWorkingDays: 6, from: friday)?.description == "2026-12-13")
        #expect(week.workingDays(from: friday, until: try Self.date("2026-12-07")) == 1)
        #expect(week.workingDays(from: friday, until: try Self.date("2026-12-14")) == 6)
    }

    @Test func aBlockedUntilAcrossChristmas() throws {
        let start = try Self.date("2026-12-21"), until = try Self.date("2027-01-05")
        // 21–24 (4), 28–31 (8), 4 January (9): the flow may start on day 9, the 5th.
        #expect(try Self.holidays().workingDays(from: start, until: until) == 9)
        // Monday to Friday: 21–25 (5), 28–31 (9), 1 January (10), 4 January (11).
        #expect(WorkingCalendar.standard.workingDays(from: start, until: until) == 11)
        #expect(try Self.holidays().date(ofDay: 9, from: start) == until)
        #expect(WorkingCalendar.standard.date(ofDay: 11, from: start) == until)
    }

    @Test func noWorkdayIsNoCalendar() {
        #expect(WorkingCalendar(workdays: [], holidays: []) == nil)
    }

    /// Mondays only, and 10,000 Mondays off in a row from 2026-12-07: the first working day
    /// is the Monday after them, 70,000 days on; a count past 9999 has no date.
    @Test func farDatesAreBoundedAndPastTheLastDayAreNil() throws {
        let first = try Self.date("2026-12-07")
        let mondaysOff = (0..<WorkingCalendar.maximumHolidays).compactMap { CalendarDate(dayNumber: first.dayNumber + 7 * $0) }
        let mondays = try #require(WorkingCalendar(workdays: [.monday], holidays: mondaysOff))
        #expect(mondays.finish(afterWorkingDays: 1, from: first)?.description == "2218-08-03")
        #expect(mondays.workingDays(from: first, until: try Self.date("2218-08-04")) == 1)
        #expect(mondays.finish(afterWorkingDays: 500_000, from: first) == nil)
        let standard = WorkingCalendar.standard
        #expect(standard.finish(afterWorkingDays: .infinity, from: first) == nil)
        #expect(standard.finish(afterWorkingDays: .nan, from: first) == nil)
        #expect(standard.finish(afterWorkingDays: 1e300, from: first) == nil)
        #expect(standard.finish(afterWorkingDays: -5, from: first) == first)
        // 9999-12-31, the last day a date holds, is a Friday.
        #expect(standard.finish(afterWorkingDays: 2, from: try Self.date("9999-12-30"))?.description == "9999-12-31")
        #expect(standard.finish(afterWorkingDays: 3, from: try Self.date("9999-12-30")) == nil)
    }

    /// The worst bunching: the 10,000 working days from 2026-12-01 are all holidays, so a
    /// day of work passes every one of them (one holiday a round, the finish used to take
    /// 10,000 rounds). Against the day-by-day count, for short and long durations.
    @Test func aBlockOfTenThousandHolidaysIsPassedAtOnce() throws {
        let start = try Self.date("2026-12-01")
        var days: [CalendarDate] = [], number = start.dayNumber
        while days.count < WorkingCalendar.maximumHolidays {
            if let day = CalendarDate(dayNumber: number), Weekday(day) < .saturday { days.append(day) }
            number += 1
        }
        let calendar = try #require(WorkingCalendar(workdays: [.monday, .tuesday, .wednesday, .thursday, .friday], holidays: days))
        let off = Set(days)
        let works = { (date: CalendarDate) in Weekday(date) < .saturday && !off.contains(date) }
        for duration in [0.0, 1, 2.5, 30, 9_999, 10_001] {
            #expect(calendar.finish(afterWorkingDays: duration, from: start) == Self.counted(works, days: duration, from: start), "\(duration)")
        }
    }

    @Test func dayNumbersRoundTripAndNameTheWeekday() throws {
        for number in stride(from: 0, through: CalendarDate.lastDayNumber, by: 997) {
            #expect(CalendarDate(dayNumber: number)?.dayNumber == number)
        }
        #expect(CalendarDate(dayNumber: 0)?.description == "0001-01-01")
        #expect(CalendarDate(dayNumber: 719_162)?.description == "1970-01-01")
        #expect(CalendarDate(dayNumber: -1) == nil && CalendarDate(dayNumber: CalendarDate.lastDayNumber + 1) == nil)
        #expect(Weekday(try Self.date("2026-12-04")) == .friday)
        #expect(Weekday(try Self.date("0001-01-01")) == .monday)
        #expect(Weekday(word: "Tue") == .tuesday && Weekday(word: "SUNDAY") == .sunday && Weekday(word: "thurs") == nil)
    }

    /// The second method: walk the days one by one.
    static func counted(_ works: (CalendarDate) -> Bool, days: Double, from start: CalendarDate) -> CalendarDate? {
        var number = start.dayNumber
        func working(_ number: Int) -> Bool { CalendarDate(dayNumber: number).map(works) ?? true }
        while !working(number) { number += 1 }
        var remaining = max(0, Int(days.rounded(.up)) - 1)
        while remaining > 0 {
            number += 1
            if working(number) { remaining -= 1 }
        }
        return CalendarDate(dayNumber: number)
    }

    static func counted(_ works: (CalendarDate) -> Bool, from start: CalendarDate, until end: CalendarDate) -> Int {
        (start.dayNumber..<max(start.dayNumber, end.dayNumber)).filter { CalendarDate(dayNumber: $0).map(works) ?? false }.count
    }

    /// The default calendar gives the old Monday-to-Friday answers: every start over two
    /// years (leap day included), durations from 0 to 40 days in steps of 0.7.
    @Test func theStandardCalendarMatchesADayByDayCount() throws {
        let first = try Self.date("2027-11-01").dayNumber
        let weekday = { (date: CalendarDate) in Weekday(date) < .saturday }
        for number in first..<(first + 730) {
            let start = try #require(CalendarDate(dayNumber: number))
            for step in 0...57 {
                let days = Double(step) * 0.7
                #expect(WorkingCalendar.standard.finish(afterWorkingDays: days, from: start) == Self.counted(weekday, days: days, from: start))
            }
            let end = try #require(CalendarDate(dayNumber: number + number % 40))
            #expect(WorkingCalendar.standard.workingDays(from: start, until: end) == Self.counted(weekday, from: start, until: end))
        }
    }

    /// Seeded random calendars: any working week, holidays on any day, some in runs.
    @Test(arguments: 1...12)
    func anyCalendarMatchesADayByDayCount(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let base = try Self.date("2026-11-01").dayNumber
        var workdays = Weekday.allCases.filter { _ in random.next() % 2 == 0 }
        if workdays.isEmpty { workdays = [.wednesday] }
        let holidays = (0..<Int(random.next() % 80)).compactMap { _ in CalendarDate(dayNumber: base + Int(random.next() % 200)) }
        let calendar = try #require(WorkingCalendar(workdays: workdays, holidays: holidays))
        let off = Set(holidays)
        let works = { (date: CalendarDate) in workdays.contains(Weekday(date)) && !off.contains(date) }
        for _ in 0..<300 {
            let start = try #require(CalendarDate(dayNumber: base - 20 + Int(random.next() % 220)))
            let days = Double(random.next() % 400) / 4
            #expect(calendar.finish(afterWorkingDays: days, from: start) == Self.counted(works, days: days, from: start), "\(start) + \(days)")
            let end = try #require(CalendarDate(dayNumber: start.dayNumber + Int(random.next() % 250)))
            #expect(calendar.workingDays(from: start, until: end) == Self.counted(works, from: start, until: end))
        }
    }
}
