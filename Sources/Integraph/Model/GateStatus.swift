/// Where a review or approval stands; anything but `approved` is pending work.
public enum GateStatus: String, ModelEnumeration {
    case pending, approved, rejected
}
