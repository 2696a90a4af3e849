import Integraph
import Testing

/// The capacity plan: known answers worked by hand, the unconstrained run against the
/// critical path method, and the list scheduler against a brute-force optimum.
@Suite struct PlanTests {
    /// Gates are work items with explicit precedence (`after`), which makes small cases easy
    /// to write: `gates` is (id, effort, team, after), the pilot waits for `waits`.
    /// The plan `plan` prints: the outlook's, with what-ifs rerunning the scheduler only.
    static func plan(_ validated: ValidatedLandscape, options: PlanOptions = PlanOptions()) -> CapacityPlan {
        Pipeline(options: AnalysisOptions(start: options.start)).outlook(validated, for: .schedules).plan(options)
    }

    static func landscape(
        teams: [(String, Int)], gates: [(String, Double, String, [String])], waits: [[String]],
        rate: Double? = nil, values: [Double?] = [], budgets: [Double?] = []
    ) throws -> ValidatedLandscape {
        try ValidatedLandscape(
            validating: Landscape(
                teams: teams.map { Team(id: $0.0, capacity: $0.1, dayRate: rate) },
                gates: gates.map { Gate(id: $0.0, owner: Reference($0.2, at: .start), effort: .days($0.1), after: $0.3.map { Reference($0, at: .start) }) },
                pilots: waits.enumerated().map { position, ids in
                    Pilot(
                        id: "p\(position)", champion: "C", after: ids.map { Reference($0, at: .start) },
                        value: values.indices.contains(position) ? values[position] : nil,
                        budget: budgets.indices.contains(position) ? budgets[position] : nil)
                }))
    }

    static let three = [("g2", 2.0, "t", [String]()), ("g3", 3.0, "t", []), ("g4", 4.0, "t", [])]

    /// One hand, three independent items of 2, 3 and 4 days: longest first, 0–4, 4–7, 7–9;
    /// ready on day 9, where unlimited hands give 4.
    @Test func oneHandWorksThroughTheItemsLongestFirst() throws {
        let plan = Self.plan(try Self.landscape(teams: [("t", 1)], gates: Self.three, waits: [["g2", "g3", "g4"]]))
        #expect(plan.items.map(\.id) == ["g4", "g3", "g2"])
        #expect(plan.items.map(\.start) == [0, 4, 7])
        #expect(plan.pilots.first?.plannedReady == 9)
        #expect(plan.pilots.first?.unconstrainedReady == 4)
        #expect(plan.teams.first?.utilisation == 1)
    }

    /// The same, as the analysis sees it: the team declares its one hand, so the pilot's
    /// finish is the plan's day 9, its critical path the chain of freed hands g4 → g3 → g2
    /// (each started when the one before freed the hand), and its duration stays 4.
    @Test func aDeclaredCapacitySetsThePilotsFinishAndCriticalPath() throws {
        let validated = try Self.landscape(teams: [("t", 1)], gates: Self.three, waits: [["g2", "g3", "g4"]])
        let pilot = try #require(LandscapeAnalysis(validated, options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))).pilots.first)
        #expect(pilot.duration == 4 && pilot.plannedReady == 9 && pilot.finishDays == 9)
        #expect(pilot.criticalPath == ["g4", "g3", "g2"] && pilot.waitedForHand == ["g3", "g2"])
        // Day 9 counted from Tuesday 2026-12-01, Monday to Friday: the 9th working day is Friday the 11th.
        #expect(pilot.finishDate?.description == "2026-12-11" && !pilot.finishIsP85)
        #expect(pilot.finishText == "2026-12-11 (with team capacity)")
        // Without a declared capacity the team has no limit: the critical path method alone.
        var unlimited = validated.landscape
        unlimited.teams[0].capacity = nil
        let free = try #require(LandscapeAnalysis(try ValidatedLandscape(validating: unlimited)).pilots.first)
        #expect(free.plannedReady == nil && free.finishDays == 4 && free.criticalPath == ["g4"])
    }

    /// Two hands: 4 at 0–4, 3 at 0–3, 2 at 3–5: ready on day 5.
    @Test func twoHandsShareTheWork() throws {
        var options = PlanOptions()
        options.capacity["t"] = 2
        let plan = Self.plan(try Self.landscape(teams: [("t", 1)], gates: Self.three, waits: [["g2", "g3", "g4"]]), options: options)
        #expect(plan.pilots.first?.plannedReady == 5)
        #expect(plan.items.first { $0.id == "g2" }?.start == 3)
        #expect(plan.teams.first?.utilisation == 9.0 / 10.0)
    }

