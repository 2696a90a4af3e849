import Integraph

/// Capacity plans of generated backlogs with their owners spread over 200 teams:
/// `--plan 100000` times one plan of about that many pending items, `--suggest 10000` the
/// ranked moves on a smaller one (each move reruns the scheduler).
func benchmarkPlans(items: [Int], suggest: [Int], seed: UInt64) throws {
    print("| pending items | teams | what | time |")
    print("|---:|---:|---|---:|")
    for (target, suggesting) in items.map({ ($0, false) }) + suggest.map({ ($0, true) }) {
        var landscape = LandscapeGenerator(systems: max(10, target * 97 / 100), seed: seed).landscape()
        landscape.teams = (0..<200).map { Team(id: "team\($0)", capacity: 1 + $0 % 3, dayRate: 800) }
        func team(_ position: Int) -> Reference { Reference("team\(position % 200)", at: .start) }
        for index in landscape.systems.indices { landscape.systems[index].owner = team(index * 7) }
        for index in landscape.flows.indices where landscape.flows[index].owner != nil { landscape.flows[index].owner = team(index * 13) }
        for index in landscape.gates.indices { landscape.gates[index].owner = team(index * 11) }
        let validated = try ValidatedLandscape(validating: landscape)
        let pending = landscape.pendingItems().count
        if suggesting {
            let (moves, seconds) = time { PlanSuggestion.ranked(for: Pipeline().analyze(validated), options: PlanOptions()) }
            print("| \(pending) | 200 | --suggest (\(moves.count) moves that save something) | \(format(seconds)) |")
        } else {
            let (plan, seconds) = time { CapacityPlan(Pipeline().analyze(validated), options: PlanOptions()) }
            print("| \(pending) | \(plan.teams.count) | plan, last item on day \(Int(plan.length)) | \(format(seconds)) |")
        }
    }
}
