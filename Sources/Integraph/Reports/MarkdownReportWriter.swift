/// The leaders' report as Markdown for wikis: the same sections as the HTML page, as text
/// and tables, with the maps as SVG files beside it (`mapDirectory`/`SECTION`.svg), which
/// the caller writes. Model strings are escaped for table cells.
///
/// ```swift
/// let markdown = MarkdownReportWriter(mapDirectory: "report-maps").write(input)
/// ```
package struct MarkdownReportWriter: Sendable {
    /// Where the map files are, relative to the Markdown file.
    public var mapDirectory: String
    public var topCount = 15

    public init(mapDirectory: String) {
        self.mapDirectory = mapDirectory
    }

    /// The name of a map's file in `mapDirectory`.
    public func fileName(of map: ReportMap) -> String { "\(map.sectionID).svg" }

    /// The path of a map's file, relative to the report.
    public func path(of map: ReportMap) -> String { "\(mapDirectory)/\(fileName(of: map))" }

    public func write(_ input: ReportInput) -> String {
        let summary = ReportSummary(input, topCount: topCount)
        return headline(input, summary) + pilots(summary) + maps(input) + bottlenecks(summary) + sprawl(input, summary)
            + capacity(input) + check(input)
    }

    private func cell(_ text: String) -> String { AnalysisMarkdownWriter.cell(text) }

    /// Title, size, state counts and the top bottlenecks.
    private func headline(_ input: ReportInput, _ summary: ReportSummary) -> String {
        let analysis = input.analysis
        var out = "# \(cell(input.title))\n\n"
        out +=
            "\(cell(input.landscape.displayName)) · \(Wording.counted(analysis.summary.systems, "system")), "
            + "\(Wording.counted(analysis.summary.flows, "flow")), \(Wording.counted(analysis.summary.pilots, "pilot"))"
            + (analysis.options.start.map { " · as of \($0)" } ?? "") + "\n\n"
        out +=
            summary.stateCounts.map { "**\($0.count)** \($0.state.words)" }.joined(separator: " · ")
            + (summary.stateCounts.isEmpty ? "" : " · ") + "**\(DaysText.days(summary.pendingEffort)) d** pending effort\n\n"
        if let note = summary.stateNote { out += "\(note)\n\n" }
        out +=
            "Top bottlenecks by pressure: "
            + summary.topSystems.map {
                "\(cell($0.id)) (\(DaysText.days($0.pressure)) pilot-days)"
            }.joined(separator: ", ") + "\n\n"
        return out
    }

    private func pilots(_ summary: ReportSummary) -> String {
        var out = "## Pilots\n\n"
        out += "| Pilot | Stage | Champion | Duration | P85 | With team capacity | Finish | Target | State | First on the critical path |\n"
        out += "|---|---|---|---:|---:|---:|---|---|---|---|\n"
        for row in summary.rows {
            let pilot = row.analysis.pilot
            let name = row.sectionID.map { "[\(cell(pilot.name ?? pilot.id))](#\($0))" } ?? cell(pilot.name ?? pilot.id)
            out +=
                "| \(name) | \(pilot.stage.rawValue) | \(cell(pilot.champion ?? "—")) | \(DaysText.days(row.analysis.duration)) d | "
                + "\(row.p85) | \(row.withCapacity) | \(cell(row.finish)) | \(pilot.target.map { "\($0)" } ?? "—") | "
                + "\(AnalysisMarkdownWriter.state(row.analysis)) | "
                + "\(row.firstCriticalItem.map(cell) ?? "—") |\n"
        }
        return out
    }

    /// Each map as an image beside the report, under an anchor the pilots table links to.
    private func maps(_ input: ReportInput) -> String {
        var out = "\n## Maps\n\n"
        if let notice = input.mapNotice { out += "\(cell(notice))\n\n" }
        for map in input.maps {
            out += "<a id=\"\(cell(map.sectionID))\"></a>\n\n### \(cell(map.title))\n\n![\(cell(map.title))](\(path(of: map)))\n\n"
        }
        return out
    }

    private func bottlenecks(_ summary: ReportSummary) -> String {
        var out = "## Bottlenecks\n\nRanked by pressure: pending days × the pilots waiting for them (pilot-days).\n"
        for ranked in summary.rankedTables {
            let (title, entries) = (ranked.title, ranked.entries)
            out += "\n### \(title)\n\n| Id | Pressure | Pending days | Holds back | Critical for |\n|---|---:|---:|---|---|\n"
            for entry in entries {
                out +=
                    "| \(cell(entry.id)) | \(DaysText.days(entry.pressure)) | \(DaysText.days(entry.pendingEffort)) | "
                    + "\(entry.waiting.map(cell).joined(separator: ", ")) | \(entry.criticalFor.map(cell).joined(separator: ", ")) |\n"
            }
        }
        out += "\n### Pending effort by team\n\n| Team | Pending days |\n|---|---:|\n"
        for (team, days) in summary.pendingByTeam { out += "| \(cell(team)) | \(DaysText.days(days)) |\n" }
        return out
    }

    private func sprawl(_ input: ReportInput, _ summary: ReportSummary) -> String {
        var out = "\n## Sprawl\n\n| Pilot | Systems | Flows | Pending flows | Teams | Domains | Gates | Most sensitive data |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---|\n"
        for pilot in input.analysis.pilots {
            let sprawl = pilot.sprawl
            out +=
                "| \(cell(pilot.pilot.id)) | \(sprawl.systems) | \(sprawl.flows) | \(sprawl.pendingFlows) | \(sprawl.teams) | "
                + "\(sprawl.domains) | \(sprawl.gates) | \(sprawl.classification?.rawValue ?? "—") |\n"
        }
        for list in summary.sprawlLists {
            out += "\n### \(list.title)\n\n" + (list.items.isEmpty ? "None.\n" : list.items.map { "- \(cell($0))\n" }.joined())
        }
        return out
    }

    private func capacity(_ input: ReportInput) -> String {
        guard let plan = input.plan else { return "" }
        var out = "\n## Capacity and cost\n\n| " + CapacityPlan.reportHeaders.joined(separator: " | ") + " |\n|---|---|---|---:|---:|---:|---|\n"
        for row in plan.reportRows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// The model's findings and where the report came from.
    private func check(_ input: ReportInput) -> String {
        var out = "\n## Model check\n\n"
        out +=
            input.findings.isEmpty
            ? "No errors or warnings.\n"
            : "\(FindingFormatter.summary(input.findings, fileCount: 1)), as `integraph check` lists them:\n\n"
                + input.findings.map {
                    "- \(cell($0.file)):\($0.line):\($0.column): \($0.severity.rawValue): \(cell($0.message)) [\(cell($0.rule))]\n"
                }.joined()
        out +=
            "\n---\n\nModel file \(cell(input.source.modelFile)) · SHA-256 `\(input.source.modelHash)` · "
            + "generated \(input.source.generatedAt) by Integraph \(input.source.toolVersion)\n"
        return out
    }
}
