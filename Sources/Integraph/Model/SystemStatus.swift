/// Where a system stands: running, still to be stood up, or on its way out.
///
/// ```swift
/// System(id: "lakehouse", status: .planned).isPending // true
/// ```
public enum SystemStatus: String, ModelEnumeration {
    case live, planned, deprecated
}
