/// A pending item with the effort the analyses use: the one written in the model, or one
/// estimated by a rule or a median, which is then marked.
///
/// ```swift
/// item.effort.expectedDays // PERT mean for three-point estimates
/// item.estimated           // true when no one wrote this effort down
/// ```
package struct WorkItem: Sendable, Hashable {
    public let kind: EntityKind
    public let id: String
    public let effort: Effort
    /// True when the effort came from an `estimates` rule or a median, not from the model.
    public let estimated: Bool
    /// Where an estimated effort came from, in words.
    public let estimateSource: String?
    public let owner: String?
    /// The entity's index among the landscape's systems, flows or gates.
    public let entity: UInt32
}

extension Effort {
    /// The duration the critical path method uses: the days, or the PERT mean
    /// (optimistic + 4 × likely + pessimistic) / 6 of a three-point estimate.
    public var expectedDays: Double {
        switch self {
        case .days(let days): days
        case .estimate(let optimistic, let likely, let pessimistic): (optimistic + 4 * likely + pessimistic) / 6
        }
    }

    /// The PERT variance ((pessimistic − optimistic) / 6)², 0 for a single number.
    public var variance: Double {
        switch self {
        case .days: 0
        case .estimate(let optimistic, _, let pessimistic): ((pessimistic - optimistic) / 6) * ((pessimistic - optimistic) / 6)
        }
    }

    /// The fewest days it can take: the optimistic point, or the single number.
    public var optimisticDays: Double {
        if case .estimate(let optimistic, _, _) = self { return optimistic }
        return expectedDays
    }

    /// The most days it can take: the pessimistic point, or the single number.
    public var pessimisticDays: Double {
        if case .estimate(_, _, let pessimistic) = self { return pessimistic }
        return expectedDays
    }

    public var isUncertain: Bool {
        if case .estimate(let optimistic, _, let pessimistic) = self { return pessimistic > optimistic }
        return false
    }
}
