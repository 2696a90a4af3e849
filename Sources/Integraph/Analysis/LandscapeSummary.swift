/// The size of a landscape and of its pending work.
package struct LandscapeSummary: Sendable {
    public let name: String?
    public let systems: Int
    public let flows: Int
    public let teams: Int
    public let domains: Int
    public let pilots: Int
    public let pendingItems: Int
    /// Days of pending work, PERT means for three-point estimates.
    public let pendingEffort: Double
}
