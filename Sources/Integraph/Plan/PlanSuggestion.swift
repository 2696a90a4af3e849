/// One move a planner could make, and what it buys: one more person on one team, or one
/// item finished now (escalated, bought, descoped). Ranked by the pilot-days it saves across
/// all pilots, or by the value it unlocks where pilots have a `value`.
///
/// ```swift
/// let moves = PlanSuggestion.ranked(for: analysis, options: PlanOptions())
/// moves.first?.move            // .capacity(team: "data-platform", add: 1)
/// moves.first?.pilotDaysSaved  // 12.5
/// ```
package struct PlanSuggestion: Sendable, Equatable {
    package enum Move: Sendable, Equatable {
        case capacity(team: String, add: Int)
        case finish(id: String)
    }

    public let move: Move
    /// The sum over pilots of the days their planned ready day moves earlier.
    public let pilotDaysSaved: Double
    /// The sum over pilots with a value of their value per working day × days saved.
    public let valueUnlocked: Double?

    /// How many items are tried as "finished now": those with the longest remaining path,
    /// then the most pilots waiting (each try reruns the scheduler).
    public static let itemBudget = 200

    /// Every team with work and a capacity gets one more hand, and each of the ``itemBudget`` most pressing
    /// items is finished now, one move at a time; moves that save something, best first.
    public static func ranked(for analysis: LandscapeAnalysis, options: PlanOptions) -> [PlanSuggestion] {
        let inputs = PlanInputs(analysis.workPlan, pilots: analysis.pilots, options: options)
        let base = CapacityPlan(inputs, full: false).pilots
        let landscape = analysis.workPlan.index.landscape
        func gain(_ trial: PlanInputs, _ move: Move) -> PlanSuggestion? {
            let after = CapacityPlan(trial, full: false).pilots
            var days = 0.0, value: Double?
            // Plans list pilots in the inputs' order.
            for (pilot, (was, now)) in zip(inputs.pilots, zip(base, after)) {
                let saved = was.plannedReady - now.plannedReady
                days += saved
                if let perDay = pilot.valuePerDay { value = (value ?? 0) + perDay * saved }
            }
            return days > Schedule.tolerance ? PlanSuggestion(move: move, pilotDaysSaved: days, valueUnlocked: value) : nil
        }
        var moves: [PlanSuggestion] = []
        let busy = Set(inputs.scheduler.teams.filter { $0 != LandscapeIndex.none })
        // A team without a limit gains nothing from one more hand.
        for team in busy.sorted() where inputs.scheduler.capacities[Int(team)] != Int.max {
            let trial = inputs.with(capacity: inputs.scheduler.capacities[Int(team)] + 1, forTeam: Int(team))
            if let move = gain(trial, .capacity(team: landscape.teams[Int(team)].id, add: 1)) { moves.append(move) }
        }
        var waited = Set<UInt32>()
        for pilot in inputs.pilots { waited.formUnion(pilot.work.filter { Int($0) < inputs.plan.items.count }) }
        let priority = inputs.scheduler.priority
        let candidates = waited.filter { !inputs.finishedNow[Int($0)] }.sorted { priority[Int($0)] > priority[Int($1)] }.prefix(itemBudget)
        for node in candidates {
            if let move = gain(inputs.finishing(Int(node)), .finish(id: inputs.plan.items[Int(node)].id)) { moves.append(move) }
        }
        let byValue = inputs.pilots.contains { $0.value != nil }
        return moves.sorted { a, b in
            let keyA = byValue ? (a.valueUnlocked ?? 0) : a.pilotDaysSaved, keyB = byValue ? (b.valueUnlocked ?? 0) : b.pilotDaysSaved
            if abs(keyA - keyB) > 1e-9 { return keyA > keyB }
            if abs(a.pilotDaysSaved - b.pilotDaysSaved) > 1e-9 { return a.pilotDaysSaved > b.pilotDaysSaved }
            return a.move.sortKey < b.move.sortKey
        }
    }
}

extension PlanSuggestion.Move {
    var sortKey: String {
        switch self {
        case .capacity(let team, _): "0 \(team)"
        case .finish(let id): "1 \(id)"
        }
    }
}
