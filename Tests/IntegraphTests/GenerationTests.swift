import Testing

@testable import Integraph

@Suite struct GenerationTests {
    @Test func generatedLandscapesAreValidAndSeeded() throws {
        let landscape = LandscapeGenerator(systems: 500, seed: 3).landscape()
        #expect(landscape == LandscapeGenerator(systems: 500, seed: 3).landscape())
        #expect(landscape != LandscapeGenerator(systems: 500, seed: 4).landscape())
        #expect(landscape.systems.count == 500 && landscape.flows.count == 2_000)
        let statuses = Set(landscape.flows.map(\.status))
        #expect(statuses == Set(FlowStatus.allCases))
        // Heavy-tailed: the busiest system receives far more than the average 4 flows.
        var incoming: [String: Int] = [:]
        for flow in landscape.flows { incoming[flow.to.id, default: 0] += 1 }
        #expect((incoming.values.max() ?? 0) > 20, "the busiest system should receive over five times the average")
    }

    @Test(arguments: [ModelSyntax.yaml, .json])
    func writtenModelsReadBackUnchanged(syntax: ModelSyntax) throws {
        var landscape = LandscapeGenerator(systems: 200, seed: 9).landscape()
        landscape.name = "Quotes \" and: colons # and &"
        landscape.systems[0].name = "null"
        // Keys the generator does not write: derives, blockers with an owner and a date, gate names.
        landscape.systems[1].derives = ["features": ["data1", "data2"], "a: b": []]
        let blocked = try #require(landscape.flows.firstIndex { $0.status == .blocked })
        landscape.flows[blocked].blockedOwner = "Vendor management"
        landscape.flows[blocked].blockedUntil = CalendarDate(iso: "2027-01-15")
        landscape.gates[0].name = "Security review: \"CRM\""
        landscape.systems[2].attributes = ["k8s/namespace": "shop", "replicas": "3", "note": "a: \"b\" # c"]
        landscape.flows[0].attributes = ["env": "CART_ADDR", "calls": "12"]
        var rule = EstimateRule(effort: .estimate(optimistic: 5, likely: 10, pessimistic: 20))
        rule.entityKind = .flow
        rule.classification = .restricted
        var byKind = EstimateRule(effort: .days(10))
        byKind.ownKind = "security-review"
        byKind.owner = Reference("team1", at: .start)
        landscape.estimates = [rule, byKind]
        let text = LandscapeWriter(syntax: syntax).write(landscape)
        let report = LandscapeReader().read(bytes: Array(text.utf8), source: .file("generated.\(syntax.rawValue)"))
        #expect(!report.hasErrors, "\(located(report).prefix(3))")
        #expect(report.landscape?.withoutPositions == landscape.withoutPositions)
        #expect(LandscapeWriter(syntax: syntax).write(try #require(report.landscape)) == text)
    }
}
