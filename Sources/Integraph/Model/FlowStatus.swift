/// Where an integration stands: running, being built, queued, or stuck.
///
/// ```swift
/// FlowStatus(rawValue: "in-progress") // .inProgress
/// ```
public enum FlowStatus: String, ModelEnumeration {
    case live
    case inProgress = "in-progress"
    case backlog
    case blocked
}
