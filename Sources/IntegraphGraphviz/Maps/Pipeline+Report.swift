import Integraph

extension Pipeline {
    /// The pipeline's last stage for leaders: the report's analysis (betweenness while it is
    /// exact), its maps laid out (the overview, each pilot's map, focus maps of the busiest
    /// systems) and the capacity plan, ready for ``HTMLReportWriter``.
    ///
    /// ```swift
    /// let pipeline = Pipeline()
    /// let report = try pipeline.read(.file("Graphs/acme-retail.yaml"))
    /// let input = try pipeline.report(
    ///     try pipeline.validated(report), findings: report.warnings,
    ///     source: ReportSource(modelFile: "acme-retail.yaml", modelHash: sha256Hex, generatedAt: "2026-12-01T09:00:00Z"))
    /// let html = HTMLReportWriter().write(input)
    /// ```
    ///
    /// - Parameters:
    ///   - findings: the model's warnings, which the report lists.
    ///   - title: the page's title; "NAME: AI pilots, integration outlook" when `nil`.
    ///   - modelDate: the model's date for the maps' titles, such as "2026-11-25".
    /// - Throws: an error naming the map Graphviz could not lay out.
    public func report(
        _ validated: ValidatedLandscape, findings: [Finding], source: ReportSource,
        title: String? = nil, modelDate: String? = nil
    ) throws -> ReportInput {
        let landscape = validated.landscape
        let subject = MapSubject(landscape, analysis: analyze(validated, for: .report), modelDate: modelDate)
        let maps = try ReportMaps(subject)
        var input = ReportInput(
            title: title ?? "\(landscape.displayName): AI pilots, integration outlook",
            landscape: landscape, analysis: subject.analysis, findings: findings, maps: maps.maps,
            mapNotice: maps.notice, source: source)
        input.plan = CapacityPlan(validated, analysis: subject.analysis, options: PlanOptions(start: options.start))
        return input
    }
}
