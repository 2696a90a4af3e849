/// How serious a finding is: errors make a model unusable, warnings point at gaps.
///
/// ```swift
/// report.findings.filter { $0.severity == .error }.isEmpty // the model can be analysed
/// ```
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}
