/// Governance work that other work waits for: a security review, a privacy assessment, a
/// legal sign-off, an architecture board, a budget approval.
///
/// ```swift
/// let review = Gate(id: "sec-review-crm", kind: .securityReview, effort: .days(10))
/// ```
public struct Gate: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: GateKind
    public var owner: Reference?
    public var status: GateStatus
    /// Remaining days as written; `nil` when no estimate was given (see ``EstimateRule``).
    public var effort: Effort?
    public var after: [Reference]
    /// When the review or sign-off was asked for: how long a pending gate has waited.
    public var requested: CalendarDate?
    public var position: SourcePosition

    public init(
        id: String, name: String? = nil, kind: GateKind = .other, owner: Reference? = nil, status: GateStatus = .pending,
        effort: Effort? = nil, after: [Reference] = [], requested: CalendarDate? = nil, position: SourcePosition = .start
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.owner = owner
        self.status = status
        self.effort = effort
        self.after = after
        self.requested = requested
        self.position = position
    }

    public var isPending: Bool { status != .approved }
}
