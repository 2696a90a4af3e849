/// What a governance gate reviews or approves.
///
/// ```swift
/// GateKind(rawValue: "security-review") // .securityReview
/// ```
public enum GateKind: String, ModelEnumeration {
    case securityReview = "security-review"
    case privacy, legal, architecture, budget, other
}
