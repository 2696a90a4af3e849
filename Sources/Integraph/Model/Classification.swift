/// How sensitive the data on a flow is, ordered from least to most sensitive.
///
/// ```swift
/// Classification.restricted > Classification.internal // true
/// ```
public enum Classification: String, ModelEnumeration, Comparable {
    case `public`, `internal`, confidential, restricted

    public static func < (lhs: Classification, rhs: Classification) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .public: 0
        case .internal: 1
        case .confidential: 2
        case .restricted: 3
        }
    }
}
