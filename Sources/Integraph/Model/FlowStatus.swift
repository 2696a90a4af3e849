/// Where an integration stands: running, being built, queued, or stuck.
public enum FlowStatus: String, ModelEnumeration {
    case live
    case inProgress = "in-progress"
    case backlog
    case blocked
}
