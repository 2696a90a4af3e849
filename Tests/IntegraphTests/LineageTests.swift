import Testing

@testable import Integraph

@Suite struct LineageTests {
    /// A shop whose frontend is a hub: the assistant's LLM traffic and the checkout's orders
    /// both pass through it. Flows point the way data moves.
    static let shop = """
        integraph: 1
        teams: [{id: t}]
        systems:
          - {id: catalog, owner: t}
          - {id: llm-vendor, owner: t, status: planned, effort: 10, after: [vendor-review]}
          - {id: frontend, owner: t}
          - {id: checkout, owner: t}
          - {id: payments, owner: t}
          - {id: fraud, owner: t, derives: {fraud-scores: [orders, payments]}}
          - {id: assistant, owner: t}
        flows:
          - {id: catalog-to-frontend, from: catalog, to: frontend, data: [products]}
          - {id: llm-to-frontend, from: llm-vendor, to: frontend, data: [completions], status: backlog, effort: 5}
          - {id: frontend-to-checkout, from: frontend, to: checkout, data: [orders], status: backlog, effort: 3}
          - {id: frontend-to-assistant, from: frontend, to: assistant, data: [completions, products], status: backlog, effort: 2}
          - {id: payments-to-checkout, from: payments, to: checkout, data: [payments]}
          - {id: checkout-to-fraud, from: checkout, to: fraud, data: [orders, payments], status: in-progress, effort: 4}
        gates: [{id: vendor-review, kind: security-review, owner: t, effort: 15}]
        pilots:
          - {id: fraud-scorer, champion: A, needs: [{system: fraud, data: [fraud-scores]}]}
          - {id: shopping-assistant, champion: B, needs: [assistant]}
        """

    @Test func aHubPassesOnOnlyTheDataThatIsAskedFor() throws {
        let landscape = try #require(readModel(Self.shop).validLandscape)
        let analysis = try LandscapeAnalysis(landscape)
        let index = LandscapeIndex(landscape.landscape)
        func ids(_ lineage: Lineage) -> (systems: [String], flows: [String]) {
            (lineage.systems.map { landscape.systems[Int($0)].id }.sorted(), lineage.flows.map { landscape.flows[Int($0)].id }.sorted())
        }
        let fraud = try #require(analysis.pilots.first { $0.pilot.id == "fraud-scorer" })
        // fraud-scores come from orders and payments; orders reach checkout from the frontend,
        // which has them from no flow: the frontend originates them, and the LLM flow into the
        // frontend (completions) is none of the fraud scorer's business.
        let lineage = ids(Lineage(of: fraud.pilot, in: index))
        #expect(lineage.systems == ["checkout", "fraud", "frontend", "payments"])
        #expect(lineage.flows == ["checkout-to-fraud", "frontend-to-checkout", "payments-to-checkout"])
        #expect(!fraud.work.contains { $0.item.id == "vendor-review" || $0.item.id == "llm-to-frontend" })
        // checkout-to-fraud is under way (4 days from 0) and waits for frontend-to-checkout
        // (3 days): finish-to-finish, so the work is done on day 4, not 7, and the critical
        // path starts at the item whose own effort sets its finish.
        #expect(fraud.duration == 4)
        #expect(fraud.criticalPath == ["checkout-to-fraud"])
        #expect(fraud.work.entry(for: "frontend-to-checkout")?.slack == 1)

        let assistant = try #require(analysis.pilots.first { $0.pilot.id == "shopping-assistant" })
        #expect(assistant.criticalPath == ["vendor-review", "llm-vendor", "llm-to-frontend", "frontend-to-assistant"])
        #expect(assistant.duration == 32)
    }

