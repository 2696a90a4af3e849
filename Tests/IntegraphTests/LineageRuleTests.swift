import Integraph
import Testing

/// `lineage-gap` and `label-hub-flows` on small models whose findings are worked out by
/// hand, and on models where none may appear.
@Suite struct LineageRuleTests {
    /// The findings of `rule` on a model: `id: message`.
    static func findings(_ rule: RuleID, _ body: String, rules: RuleSet = .standard) throws -> [String] {
        let report = readModel("integraph: 1\nteams: [{id: t}]\n" + body)
        let validated = try #require(report.validLandscape, "\(located(report))")
        let analysis = LandscapeAnalysis(validated)
        return rules.apply(RuleChecker(rules: rules, asOf: nil).findings(for: validated, file: "model.yaml", analysis: analysis))
            .filter { $0.rule == rule.rawValue }.map { "\($0.id ?? ""): \($0.message)" }
    }

    /// The user's case: the warehouse is planned (10 d) and has no `derives`; the pilot
    /// needs the app's `orders`, which come from the warehouse (20 d); a blocked, restricted
    /// feed brings `payments` in (6 d). Without `derives` the walk asks the warehouse for
    /// `orders`, no flow brings them, so the feed stays out: 10 + 20 + the pilot's 7 = 37 d,
    /// on track. With `derives: {orders: [payments]}` the feed joins: it waits for the
    /// warehouse (10 + 6) and the orders flow for it (16 + 20), 43 d, blocked.
    static func warehouse(derives: String = "", more: String = "") -> String {
        """
        systems:
          - {id: pay, owner: t}
          - {id: warehouse, owner: t, status: planned, effort: 10\(derives)}
          - {id: app, owner: t}
        flows:
          - {id: pay-feed, from: pay, to: warehouse, data: [payments], classification: restricted, status: blocked, blocked_by: DPA, effort: 6}
          - {id: wh-app, from: warehouse, to: app, data: [orders], status: backlog, effort: 20}
        \(more)
        pilots:
          - {id: churn-copilot, champion: Kim, needs: [{system: app, data: [orders]}], effort: 7}
        """
    }

