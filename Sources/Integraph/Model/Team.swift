/// A team that owns systems, flows and gates, and carries a limited number of work items
/// at once.
///
/// ```swift
/// let team = Team(id: "data-platform", name: "Data Platform", capacity: 2)
/// ```
public struct Team: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// How many work items the team can carry at once, at least 1; `nil` when the model
    /// does not say, and then the team takes on whatever its work needs (no limit), so a
    /// model that declares no capacity is scheduled by the critical path method alone.
    public var capacity: Int?
    /// What a day of the team's work costs, in the model's currency.
    public var dayRate: Double?
    public var position: SourcePosition

    public init(id: String, name: String? = nil, capacity: Int? = nil, dayRate: Double? = nil, position: SourcePosition = .start) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.dayRate = dayRate
        self.position = position
    }
}
