/// Writes a ``LandscapeAnalysis`` as Markdown tables, the same content as the text report,
/// fit to paste into a wiki. Every model string is escaped for Markdown table cells.
///
/// ```swift
/// let page = AnalysisMarkdownWriter().write(analysis)
/// ```
public struct AnalysisMarkdownWriter: Sendable {
    /// How many entries each ranked bottleneck list shows (default: 10); big landscapes
    /// need small answers too.
    public var top: Int?

    public init(top: Int? = nil) {
        self.top = top
    }

    public func write(_ analysis: LandscapeAnalysis, pilots selected: [PilotAnalysis]? = nil) -> String {
        let digest = AnalysisDigest(analysis, pilots: selected)
        var out = Self.portfolio(analysis.summary, start: analysis.options.start) + Self.pilotTable(digest) + Self.sharedWork(digest)
        out += bottlenecks(analysis.bottlenecks) + Self.sprawl(analysis.sprawl)
        for pilot in digest.pilots { out += Self.section(pilot, digest) }
        return out
    }

    private static func days(_ value: Double) -> String { DaysText.days(value) }

    private static func portfolio(_ summary: LandscapeSummary, start: CalendarDate?) -> String {
        "# \(cell(summary.name ?? "Landscape")): integration analysis\n\n"
            + "\(Wording.counted(summary.systems, "system")), \(Wording.counted(summary.flows, "flow")), \(Wording.counted(summary.teams, "team")), "
            + "\(Wording.counted(summary.domains, "domain")), \(Wording.counted(summary.pilots, "pilot")); "
            + "\(Wording.counted(summary.pendingItems, "pending work item")), \(days(summary.pendingEffort)) days of pending effort"
            + (start.map { "; as of \($0)" } ?? "") + ".\n\n"
    }

    private static func pilotTable(_ digest: AnalysisDigest) -> String {
        var out =
            "## Pilots by finish\n\n| pilot | stage | champion | duration (d) | P85 (d) | with team capacity (d) | finish | target | state | first critical item |\n"
        out += "|---|---|---|---:|---:|---:|---|---|---|---|\n"
        for pilot in digest.pilotsByFinish {
            let model = pilot.pilot
            out +=
                "| \(cell(model.id)) | \(model.stage.rawValue) | \(cell(model.champion ?? "")) | \(days(pilot.duration)) | "
                + "\(pilot.estimate.map { days($0.p85) } ?? "") | \(pilot.plannedReady.map(days) ?? "") | \(cell(pilot.finishText ?? "")) | "
                + "\(model.target?.description ?? "") | \(state(pilot)) | \(cell(pilot.criticalPath.first ?? "")) |\n"
        }
        return out
    }

    private static func sharedWork(_ digest: AnalysisDigest) -> String {
        let shared = digest.sharedCriticalWork
        guard !shared.isEmpty else { return "" }
        return "\n## Work on the most critical paths\n\n| work item | critical for |\n|---|---|\n"
            + shared.prefix(10).map { "| \(cell($0.id)) | \($0.pilots.map(cell).joined(separator: ", ")) |\n" }.joined()
    }

    private func bottlenecks(_ bottlenecks: Bottlenecks) -> String {
        var out = "\n## Bottlenecks\n\nPressure is pending days × the pilots whose work includes them, the pilots each holds back.\n"
        for (title, list) in [("Systems", bottlenecks.systems), ("Flows", bottlenecks.flows), ("Teams", bottlenecks.teams)] {
            out += "\n### \(title)\n\n| id | pressure | pending (d) | holds back | critical for |\n|---|---:|---:|---|---|\n"
            for entry in list.top(top ?? 10) {
                out +=
                    "| \(Self.cell(entry.id)) | \(Self.days(entry.pressure)) | \(Self.days(entry.pendingEffort)) | "
                    + "\(entry.waiting.map(Self.cell).joined(separator: ", ")) | \(entry.criticalFor.map(Self.cell).joined(separator: ", ")) |\n"
            }
        }
        return out
    }

    private static func sprawl(_ sprawl: LandscapeSprawl) -> String {
        "\n## Sprawl\n\n| measure | value |\n|---|---|\n"
            + "| flows per system | \(days(sprawl.flowsPerSystem)) |\n"
            + "| cycles | \(sprawl.cycles.map { $0.map(cell).joined(separator: " ↔ ") }.joined(separator: "; ")) |\n"
            + "| redundant flows | \(sprawl.redundantFlows.map(cell).joined(separator: ", ")) |\n"
            + "| orphan systems | \(sprawl.orphanSystems.map(cell).joined(separator: ", ")) |\n"
            + "| deprecated systems in use | \(sprawl.deprecatedInUse.map(cell).joined(separator: ", ")) |\n"
    }

    /// One pilot: duration, odds and state, what blocks it, its critical path, its work
    /// with the schedule, and its sprawl.
    private static func section(_ pilot: PilotAnalysis, _ digest: AnalysisDigest) -> String {
        var out = "\n## Pilot \(cell(pilot.pilot.id))\n\n"
        if let name = pilot.pilot.name { out += "\(cell(name)). " }
        out += "Duration \(days(pilot.duration)) d"
        if let odds = AnalysisDigest.odds(pilot) { out += " (\(odds))" }
        if let planned = AnalysisDigest.withCapacity(pilot) { out += "; \(planned)" }
        if let finish = pilot.finishText { out += ", done \(cell(finish))" }
        out += "; \(state(pilot)).\n\n"
        if let blockers = AnalysisDigest.blockers(pilot) { out += "\(cell(blockers)).\n\n" }
        if !pilot.criticalPath.isEmpty {
            out += "Critical path: " + digest.chain(pilot).map(cell).joined(separator: " → ") + "\n\n"
        }
        out += "| work item | kind | effort (d) | earliest start | latest start | slack | criticality |\n"
        out += "|---|---|---:|---:|---:|---:|---:|\n"
        for entry in pilot.work {
            out +=
                "| \(cell(entry.item.id))\(entry.item.estimated ? " (estimated)" : "") | \(entry.item.kind.rawValue) | "
                + "\(days(entry.item.effort.expectedDays)) | \(days(entry.earliestStart)) | \(days(entry.latestStart)) | "
                + "\(days(entry.slack)) | \(AnalysisDigest.percent(entry.criticality)) |\n"
        }
        return out + "\nSprawl: " + AnalysisDigest.sprawl(pilot.sprawl) + ". Single points of failure: "
            + (pilot.dominators.isEmpty ? "none" : pilot.dominators.map(cell).joined(separator: ", ")) + ".\n"
    }

    /// The state word, in bold when it needs attention.
    static func state(_ pilot: PilotAnalysis) -> String {
        [.stalled, .blocked, .atRisk].contains(pilot.state) ? "**\(pilot.state.words)**" : pilot.state.words
    }

    /// Text safe in a Markdown table cell: pipes, backslashes, HTML and Markdown
    /// punctuation escaped, line breaks folded. `>` is escaped only where it could open a
    /// quote, so `a->b` reads as written.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case ">" where !out.isEmpty:
                out.append(character)
            case "|", "\\", "`", "*", "_", "[", "]", "#", "<", ">", "&":
                out += "&#\(character.unicodeScalars.first?.value ?? 32);"
            case "\n", "\r":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