    @Test func anItemTakenAsDoneFreesItsHandAndItsSuccessors() throws {
        var options = PlanOptions()
        options.finishedNow = ["g4"]
        let gates = Self.three + [("after", 1.0, "u", ["g4"])]
        let plan = Self.plan(try Self.landscape(teams: [("t", 1), ("u", 1)], gates: gates, waits: [["g2", "g3", "after"]]), options: options)
        #expect(plan.items.map(\.id) == ["after", "g3", "g2"])
        #expect(plan.items.first?.start == 0)
        #expect(plan.pilots.first?.plannedReady == 5)
        #expect(plan.pilots.first?.unconstrainedReady == 3)
    }

    /// Money: 9 days at 100 a day is 900, over a budget of 800; a value of 2,600 a year is
    /// 10 a working day, and capacity adds 5 days: a delay cost of 50.
    @Test func moneyFollowsRatesValuesAndBudgets() throws {
        let plan = Self.plan(
            try Self.landscape(
                teams: [("t", 1)], gates: Self.three, waits: [["g2", "g3", "g4"]],
                rate: 100, values: [2_600], budgets: [800]))
        let pilot = try #require(plan.pilots.first)
        #expect(pilot.remainingCost == 900)
        #expect(pilot.delayCost == 50)
        #expect(pilot.overBudget)
    }

    /// One more hand saves 4 pilot-days (9 → 5), as does finishing the 4-day item; the
    /// 3-day and 2-day items save 3 and 2. Ties go to capacity, then by id.
    @Test func suggestionsAreRankedByWhatTheySave() throws {
        let validated = try Self.landscape(teams: [("t", 1)], gates: Self.three, waits: [["g2", "g3", "g4"]])
        let moves = PlanSuggestion.ranked(for: Pipeline().analyze(validated), options: PlanOptions())
        #expect(moves.map(\.move) == [.capacity(team: "t", add: 1), .finish(id: "g4"), .finish(id: "g3"), .finish(id: "g2")])
        #expect(moves.map(\.pilotDaysSaved) == [4, 4, 3, 2])
    }

    /// With unlimited hands the scheduler is the critical path method: every pilot's
    /// unconstrained ready day equals the analysis's duration (started items, junctions and
    /// all), on generated landscapes.
    @Test(arguments: [(300, UInt64(1)), (300, UInt64(2)), (1_000, UInt64(3))])
    func unlimitedHandsGiveTheCriticalPath(systems: Int, seed: UInt64) throws {
        let validated = try ValidatedLandscape(validating: LandscapeGenerator(systems: systems, seed: seed).landscape())
        var options = AnalysisOptions()
        options.computesBetweenness = false
        options.samples = 1
        let analysis = LandscapeAnalysis(validated, options: options)
        let plan = Self.plan(validated)
        #expect(plan.pilots.count == analysis.pilots.count)
        for (planned, analysed) in zip(plan.pilots, analysis.pilots) {
            #expect(abs(planned.unconstrainedReady - analysed.duration) < 1e-6, "\(planned.id)")
            #expect(planned.plannedReady >= planned.unconstrainedReady - 1e-6, "\(planned.id)")
        }
        // Capacity is respected: at no moment does a team run more items than its hands.
        // (Checked below; first, the chain the plan walks back with unlimited hands is the
        // critical path method's, a second method for both.)
        var open = validated.landscape
        for team in open.teams.indices { open.teams[team].capacity = nil }
        let unlimitedAnalysis = LandscapeAnalysis(try ValidatedLandscape(validating: open), options: options)
        let unlimitedPlan = CapacityPlan(unlimitedAnalysis, options: PlanOptions())
        for (planned, analysed) in zip(unlimitedPlan.pilots, unlimitedAnalysis.pilots) {
            #expect(planned.criticalPath == analysed.criticalPath, "\(planned.id)")
            // The list scheduler with unlimited hands against the critical path method.
            #expect(abs(planned.plannedReady - analysed.duration) < 1e-6, "\(planned.id)")
        }
        let capacity = Dictionary(validated.landscape.teams.map { ($0.id, $0.capacity) }, uniquingKeysWith: { a, _ in a })
        var byTeam: [String: [CapacityPlan.Item]] = [:]
        for item in plan.items where item.team != nil { byTeam[item.team ?? "", default: []].append(item) }
        for (team, items) in byTeam {
            for item in items where item.handFree > item.start {
                let overlapping = items.filter { $0.start <= item.start + 1e-9 && $0.handFree > item.start + 1e-9 }.count
                #expect(overlapping <= (capacity[team] ?? nil) ?? Int.max, "\(team) at day \(item.start)")
            }
        }
    }