    @Test func anOriginatedLabelEndsTheWalk() throws {
        let landscape = try #require(
            readModel(
                """
                integraph: 1
                systems:
                  - {id: raw}
                  - {id: clean, derives: {features: [clicks], audit: []}}
                  - {id: model}
                flows:
                  - {id: raw-clicks, from: raw, to: clean, data: [clicks]}
                  - {id: raw-logs, from: raw, to: clean, data: [logs]}
                  - {id: features, from: clean, to: model, data: [features, audit]}
                pilots:
                  - {id: p, needs: [{system: model, data: [audit]}]}
                  - {id: q, needs: [{system: model, data: [features]}]}
                """
            ).validLandscape)
        let index = LandscapeIndex(landscape.landscape)
        let flows = landscape.pilots.map { pilot in
            Lineage(of: pilot, in: index).flows.map { landscape.flows[Int($0)].id }.sorted()
        }
        #expect(flows == [["features"], ["features", "raw-clicks"]])
    }

    @Test func withoutLabelsTheLineageIsEveryUpstreamPath() throws {
        var landscape = LandscapeGenerator(systems: 200, seed: 3).landscape()
        for position in landscape.flows.indices { landscape.flows[position].data = [] }
        for position in landscape.pilots.indices {
            landscape.pilots[position].needs = landscape.pilots[position].needs.map { PilotNeed(system: $0.system) }
        }
        let index = LandscapeIndex(landscape)
        for pilot in landscape.pilots {
            let lineage = Lineage(of: pilot, in: index)
            var upstream = Set(pilot.needs.map(\.system.id))
            var changed = true
            while changed {
                changed = false
                for flow in landscape.flows where upstream.contains(flow.to.id) && upstream.insert(flow.from.id).inserted { changed = true }
            }
            #expect(Set(lineage.systems.map { landscape.systems[Int($0)].id }) == upstream)
            #expect(lineage.flows.count == landscape.flows.filter { upstream.contains($0.to.id) }.count)
        }
    }

    /// The worklist walk against the definition iterated naively to its fixed point, with
    /// strings and sets, on random landscapes with labels, unlabelled flows and `derives`.
    @Test(arguments: 0..<40)
    func theWalkReachesTheDefinitionsFixedPoint(seed: UInt64) {
        var random = SeededRandom(seed: seed + 900)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let labels = ["a", "b", "c", "d"]
        func someLabels() -> [String] { labels.filter { _ in below(3) == 0 } }
        let systemCount = 3 + below(8)
        var landscape = Landscape()
        landscape.systems = (0..<systemCount).map { number in
            var derives: [String: [String]] = [:]
            if below(3) == 0 { derives[labels[below(4)]] = someLabels() }
            return System(id: "s\(number)", derives: derives)
        }
        landscape.flows = (0..<below(20)).compactMap { number in
            let from = below(systemCount), to = below(systemCount)
            guard from != to else { return nil }
            return Flow(
                id: "f\(number)", from: Reference("s\(from)", at: .start), to: Reference("s\(to)", at: .start),
                data: below(4) == 0 ? [] : someLabels())
        }
        landscape.pilots = [
            Pilot(
                id: "p",
                needs: (0..<1 + below(2)).map { _ in
                    let data = someLabels()
                    return PilotNeed(system: Reference("s\(below(systemCount))", at: .start), data: data.isEmpty ? nil : data)
                }, flows: landscape.flows.isEmpty || below(2) == 0 ? [] : [Reference(landscape.flows[below(landscape.flows.count)].id, at: .start)])
        ]

        let index = LandscapeIndex(landscape)
        let lineage = Lineage(of: landscape.pilots[0], in: index)
        let expected = Self.naiveLineage(landscape)
        #expect(Set(lineage.systems.map { landscape.systems[Int($0)].id }) == expected.systems, "seed \(seed)")
        #expect(Set(lineage.flows.map { landscape.flows[Int($0)].id }) == expected.flows, "seed \(seed)")
    }

    /// The definition of docs/analyses.md, applied to every system and flow until nothing
    /// changes. `nil` stands for *all*.
    static func naiveLineage(_ landscape: Landscape) -> (systems: Set<String>, flows: Set<String>) {
        var demand: [String: Set<String>?] = [:]
        var systems: Set<String> = [], flows: Set<String> = []
        func add(_ labels: Set<String>?, at system: String) {
            systems.insert(system)
            switch (demand[system], labels) {
            case (nil, _): demand[system] = .some(labels)
            case (.some(nil), _): break
            case (.some(.some), nil): demand[system] = .some(nil)
            case (.some(.some(let old)), .some(let new)): demand[system] = .some(old.union(new))
            }
        }
        let pilot = landscape.pilots[0]
        for need in pilot.needs { add(need.data.map(Set.init), at: need.system.id) }
        for reference in pilot.flows {
            guard let flow = landscape.flows.first(where: { $0.id == reference.id }) else { continue }
            flows.insert(flow.id)
            systems.insert(flow.to.id)
            add(flow.data.isEmpty ? nil : Set(flow.data), at: flow.from.id)
        }
        var changed = true
        while changed {
            changed = false
            for system in landscape.systems {
                guard let entry = demand[system.id] else { continue }
                let translated: Set<String>? = entry.map { labels in
                    Set(labels.flatMap { system.derives[$0] ?? [$0] })
                }
                for flow in landscape.flows where flow.to.id == system.id {
                    let passed: Set<String>??
                    switch translated {
                    case nil: passed = .some(flow.data.isEmpty ? nil : Set(flow.data))
                    case .some(let wanted) where wanted.isEmpty: passed = nil
                    case .some(let wanted) where flow.data.isEmpty: passed = .some(wanted)
                    case .some(let wanted):
                        let shared = wanted.intersection(flow.data)
                        passed = shared.isEmpty ? nil : .some(shared)
                    }
                    guard let labels = passed else { continue }
                    let before = (demand[flow.from.id], flows.count, systems.count)
                    flows.insert(flow.id)
                    add(labels, at: flow.from.id)
                    if before.1 != flows.count || before.2 != systems.count || before.0 != demand[flow.from.id] {
                        changed = true
                    }
                }
            }
        }
        return (systems, flows)
    }
}
