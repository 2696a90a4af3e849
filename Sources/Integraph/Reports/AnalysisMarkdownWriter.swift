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
        let summary = analysis.summary
        let days = { (value: Double) in DaysText.days(value) }
        let cell = Self.cell
        var out = "# \(cell(summary.name ?? "Landscape")): integration analysis\n\n"
        out +=
            "\(Wording.counted(summary.systems, "system")), \(Wording.counted(summary.flows, "flow")), \(Wording.counted(summary.teams, "team")), "
            + "\(Wording.counted(summary.domains, "domain")), \(Wording.counted(summary.pilots, "pilot")); "
            + "\(Wording.counted(summary.pendingItems, "pending work item")), \(days(summary.pendingEffort)) days of pending effort.\n\n"

        out += "## Pilots by duration\n\n| pilot | stage | champion | duration (d) | P85 (d) | finish | target | state | first critical item |\n"
        out += "|---|---|---|---:|---:|---|---|---|---|\n"
        for pilot in digest.pilotsByDuration {
            let model = pilot.pilot
            out +=
                "| \(cell(model.id)) | \(model.stage.rawValue) | \(cell(model.champion ?? "")) | \(days(pilot.duration)) | "
                + "\(pilot.estimate.map { days($0.p85) } ?? "") | \(cell(pilot.finishText ?? "")) | "
                + "\(model.target?.description ?? "") | \(Self.state(pilot)) | \(cell(pilot.criticalPath.first ?? "")) |\n"
        }
        let shared = digest.sharedCriticalWork
        if !shared.isEmpty {
            out += "\n## Work on the most critical paths\n\n| work item | critical for |\n|---|---|\n"
            for entry in shared.prefix(10) {
                out += "| \(cell(entry.id)) | \(entry.pilots.map(cell).joined(separator: ", ")) |\n"
            }
        }

        out += "\n## Bottlenecks\n\nPressure is pending days × the pilots whose work includes them, the pilots each holds back.\n"
        for (title, list) in [
            ("Systems", analysis.bottlenecks.systems), ("Flows", analysis.bottlenecks.flows),
            ("Teams", analysis.bottlenecks.teams)
        ] {
            out += "\n### \(title)\n\n| id | pressure | pending (d) | holds back | critical for |\n|---|---:|---:|---|---|\n"
            for entry in list.top(top ?? 10) {
                out +=
                    "| \(cell(entry.id)) | \(days(entry.pressure)) | \(days(entry.pendingEffort)) | "
                    + "\(entry.waiting.map(cell).joined(separator: ", ")) | \(entry.criticalFor.map(cell).joined(separator: ", ")) |\n"
            }
        }

        let sprawl = analysis.sprawl
        out += "\n## Sprawl\n\n| measure | value |\n|---|---|\n"
        out += "| flows per system | \(days(sprawl.flowsPerSystem)) |\n"
        out += "| cycles | \(sprawl.cycles.map { $0.map(cell).joined(separator: " ↔ ") }.joined(separator: "; ")) |\n"
        out += "| redundant flows | \(sprawl.redundantFlows.map(cell).joined(separator: ", ")) |\n"
        out += "| orphan systems | \(sprawl.orphanSystems.map(cell).joined(separator: ", ")) |\n"
        out += "| deprecated systems in use | \(sprawl.deprecatedInUse.map(cell).joined(separator: ", ")) |\n"

        for pilot in digest.pilots {
            out += "\n## Pilot \(cell(pilot.pilot.id))\n\n"
            if let name = pilot.pilot.name { out += "\(cell(name)). " }
            out += "Duration \(days(pilot.duration)) d"
            if let odds = AnalysisDigest.odds(pilot) { out += " (\(odds))" }
            if let finish = pilot.finishText { out += ", done \(cell(finish))" }
            out += "; \(Self.state(pilot)).\n\n"
            if let blockers = AnalysisDigest.blockers(pilot) { out += "\(cell(blockers)).\n\n" }
            if !pilot.criticalPath.isEmpty {
                out += "Critical path: " + AnalysisDigest.chain(pilot).map(cell).joined(separator: " → ") + "\n\n"
            }
            out += "| work item | kind | effort (d) | earliest start | latest start | slack | criticality |\n"
            out += "|---|---|---:|---:|---:|---:|---:|\n"
            for entry in pilot.work {
                out +=
                    "| \(cell(entry.item.id))\(entry.item.estimated ? " (estimated)" : "") | \(entry.item.kind.rawValue) | "
                    + "\(days(entry.item.effort.expectedDays)) | \(days(entry.earliestStart)) | \(days(entry.latestStart)) | "
                    + "\(days(entry.slack)) | \(AnalysisDigest.percent(entry.criticality)) |\n"
            }
            out +=
                "\nSprawl: " + AnalysisDigest.sprawl(pilot.sprawl) + ". Single points of failure: "
                + (pilot.dominators.isEmpty ? "none" : pilot.dominators.map(cell).joined(separator: ", ")) + ".\n"
        }
        return out
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
