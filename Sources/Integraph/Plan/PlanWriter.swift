/// Writes a ``CapacityPlan`` (and its what-if changes and suggestions) as text, Markdown or
/// JSON: `{"asOf", "pilots": [{"id", "state", "finish", "finishIsP85", "criticalPath",
/// "plannedReady", "unconstrainedReady", "target", …}], "items":
/// [{"id", "team", "start", "finish"}], "teams": [{"id", "capacity", "utilisation"}],
/// "suggestions": [{"move": {…}, "pilotDaysSaved"}]}`, days from day 0 and, with a start
/// date, dates too. Each pilot's state, finish and critical path are the outlook's (the
/// model as written, as `analyze` shows them), what-ifs or not.
///
/// ```swift
/// print(PlanWriter(outlook: outlook.analysis).text(plan, baseline: nil, suggestions: []))
/// ```
package struct PlanWriter: Sendable {
    /// The analysis whose pilots' states, finishes and critical paths the plan shows.
    public let outlook: LandscapeAnalysis
    private let pilotsByID: [String: PilotAnalysis]

    public init(outlook: LandscapeAnalysis) {
        self.outlook = outlook
        pilotsByID = Dictionary(outlook.pilots.map { ($0.pilot.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func json(_ plan: CapacityPlan, baseline: CapacityPlan?, suggestions: [PlanSuggestion]) -> String {
        let pilots = plan.pilots.map { pilot in
            var object = "    {\"id\": \(JSONText.string(pilot.id)), "
            if let analysed = pilotsByID[pilot.id] {
                object +=
                    "\"state\": \(JSONText.string(analysed.state.rawValue)), "
                    + "\"finish\": \(JSONText.optionalString(analysed.finishDate?.description)), \"finishIsP85\": \(analysed.finishIsP85), "
                    + "\"criticalPath\": \(JSONText.strings(analysed.criticalPath)), "
            }
            object +=
                "\"plannedReady\": \(JSONText.number(pilot.plannedReady)), "
                + "\"unconstrainedReady\": \(JSONText.number(pilot.unconstrainedReady)), "
                + "\"target\": \(JSONText.optionalString(pilot.target?.description))"
            if plan.options.start != nil {
                object +=
                    ", \"plannedDate\": \(JSONText.optionalString(pilot.plannedDate?.description)), "
                    + "\"unconstrainedDate\": \(JSONText.optionalString(pilot.unconstrainedDate?.description))"
            }
            object +=
                ", \"remainingCost\": \(pilot.remainingCost.map(JSONText.number) ?? "null"), "
                + "\"delayCost\": \(pilot.delayCost.map(JSONText.number) ?? "null"), \"budget\": \(pilot.budget.map(JSONText.number) ?? "null"), "
                + "\"overBudget\": \(pilot.overBudget)"
            if let before = baseline?.pilots.first(where: { $0.id == pilot.id }) {
                object += ", \"plannedReadyBefore\": \(JSONText.number(before.plannedReady))"
            }
            return object + "}"
        }
        let items = plan.items.map { item in
            "    {\"id\": \(JSONText.string(item.id)), \"team\": \(JSONText.optionalString(item.team)), "
                + "\"start\": \(JSONText.number(item.start)), \"finish\": \(JSONText.number(item.finish))"
                + (plan.options.start.map { start in
                    let dates = plan.calendar.dates(ofWorkFrom: item.start, to: item.finish, after: start)
                    return ", \"startDate\": \(JSONText.optionalString(dates.first?.description)), "
                        + "\"finishDate\": \(JSONText.optionalString(dates.last?.description))"
                } ?? "") + "}"
        }
        let teams = plan.teams.map { team in
            "    {\"id\": \(JSONText.string(team.id)), \"capacity\": \(team.capacity.map(String.init) ?? "null"), \"utilisation\": \(team.utilisation.map(JSONText.number) ?? "null"), "
                + "\"busyDays\": \(JSONText.number(team.busyDays)), \"items\": \(team.items)}"
        }
        let moves = suggestions.map { suggestion in
            let move =
                switch suggestion.move {
                case .capacity(let team, let add): "{\"kind\": \"capacity\", \"team\": \(JSONText.string(team)), \"add\": \(add)}"
                case .finish(let id): "{\"kind\": \"finish\", \"id\": \(JSONText.string(id))}"
                }
            return "    {\"move\": \(move), \"pilotDaysSaved\": \(JSONText.number(suggestion.pilotDaysSaved))"
                + (suggestion.valueUnlocked.map { ", \"valueUnlocked\": \(JSONText.number($0))" } ?? "") + "}"
        }
        func array(_ lines: [String]) -> String { lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n  ]" }
        return
            "{\n  \"asOf\": \(JSONText.optionalString(plan.options.start?.description)),\n  \"pilots\": \(array(pilots)),\n  \"items\": \(array(items)),\n  \"teams\": \(array(teams)),\n"
            + "  \"suggestions\": \(array(moves))\n}\n"
    }

    public func text(_ plan: CapacityPlan, baseline: CapacityPlan?, suggestions: [PlanSuggestion]) -> String {
        lines(plan, baseline: baseline, suggestions: suggestions, markdown: false).joined(separator: "\n") + "\n"
    }

    public func markdown(_ plan: CapacityPlan, baseline: CapacityPlan?, suggestions: [PlanSuggestion]) -> String {
        lines(plan, baseline: baseline, suggestions: suggestions, markdown: true).joined(separator: "\n") + "\n"
    }

    private func lines(_ plan: CapacityPlan, baseline: CapacityPlan?, suggestions: [PlanSuggestion], markdown: Bool) -> [String] {
        func cell(_ text: String) -> String { markdown ? AnalysisMarkdownWriter.cell(text) : text }
        func day(_ days: Double, _ date: CalendarDate?) -> String {
            "day \(DaysText.days(days, decimals: 1))" + (plan.options.start == nil ? "" : " (\(DaysText.date(date)))")
        }
        func money(_ amount: Double) -> String { DaysText.days(amount, decimals: 0) }
        var out = [
            (markdown ? "# " : "") + "Capacity plan: \(Wording.counted(plan.items.count, "pending item")), "
                + "done by day \(DaysText.days(plan.length, decimals: 1))"
                + (plan.options.start.map { " (day 0 is \($0), the as-of date)" } ?? "")
        ]
        out += ["", (markdown ? "## " : "") + "Pilots (planned with team capacity, and with unlimited hands)"]
        if markdown {
            out += [
                "| pilot | planned ready | unlimited hands | capacity costs | target | remaining cost | cost of delay |",
                "|---|---|---|---:|---|---:|---:|"
            ]
        }
        for pilot in plan.pilots {
            let lost = pilot.plannedReady - pilot.unconstrainedReady
            var notes: [String] = []
            if let before = baseline?.pilots.first(where: { $0.id == pilot.id }), abs(before.plannedReady - pilot.plannedReady) > 1e-9 {
                notes.append("was day \(DaysText.days(before.plannedReady, decimals: 1))")
            }
            if pilot.overBudget, let budget = pilot.budget { notes.append("over its budget of \(money(budget))") }
            if markdown {
                out.append(
                    "| \(cell(pilot.id)) | \(day(pilot.plannedReady, pilot.plannedDate)) | \(day(pilot.unconstrainedReady, pilot.unconstrainedDate)) | "
                        + "\(DaysText.days(lost, decimals: 1)) d | \(pilot.target?.description ?? "–") | "
                        + "\(pilot.remainingCost.map(money) ?? "–") | \(pilot.delayCost.map(money) ?? "–")\(notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")") |"
                )
            } else {
                var line =
                    "  \(pilot.id): ready \(day(pilot.plannedReady, pilot.plannedDate)); with unlimited hands "
                    + "\(day(pilot.unconstrainedReady, pilot.unconstrainedDate)); capacity costs \(DaysText.days(lost, decimals: 1)) d"
                if let target = pilot.target { line += "; target \(target)" }
                if let analysed = pilotsByID[pilot.id] { line += " — \(analysed.state.words)" }
                if let cost = pilot.remainingCost { line += "; remaining cost \(money(cost))" }
                if let delay = pilot.delayCost, delay > 0 { line += "; cost of delay \(money(delay))" }
                if !notes.isEmpty { line += " (" + notes.joined(separator: "; ") + ")" }
                out.append(line)
            }
        }
        out += ["", (markdown ? "## " : "") + "Teams"]
        if markdown { out += ["| team | capacity | items | busy days | utilisation |", "|---|---:|---:|---:|---:|"] }
        for team in plan.teams {
            let share = team.utilisation.map { "\(DaysText.days($0 * 100, decimals: 0)) %" } ?? "–"
            out.append(
                markdown
                    ? "| \(cell(team.id)) | \(team.capacity.map(String.init) ?? "no limit") | \(team.items) | \(DaysText.days(team.busyDays, decimals: 1)) | \(share) |"
                    : "  \(team.id): \(team.capacity.map { "\($0) at once" } ?? "no limit"), \(Wording.counted(team.items, "item")), "
                        + "\(DaysText.days(team.busyDays, decimals: 1)) busy days, utilisation \(share)")
        }
        if !suggestions.isEmpty {
            out += ["", (markdown ? "## " : "") + "Best next moves"]
            for suggestion in suggestions.prefix(10) {
                let move =
                    switch suggestion.move {
                    case .capacity(let team, let add): "\(add) more on \(cell(team))"
                    case .finish(let id): "finish \(cell(id)) now"
                    }
                out.append(
                    (markdown ? "- " : "  ") + "\(move): saves \(DaysText.days(suggestion.pilotDaysSaved, decimals: 1)) pilot-days"
                        + (suggestion.valueUnlocked.map { ", unlocks \(money($0))" } ?? ""))
            }
        }
        return out
    }
}
