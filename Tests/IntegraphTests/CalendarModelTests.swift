import Testing

@testable import Integraph

/// A model's `calendar:` key: read with located errors, written back, and used for every
/// date the analysis and the plan give.
@Suite struct CalendarModelTests {
    static let christmas = """
        integraph: 1
        calendar: {holidays: [2026-12-25, 2027-01-01]}
        teams: [{id: t}]
        systems: [{id: a, owner: t}, {id: b, owner: t}]
        flows:
          - {id: feed, from: a, to: b, status: blocked, effort: 2, blocked_by: {reason: licence, until: 2027-01-05}}
        pilots: [{id: p, champion: C, needs: [b]}]

        """

    @Test func readsWorkdaysAndHolidaysInYAMLAndJSON() throws {
        let yaml = readModel("integraph: 1\ncalendar:\n  workdays: [Sun, monday, TUE, wed, thu]\n  holidays: [2027-01-01, 2026-12-25]\n")
        #expect(yaml.findings.isEmpty, "\(located(yaml))")
        let calendar = try #require(yaml.validLandscape).landscape.calendar
        #expect(calendar.workdays == [.monday, .tuesday, .wednesday, .thursday, .sunday])
        #expect(calendar.holidays.map(\.description) == ["2026-12-25", "2027-01-01"])
        let json = readModel(
            #"{"integraph": 1, "calendar": {"workdays": ["sun", "mon", "tue", "wed", "thu"], "holidays": ["2026-12-25", "2027-01-01"]}}"#,
            name: "model.json")
        #expect(try #require(json.validLandscape).landscape.calendar == calendar)
        // Absent, empty, or holidays alone: Monday to Friday.
        #expect(try #require(readModel("integraph: 1\n").validLandscape).landscape.calendar == .standard)
        #expect(try #require(readModel("integraph: 1\ncalendar: {}\n").validLandscape).landscape.calendar == .standard)
        let holidaysOnly = try #require(readModel("integraph: 1\ncalendar: {holidays: [2026-12-25]}\n").validLandscape).landscape.calendar
        #expect(holidaysOnly.workdays == WorkingCalendar.standard.workdays && holidaysOnly.holidays.count == 1)
    }

    @Test func everyProblemIsLocated() {
        let report = readModel(
            """
            integraph: 1
            calendar:
              workdays: [mon, tues, Wednesday, thurs, fri, FRIDAY, 3, [x]]
              holidays: [2026-12-25, 2026-02-30, xmas, 2026-12-25]
              holiday: []
            """)
        #expect(
            located(report) == [
                "3:19: error: calendar: 'workdays' names 'tues', which is no weekday (mon … sun or monday … sunday) (did you mean 'tue'?)",
                "3:36: error: calendar: 'workdays' names 'thurs', which is no weekday (mon … sun or monday … sunday) (did you mean 'thu'?)",
                "3:48: error: calendar: 'workdays' names friday twice",
                "3:56: error: calendar: 'workdays' names '3', which is no weekday (mon … sun or monday … sunday)",
                "3:59: error: calendar: each entry of 'workdays' must be a weekday, found a list",
                "4:26: error: calendar: 'holidays' entry '2026-02-30' is not a calendar date",
                "4:38: error: calendar: 'holidays' entry must be a date written YYYY-MM-DD, found 'xmas'",
                "4:44: error: calendar: 'holidays' lists 2026-12-25 twice",
                "5:3: error: calendar: unknown key 'holiday' (did you mean 'holidays'?)"
            ])
        #expect(report.validLandscape == nil)
    }

    @Test func wrongShapesAndNoWorkdayAreErrors() {
        let cases = [
            ("calendar: [mon, tue]", "2:11: error: calendar: expected a mapping of keys (workdays, holidays), found a list"),
            ("calendar: {workdays: mon}", "2:22: error: calendar: 'workdays' must be a list of weekdays (mon … sun), found 'mon'"),
            ("calendar: {workdays: []}", "2:22: error: calendar: 'workdays' is empty: there is no day to work on, so no work could ever finish"),
            ("calendar: {holidays: 2026-12-25}", "2:22: error: calendar: 'holidays' must be a list of dates written YYYY-MM-DD, found '2026-12-25'"),
            ("calendar: {workdays: [sat, sun], holidays: [2026-12-26]}", nil)
        ]
        for (line, expected) in cases {
            #expect(located(readModel("integraph: 1\n\(line)\n")) == (expected.map { [$0] } ?? []), "\(line)")
        }
    }

    @Test func holidaysAreBounded() {
        func model(_ count: Int) -> String {
            let days = (0..<count).compactMap { CalendarDate(dayNumber: 730_000 + $0)?.description }
            return "integraph: 1\ncalendar:\n  holidays: [\(days.joined(separator: ", "))]\n"
        }
        #expect(readModel(model(WorkingCalendar.maximumHolidays)).findings.isEmpty)
        #expect(
            located(readModel(model(WorkingCalendar.maximumHolidays + 1)))
                == ["3:13: error: calendar: 'holidays' lists 10001 days, more than the 10000 a calendar may have"])
    }

    @Test(arguments: [ModelSyntax.yaml, .json])
    func theWriterWritesACalendarBackOnlyWhenItIsNotTheDefault(syntax: ModelSyntax) throws {
        var landscape = try #require(readModel(Self.christmas).validLandscape).landscape
        landscape.calendar = try #require(
            WorkingCalendar(workdays: [.sunday, .monday, .tuesday, .wednesday, .thursday], holidays: landscape.calendar.holidays))
        let text = LandscapeWriter(syntax: syntax).write(landscape)
        if syntax == .yaml { #expect(text.contains("calendar: {workdays: [mon, tue, wed, thu, sun], holidays: [\"2026-12-25\", \"2027-01-01\"]}\n")) }
        let read = readModel(text, name: syntax == .json ? "model.json" : "model.yaml")
        #expect(read.findings.isEmpty, "\(located(read))")
        #expect(try #require(read.validLandscape).landscape.calendar == landscape.calendar)
        landscape.calendar = .standard
        #expect(!LandscapeWriter(syntax: syntax).write(landscape).contains("calendar"))
    }

    /// The feed is blocked until Tuesday 5 January. From Monday 21 December it may start on
    /// working day 9 with Christmas and New Year's Day off (21–24, 28–31, 4 January), on day
    /// 11 without; either way it runs on the 5th and 6th, so the date is the same.
    @Test func aBlockedUntilAcrossChristmasInTheAnalysisAndThePlan() throws {
        let start = CalendarDate(iso: "2026-12-21")
        var options = AnalysisOptions()
        options.start = start
        let validated = try #require(readModel(Self.christmas).validLandscape)
        let pilot = try #require(LandscapeAnalysis(validated, options: options).pilots.first)
        #expect(pilot.duration == 11 && pilot.finishDate?.description == "2027-01-06")
        let analysis = LandscapeAnalysis(validated, options: options)
        let plan = CapacityPlan(analysis, options: PlanOptions(start: start))
        #expect(plan.items.map { [$0.start, $0.finish] } == [[9, 11]])
        #expect(plan.pilots.first?.plannedDate?.description == "2027-01-06")
        #expect(
            PlanWriter(outlook: analysis).json(plan, baseline: nil, suggestions: []).contains("\"startDate\": \"2027-01-05\", \"finishDate\": \"2027-01-06\""))

        var standard = validated.landscape
        standard.calendar = .standard
        let monToFri = try #require(LandscapeAnalysis(try ValidatedLandscape(validating: standard), options: options).pilots.first)
        #expect(monToFri.duration == 13 && monToFri.finishDate?.description == "2027-01-06")
    }
}
