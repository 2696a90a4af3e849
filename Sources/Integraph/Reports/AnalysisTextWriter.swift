/// Writes a ``LandscapeAnalysis`` for people: a portfolio summary, the top bottlenecks, the
/// sprawl, and each pilot's critical path as a readable chain with days and slack.
///
/// ```swift
/// print(AnalysisTextWriter().write(analysis))
/// ```
public struct AnalysisTextWriter: Sendable {
    /// How many entries each ranked bottleneck list shows (default: 5); big landscapes
    /// need small answers too.
    public var top: Int?

    public init(top: Int? = nil) {
        self.top = top
    }

    public func write(_ analysis: LandscapeAnalysis, pilots selected: [PilotAnalysis]? = nil) -> String {
        let digest = AnalysisDigest(analysis, pilots: selected)
        var lines = Self.portfolio(analysis) + [""] + Self.pilotsByFinish(digest) + Self.sharedWork(digest)
        lines += [""] + bottlenecks(analysis) + [""] + Self.sprawl(analysis.sprawl)
        for pilot in digest.pilots { lines += [""] + Self.section(pilot, digest) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func days(_ value: Double) -> String { DaysText.days(value) }

    private static func portfolio(_ analysis: LandscapeAnalysis) -> [String] {
        let summary = analysis.summary
        return [
            "\(summary.name ?? "Landscape"): \(Wording.counted(summary.systems, "system")), \(Wording.counted(summary.flows, "flow")), "
                + "\(Wording.counted(summary.teams, "team")), \(Wording.counted(summary.domains, "domain")), \(Wording.counted(summary.pilots, "pilot"))",
            "\(Wording.counted(summary.pendingItems, "pending work item")), \(days(summary.pendingEffort)) days of pending effort"
                + (analysis.options.start.map { "; as of \($0), dates in working days" } ?? "")
        ]
    }

    private static func pilotsByFinish(_ digest: AnalysisDigest) -> [String] {
        var lines = ["Pilots by finish"]
        if digest.pilots.isEmpty { lines.append("  none: the model names no pilots") }
        for pilot in digest.pilotsByFinish {
            let planned = AnalysisDigest.withCapacity(pilot)
            var line = "  \(pilot.pilot.id): \(days(pilot.duration)) d" + (planned == nil ? "" : " of work")
            if let odds = AnalysisDigest.odds(pilot) { line += " (\(odds))" }
            if let planned { line += "; " + planned }
            if let finish = pilot.finishText { line += ", done \(finish)" }
            if let target = pilot.pilot.target { line += ", target \(target)" }
            lines.append(line + " — \(pilot.state.words)")
        }
        return lines
    }

    private static func sharedWork(_ digest: AnalysisDigest) -> [String] {
        let shared = digest.sharedCriticalWork
        guard !shared.isEmpty else { return [] }
        return ["", "Work on the most critical paths"]
            + shared.prefix(5).map { "  \($0.id): on \($0.pilots.count) critical paths (\($0.pilots.joined(separator: ", ")))" }
    }

    private func bottlenecks(_ analysis: LandscapeAnalysis) -> [String] {
        var lines = ["Top bottlenecks (pressure: pending days × pilots waiting on them)"]
        for (title, list) in [
            ("systems", analysis.bottlenecks.systems), ("flows", analysis.bottlenecks.flows),
            ("teams", analysis.bottlenecks.teams)
        ] {
            let top = list.top(self.top ?? 5)
            let text =
                top.isEmpty
                ? "none"
                : top.map {
                    "\($0.id) \(Self.days($0.pressure)) (\(Self.days($0.pendingEffort)) d, holds back \(Wording.counted($0.waiting.count, "pilot")))"
                }.joined(separator: "; ")
            lines.append("  \(title): \(text)")
        }
        return lines
    }

    private static func sprawl(_ sprawl: LandscapeSprawl) -> [String] {
        [
            "Sprawl: \(days(sprawl.flowsPerSystem)) flows per system",
            "  cycles: " + (sprawl.cycles.isEmpty ? "none" : sprawl.cycles.map { $0.joined(separator: " ↔ ") }.joined(separator: "; ")),
            "  redundant flows: " + list(sprawl.redundantFlows),
            "  orphan systems: " + list(sprawl.orphanSystems),
            "  deprecated systems in use: " + list(sprawl.deprecatedInUse)
        ]
    }

    /// One pilot: its heading, duration and odds or readiness, what blocks it, its
    /// critical path, its slack, and its sprawl.
    private static func section(_ pilot: PilotAnalysis, _ digest: AnalysisDigest) -> [String] {
        let model = pilot.pilot
        var heading = "Pilot \(model.id)"
        if let name = model.name { heading += " — \(name)" }
        heading += " (\(model.stage.rawValue); champion \(model.champion ?? "none"))"
        var lines = [heading]
        if pilot.ready {
            lines.append("  \(pilot.state.words): no pending work; its own hardening takes \(days(pilot.duration)) d")
        } else {
            var line = "  duration \(days(pilot.duration)) d"
            if let odds = AnalysisDigest.odds(pilot) { line += "; \(odds)" }
            if let planned = AnalysisDigest.withCapacity(pilot) { line += "; \(planned)" }
            lines.append(line + " — \(pilot.state.words)")
            if let blockers = AnalysisDigest.blockers(pilot) { lines.append("  " + blockers) }
            lines.append("  critical path: " + digest.chain(pilot).joined(separator: " → "))
            let slack = pilot.work.filter { $0.slack > Schedule.tolerance }.sorted { ($0.slack, $1.item.id) < ($1.slack, $0.item.id) }
            if !slack.isEmpty {
                lines.append(
                    "  with slack" + (pilot.plannedReady == nil ? "" : " (unlimited hands)") + ": "
                        + slack.prefix(5).map { "\($0.item.id) \(days($0.slack)) d" }.joined(separator: ", "))
            }
            if pilot.estimatedShare > 0 {
                lines.append("  \(AnalysisDigest.percent(pilot.estimatedShare)) of the critical days rest on estimated efforts")
            }
        }
        lines.append("  sprawl: " + AnalysisDigest.sprawl(pilot.sprawl))
        lines.append("  single points of failure: " + list(pilot.dominators))
        return lines
    }

    private static func list(_ ids: [String]) -> String {
        ids.isEmpty ? "none" : ids.joined(separator: ", ")
    }
}
