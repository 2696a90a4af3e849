/// A capacity plan as a Gantt chart in plain SVG: one band per team, as many lanes as the
/// team has hands, each item a bar from its start to its finish (flows blue, systems
/// orange, gates yellow), its id on the bar where it fits; pilots' planned ready days as
/// purple marks on a final band. Every bar and mark has a tooltip (`<title>`: id, team,
/// days and, with a start date, dates on the model's calendar), the day axis reaches the
/// last bar, and every model string is escaped.
///
/// ```swift
/// let svg = GanttChart().svg(plan, title: "Acme Retail — capacity plan")
/// ```
package struct GanttChart: Sendable {
    public init() {}

    static let labelWidth = 170.0
    static let laneHeight = 20.0
    /// Room above the first lane for the title, the legend, the dates and the day numbers.
    static let top = 74.0

    public func svg(_ plan: CapacityPlan, title: String) -> String {
        let axis = Axis(end: max(plan.length, plan.pilots.map(\.plannedReady).max() ?? 0))
        let scale = min(14, 1_800 / max(1, axis.last))
        let lanes = Self.lanes(plan)
        let laneCount = lanes.reduce(0) { $0 + $1.rows.count } + plan.pilots.count
        // Room right of the last tick for its label: a date when the plan has a start.
        let width = Self.labelWidth + axis.last * scale + (plan.options.start == nil ? 40 : 70)
        let height = Self.top + Double(laneCount) * Self.laneHeight + 40
        var body: [String] = []
        var y = Self.top
        for (team, rows) in lanes {
            body.append("<text x=\"8\" y=\"\(Self.number(y + 14))\" class=\"team\">\(HTMLText.escaped(team))</text>")
            for row in rows {
                body += row.map { Self.bar($0, y: y, scale: scale, plan: plan) }
                y += Self.laneHeight
            }
            body.append("<line x1=\"0\" x2=\"\(Self.number(width))\" y1=\"\(Self.number(y))\" y2=\"\(Self.number(y))\" class=\"rule\"/>")
        }
        for pilot in plan.pilots {
            let x = Self.labelWidth + pilot.plannedReady * scale
            let date = plan.options.start == nil ? "" : " (\(DaysText.date(pilot.plannedDate)))"
            body.append(
                "<g><title>\(HTMLText.escaped("\(pilot.id): ready day \(Self.number(pilot.plannedReady))\(date)"))</title>"
                    + "<text x=\"8\" y=\"\(Self.number(y + 14))\" class=\"pilot\">\(HTMLText.escaped(pilot.id))</text>"
                    + "<rect x=\"\(Self.number(x - 4))\" y=\"\(Self.number(y + 4))\" width=\"8\" height=\"12\" class=\"ready\"/></g>")
            y += Self.laneHeight
        }
        let ticks = Self.ticks(axis, scale: scale, bottom: y, plan: plan)
        return Self.document(title: title, width: width, height: height, ticks: ticks, body: body, start: plan.options.start)
    }

    /// The day axis: a tick every `step` days from 0 to `last`, the first multiple of the
    /// step at or past the chart's end, so that the last bar ends under the axis.
    struct Axis {
        let step: Double
        let last: Double

        /// Every 5 days, every 10 past 60, ten steps past 200.
        init(end: Double) {
            let end = end.isFinite ? max(0, end) : 0
            step = end > 200 ? (end / 10).rounded(.up) : end > 60 ? 10 : 5
            last = (end / step).rounded(.up) * step
        }

        /// The tick days, 0 first: at most 21 of them (ten steps past 200, 20 up to 200).
        var days: [Double] { (0...Int(min(100, last / step))).map { Double($0) * step } }
    }

    private static func number(_ value: Double) -> String { DaysText.days(value, decimals: 1) }

    /// Items by team, teams in id order, each team's items packed into as few lanes as
    /// their overlaps allow (first lane whose last item has freed its hand).
    private static func lanes(_ plan: CapacityPlan) -> [(team: String, rows: [[CapacityPlan.Item]])] {
        var byTeam: [String: [CapacityPlan.Item]] = [:]
        for item in plan.items { byTeam[item.team ?? "(no owner)", default: []].append(item) }
        return byTeam.keys.sorted().map { team in
            var rows: [[CapacityPlan.Item]] = []
            for item in byTeam[team] ?? [] {
                if let row = rows.firstIndex(where: { ($0.last?.handFree ?? 0) <= item.start + 1e-9 }) { rows[row].append(item) } else { rows.append([item]) }
            }
            return (team, rows)
        }
    }

    /// One item's bar, with a dashed line to its finish when it waits on upstream work.
    private static func bar(_ item: CapacityPlan.Item, y: Double, scale: Double, plan: CapacityPlan) -> String {
        let x = labelWidth + item.start * scale, w = max(1, (item.handFree - item.start) * scale)
        var out = ""
        if item.finish > item.handFree + 1e-9 {
            out +=
                "<line x1=\"\(number(x + w))\" x2=\"\(number(labelWidth + item.finish * scale))\" "
                + "y1=\"\(number(y + laneHeight / 2))\" y2=\"\(number(y + laneHeight / 2))\" class=\"wait\"/>\n"
        }
        var tip = "\(item.id) (\(item.kind.rawValue)), team \(item.team ?? "none"): day \(number(item.start)) → \(number(item.finish))"
        if let start = plan.options.start {
            let dates = plan.calendar.dates(ofWorkFrom: item.start, to: item.finish, after: start)
            tip += ", \(DaysText.date(dates.first)) → \(DaysText.date(dates.last))"
        }
        // The id goes on the bar where it fits; a narrower bar shows it in its tooltip alone.
        return out
            + "<g><title>\(HTMLText.escaped(tip))</title><rect x=\"\(number(x))\" y=\"\(number(y + 2))\" width=\"\(number(w))\" "
            + "height=\"\(number(laneHeight - 4))\" class=\"\(item.kind.rawValue)\"/>"
            + (w > Double(item.id.count) * 6.2 + 6
                ? "<text x=\"\(number(x + 3))\" y=\"\(number(y + 14))\">\(HTMLText.escaped(item.id))</text>" : "") + "</g>"
    }

    /// A line and the day number per tick; with a start date, the date of that working day
    /// on the model's calendar above it.
    private static func ticks(_ axis: Axis, scale: Double, bottom: Double, plan: CapacityPlan) -> [String] {
        axis.days.map { day in
            let x = labelWidth + day * scale
            let date = plan.options.start.flatMap { plan.calendar.date(ofDay: day, from: $0) }.map {
                "<text x=\"\(number(x + 2))\" y=\"\(number(top - 22))\" class=\"day\">\($0)</text>"
            }
            return "<line x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"\(number(top - 6))\" y2=\"\(number(bottom))\" class=\"tick\"/>"
                + "<text x=\"\(number(x + 2))\" y=\"\(number(top - 10))\" class=\"day\">\(number(day))</text>" + (date ?? "")
        }
    }

    private static func document(
        title: String, width: Double, height: Double, ticks: [String], body: [String], start: CalendarDate?
    ) -> String {
        let days = start.map { "working days from day 0, \($0) (dates skip the calendar's days off)" } ?? "working days from day 0"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" viewBox="0 0 \(number(width)) \(number(height))">
            <style>text{font:11px Helvetica,sans-serif;fill:#1a1a1a} .team{font-weight:bold} .pilot{fill:#6a3d9a} .day{fill:#666;font-size:10px}
            .flow{fill:#9ecae1;stroke:#0072b2} .system{fill:#fdd0a2;stroke:#e69f00} .gate{fill:#fff7bc;stroke:#8c6d00}
            .ready{fill:#6a3d9a} .rule{stroke:#c5cad3} .tick{stroke:#eeeeee} .wait{stroke:#0072b2;stroke-dasharray:3 3}</style>
            <rect width="100%" height="100%" fill="white"/>
            <text x="8" y="20" style="font-size:16px">\(HTMLText.escaped(title))</text>
            <text x="8" y="34" class="day">\(days); bars by team, one lane per hand, dashed: done, waiting for upstream work; purple: pilots ready</text>
            \(ticks.joined(separator: "\n"))
            \(body.joined(separator: "\n"))
            </svg>

            """
    }
}
