import Integraph

extension Pipeline {
    /// The pipeline's last stage for leaders: an outlook's maps laid out (the overview, each
    /// pilot's map, focus maps of the busiest systems) and its capacity plan, beside its
    /// analysis and findings, ready for ``HTMLReportWriter`` or ``MarkdownReportWriter``.
    /// The command line and a library caller give the same outlook the same report.
    ///
    /// ```swift
    /// let pipeline = Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01")))
    /// let outlook = try pipeline.outlook(try pipeline.read(.file("Graphs/acme-retail.yaml")), for: .report)
    /// let input = try pipeline.report(
    ///     outlook, source: ReportSource(modelFile: "acme-retail.yaml", modelHash: sha256Hex, generatedAt: "2026-12-01T09:00:00Z"))
    /// let html = HTMLReportWriter().write(input)
    /// ```
    ///
    /// - Parameters:
    ///   - outlook: the model's outlook, best made `for: .report` (betweenness while exact).
    ///   - title: the page's title; "NAME: AI pilots, integration outlook" when `nil`.
    /// - Throws: an error naming the map Graphviz could not lay out.
    public func report(_ outlook: Outlook, source: ReportSource, title: String? = nil) throws -> ReportInput {
        try report(outlook, source: source, title: title, progress: nil)
    }

    /// As ``report(_:source:title:)``; `progress` is told each map before it is drawn
    /// ("map 3 of 25: Churn copilot"), for a command to show what a long report is doing.
    package func report(
        _ outlook: Outlook, source: ReportSource, title: String? = nil, progress: ((String) -> Void)?
    ) throws -> ReportInput {
        let landscape = outlook.landscape
        let subject = MapSubject(outlook)
        let maps = try ReportMaps(subject, progress: progress)
        var input = ReportInput(
            title: title ?? "\(landscape.displayName): AI pilots, integration outlook",
            landscape: landscape, analysis: outlook.analysis, findings: outlook.findings, maps: maps.maps,
            mapNotice: maps.notice, source: source)
        input.plan = outlook.plan()
        return input
    }
}
