/// Which rules `check` applies, how severe each is, their thresholds, and the custom rules
/// of a rules file (``RuleSetReader``). Structural rules stay errors whatever the file says.
///
/// ```swift
/// var rules = RuleSet.standard
/// rules.severities[.owned] = .warning
/// let shown = rules.apply(report.findings)
/// ```
package struct RuleSet: Sendable {
    /// Severities that differ from each rule's default.
    public var severities: [RuleID: RuleSeverity] = [:]
    /// `max-sprawl`: a pilot may touch this many systems and teams.
    public var maximumSystems = 25
    public var maximumTeams = 6
    /// `stale-gate`: a gate may stay pending this many days after it was requested.
    public var staleGateDays = 30
    public var custom: [CustomRule] = []

    public static let standard = RuleSet()

    public init() {}

    public func severity(of rule: RuleID) -> RuleSeverity {
        rule.isStructural ? .error : severities[rule] ?? rule.defaultSeverity
    }

    /// A built-in rule's severity, or a custom rule's; `nil` for an id neither knows.
    public func severity(ofRule id: String) -> RuleSeverity? {
        if let rule = RuleID(rawValue: id) { return severity(of: rule) }
        return custom.first { $0.id == id }?.severity
    }

    /// Findings of rules that are on, each with its rule's severity, in reading order.
    public func apply(_ findings: [Finding]) -> [Finding] {
        Finding.ordered(
            findings.compactMap { finding in
                guard let level = severity(ofRule: finding.rule) else { return finding }
                var shown = finding
                switch level {
                case .off: return nil
                case .error: shown.severity = .error
                case .warning: shown.severity = .warning
                }
                return shown
            })
    }

    /// Whether any rule that needs the analysis is on.
    public var needsAnalysis: Bool {
        RuleID.allCases.contains { $0.needsAnalysis && severity(of: $0) != .off } || custom.contains { $0.severity != .off }
    }
}
