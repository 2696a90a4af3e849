/// A company's integration landscape: teams, systems, the flows between them, governance
/// gates, and the AI pilots that depend on all of it.
///
/// Read one with ``LandscapeReader``; a landscape it returns without errors has unique ids
/// and no dangling references.
///
/// ```swift
/// let report = try LandscapeReader().read(.file("Graphs/acme-retail.yaml"))
/// if let landscape = report.validLandscape {
///     print(landscape.systems.count)
/// }
/// ```
public struct Landscape: Sendable, Hashable {
    /// The format version; this version of Integraph reads 1.
    public static let formatVersion = 1

    public var name: String?
    public var teams: [Team]
    public var systems: [System]
    public var flows: [Flow]
    public var gates: [Gate]
    public var pilots: [Pilot]
    /// Rules that estimate pending work written without an `effort`, in order.
    package var estimates: [EstimateRule]
    /// The working week and holidays every date is counted on (`calendar:`); Monday to
    /// Friday without holidays when the model has none.
    ///
    /// ```swift
    /// landscape.calendar.finish(afterWorkingDays: 10, from: CalendarDate(iso: "2026-12-21")!)
    /// ```
    package var calendar: WorkingCalendar = .standard

    public init(
        name: String? = nil, teams: [Team] = [], systems: [System] = [], flows: [Flow] = [],
        gates: [Gate] = [], pilots: [Pilot] = []
    ) {
        self.name = name
        self.teams = teams
        self.systems = systems
        self.flows = flows
        self.gates = gates
        self.pilots = pilots
        estimates = []
    }

    /// The name titles, headings and reports show: `name`, or "Unnamed landscape" (an
    /// import that names none).
    ///
    /// ```swift
    /// Landscape().displayName // "Unnamed landscape"
    /// ```
    public var displayName: String { name ?? "Unnamed landscape" }

    /// The team that owns each flow, by flow id: its own `owner`, or else the owner of the
    /// system it feeds. Flows with neither are absent. O(systems + flows).
    public func flowOwners() -> [String: String] {
        let systemOwners = self.systemOwners()
        var owners: [String: String] = [:]
        owners.reserveCapacity(flows.count)
        for flow in flows {
            if let owner = flow.owner(own: { $0.id }, target: { systemOwners[flow.to.id] }) { owners[flow.id] = owner }
        }
        return owners
    }

    /// The owner team of each system that has one, by system id.
    package func systemOwners() -> [String: String] {
        var owners: [String: String] = [:]
        owners.reserveCapacity(systems.count)
        for system in systems {
            if let owner = system.owner { owners[system.id] = owner.id }
        }
        return owners
    }
}
