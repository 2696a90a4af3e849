/// What a governance gate reviews or approves.
public enum GateKind: String, ModelEnumeration {
    case securityReview = "security-review"
    case privacy, legal, architecture, budget, other
}
