import Foundation
import Integraph

/// What every view draws from: the landscape and its analysis, from one outlook, so every
/// number a map shows is the analysis' own; the title says the as-of date. Looks up
/// per-system and per-flow facts by model id.
///
/// ```swift
/// let subject = MapSubject(Pipeline(options: AnalysisOptions(start: today)).outlook(validated, for: .schedules))
/// let drawing = LandscapeMap().drawing(for: subject)
/// ```
public struct MapSubject: Sendable {
    public let landscape: Landscape
    public let analysis: LandscapeAnalysis
    /// The earlier snapshot the `diff` view compares this one with, and what changed.
    package var comparison: Comparison?

    /// An earlier snapshot and the ``LandscapeDiff`` from it to this one.
    package struct Comparison: Sendable {
        public let baseline: Landscape
        public let diff: LandscapeDiff

        public init(old: Outlook, new: Outlook) {
            baseline = old.landscape
            diff = LandscapeDiff(old: old.analysis, new: new.analysis)
        }
    }
    let systemPosition: [String: Int]
    let flowPosition: [String: Int]
    let gatePosition: [String: Int]
    let flowOwners: [String: String]
    private let teamNames: [String: String]

    /// The landscape an analysis was run on, and that analysis.
    public init(_ landscape: Landscape, analysis: LandscapeAnalysis) {
        self.landscape = landscape
        self.analysis = analysis
        systemPosition = Dictionary(landscape.systems.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        flowPosition = Dictionary(landscape.flows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        gatePosition = Dictionary(landscape.gates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        flowOwners = landscape.flowOwners()
        teamNames = Dictionary(landscape.teams.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// What an outlook draws.
    public init(_ outlook: Outlook) {
        self.init(outlook.landscape, analysis: outlook.analysis)
    }

    /// "Acme Retail — pilot churn-copilot — as of 2026-12-07".
    func title(_ view: MapView) -> String {
        [landscape.displayName, view.title, analysis.options.start.map { "as of \($0)" }]
            .compactMap { $0 }.joined(separator: " — ")
    }

    /// A pending item's effort as the analysis used it: `4 d` or `4 d, estimated`.
    func effortText(_ kind: EntityKind, _ id: String) -> String {
        workItem(kind, id).map(DaysText.effort(of:)) ?? "nothing pending"
    }

    /// The pending work item of a system, flow or gate, by id.
    func workItem(_ kind: EntityKind, _ id: String) -> WorkItem? {
        let positions =
            switch kind {
            case .system: systemPosition
            case .flow: flowPosition
            default: gatePosition
            }
        return positions[id].flatMap { analysis.workItem(kind, at: $0) }
    }

    /// The tooltip of a system: name, owner, status, effort and the pilots that need it.
    func systemTooltip(_ system: System) -> String {
        var lines = ["\(system.name ?? system.id) (\(system.id))"]
        lines.append([system.kind, system.domain].compactMap { $0 }.joined(separator: " · "))
        lines.append("owner: \(system.owner?.id ?? "none")")
        lines.append("status: \(system.status.rawValue)")
        if system.isPending { lines.append("effort: \(effortText(.system, system.id))") }
        if let position = systemPosition[system.id] {
            let bottleneck = analysis.bottlenecks.systems[position]
            if bottleneck.pendingEffort > 0 { lines.append("pending effort: \(DaysText.days(bottleneck.pendingEffort, decimals: 1)) d") }
            lines.append("pilots: \(bottleneck.pilots.isEmpty ? "none" : bottleneck.pilots.joined(separator: ", "))")
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The tooltip of a flow: ends, status, effort, owner, data and the pilots that need it.
    func flowTooltip(_ flow: Flow) -> String {
        var lines = ["\(flow.id): \(flow.from.id) → \(flow.to.id)", "status: \(flow.status.rawValue)"]
        if flow.isPending { lines.append("effort: \(effortText(.flow, flow.id))") }
        lines.append("owner: \(flowOwners[flow.id] ?? "none")")
        if !flow.data.isEmpty { lines.append("data: \(flow.data.joined(separator: ", "))") }
        lines.append("classification: \(flow.classification.rawValue)")
        if let position = flowPosition[flow.id] {
            let pilots = analysis.bottlenecks.flows[position].pilots
            lines.append("pilots: \(pilots.isEmpty ? "none" : pilots.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}

extension MapSubject {
    /// Every model id in use, so helper nodes (the legend) can avoid them.
    var entityIDs: Set<String> {
        Set(
            landscape.systems.map(\.id) + landscape.pilots.map(\.id) + landscape.gates.map(\.id)
                + landscape.teams.map(\.id) + landscape.flows.map(\.id))
    }

    /// A team's name, or its id when it has none.
    func teamName(_ id: String) -> String {
        teamNames[id] ?? id
    }
}
