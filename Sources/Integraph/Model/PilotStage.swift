/// How far an AI pilot has come on its way to production.
///
/// ```swift
/// Pilot(id: "churn", stage: .scaling).stage.rawValue // "scaling"
/// ```
public enum PilotStage: String, ModelEnumeration {
    case idea, pilot, scaling, production, stalled
}