    /// Against the optimum: every order of the items that respects precedence, each item
    /// placed at the earliest time its predecessors and its team allow (serial schedule
    /// generation; the active schedules it yields include an optimal one for any objective
    /// that never improves when an item finishes later), minimising the sum of the pilots'
    /// ready days, and the latest of them. On 200 random cases of 6 items, 2 single-hand
    /// teams and 2 pilots the list scheduler is never better than the optimum (a check of
    /// both). Its rule, longest remaining path first, aims at the last pilot: measured, it is
    /// optimal for the last pilot in 174 cases (at worst 1.5 times the optimum) and for the
    /// sum in 91 (at worst 1.77: it can serve a long chain before a short pilot). The
    /// bounds below hold those figures.
    @Test func theHeuristicAgainstABruteForceOptimum() throws {
        var random = SplitMix(seed: 7)
        var matchedSum = 0, matchedLast = 0, worstSum = 1.0, worstLast = 1.0
        for _ in 0..<200 {
            var gates: [(String, Double, String, [String])] = []
            for index in 0..<6 {
                let after = (0..<index).filter { _ in random.next() % 4 == 0 }.map { "g\($0)" }
                gates.append(("g\(index)", Double(1 + random.next() % 5), random.next() % 2 == 0 ? "a" : "b", after))
            }
            let waits = [["g5", "g3"], ["g4", "g1"]]
            let plan = Self.plan(try Self.landscape(teams: [("a", 1), ("b", 1)], gates: gates, waits: waits))
            let sum = plan.pilots.map(\.plannedReady).reduce(0, +), last = plan.pilots.map(\.plannedReady).max() ?? 0
            let optimum = Self.bruteForce(gates, waits: waits)
            #expect(sum >= optimum.sum - 1e-9 && last >= optimum.last - 1e-9)
            if abs(sum - optimum.sum) < 1e-9 { matchedSum += 1 }
            if abs(last - optimum.last) < 1e-9 { matchedLast += 1 }
            worstSum = max(worstSum, sum / optimum.sum)
            worstLast = max(worstLast, last / optimum.last)
        }
        print(
            "list scheduler vs optimum on 200 cases: last pilot optimal in \(matchedLast), worst ×\(worstLast); "
                + "sum optimal in \(matchedSum), worst ×\(worstSum)")
        #expect(matchedLast >= 170 && worstLast <= 1.5)
        #expect(matchedSum >= 85 && worstSum <= 1.8)
    }

    /// The smallest sum of the pilots' ready days, and the smallest latest one, over every
    /// active schedule.
    static func bruteForce(_ gates: [(String, Double, String, [String])], waits: [[String]]) -> (sum: Double, last: Double) {
        let ids = gates.map(\.0)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let predecessors = gates.map { $0.3.compactMap { index[$0] } }
        var best = Double.infinity, bestLast = Double.infinity
        var order: [Int] = [], used = [Bool](repeating: false, count: gates.count)
        func place() {
            var finish = [Double](repeating: 0, count: gates.count)
            var busy: [String: [(Double, Double)]] = [:]
            for item in order {
                var start = predecessors[item].map { finish[$0] }.max() ?? 0
                let duration = gates[item].1
                let intervals = (busy[gates[item].2] ?? []).sorted { $0.0 < $1.0 }
                for interval in intervals where start < interval.1 && interval.0 < start + duration { start = max(start, interval.1) }
                // Re-check after moving past one interval: later ones may now overlap.
                var moved = true
                while moved {
                    moved = false
                    for interval in intervals where start < interval.1 && interval.0 < start + duration {
                        start = interval.1
                        moved = true
                    }
                }
                finish[item] = start + duration
                busy[gates[item].2, default: []].append((start, start + duration))
            }
            let ready = waits.map { wait in wait.compactMap { index[$0] }.map { finish[$0] }.max() ?? 0 }
            best = min(best, ready.reduce(0, +))
            bestLast = min(bestLast, ready.max() ?? 0)
        }
        // Depth-first over precedence-respecting orders, with an explicit stack of choices.
        var stack: [Int] = [0]
        while let choice = stack.popLast() {
            if choice > 0 { used[order.removeLast()] = false }
            var next = choice
            while next < gates.count && (used[next] || !predecessors[next].allSatisfy { used[$0] }) { next += 1 }
            if next == gates.count { continue }
            used[next] = true
            order.append(next)
            stack.append(next + 1)
            if order.count == gates.count { place() } else { stack.append(0) }
        }
        return (best, bestLast)
    }
}

/// A small seeded generator for the brute-force cases.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
