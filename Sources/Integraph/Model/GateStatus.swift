/// Where a review or approval stands; anything but `approved` is pending work.
///
/// ```swift
/// Gate(id: "dpia", kind: .privacy, status: .approved).isPending // false
/// ```
public enum GateStatus: String, ModelEnumeration {
    case pending, approved, rejected
}
