/// Settings of one analysis run.
///
/// ```swift
/// var options = AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))
/// options.samples = 20_000
/// ```
public struct AnalysisOptions: Sendable {
    /// Monte Carlo samples per pilot with three-point estimates.
    public var samples = 10_000
    /// Seeds the Monte Carlo runs and sampled betweenness; the same seed, the same output.
    public var seed: UInt64 = 1
    /// With a start date, durations become working-day dates and targets can be at risk.
    public var start: CalendarDate?
    /// Above this many systems, betweenness is estimated from sampled sources.
    public var betweennessExactLimit = 20_000
    /// How many sources the estimate uses.
    public var betweennessSampleSize = 2_000
    /// Betweenness is the one O(S·F) analysis; leave it out to analyse huge landscapes fast.
    public var computesBetweenness = true

    public init() {}

    /// Default options with a start date.
    public init(start: CalendarDate?) {
        self.start = start
    }
}
