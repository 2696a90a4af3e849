/// The one path from a model to answers — read → validated model → outlook — that every
/// `integraph` command takes; maps (``MapRenderer``) and the leaders' report continue it in
/// `IntegraphGraphviz`. Each stage is its own call, so a caller can stop after any of them
/// (`import` stops after validating what it wrote). The outlook (``Outlook``) is computed
/// once per run — the analysis with ``options`` and the findings with ``rules`` — and every
/// output renders it; what each purpose leaves out is chosen here, once (betweenness,
/// which no map, plan or rule reads).
///
/// ```swift
/// let pipeline = Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01")))
/// let report = try pipeline.read(.file("Graphs/acme-retail.yaml"))
/// let outlook = try pipeline.outlook(report)
/// print(AnalysisTextWriter().write(outlook))
/// ```
public struct Pipeline: Sendable {
    /// What the analysis computes.
    public var options: AnalysisOptions
    /// Which rules are checked, how severe they are, their thresholds (a rules file).
    package var rules: RuleSet = .standard
    public var reader: LandscapeReader

    public init(options: AnalysisOptions = AnalysisOptions(), reader: LandscapeReader = LandscapeReader()) {
        self.options = options
        self.reader = reader
    }

    /// Reads and checks a model file or standard input.
    ///
    /// - Throws: ``ModelReadError`` only when there is nothing to read; what is wrong in the
    ///   file comes back as the report's findings.
    public func read(_ source: ModelSource) throws(ModelReadError) -> ModelReport {
        try reader.read(source)
    }

    /// Reads and checks model text already in memory.
    public func read(bytes: [UInt8], source: ModelSource) -> ModelReport {
        reader.read(bytes: bytes, source: source)
    }

    /// The model the analyses accept, when reading found no error.
    ///
    /// - Throws: ``InvalidLandscape`` with every finding, in file order.
    public func validated(_ report: ModelReport) throws(InvalidLandscape) -> ValidatedLandscape {
        guard let validated = report.validLandscape else { throw InvalidLandscape(findings: report.findings) }
        return validated
    }

    /// The outlook of a model read without errors: its analysis, and the findings of reading
    /// it and of the rules that need the analysis, as ``rules`` shows them.
    ///
    /// - Throws: ``InvalidLandscape`` when reading found errors.
    public func outlook(_ report: ModelReport, for purpose: Purpose = .analysis) throws(InvalidLandscape) -> Outlook {
        outlook(try validated(report), findings: report.findings, file: report.source.displayName, for: purpose)
    }

    /// The outlook of a validated model; `findings` are those reading it made (its warnings),
    /// `file` names it in the rules' findings.
    public func outlook(
        _ validated: ValidatedLandscape, findings: [Finding] = [], file: String = "model", for purpose: Purpose = .analysis
    ) -> Outlook {
        let analysis = LandscapeAnalysis(validated, options: options(for: purpose, systemCount: validated.systems.count))
        let checked = RuleChecker(rules: rules, asOf: options.start).findings(for: validated, file: file, analysis: analysis)
        return Outlook(model: validated, analysis: analysis, findings: rules.apply(findings + checked))
    }

    /// Critical paths, sprawl and bottlenecks with ``options``, without the findings.
    public func analyze(_ validated: ValidatedLandscape) -> LandscapeAnalysis {
        LandscapeAnalysis(validated, options: options)
    }

    /// What the outlook is for: it decides only whether betweenness is computed, so every
    /// purpose sees the same dates, states and percentiles.
    public enum Purpose: Sendable {
        /// `analyze`: ``options`` as they are.
        case analysis
        /// A leaders' report: betweenness while it is exact.
        case report
        /// Rules, plans, maps and diffs, none of which shows betweenness.
        case schedules
    }

    package func options(for purpose: Purpose, systemCount: Int) -> AnalysisOptions {
        var derived = options
        switch purpose {
        case .analysis: break
        case .schedules: derived.computesBetweenness = false
        case .report: derived.computesBetweenness = options.computesBetweenness && systemCount <= options.betweennessExactLimit
        }
        return derived
    }
}
