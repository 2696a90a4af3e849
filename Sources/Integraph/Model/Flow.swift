/// A data flow or integration that moves data from one system to another.
///
/// A flow that is not `live` is pending work. Its `id` defaults to `"<from>-><to>"`.
///
/// ```swift
/// let flow = Flow(id: "crm-to-dwh",
///                 from: Reference("salesforce", at: .start), to: Reference("snowflake", at: .start),
///                 data: ["accounts"], status: .backlog, effort: .days(5))
/// ```
public struct Flow: Sendable, Hashable {
    public var id: String
    /// False when the id was derived from `from` and `to`.
    public var hasExplicitID: Bool
    public var from: Reference
    public var to: Reference
    /// Labels of the data it carries; used to follow only some data through lineage.
    public var data: [String]
    public var classification: Classification
    public var status: FlowStatus
    /// Remaining days as written; `nil` when no estimate was given (see ``EstimateRule``).
    public var effort: Effort?
    /// The owning team as written; ``Landscape/owner(of:)`` applies the default.
    public var owner: Reference?
    public var after: [Reference]
    /// Why a `blocked` flow is blocked.
    public var blockedBy: String?
    /// Who clears the block (`blocked_by: {owner}`).
    public var blockedOwner: String?
    /// When the block is expected to clear (`blocked_by: {until}`): the flow starts no
    /// earlier than this date.
    public var blockedUntil: CalendarDate?
    /// What an importer read that no model key holds (labels, annotations, call counts),
    /// so nothing read is lost.
    public var attributes: [String: String] = [:]
    public var position: SourcePosition

    public init(
        id: String, hasExplicitID: Bool = true, from: Reference, to: Reference,
        data: [String] = [], classification: Classification = .internal,
        status: FlowStatus = .live, effort: Effort? = nil, owner: Reference? = nil,
        after: [Reference] = [], blockedBy: String? = nil, blockedOwner: String? = nil,
        blockedUntil: CalendarDate? = nil, position: SourcePosition = .start
    ) {
        self.id = id
        self.hasExplicitID = hasExplicitID
        self.from = from
        self.to = to
        self.data = data
        self.classification = classification
        self.status = status
        self.effort = effort
        self.owner = owner
        self.after = after
        self.blockedBy = blockedBy
        self.blockedOwner = blockedOwner
        self.blockedUntil = blockedUntil
        self.position = position
    }

    /// The id a flow gets when none is written.
    public static func defaultID(from: String, to: String) -> String { "\(from)->\(to)" }

    public var isPending: Bool { status != .live }
}

extension Flow {
    /// Who owns a flow, the one rule every part uses: its own `owner`, or else the owner of
    /// the system it feeds. `own` and `target` say it in the caller's terms (ids, indices).
    ///
    /// ```swift
    /// flow.owner(own: { $0.id }, target: { systemOwners[flow.to.id] })
    /// ```
    package func owner<Owner>(own: (Reference) -> Owner?, target: () -> Owner?) -> Owner? {
        owner.flatMap(own) ?? target()
    }
}
