/// Where integration backlogs concentrate: one system, flow or team with the pilots that
/// depend on it, the pending effort on it, and its pressure in pilot-days.
public struct Bottleneck: Sendable {
    public let id: String
    /// Pilots whose lineage or work includes it, by id.
    public let pilots: [String]
    /// Days of pending work on it.
    public let pendingEffort: Double
    /// Σ over its pending items of effort × the number of pilots whose work includes the item.
    public let pressure: Double
    /// Pilots whose critical path runs through it, by id.
    public let criticalFor: [String]
    /// Systems only: Brandes betweenness on the flow graph; `nil` when not computed.
    public let betweenness: Double?
    /// Systems only: deleting it disconnects the undirected flow graph.
    public let articulationPoint: Bool?
    /// Flows only: deleting it disconnects its two systems.
    public let bridge: Bool?
}

/// The bottlenecks of each kind, ranked by pressure, then id.
public struct Bottlenecks: Sendable {
    public let systems: [Bottleneck]
    public let flows: [Bottleneck]
    public let teams: [Bottleneck]
    /// Whether betweenness is exact or estimated, and from how many sources (0: skipped).
    public let betweennessSources: Int
    public let betweennessIsExact: Bool
}

/// The landscape's sprawl: cycles of integrations, flows that duplicate longer paths,
/// systems nobody uses, deprecated systems still relied on.
public struct LandscapeSprawl: Sendable {
    /// System ids of each strongly connected component with more than one system.
    public let cycles: [[String]]
    public let redundantFlows: [String]
    /// Systems with no flows that no pilot needs.
    public let orphanSystems: [String]
    /// Deprecated systems in some pilot's lineage.
    public let deprecatedInUse: [String]
    public let flowsPerSystem: Double
}
