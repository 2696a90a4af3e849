/// How serious a finding is: errors make a model unusable, warnings point at gaps.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}
