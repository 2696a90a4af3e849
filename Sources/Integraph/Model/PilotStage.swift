/// How far an AI pilot has come on its way to production.
public enum PilotStage: String, ModelEnumeration {
    case idea, pilot, scaling, production, stalled
}
