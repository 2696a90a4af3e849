import Testing

@testable import Integraph

/// The plan's Gantt chart: an axis that reaches the last bar, a tooltip on every bar, dates
/// on the model's calendar.
@Suite struct GanttChartTests {
    /// One hand: g1 takes days 0–3 (Tuesday 22 to Thursday 24 December), g2 days 3–6.5:
    /// Christmas is off, so it runs from Monday the 28th to Thursday the 31st.
    static let model = """
        integraph: 1
        calendar: {holidays: [2026-12-25]}
        teams: [{id: t}]
        systems: [{id: a, owner: t}]
        gates:
          - {id: g1, owner: t, effort: 3}
          - {id: "<g2&>", owner: t, effort: 3.5, after: [g1]}
        pilots: [{id: p, champion: C, needs: [a], after: ["<g2&>"]}]

        """

    static func svg(start: String?) throws -> (plan: CapacityPlan, svg: String) {
        let validated = try #require(readModel(model).validLandscape)
        let start = start.flatMap(CalendarDate.init(iso:))
        let plan = CapacityPlan(LandscapeAnalysis(validated, options: AnalysisOptions(start: start)), options: PlanOptions(start: start))
        return (plan, GanttChart().svg(plan, title: "A <plan>"))
    }

    /// The value of `attribute` in each element of `svg` that has `marker`.
    static func values(_ attribute: String, in svg: String, marker: String) -> [Double] {
        svg.split(separator: "<").filter { $0.contains(marker) }.compactMap { element in
            element.split(separator: " ").first { $0.hasPrefix("\(attribute)=\"") }
                .flatMap { Double($0.dropFirst(attribute.count + 2).prefix { $0 != "\"" }) }
        }
    }

    @Test func everyBarHasATooltipWithTeamDaysAndCalendarDates() throws {
        let (plan, svg) = try Self.svg(start: "2026-12-22")
        #expect(plan.items.map { [$0.start, $0.finish] } == [[0, 3], [3, 6.5]])
        #expect(svg.contains("<title>g1 (gate), team t: day 0 → 3, 2026-12-22 → 2026-12-24</title>"))
        #expect(svg.contains("<title>&lt;g2&amp;&gt; (gate), team t: day 3 → 6.5, 2026-12-28 → 2026-12-31</title>"))
        #expect(svg.contains("<title>p: ready day 6.5 (2026-12-31)</title>"))
        #expect(svg.contains("A &lt;plan&gt;") && !svg.contains("<g2"))
        // Each bar sits in a group with its tooltip.
        let bars = svg.components(separatedBy: "<rect ").filter { $0.contains("class=\"gate\"") }.count
        #expect(bars == 2 && svg.components(separatedBy: "<g><title>").count - 1 == bars + plan.pilots.count)
    }

    @Test func theAxisReachesTheLastBar() throws {
        let (plan, svg) = try Self.svg(start: "2026-12-22")
        let scale = 14.0
        let ticks = Self.values("x1", in: svg, marker: "class=\"tick\"")
        let bars = zip(Self.values("x", in: svg, marker: "class=\"gate\""), Self.values("width", in: svg, marker: "class=\"gate\""))
        // The last bar ends on day 6.5; ticks every 5 days, so the axis runs to day 10.
        #expect(ticks == [0.0, 5, 10].map { GanttChart.labelWidth + $0 * scale })
        #expect((ticks.last ?? 0) >= (bars.map { $0 + $1 }.max() ?? .infinity))
        #expect((ticks.last ?? 0) >= GanttChart.labelWidth + plan.length * scale)
        // Day 5 is the sixth working day from the 22nd (22–24, 28–30), day 10 the eleventh
        // (31 December, 1 January, 4–6 January).
        for date in ["2026-12-22", "2026-12-30", "2027-01-06"] { #expect(svg.contains(">\(date)</text>"), "\(date)") }
        for end in [0.0, 4, 5, 6.5, 59, 61, 199.5, 201, 1_234.5, 1e9, .infinity, .nan] {
            let axis = GanttChart.Axis(end: end)
            #expect(axis.days.first == 0 && axis.days.last == axis.last && axis.days.count <= 21, "\(end)")
            if end.isFinite { #expect(axis.last >= end && axis.last < end + axis.step, "\(end)") }
        }
    }

    @Test func withoutAStartTheChartHasNoDates() throws {
        let (_, svg) = try Self.svg(start: nil)
        #expect(svg.contains("<title>g1 (gate), team t: day 0 → 3</title>"))
        #expect(!svg.contains("2026-"))
    }

    /// Work of no length after three days (b) begins and ends on the fourth working day, not
    /// the third; a pilot ready past 9999-12-31 says so in the plan's text and on the chart.
    @Test func zeroLengthWorkAndFinishesPastTheLastDate() throws {
        let text = """
            integraph: 1
            teams: [{id: t}]
            systems:
              - {id: a, owner: t, status: planned, effort: 3}
              - {id: b, owner: t, status: planned, effort: 0, after: [a]}
              - {id: c, owner: t, status: planned, effort: 36500, after: [a]}
            pilots: [{id: p, champion: c, stage: idea, needs: [b, c]}]
            """
        let validated = try #require(readModel(text).validLandscape)
        for (iso, far) in [("2026-12-01", false), ("9990-01-01", true)] {
            let start = CalendarDate(iso: iso)
            let analysis = LandscapeAnalysis(validated, options: AnalysisOptions(start: start))
            let plan = CapacityPlan(analysis, options: PlanOptions(start: start))
            let json = PlanWriter(outlook: analysis).json(plan, baseline: nil, suggestions: [])
            if !far {
                // Tuesday 1 December + 3 working days: b is the work of Friday the 4th.
                #expect(json.contains(#""id": "b", "team": "t", "start": 3, "finish": 3, "startDate": "2026-12-04", "finishDate": "2026-12-04""#))
            } else {
                #expect(PlanWriter(outlook: analysis).text(plan, baseline: nil, suggestions: []).contains("p: ready day 36503 (after 9999-12-31)"))
                #expect(GanttChart().svg(plan, title: "far").contains("p: ready day 36503 (after 9999-12-31)"))
            }
        }
    }
}
