/// Where a pilot stands, in the one word every output uses: the first of these that holds.
///
/// - `stalled`: its stage is `stalled`;
/// - `blocked`: its work holds a blocked flow or a rejected gate;
/// - `ready`: no pending work is left;
/// - `at-risk`: its target falls before the finish every output shows
///   (``PilotAnalysis/finishDays``: with the teams' capacity where declared, else P85);
/// - `on-track`: it has a target and meets it;
/// - `unscheduled`: pending work, but no target (or, for a library caller, no as-of date)
///   to judge it by.
///
/// ```swift
/// PilotState(stage: .pilot, blocked: false, ready: false, target: nil, finish: nil, dated: false) // .unscheduled
/// ```
public enum PilotState: String, Sendable, CaseIterable {
    case stalled, blocked, ready
    case atRisk = "at-risk"
    case onTrack = "on-track"
    case unscheduled

    /// - Parameters:
    ///   - finish: the pilot's finish date (P85 with uncertainty); `nil` without a start
    ///     date or past the calendar's end.
    ///   - dated: whether the run had a start date.
    public init(stage: PilotStage, blocked: Bool, ready: Bool, target: CalendarDate?, finish: CalendarDate?, dated: Bool) {
        self =
            if stage == .stalled {
                .stalled
            } else if blocked {
                .blocked
            } else if ready {
                .ready
            } else if dated, let target {
                finish.map { target < $0 } ?? true ? .atRisk : .onTrack
            } else {
                .unscheduled
            }
    }

    /// The word as people read it: `at risk`, `on track`.
    public var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
