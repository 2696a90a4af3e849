/// Writes a ``LandscapeAnalysis`` as the JSON contract other tools read: top-level keys
/// exactly `landscape`, `pilots`, `bottlenecks`, `sprawl`, in that order; every object's keys
/// in a fixed order; lists sorted (bottlenecks by pressure, then id; the rest by id); plain
/// numbers at full precision. The same analysis gives the same bytes.
///
/// ```swift
/// let json = AnalysisJSONWriter().write(analysis)
/// ```
public struct AnalysisJSONWriter: Sendable {
    /// How many entries each ranked bottleneck list shows (default: every one); big landscapes
    /// need small answers too.
    public var top: Int?

    public init(top: Int? = nil) {
        self.top = top
    }

    public func write(_ analysis: LandscapeAnalysis, pilots selected: [PilotAnalysis]? = nil) -> String {
        let summary = analysis.summary
        var out = "{\n"
        out +=
            "  \"landscape\": {\"name\": \(JSONText.optionalString(summary.name)), \"systems\": \(summary.systems), "
            + "\"flows\": \(summary.flows), \"teams\": \(summary.teams), \"domains\": \(summary.domains), "
            + "\"pilots\": \(summary.pilots), \"pendingItems\": \(summary.pendingItems), "
            + "\"pendingEffort\": \(JSONText.number(summary.pendingEffort)), "
            + "\"asOf\": \(JSONText.optionalString(analysis.options.start?.description)), "
            + "\"betweenness\": {\"method\": \(JSONText.string(betweennessMethod(analysis.bottlenecks))), "
            + "\"sources\": \(analysis.bottlenecks.betweennessSources)}},\n"
        let pilots = (selected ?? analysis.pilots).map(pilot)
        out += "  \"pilots\": [" + (pilots.isEmpty ? "" : "\n" + pilots.joined(separator: ",\n") + "\n  ") + "],\n"
        out += "  \"bottlenecks\": {\n"
        out += "    \"systems\": " + list(analysis.bottlenecks.systems) + ",\n"
        out += "    \"flows\": " + list(analysis.bottlenecks.flows) + ",\n"
        out += "    \"teams\": " + list(analysis.bottlenecks.teams) + "\n"
        out += "  },\n"
        let sprawl = analysis.sprawl
        out +=
            "  \"sprawl\": {\"cycles\": [" + sprawl.cycles.map(JSONText.strings).joined(separator: ",") + "], "
            + "\"redundantFlows\": \(JSONText.strings(sprawl.redundantFlows)), "
            + "\"orphanSystems\": \(JSONText.strings(sprawl.orphanSystems)), "
            + "\"deprecatedInUse\": \(JSONText.strings(sprawl.deprecatedInUse)), "
            + "\"flowsPerSystem\": \(JSONText.number(sprawl.flowsPerSystem))}\n"
        return out + "}\n"
    }

    private func betweennessMethod(_ bottlenecks: Bottlenecks) -> String {
        if bottlenecks.betweennessSources == 0 { return "skipped" }
        return bottlenecks.betweennessIsExact ? "exact" : "sampled"
    }

    /// The table ranked, one object per line, each made as it is written.
    private func list(_ table: BottleneckTable) -> String {
        guard !table.isEmpty else { return "[]" }
        var out = "["
        for (number, position) in table.rankedPositions().prefix(top ?? Int.max).enumerated() {
            out += (number == 0 ? "\n      " : ",\n      ") + bottleneck(table[position])
        }
        return out + "\n    ]"
    }

    private func pilot(_ pilot: PilotAnalysis) -> String {
        let estimate =
            pilot.estimate.map {
                "{\"mean\": \(JSONText.number($0.mean)), \"stddev\": \(JSONText.number($0.standardDeviation)), "
                    + "\"p50\": \(JSONText.number($0.p50)), \"p85\": \(JSONText.number($0.p85)), \"p95\": \(JSONText.number($0.p95))}"
            } ?? "null"
        let work = pilot.work.map { entry in
            "      {\"id\": \(JSONText.string(entry.item.id)), \"kind\": \(JSONText.string(entry.item.kind.rawValue)), "
                + "\"effort\": \(JSONText.number(entry.item.effort.expectedDays)), "
                + "\"earliestStart\": \(JSONText.number(entry.earliestStart)), \"earliestFinish\": \(JSONText.number(entry.earliestFinish)), "
                + "\"latestStart\": \(JSONText.number(entry.latestStart)), \"latestFinish\": \(JSONText.number(entry.latestFinish)), "
                + "\"slack\": \(JSONText.number(entry.slack)), \"criticality\": \(JSONText.number(entry.criticality)), "
                + "\"estimated\": \(entry.item.estimated)}"
        }
        let sprawl = pilot.sprawl
        let blockers: [String] = pilot.blockers.map { blocker in
            "{\"id\": \(JSONText.string(blocker.id)), \"reason\": \(JSONText.string(blocker.reason)), "
                + "\"owner\": \(JSONText.optionalString(blocker.owner)), \"until\": \(JSONText.optionalString(blocker.until?.description))}"
        }
        let state = "\"state\": \(JSONText.string(pilot.state.rawValue)), \"blockedBy\": [" + blockers.joined(separator: ", ") + "], "
        let dates =
            "\"duration\": \(JSONText.number(pilot.duration)), "
            + "\"plannedReady\": \(pilot.plannedReady.map(JSONText.number) ?? "null"), "
            + "\"finish\": \(JSONText.optionalString(pilot.finishDate?.description)), \"finishIsP85\": \(pilot.finishIsP85), "
            + "\"datesAssumeUnblocked\": \(pilot.datesAssumeUnblocked), "
        return "    {\"id\": \(JSONText.string(pilot.pilot.id)), " + state + dates
            + "\"target\": \(JSONText.optionalString(pilot.pilot.target?.description)), "
            + "\"criticalPath\": \(JSONText.strings(pilot.criticalPath)), \"estimate\": \(estimate), "
            + "\"estimatedShare\": \(JSONText.number(pilot.estimatedShare)),\n"
            + "     \"work\": [" + (work.isEmpty ? "" : "\n" + work.joined(separator: ",\n") + "\n     ") + "],\n"
            + "     \"sprawl\": {\"systems\": \(sprawl.systems), \"flows\": \(sprawl.flows), \"pendingFlows\": \(sprawl.pendingFlows), "
            + "\"teams\": \(sprawl.teams), \"domains\": \(sprawl.domains), \"gates\": \(sprawl.gates), "
            + "\"classification\": \(JSONText.optionalString(sprawl.classification?.rawValue))},\n"
            + "     \"dominators\": \(JSONText.strings(pilot.dominators))}"
    }

    private func bottleneck(_ entry: Bottleneck) -> String {
        var text =
            "{\"id\": \(JSONText.string(entry.id)), \"pilots\": \(JSONText.strings(entry.pilots)), "
            + "\"waiting\": \(JSONText.strings(entry.waiting)), "
            + "\"pendingEffort\": \(JSONText.number(entry.pendingEffort)), \"pressure\": \(JSONText.number(entry.pressure)), "
            + "\"criticalFor\": \(JSONText.strings(entry.criticalFor))"
        if entry.articulationPoint != nil {
            text += ", \"betweenness\": " + (entry.betweenness.map(JSONText.number) ?? "null")
        }
        if let articulation = entry.articulationPoint { text += ", \"articulationPoint\": \(articulation)" }
        if let bridge = entry.bridge { text += ", \"bridge\": \(bridge)" }
        return text + "}"
    }
}
