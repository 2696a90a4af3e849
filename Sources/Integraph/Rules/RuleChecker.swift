/// Checks the rules that look beyond one entity — through lineages, schedules, `after`
/// chains and dates — and the custom rules of a rules file, on a validated model and its
/// analysis. The per-entity rules are checked while reading (``LandscapeReader``); a
/// ``RuleSet`` then decides what is shown.
///
/// ```swift
/// let checker = RuleChecker(rules: .standard, asOf: CalendarDate(iso: "2026-12-01"))
/// let findings = checker.findings(for: validated, file: "acme.yaml", analysis: analysis)
/// ```
package struct RuleChecker: Sendable {
    public var rules: RuleSet
    /// The day `stale-gate` counts to and `target-is-reachable` needs (the analysis must
    /// have been run with it as its start); `nil` skips both.
    public var asOf: CalendarDate?

    public init(rules: RuleSet, asOf: CalendarDate?) {
        self.rules = rules
        self.asOf = asOf
    }

    public func findings(for validated: ValidatedLandscape, file: String, analysis: LandscapeAnalysis?) -> [Finding] {
        let landscape = validated.landscape
        var findings = FindingCollector(file: file)
        func on(_ rule: RuleID) -> Bool { rules.severity(of: rule) != .off }
        if let analysis {
            if on(.noDeprecatedInLineage) { deprecatedInLineage(landscape, analysis, &findings) }
            if on(.restrictedDataNeedsApprovedReview) { restrictedWithoutReview(landscape, analysis, &findings) }
            if on(.maxSprawl) { sprawl(analysis, &findings) }
            if on(.targetIsReachable), asOf != nil { targets(analysis, &findings) }
            if on(.lineageGap) { LineageGapRule(index: analysis.workPlan.index).check(analysis, &findings) }
            if on(.labelHubFlows) { LabelHubRule(index: analysis.workPlan.index).check(analysis, &findings) }
        }
        if on(.staleGate), let asOf { staleGates(landscape, asOf: asOf, &findings) }
        if !rules.custom.isEmpty { custom(landscape, &findings) }
        return findings.findings
    }

    private func deprecatedInLineage(_ landscape: Landscape, _ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        for pilot in analysis.pilots {
            for index in pilot.lineage.systems where landscape.systems[Int(index)].status == .deprecated {
                let system = landscape.systems[Int(index)]
                findings.warning(
                    "pilot '\(pilot.pilot.id)' takes data from the deprecated system '\(system.id)'",
                    at: pilot.pilot.position, id: pilot.pilot.id, rule: .noDeprecatedInLineage)
            }
        }
    }

    private func restrictedWithoutReview(_ landscape: Landscape, _ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        var pilotsOf: [Int: [String]] = [:]
        for pilot in analysis.pilots {
            for index in pilot.lineage.flows where landscape.flows[Int(index)].classification >= .confidential {
                pilotsOf[Int(index), default: []].append(pilot.pilot.id)
            }
        }
        guard !pilotsOf.isEmpty else { return }
        let links = AfterLinks(landscape)
        let reviews = Dictionary(
            landscape.gates.filter { $0.kind == .securityReview || $0.kind == .privacy }.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        for index in pilotsOf.keys.sorted() {
            let flow = landscape.flows[index]
            // One walk: it stops at an approved review; the first other review met is named.
            var unapproved: String?
            let approved = links.reaches(from: flow.after.map(\.id)) { id in
                guard let gate = reviews[id] else { return false }
                if gate.status == .approved { return true }
                unapproved = unapproved ?? "its \(gate.kind.rawValue) gate '\(gate.id)' is \(gate.status.rawValue)"
                return false
            }
            guard !approved else { continue }
            let pilots = (pilotsOf[index] ?? []).map { "'\($0)'" }.joined(separator: ", ")
            findings.warning(
                "flow '\(flow.id)' carries \(flow.classification.rawValue) data into the lineage of \(pilots) "
                    + "without an approved security-review or privacy gate before it"
                    + (unapproved.map { " (\($0))" } ?? ""),
                at: flow.position, id: flow.id, rule: .restrictedDataNeedsApprovedReview)
        }
    }

    private func sprawl(_ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        for pilot in analysis.pilots {
            var over: [String] = []
            if pilot.sprawl.systems > rules.maximumSystems {
                over.append("\(pilot.sprawl.systems) systems (at most \(rules.maximumSystems))")
            }
            if pilot.sprawl.teams > rules.maximumTeams { over.append("\(pilot.sprawl.teams) teams (at most \(rules.maximumTeams))") }
            guard !over.isEmpty else { continue }
            findings.warning(
                "pilot '\(pilot.pilot.id)' touches \(over.joined(separator: " and "))",
                at: pilot.pilot.position, id: pilot.pilot.id, rule: .maxSprawl)
        }
    }

    private func targets(_ analysis: LandscapeAnalysis, _ findings: inout FindingCollector) {
        for pilot in analysis.pilots {
            guard let target = pilot.pilot.target, pilot.finishDate.map({ $0 > target }) ?? true else { continue }
            findings.warning(
                "pilot '\(pilot.pilot.id)' is expected ready \(pilot.finishText ?? DaysText.date(nil)), "
                    + "after its target \(target)",
                at: pilot.pilot.position, id: pilot.pilot.id, rule: .targetIsReachable)
        }
    }

    private func staleGates(_ landscape: Landscape, asOf: CalendarDate, _ findings: inout FindingCollector) {
        for gate in landscape.gates where gate.status == .pending {
            guard let requested = gate.requested else { continue }
            let waited = asOf.dayNumber - requested.dayNumber
            guard waited > rules.staleGateDays else { continue }
            findings.warning(
                "gate '\(gate.id)' has been pending \(waited) days since it was requested on \(requested) "
                    + "(more than \(rules.staleGateDays)): escalate it",
                at: gate.position, id: gate.id, rule: .staleGate)
        }
    }

    private func custom(_ landscape: Landscape, _ findings: inout FindingCollector) {
        let entities = EntityValues.all(in: landscape)
        var byID: [String: EntityValues] = [:]
        for entity in entities where entity.kind != .team { byID[entity.id] = byID[entity.id] ?? entity }
        let links = AfterLinks(landscape)
        for rule in rules.custom where rule.severity != .off {
            for entity in entities where rule.selector.matches(entity) {
                for requirement in rule.requirements {
                    let broken: String?
                    switch requirement {
                    case .value(let key, let allowed):
                        let held = entity.values(of: key)
                        broken =
                            allowed.contains(where: held.contains)
                            ? nil
                            : "'\(key)' is \(held.isEmpty ? "not set" : held.map { "'\($0)'" }.joined(separator: ", ")), "
                                + "the rule requires \(allowed.map { "'\($0)'" }.joined(separator: " or "))"
                    case .after(let selector):
                        broken =
                            links.reaches(from: entity.after, where: { byID[$0].map(selector.matches) ?? false })
                            ? nil
                            : "it waits for no \(selector.kind.rawValue)"
                                + (selector.values.isEmpty
                                    ? ""
                                    : " with "
                                        + selector.values.map { "\($0.key) \($0.anyOf.joined(separator: "|"))" }
                                        .joined(separator: ", "))
                    }
                    guard let broken else { continue }
                    findings.findings.append(
                        Finding(
                            severity: rule.severity == .error ? .error : .warning, file: findings.file,
                            position: entity.position, id: entity.id, rule: rule.id,
                            message: "\(entity.kind.rawValue) '\(entity.id)' breaks '\(rule.id)' "
                                + "(\(rule.description)): \(broken)"))
                }
            }
        }
    }
}

/// Every entity's `after` ids, for walks along them (iterative; each id visited once).
struct AfterLinks {
    private var links: [String: [String]] = [:]

    init(_ landscape: Landscape) {
        for system in landscape.systems where !system.after.isEmpty { links[system.id] = system.after.map(\.id) }
        for flow in landscape.flows where !flow.after.isEmpty { links[flow.id] = flow.after.map(\.id) }
        for gate in landscape.gates where !gate.after.isEmpty { links[gate.id] = gate.after.map(\.id) }
    }

    /// Whether an id reached from `start` through `after` links, `start` included, passes `test`.
    func reaches(from start: [String], where test: (String) -> Bool) -> Bool {
        var seen = Set(start), stack = start
        while let id = stack.popLast() {
            if test(id) { return true }
            for next in links[id] ?? [] where seen.insert(next).inserted { stack.append(next) }
        }
        return false
    }
}
