/// An AI pilot: the initiative that needs data from systems and waits on integration work.
///
/// ```swift
/// let pilot = Pilot(id: "churn-copilot", champion: "Dana Lee",
///                   needs: [PilotNeed(system: Reference("snowflake", at: .start))])
/// ```
public struct Pilot: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// The accountable owner.
    public var champion: String?
    public var stage: PilotStage
    public var needs: [PilotNeed]
    /// Flows it needs explicitly, beyond its lineage.
    public var flows: [Reference]
    public var after: [Reference]
    /// Its own remaining hardening work, after everything else.
    public var effort: Effort
    public var target: CalendarDate?
    /// What the pilot is worth per year once live, in the model's currency.
    public var value: Double?
    /// What its remaining integration work may cost.
    public var budget: Double?
    public var position: SourcePosition

    public init(
        id: String, name: String? = nil, champion: String? = nil, stage: PilotStage = .pilot,
        needs: [PilotNeed] = [], flows: [Reference] = [], after: [Reference] = [],
        effort: Effort = .zero, target: CalendarDate? = nil, value: Double? = nil, budget: Double? = nil,
        position: SourcePosition = .start
    ) {
        self.id = id
        self.name = name
        self.champion = champion
        self.stage = stage
        self.needs = needs
        self.flows = flows
        self.after = after
        self.effort = effort
        self.target = target
        self.value = value
        self.budget = budget
        self.position = position
    }
}
