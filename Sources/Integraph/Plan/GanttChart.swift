/// A capacity plan as a Gantt chart in plain SVG: one band per team, as many lanes as the
/// team has hands, each item a bar from its start to its finish (flows blue, systems
/// orange, gates yellow), its id on the bar where it fits and in its tooltip; pilots' planned
/// ready days as purple marks on a final band. Every model string is escaped.
///
/// ```swift
/// let svg = GanttChart().svg(plan, title: "Acme Retail — capacity plan")
/// ```
package struct GanttChart: Sendable {
    public init() {}

    static let labelWidth = 170.0
    static let laneHeight = 20.0
    static let top = 62.0

    public func svg(_ plan: CapacityPlan, title: String) -> String {
        let end = max(plan.length, plan.pilots.map(\.plannedReady).max() ?? 0)
        let scale = min(14, 1_800 / max(1, end))
        let lanes = Self.lanes(plan)
        let laneCount = lanes.reduce(0) { $0 + $1.rows.count } + plan.pilots.count
        let width = Self.labelWidth + end * scale + 40, height = Self.top + Double(laneCount) * Self.laneHeight + 40
        var body: [String] = []
        var y = Self.top
        for (team, rows) in lanes {
            body.append("<text x=\"8\" y=\"\(Self.number(y + 14))\" class=\"team\">\(HTMLText.escaped(team))</text>")
            for row in rows {
                body += row.map { Self.bar($0, y: y, scale: scale) }
                y += Self.laneHeight
            }
            body.append("<line x1=\"0\" x2=\"\(Self.number(width))\" y1=\"\(Self.number(y))\" y2=\"\(Self.number(y))\" class=\"rule\"/>")
        }
        for pilot in plan.pilots {
            let x = Self.labelWidth + pilot.plannedReady * scale
            body.append(
                "<g><title>\(HTMLText.escaped("\(pilot.id): ready day \(Self.number(pilot.plannedReady))"))</title>"
                    + "<text x=\"8\" y=\"\(Self.number(y + 14))\" class=\"pilot\">\(HTMLText.escaped(pilot.id))</text>"
                    + "<rect x=\"\(Self.number(x - 4))\" y=\"\(Self.number(y + 4))\" width=\"8\" height=\"12\" class=\"ready\"/></g>")
            y += Self.laneHeight
        }
        let ticks = Self.ticks(upTo: end, scale: scale, bottom: y)
        return Self.document(title: title, width: width, height: height, ticks: ticks, body: body)
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
    private static func bar(_ item: CapacityPlan.Item, y: Double, scale: Double) -> String {
        let x = labelWidth + item.start * scale, w = max(1, (item.handFree - item.start) * scale)
        var out = ""
        if item.finish > item.handFree + 1e-9 {
            out +=
                "<line x1=\"\(number(x + w))\" x2=\"\(number(labelWidth + item.finish * scale))\" "
                + "y1=\"\(number(y + laneHeight / 2))\" y2=\"\(number(y + laneHeight / 2))\" class=\"wait\"/>\n"
        }
        let tip = "\(item.id) (\(item.kind.rawValue)): day \(number(item.start)) → \(number(item.finish))"
        return out
            + "<g><title>\(HTMLText.escaped(tip))</title><rect x=\"\(number(x))\" y=\"\(number(y + 2))\" width=\"\(number(w))\" "
            + "height=\"\(number(laneHeight - 4))\" class=\"\(item.kind.rawValue)\"/>"
            + (w > Double(item.id.count) * 6.2 + 6
                ? "<text x=\"\(number(x + 3))\" y=\"\(number(y + 14))\">\(HTMLText.escaped(item.id))</text>" : "") + "</g>"
    }

    /// Day ticks: every 5 days, every 10 past 60, ten ticks past 200.
    private static func ticks(upTo end: Double, scale: Double, bottom: Double) -> [String] {
        var ticks: [String] = []
        let step = end > 200 ? (end / 10).rounded(.up) : end > 60 ? 10.0 : 5.0
        var day = 0.0
        while day <= end + 1e-9 {
            let x = labelWidth + day * scale
            ticks.append(
                "<line x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"\(number(top - 6))\" y2=\"\(number(bottom))\" class=\"tick\"/>"
                    + "<text x=\"\(number(x + 2))\" y=\"\(number(top - 10))\" class=\"day\">\(number(day))</text>")
            day += step
        }
        return ticks
    }

    private static func document(title: String, width: Double, height: Double, ticks: [String], body: [String]) -> String {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" viewBox="0 0 \(number(width)) \(number(height))">
            <style>text{font:11px Helvetica,sans-serif;fill:#1a1a1a} .team{font-weight:bold} .pilot{fill:#6a3d9a} .day{fill:#666;font-size:10px}
            .flow{fill:#9ecae1;stroke:#0072b2} .system{fill:#fdd0a2;stroke:#e69f00} .gate{fill:#fff7bc;stroke:#8c6d00}
            .ready{fill:#6a3d9a} .rule{stroke:#c5cad3} .tick{stroke:#eeeeee} .wait{stroke:#0072b2;stroke-dasharray:3 3}</style>
            <rect width="100%" height="100%" fill="white"/>
            <text x="8" y="20" style="font-size:16px">\(HTMLText.escaped(title))</text>
            <text x="8" y="34" class="day">working days from day 0; bars by team, one lane per hand, dashed: done, waiting for upstream work; purple: pilots ready</text>
            \(ticks.joined(separator: "\n"))
            \(body.joined(separator: "\n"))
            </svg>

            """
    }
}
