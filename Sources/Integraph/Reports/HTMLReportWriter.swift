/// The leaders' report as one self-contained HTML page: everything inline (style, script,
/// SVG maps), no network fetches, readable from disk and in print. Sections: a headline
/// strip, the sortable pilot table, the overview map and one map per pilot (a pilot's row
/// and its node on the overview lead to it), bottlenecks with pending effort by team,
/// sprawl, the model's check findings, and a footer naming the model file, its SHA-256,
/// when and by which version the report was made.
///
/// Every model string is HTML-escaped where it lands; data for the script travels as JSON
/// in non-executable script blocks; and a Content-Security-Policy allows only the page's own
/// script, by its hash. Deterministic: the same input gives the same bytes.
///
/// ```swift
/// let html = HTMLReportWriter().write(input)
/// ```
public struct HTMLReportWriter: Sendable {
    /// How many systems, flows and teams the bottleneck tables list.
    public var topCount = 15

    public init() {}

    public func write(_ input: ReportInput) -> String {
        let summary = ReportSummary(input, topCount: topCount)
        let analysis = input.analysis
        let scriptHash = Fingerprint.base64(Array(HTMLReportAssets.script.utf8))
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-\(scriptHash)'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.text(input.title))</title>
            <style>
            \(HTMLReportAssets.style)
            </style>
            </head>
            <body data-ready="no">
            <header>
            <h1>\(Self.text(input.title))</h1>
            <p class="sub">\(Self.text(input.landscape.displayName)) · \(analysis.summary.systems) systems, \(analysis.summary.flows) flows, \(analysis.summary.pilots) pilots\(analysis.options.start.map { " · as of \($0)" } ?? "")</p>
            </header>

            """
        html += headline(summary)
        html += pilotTable(summary)
        html += maps(input)
        html += bottlenecks(input, summary)
        html += sprawl(input, summary)
        if let plan = input.plan { html += capacity(plan) }
        html += findings(input.findings)
        html += """
            <footer>
            <p>Model file <code>\(Self.text(input.source.modelFile))</code> · SHA-256 <code>\(Self.text(input.source.modelHash))</code><br>
            Generated \(Self.text(input.source.generatedAt)) by Integraph \(Self.text(input.source.toolVersion))</p>
            </footer>
            <pre id="errors" class="errors" hidden></pre>
            <script type="application/json" id="map-links">\(Self.json(links: input.maps))</script>
            <script type="application/json" id="system-ids">[\(input.landscape.systems.map { JSONText.string($0.id) }.joined(separator: ","))]</script>
            <script>\(HTMLReportAssets.script)</script>
            </body>
            </html>

            """
        return html
    }

    private func headline(_ summary: ReportSummary) -> String {
        var out = "<section id=\"headline\" class=\"strip\">\n"
        for (state, count) in summary.stateCounts {
            out += "<div class=\"tile \(state.rawValue)\"><b>\(count)</b> \(state.words)</div>\n"
        }
        out += "<div class=\"tile\"><b>\(DaysText.days(summary.pendingEffort)) d</b> pending effort</div>\n"
        out += "<div class=\"tile wide\">Top bottlenecks by pressure<ol>"
        for bottleneck in summary.topSystems {
            out +=
                "<li><strong>\(Self.text(bottleneck.id))</strong> — \(DaysText.days(bottleneck.pressure)) pilot-days, "
                + "holds back \(Wording.counted(bottleneck.waiting.count, "pilot"))</li>"
        }
        out += "</ol></div>\n"
        if let note = summary.stateNote { out += "<p class=\"note\" id=\"state-note\">\(Self.text(note))</p>\n" }
        return out + "</section>\n"
    }

    private func pilotTable(_ summary: ReportSummary) -> String {
        var out = """
            <section id="pilots">
            <h2>Pilots</h2>
            <p class="note">Click a column to sort; click a pilot for its map. A pilot is blocked when its work includes a blocked flow or a rejected gate; its dates then assume the block clears now unless the block says until when.</p>
            <table class="sortable" id="pilot-table">
            <thead><tr><th>Pilot</th><th>Stage</th><th>Champion</th><th class="num">Duration</th><th class="num">P85</th><th class="num">With team capacity</th><th>Finish</th><th>Target</th><th>State</th><th>First on the critical path</th></tr></thead>
            <tbody>

            """
        for row in summary.rows {
            let pilot = row.analysis.pilot
            let name = Self.text(pilot.name ?? pilot.id)
            let link = row.sectionID.map { "<a class=\"pilot-link\" href=\"#\($0)\">\(name)</a>" } ?? name
            let section = row.sectionID.map { " data-section=\"\(Self.text($0))\"" } ?? ""
            out +=
                "<tr data-pilot=\"\(Self.text(pilot.id))\"\(section)><td data-sort=\"\(name)\">\(link)</td><td>\(pilot.stage.rawValue)</td>"
                + "<td>\(Self.text(pilot.champion ?? "—"))</td>"
                + "<td class=\"num\" data-sort=\"\(row.analysis.duration)\">\(DaysText.days(row.analysis.duration)) d</td>"
                + "<td class=\"num\" data-sort=\"\(row.analysis.estimate?.p85 ?? row.analysis.duration)\">\(row.p85)</td>"
                + "<td class=\"num\" data-sort=\"\(row.analysis.finishDays)\">\(row.withCapacity)</td>"
                + "<td>\(Self.text(row.finish))</td><td>\(pilot.target.map { "\($0)" } ?? "—")</td>"
                + "<td>\(Self.stateCell(row.analysis))</td>"
                + "<td>\(row.firstCriticalItem.map(Self.text) ?? "—")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// The state word, flagged when it needs attention, with what blocks the pilot.
    private static func stateCell(_ pilot: PilotAnalysis) -> String {
        let flagged: Set<PilotState> = [.stalled, .blocked, .atRisk]
        var cell = flagged.contains(pilot.state) ? "<span class=\"flag\">\(pilot.state.words)</span>" : pilot.state.words
        if let blockers = AnalysisDigest.blockers(pilot) { cell += "<br><small>\(text(blockers))</small>" }
        return cell
    }

    private func maps(_ input: ReportInput) -> String {
        var out = """
            <section id="maps">
            <h2>Maps</h2>
            <p id="search-box"><label>Find a system: <input id="search" type="search" placeholder="name or id" autocomplete="off"></label> <span id="search-count" class="note"></span></p>

            """
        if let notice = input.mapNotice { out += "<p class=\"note\" id=\"map-notice\">\(Self.text(notice))</p>\n" }
        for map in input.maps {
            let kind = map.pilot != nil ? "pilot-map" : map.system != nil ? "focus-map" : "overview-map"
            out += "<section id=\"\(Self.text(map.sectionID))\" class=\"\(kind)\">\n<h3>\(Self.text(map.title))</h3>\n"
            out += "<div class=\"map\">\(Self.inlined(map.svg))</div>\n</section>\n"
        }
        let drawn = Set(input.maps.compactMap(\.pilot))
        let undrawn = input.analysis.pilots.filter { !drawn.contains($0.pilot.id) }
        if !undrawn.isEmpty {
            out +=
                "<p class=\"note\">No map for \(undrawn.map { Self.text($0.pilot.id) }.joined(separator: ", ")): too large to draw legibly; their critical paths are in the table above.</p>\n"
        }
        return out + "</section>\n"
    }

    private func bottlenecks(_ input: ReportInput, _ summary: ReportSummary) -> String {
        let names = Dictionary(input.landscape.systems.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { first, _ in first })
        var out = "<section id=\"bottlenecks\">\n<h2>Bottlenecks</h2>\n"
        out += "<p class=\"note\">Ranked by pressure: pending days × the pilots waiting for them (pilot-days).</p>\n"
        // A system with a focus map links to it.
        let focus = Dictionary(
            input.maps.compactMap { map in map.system.map { ($0, map.sectionID) } },
            uniquingKeysWith: { first, _ in first })
        for ranked in summary.rankedTables {
            let (title, id, entries) = (ranked.title, ranked.id, ranked.entries)
            out +=
                "<h3>\(title)</h3>\n<table class=\"sortable\" id=\"\(id)\"><thead><tr><th>Id</th><th class=\"num\">Pressure</th>"
                + "<th class=\"num\">Pending days</th><th>Holds back</th><th>Critical for</th></tr></thead><tbody>\n"
            for entry in entries {
                let section = id == "system-table" ? focus[entry.id] : nil
                let cell = section.map { "<a class=\"focus-link\" href=\"#\(Self.text($0))\">\(Self.text(entry.id))</a>" } ?? Self.text(entry.id)
                out +=
                    "<tr data-id=\"\(Self.text(entry.id))\" data-name=\"\(Self.text(names[entry.id] ?? entry.id))\"><td>\(cell)</td>"
                    + "<td class=\"num\" data-sort=\"\(entry.pressure)\">\(DaysText.days(entry.pressure))</td>"
                    + "<td class=\"num\" data-sort=\"\(entry.pendingEffort)\">\(DaysText.days(entry.pendingEffort))</td>"
                    + "<td>\(entry.waiting.map(Self.text).joined(separator: ", "))</td><td>\(entry.criticalFor.map(Self.text).joined(separator: ", "))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<h3>Pending effort by team</h3>\n<div id=\"team-bars\">\n"
        let most = summary.pendingByTeam.first?.days ?? 1
        for (team, days) in summary.pendingByTeam {
            let width = Int((days / most * 100).rounded())
            out +=
                "<div class=\"bar\"><span class=\"label\">\(Self.text(team))</span><span class=\"fill\" style=\"width: \(width * 6 / 10)%\"></span>"
                + "<span>\(DaysText.days(days)) d</span></div>\n"
        }
        return out + "</div>\n</section>\n"
    }

    private func sprawl(_ input: ReportInput, _ summary: ReportSummary) -> String {
        var out = "<section id=\"sprawl\">\n<h2>Sprawl</h2>\n<table class=\"sortable\" id=\"sprawl-table\"><thead><tr><th>Pilot</th>"
        for header in ["Systems", "Flows", "Pending flows", "Teams", "Domains", "Gates"] { out += "<th class=\"num\">\(header)</th>" }
        out += "<th>Most sensitive data</th></tr></thead><tbody>\n"
        for pilot in input.analysis.pilots {
            let counts = [pilot.sprawl.systems, pilot.sprawl.flows, pilot.sprawl.pendingFlows, pilot.sprawl.teams, pilot.sprawl.domains, pilot.sprawl.gates]
            out +=
                "<tr><td>\(Self.text(pilot.pilot.id))</td>" + counts.map { "<td class=\"num\">\($0)</td>" }.joined()
                + "<td>\(pilot.sprawl.classification?.rawValue ?? "—")</td></tr>\n"
        }
        out += "</tbody></table>\n"
        for list in summary.sprawlLists {
            out +=
                "<h3>\(list.title)</h3>\n"
                + (list.items.isEmpty
                    ? "<p class=\"note\" id=\"\(list.id)\">None.</p>\n"
                    : "<ul id=\"\(list.id)\">" + list.items.map { "<li>\(Self.text($0))</li>" }.joined() + "</ul>\n")
        }
        return out + "</section>\n"
    }

    private func capacity(_ plan: CapacityPlan) -> String {
        var out =
            "<section id=\"capacity\">\n<h2>Capacity and cost</h2>\n<p class=\"note\">Each pilot's ready day when every team "
            + "works with its capacity (integraph plan), beside the critical path's (unlimited hands).</p>\n"
            + "<table class=\"sortable\" id=\"capacity-table\"><thead><tr>"
            + CapacityPlan.reportHeaders.enumerated().map { "<th\($0.offset >= 3 && $0.offset <= 5 ? " class=\"num\"" : "")>\($0.element)</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for row in plan.reportRows {
            out +=
                "<tr>"
                + row.enumerated().map { column, value in
                    let attributes = column >= 3 && column <= 5 ? " class=\"num\"" : column == 6 && !value.isEmpty ? " class=\"bad\"" : ""
                    return "<td\(attributes)>\(Self.text(value))</td>"
                }.joined() + "</tr>\n"
        }
        out += "</tbody></table>\n<ul id=\"team-load\">"
        for team in plan.teams.sorted(by: { ($0.utilisation ?? -1, $1.id) > ($1.utilisation ?? -1, $0.id) }).prefix(5) {
            out +=
                "<li>\(Self.text(team.id)): \(team.capacity.map { "\($0) at once" } ?? "no limit"), \(team.utilisation.map { "busy \(DaysText.days($0 * 100, decimals: 0)) % of the plan" } ?? "\(DaysText.days(team.busyDays, decimals: 1)) busy days")</li>"
        }
        return out + "</ul>\n</section>\n"
    }

    private func findings(_ findings: [Finding]) -> String {
        var out = "<section id=\"findings\">\n<h2>Model check</h2>\n"
        guard !findings.isEmpty else { return out + "<p class=\"note\">No errors or warnings.</p>\n</section>\n" }
        out += "<p>\(Self.text(FindingFormatter.summary(findings, fileCount: 1))), as <code>integraph check</code> lists them.</p>\n"
        out += "<table id=\"finding-table\"><thead><tr><th>Where</th><th>Severity</th><th>Finding</th><th>Rule</th></tr></thead><tbody>\n"
        for finding in findings {
            out +=
                "<tr><td><code>\(Self.text(finding.file)):\(finding.line):\(finding.column)</code></td>"
                + "<td>\(finding.severity.rawValue)</td><td>\(Self.text(finding.message))</td><td><code>\(Self.text(finding.rule))</code></td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    static func text(_ value: String) -> String { HTMLText.escaped(value) }

    /// Graphviz's SVG without the XML prolog, doctype and comments, which have no place
    /// inside HTML.
    static func inlined(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        func starts(_ prefix: String, at index: Int) -> Bool {
            let pattern = Array(prefix.utf8)
            return index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
        }
        while position < bytes.count && !starts("<svg", at: position) { position += 1 }
        while position < bytes.count {
            if starts("<!--", at: position) {
                position += 4
                while position < bytes.count && !starts("-->", at: position) { position += 1 }
                position += 3
            } else {
                out.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func json(links maps: [ReportMap]) -> String {
        let pairs = maps.flatMap { $0.links.sorted { $0.key < $1.key } }
        return "{" + pairs.map { "\(JSONText.string($0.key)):\(JSONText.string($0.value))" }.joined(separator: ",") + "}"
    }
}
