/// An application, database, warehouse, SaaS product or API that data flows from or to.
///
/// A `planned` system is pending work: `effort` is the days left to stand it up.
///
/// ```swift
/// let warehouse = System(id: "snowflake", name: "Snowflake", kind: "warehouse", domain: "Data")
/// ```
public struct System: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// Free text: saas, erp, database, warehouse, api, queue, ...
    public var kind: String?
    /// The grouping used for clusters and sprawl.
    public var domain: String?
    public var owner: Reference?
    public var status: SystemStatus
    /// Remaining days as written; `nil` when no estimate was given (see ``EstimateRule``).
    public var effort: Effort?
    public var after: [Reference]
    /// How the system makes data: each outgoing label maps to the incoming labels it is
    /// built from; an empty list means the system originates that label. Lineage walks and
    /// the implicit precedence rule translate labels through it (docs/analyses.md).
    public var derives: [String: [String]]
    /// What an importer read that no model key holds (labels, annotations, call counts),
    /// so nothing read is lost.
    public var attributes: [String: String] = [:]
    public var position: SourcePosition

    public init(
        id: String, name: String? = nil, kind: String? = nil, domain: String? = nil,
        owner: Reference? = nil, status: SystemStatus = .live, effort: Effort? = nil,
        after: [Reference] = [], derives: [String: [String]] = [:], position: SourcePosition = .start
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.domain = domain
        self.owner = owner
        self.status = status
        self.effort = effort
        self.after = after
        self.derives = derives
        self.position = position
    }

    /// Whether standing this system up is work still to do.
    public var isPending: Bool { status == .planned }
}
