import Integraph
import Testing

/// Every policy rule on a model that breaks it and on one that keeps it; rules files
/// turn rules on, off, tune and add them; structural rules stay errors.
@Suite struct RuleTests {
    static let head = "integraph: 1\nteams: [{id: t}]\n"

    /// The rule ids `check` would show for a model: read-time findings and the checker's,
    /// through the rule set.
    static func fired(_ body: String, rules: RuleSet = .standard, asOf: String = "2026-12-01") throws -> [String] {
        let report = readModel(head + body)
        let validated = try #require(report.validLandscape, "\(located(report))")
        var options = AnalysisOptions()
        options.start = CalendarDate(iso: asOf)
        options.computesBetweenness = false
        options.samples = 500
        let analysis = LandscapeAnalysis(validated, options: options)
        let checked = RuleChecker(rules: rules, asOf: CalendarDate(iso: asOf))
            .findings(for: validated, file: "model.yaml", analysis: analysis)
        return rules.apply(report.findings + checked).map(\.rule)
    }

    static func rules(_ text: String) throws -> RuleSet {
        let (rules, errors) = RuleSetReader().read(text, file: "rules.yaml")
        try #require(errors.isEmpty, "\(errors)")
        return rules
    }

    static let systems = "systems: [{id: a, owner: t}, {id: b, owner: t}, {id: c, owner: t}]\n"

    static let cases: [(rule: RuleID, breaking: String, keeping: String)] = [
        (
            .pendingWithoutEffort,
            systems + "flows: [{from: a, to: b, owner: t, status: backlog}]\n",
            systems + "flows: [{from: a, to: b, owner: t, status: backlog, effort: 2}]\n"
        ),
        (
            .unlabelledFlowFromHub,
            "systems: [{id: h, owner: t}, {id: x, owner: t}" + (1...6).map { ", {id: s\($0), owner: t}" }.joined() + "]\n"
                + "flows: [" + (1...6).map { "{from: s\($0), to: h, status: backlog, effort: 1, data: [d\($0)]}, " }.joined()
                + "{from: h, to: x, status: backlog, effort: 1}]\n",
            "systems: [{id: h, owner: t}, {id: x, owner: t}" + (1...6).map { ", {id: s\($0), owner: t}" }.joined() + "]\n"
                + "flows: [" + (1...6).map { "{from: s\($0), to: h, status: backlog, effort: 1, data: [d\($0)]}, " }.joined()
                + "{from: h, to: x, status: backlog, effort: 1, data: [d1]}]\n"
        ),
        (
            .blockedHasReason,
            systems + "flows: [{from: a, to: b, status: blocked, effort: 1}]\n",
            systems + "flows: [{from: a, to: b, status: blocked, effort: 1, blocked_by: vendor contract}]\n"
        ),
        (
            .pilotHasChampion,
            systems + "pilots: [{id: p, needs: [a]}]\n",
            systems + "pilots: [{id: p, champion: Kim, needs: [a]}]\n"
        ),
        (
            .noDeprecatedInLineage,
            "systems: [{id: old, owner: t, status: deprecated}, {id: b, owner: t}]\nflows: [{from: old, to: b}]\n"
                + "pilots: [{id: p, champion: Kim, needs: [b]}]\n",
            "systems: [{id: old, owner: t}, {id: b, owner: t}]\nflows: [{from: old, to: b}]\n"
                + "pilots: [{id: p, champion: Kim, needs: [b]}]\n"
        ),
        (
            .restrictedDataNeedsApprovedReview,
            systems + "gates: [{id: g, kind: privacy, owner: t, effort: 3}]\n"
                + "flows: [{from: a, to: b, classification: restricted, after: [g]}]\npilots: [{id: p, champion: Kim, needs: [b]}]\n",
            systems + "gates: [{id: g, kind: privacy, owner: t, status: approved}]\n"
                + "flows: [{from: a, to: b, classification: restricted, after: [g]}]\npilots: [{id: p, champion: Kim, needs: [b]}]\n"
        ),
        (
            .targetIsReachable,
            systems + "flows: [{from: a, to: b, status: backlog, effort: 30}]\npilots: [{id: p, champion: Kim, needs: [b], target: 2026-12-10}]\n",
            systems + "flows: [{from: a, to: b, status: backlog, effort: 30}]\npilots: [{id: p, champion: Kim, needs: [b], target: 2027-12-31}]\n"
        ),
        (
            .staleGate,
            systems + "gates: [{id: g, owner: t, effort: 2, requested: 2026-09-01}]\n",
            systems + "gates: [{id: g, owner: t, effort: 2, requested: 2026-11-20}]\n"
        )
    ]

