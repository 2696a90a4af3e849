/// Makes seeded, realistic synthetic landscapes for benchmarks and scale tests: a
/// heavy-tailed flow graph (targets chosen by preferential attachment, Barabási & Albert
/// 1999) with about `flowsPerSystem` flows per system, domains and teams, data labels,
/// a realistic mix of statuses and efforts, gates, and pilots that need popular systems.
/// The same options give the same landscape. O(S + F) time.
///
/// ```swift
/// let landscape = LandscapeGenerator(systems: 1_000, seed: 7).landscape()
/// ```
package struct LandscapeGenerator: Sendable {
    public var systems: Int
    public var seed: UInt64
    public var flowsPerSystem: Double

    public init(systems: Int, seed: UInt64 = 1, flowsPerSystem: Double = 4) {
        self.systems = max(2, systems)
        self.seed = seed
        self.flowsPerSystem = flowsPerSystem
    }

    static let labels = (0..<40).map { "data\($0)" }
    static let kinds = ["saas", "erp", "database", "warehouse", "api", "queue", "app"]

    public func landscape() -> Landscape {
        // One random stream, drawn from in a fixed order: systems, flows, gates, pilots.
        var draw = Draw(random: SeededRandom(seed: seed), systems: systems)
        var landscape = Landscape(name: "Generated landscape of \(systems) systems (seed \(seed))")
        landscape.teams = (0..<draw.teamCount).map { Team(id: "team\($0)", capacity: 1 + $0 % 3) }
        landscape.systems = (0..<systems).map { draw.system($0) }
        let generated = flows(&draw)
        var flows = generated.flows
        let gateCount = max(2, systems / 100)
        landscape.gates = (0..<gateCount).map { number in
            Gate(
                id: "gate\(number)", kind: GateKind.allCases[number % GateKind.allCases.count],
                owner: Self.reference("team\(draw.below(draw.teamCount))"), status: draw.chance(0.7) ? .pending : .approved,
                effort: draw.effort())
        }
        for index in flows.indices where flows[index].isPending && draw.chance(0.05) {
            flows[index].after = [Self.reference("gate\(draw.below(gateCount))")]
        }
        landscape.flows = flows
        // Pilots need systems that many flows feed, as real pilots need the warehouse.
        landscape.pilots = (0..<min(20, 2 + systems / 50)).map { draw.pilot($0, attachment: generated.attachment) }
        return landscape
    }

    /// Flows by preferential attachment: a target is drawn from a list holding each system
    /// once, plus once more per flow it already receives. Returns the flows and that list.
    private func flows(_ draw: inout Draw) -> (flows: [Flow], attachment: [Int]) {
        var attachment = Array(0..<systems)
        attachment.reserveCapacity(systems + Int(Double(systems) * flowsPerSystem))
        var pairs: Set<UInt64> = []
        let flowCount = Int(Double(systems) * flowsPerSystem)
        var flows: [Flow] = []
        flows.reserveCapacity(flowCount)
        var attempts = 0
        while flows.count < flowCount, attempts < flowCount * 4 {
            attempts += 1
            let from = draw.below(systems)
            let to = attachment[draw.below(attachment.count)]
            guard from != to, pairs.insert(UInt64(from) << 32 | UInt64(to)).inserted else { continue }
            attachment.append(to)
            let roll = draw.random.nextUnit()
            let status: FlowStatus = roll < 0.75 ? .live : roll < 0.85 ? .inProgress : roll < 0.95 ? .backlog : .blocked
            let labels = Set((0...draw.below(3)).map { _ in Self.labels[draw.below(Self.labels.count)] }).sorted()
            let classification = Classification.allCases[draw.below(Classification.allCases.count)]
            flows.append(
                Flow(
                    id: Flow.defaultID(from: draw.systemID(from), to: draw.systemID(to)), hasExplicitID: false,
                    from: Self.reference(draw.systemID(from)), to: Self.reference(draw.systemID(to)), data: labels,
                    classification: classification, status: status,
                    effort: status == .live ? nil : draw.effort(),
                    blockedBy: status == .blocked ? "waiting on a vendor" : nil))
        }
        return (flows, attachment)
    }

    private static func reference(_ id: String) -> Reference { Reference(id, at: .start) }

    /// The seeded stream and the landscape's proportions.
    private struct Draw {
        var random: SeededRandom
        let systems: Int
        let teamCount: Int
        let domainCount: Int
        let width: Int

        init(random: SeededRandom, systems: Int) {
            self.random = random
            self.systems = systems
            teamCount = 3 + systems / 20
            domainCount = 6 + systems / 500
            width = String(systems - 1).count
        }

        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }
        mutating func chance(_ probability: Double) -> Bool { random.nextUnit() < probability }

        mutating func effort() -> Effort {
            let likely = Double(1 + below(15))
            guard chance(0.3) else { return .days(likely) }
            return .estimate(
                optimistic: max(0.5, likely - Double(below(3))), likely: likely,
                pessimistic: likely + Double(1 + below(10)))
        }

        /// `s0042`: zero-padded so ids sort as numbers.
        func systemID(_ number: Int) -> String {
            let digits = String(number)
            return "s" + String(repeating: "0", count: width - digits.count) + digits
        }

        mutating func system(_ number: Int) -> System {
            let roll = random.nextUnit()
            let status: SystemStatus = roll < 0.02 ? .planned : roll < 0.03 ? .deprecated : .live
            return System(
                id: systemID(number), kind: LandscapeGenerator.kinds[number % LandscapeGenerator.kinds.count],
                domain: "domain\(below(domainCount))", owner: LandscapeGenerator.reference("team\(below(teamCount))"),
                status: status, effort: status == .planned ? effort() : nil)
        }

        mutating func pilot(_ number: Int, attachment: [Int]) -> Pilot {
            let needs = (0..<(2 + below(3))).map { _ in
                let system = systemID(attachment[below(attachment.count)])
                return chance(0.5)
                    ? PilotNeed(system: LandscapeGenerator.reference(system), data: [LandscapeGenerator.labels[below(LandscapeGenerator.labels.count)]])
                    : PilotNeed(system: LandscapeGenerator.reference(system))
            }
            return Pilot(
                id: "pilot\(number)", champion: "Champion \(number)",
                stage: PilotStage.allCases[number % PilotStage.allCases.count], needs: needs,
                effort: effort(), target: CalendarDate(year: 2027, month: 1 + number % 12, day: 28))
        }
    }
}