    @Test func aFeedThatFallsOutForWantOfDerivesIsNamed() throws {
        #expect(
            try Self.findings(.lineageGap, Self.warehouse()) == [
                "pay-feed: pending flow 'pay-feed' feeds 'warehouse' in the lineage of 'churn-copilot' but carries 'payments' "
                    + "while the pilot demands 'orders' there, which no flow into 'warehouse' carries; "
                    + "if 'warehouse' builds 'orders' from 'payments', declare 'derives'"
            ])
        // The story the finding tells, in the analysis' own numbers.
        func pilot(_ model: String) throws -> PilotAnalysis {
            let validated = try #require(readModel("integraph: 1\nteams: [{id: t}]\n" + model).validLandscape)
            return try #require(LandscapeAnalysis(validated).pilots.first)
        }
        let without = try pilot(Self.warehouse())
        #expect(without.duration == 37 && without.state != .blocked)
        let with = try pilot(Self.warehouse(derives: ", derives: {orders: [payments]}"))
        #expect(with.duration == 43 && with.state == .blocked)
    }

    /// Where the system already declares `derives` (for other data), the fix is to add to it.
    @Test func aSystemWithOtherDerivesIsToldToAddToThem() throws {
        #expect(
            try Self.findings(.lineageGap, Self.warehouse(derives: ", derives: {stock: [inventory]}")) == [
                "pay-feed: pending flow 'pay-feed' feeds 'warehouse' in the lineage of 'churn-copilot' but carries 'payments' "
                    + "while the pilot demands 'orders' there, which no flow into 'warehouse' carries; "
                    + "if 'warehouse' builds 'orders' from 'payments', add it to its 'derives'"
            ])
    }

    /// One finding per flow: the pilots it falls out of and every label they miss there.
    /// Both pilots reach the warehouse through labelled flows (`orders`, `items`), neither
    /// label arrives, so the feed is named once with both pilots and both labels.
    @Test func oneFindingPerFlowNamesEveryPilot() throws {
        let model = """
            systems: [{id: pay, owner: t}, {id: warehouse, owner: t}, {id: app, owner: t}, {id: bi, owner: t}]
            flows:
              - {id: pay-feed, from: pay, to: warehouse, data: [payments], status: backlog, effort: 6}
              - {id: wh-app, from: warehouse, to: app, data: [orders]}
              - {id: wh-bi, from: warehouse, to: bi, data: [items]}
            pilots:
              - {id: b-pilot, champion: Kim, needs: [{system: bi, data: [items]}]}
              - {id: a-pilot, champion: Kim, needs: [{system: app, data: [orders]}]}
            """
        #expect(
            try Self.findings(.lineageGap, model) == [
                "pay-feed: pending flow 'pay-feed' feeds 'warehouse' in the lineages of 'a-pilot', 'b-pilot' but carries "
                    + "'payments' while they demand 'items', 'orders' there, which no flow into 'warehouse' carries; "
                    + "if 'warehouse' builds 'items', 'orders' from 'payments', declare 'derives'"
            ])
    }

    /// No gap: the feed in the lineage (derives say so); the demanded label arriving on
    /// another flow (the feed is unrelated data); derives that build the demand from other
    /// data, or from nothing; a live feed; an unlabelled flow into the target; a target
    /// reached only as the end of the pilot's explicit flow (nothing is demanded there).
    @Test(arguments: [
        warehouse(derives: ", derives: {orders: [payments]}"),
        warehouse(more: "  - {id: shop-orders, from: pay, to: warehouse, data: [orders]}"),
        warehouse(derives: ", derives: {orders: [carts]}"),
        warehouse(derives: ", derives: {orders: []}"),
        warehouse(more: "  - {id: raw, from: app, to: warehouse}"),
        warehouse().replacingOccurrences(of: "status: blocked, blocked_by: DPA, effort: 6", with: "status: live"),
        """
        systems: [{id: pay, owner: t}, {id: warehouse, owner: t}, {id: app, owner: t}]
        flows:
          - {id: pay-app, from: pay, to: app, data: [payments], status: backlog, effort: 6}
          - {id: wh-app, from: warehouse, to: app, data: [orders]}
        pilots:
          - {id: p, champion: Kim, needs: [{system: warehouse, data: [orders]}], flows: [wh-app]}
        """
    ])
    func noGapWhereTheModelSaysWhy(model: String) throws {
        #expect(try Self.findings(.lineageGap, model).isEmpty)
    }

    /// h's unlabelled flow to x is in the lineages of p1 and p2 (both need x), not p3's:
    /// 2 of 3 pilots, more than half.
    static let hub = """
        systems: [{id: h, owner: t}, {id: x, owner: t}, {id: y, owner: t}, {id: z, owner: t}]
        flows: [{from: h, to: x}, {from: z, to: y}]
        pilots:
          - {id: p1, champion: Kim, needs: [x]}
          - {id: p2, champion: Kim, needs: [x]}
          - {id: p3, champion: Kim, needs: [y]}
        """

    @Test func aSystemPulledIntoMostLineagesByUnlabelledFlowsIsNamed() throws {
        #expect(
            try Self.findings(.labelHubFlows, Self.hub, rules: try Self.on(.labelHubFlows)) == [
                "h: system 'h' is in the lineages of 2 of 3 pilots through its unlabelled flow 'h->x': name the data it "
                    + "carries ('data' on the flows, 'needs: {system, data}' on the pilots, 'derives' on the systems between) "
                    + "so each pilot's lineage keeps to the data it uses"
            ])
    }

    /// Not half: 2 of 4 pilots; labelled flows; a single pilot.
    @Test(arguments: [
        hub + "\n  - {id: p4, champion: Kim, needs: [y]}",
        hub.replacingOccurrences(of: "{from: h, to: x}", with: "{from: h, to: x, data: [a]}"),
        hub.replacingOccurrences(of: "\n  - {id: p2, champion: Kim, needs: [x]}\n  - {id: p3, champion: Kim, needs: [y]}", with: "")
    ])
    func noHubFindingBelowHalfOrWithLabels(model: String) throws {
        #expect(try Self.findings(.labelHubFlows, model, rules: try Self.on(.labelHubFlows)).isEmpty)
    }

    static func on(_ rule: RuleID) throws -> RuleSet {
        let (rules, errors) = RuleSetReader().read("rules: {\(rule.rawValue): warning}", file: "rules.yaml")
        try #require(errors.isEmpty)
        return rules
    }
}
