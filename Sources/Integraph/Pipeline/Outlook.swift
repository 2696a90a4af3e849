/// One run's answers about one model, computed once, that every output only renders: the
/// as-of date, the analysis (schedules with the teams' capacity where declared, each
/// pilot's state, finish and critical path, the bottlenecks) and every finding `check`
/// prints for the same model and rules. `analyze`, `plan`, `render`, `report` and `check`
/// all start from one, so a number shown in two places is one number.
///
/// ```swift
/// let pipeline = Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-07")))
/// let outlook = try pipeline.outlook(try pipeline.read(.file("Graphs/acme-retail.yaml")))
/// outlook.asOf                      // 2026-12-07
/// outlook.analysis.pilots[0].state  // .blocked
/// outlook.findings.count            // what `integraph check --start 2026-12-07` lists
/// ```
public struct Outlook: Sendable {
    /// The model the outlook is about.
    public let model: ValidatedLandscape
    public let analysis: LandscapeAnalysis
    /// The findings `check` shows for the model with the pipeline's rules, in file order:
    /// those made while reading and those that need the analysis.
    public let findings: [Finding]

    package init(model: ValidatedLandscape, analysis: LandscapeAnalysis, findings: [Finding]) {
        self.model = model
        self.analysis = analysis
        self.findings = findings
    }

    public var landscape: Landscape { model.landscape }

    /// The day the outlook counts from; `nil` only for a library caller that gave none.
    public var asOf: CalendarDate? { analysis.options.start }

    /// The capacity plan with `options`' what-ifs, from this outlook's lineages and work:
    /// what-ifs rerun the scheduler, never the analysis. Without what-ifs and with a
    /// capacity declared, it is the plan the pilots' states already come from.
    package func plan(_ options: PlanOptions = PlanOptions()) -> CapacityPlan {
        if !options.hasWhatIfs, let plan = analysis.capacityPlan { return plan }
        return CapacityPlan(analysis, options: dated(options))
    }

    /// Single moves ranked by what they save (``PlanSuggestion``), from this outlook.
    package func suggestions(_ options: PlanOptions = PlanOptions()) -> [PlanSuggestion] {
        PlanSuggestion.ranked(for: analysis, options: dated(options))
    }

    /// A plan's options count from the outlook's date, whatever the caller set.
    private func dated(_ options: PlanOptions) -> PlanOptions {
        var dated = options
        dated.start = asOf
        return dated
    }

    /// "N errors and M warnings" as `check` would count them, or "no findings".
    public var findingsSummary: String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        if findings.isEmpty { return "no findings" }
        return [errors > 0 ? Wording.counted(errors, "error") : nil, warnings > 0 ? Wording.counted(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: " and ")
    }
}