    @Test(arguments: cases)
    func aRuleFiresOnTheModelThatBreaksItAndNotOnTheOneThatKeepsIt(rule: RuleID, breaking: String, keeping: String) throws {
        #expect(try Self.fired(breaking).contains(rule.rawValue))
        #expect(!(try Self.fired(keeping).contains(rule.rawValue)))
    }

    /// `owned` is off unless a rules file asks for it: an imported catalog has no owners.
    @Test func ownedIsOffUntilAsked() throws {
        let model = "systems: [{id: a}, {id: b, owner: t}]\nflows: [{from: b, to: a}]\ngates: [{id: g, status: approved}]\n"
        #expect(!(try Self.fired(model).contains("owned")))
        let asked = try Self.fired(model, rules: try Self.rules("rules: {owned: warning}"))
        #expect(asked.filter { $0 == "owned" }.count == 3)
        let kept = "systems: [{id: a, owner: t}, {id: b, owner: t}]\nflows: [{from: b, to: a}]\ngates: [{id: g, owner: t, status: approved}]\n"
        #expect(!(try Self.fired(kept, rules: try Self.rules("rules: {owned: warning}")).contains("owned")))
    }

    /// Thresholds come from the rules file: 3 systems break a limit of 2, not one of 5.
    @Test func maxSprawlUsesTheFilesLimits() throws {
        let model = Self.systems + "flows: [{from: a, to: b}, {from: b, to: c}]\npilots: [{id: p, champion: Kim, needs: [c]}]\n"
        #expect(try Self.fired(model, rules: try Self.rules("rules: {max-sprawl: {systems: 2}}")).contains("max-sprawl"))
        #expect(!(try Self.fired(model, rules: try Self.rules("rules: {max-sprawl: {systems: 5}}")).contains("max-sprawl")))
        #expect(!(try Self.fired(model).contains("max-sprawl")))
    }

    @Test func severitiesComeFromTheFile() throws {
        let model = Self.systems + "pilots: [{id: p, needs: [a]}]\n"
        let report = readModel(Self.head + model)
        let rules = try Self.rules("rules:\n  pilot-has-champion: error\n")
        #expect(rules.apply(report.findings).map(\.severity) == [.error])
        #expect(try Self.rules("rules: {pilot-has-champion: off}").apply(report.findings).isEmpty)
        #expect(
            try Self.fired(
                Self.systems + "gates: [{id: g, owner: t, effort: 2, requested: 2026-11-20}]\n",
                rules: try Self.rules("rules: {stale-gate: {days: 5}}")) == ["stale-gate"])
    }

    /// A custom rule: restricted flows must be live and wait for an approved gate.
    @Test func customRulesSelectAndRequire() throws {
        let rules = try Self.rules(
            """
            custom:
              - id: restricted-live-and-approved
                severity: error
                description: restricted data moves only on live, approved flows
                where: {kind: flow, classification: [restricted]}
                require: {status: live, after: {kind: gate, status: approved}}
            """)
        let breaking =
            Self.systems + "gates: [{id: g, owner: t, effort: 1}]\n"
            + "flows: [{from: a, to: b, classification: restricted, status: backlog, effort: 1, after: [g]}, {from: b, to: c}]\n"
        let fired = try Self.fired(breaking, rules: rules)
        #expect(fired.filter { $0 == "restricted-live-and-approved" }.count == 2)
        let keeping =
            Self.systems + "gates: [{id: g, owner: t, status: approved}]\n"
            + "flows: [{from: a, to: b, classification: restricted, after: [g]}, {from: b, to: c}]\n"
        #expect(!(try Self.fired(keeping, rules: rules).contains("restricted-live-and-approved")))
    }

    /// Mistakes in a rules file are located errors, and structural rules cannot be softened.
    @Test func aWrongRulesFileIsALocatedError() {
        func errors(_ text: String) -> [String] {
            RuleSetReader().read(text, file: "rules.yaml").errors.map { "\($0.line):\($0.column): \($0.message)" }
        }
        #expect(errors("rules: {ownd: warning}") == ["1:9: unknown rule 'ownd' (did you mean 'owned'?)"])
        #expect(errors("rules: {unknown-reference: off}") == ["1:9: rule 'unknown-reference' keeps a model from being read; it is always an error"])
        #expect(errors("rules: {owned: loud}") == ["1:16: a severity is error, warning or off"])
        #expect(errors("rules: {stale-gate: {days: -3}}") == ["1:28: expected a whole number from 0 to 36500, found '-3'"])
        #expect(
            errors("custom: [{id: x, where: {kind: flow, colour: red}, require: {status: live}}]")
                == ["1:38: a flow has no key 'colour' to match; it has id, from, to, data, classification, status, owner, blocked_by"])
        #expect(
            errors("custom: [{id: owned, where: {kind: flow}, require: {status: live}}]")
                == ["1:10: custom rule 'owned': the id is already taken"])
        #expect(errors("rules: [").count == 1)
    }
}
