/// A planner's rule of thumb that gives an effort to pending work nobody has estimated yet.
///
/// Rules are tried in order and the first that matches wins. `kind` names an entity kind
/// (`flow`, `gate`, `system`) or, with any other word, the gate's or system's own kind
/// (`security-review`, `saas`, ...). The other keys must all match too.
///
/// ```yaml
/// estimates:
///   - {match: {kind: flow, classification: restricted}, effort: {optimistic: 5, likely: 10, pessimistic: 20}}
///   - {match: {kind: security-review}, effort: 10}
/// ```
package struct EstimateRule: Sendable, Hashable {
    /// Matches only this entity kind, when set.
    public var entityKind: EntityKind?
    /// Matches gates and systems whose own `kind` is this, when set.
    public var ownKind: String?
    public var status: String?
    public var classification: Classification?
    public var owner: Reference?
    public var effort: Effort
    public var position: SourcePosition

    public init(
        entityKind: EntityKind? = nil, ownKind: String? = nil, status: String? = nil,
        classification: Classification? = nil, owner: Reference? = nil, effort: Effort,
        position: SourcePosition = .start
    ) {
        self.entityKind = entityKind
        self.ownKind = ownKind
        self.status = status
        self.classification = classification
        self.owner = owner
        self.effort = effort
        self.position = position
    }

    /// Whether the rule covers a pending item.
    public func matches(_ item: PendingItem) -> Bool {
        if let entityKind, entityKind != item.kind { return false }
        if let ownKind, ownKind != item.ownKind { return false }
        if let status, status != item.status { return false }
        if let classification, classification != item.classification { return false }
        if let owner, owner.id != item.owner { return false }
        return true
    }
}
