/// Where a system stands: running, still to be stood up, or on its way out.
public enum SystemStatus: String, ModelEnumeration {
    case live, planned, deprecated
}
