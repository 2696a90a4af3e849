/// The one path from a model to answers — read → validated model → analysis — that every
/// `integraph` command takes; maps (``MapRenderer``) and the leaders' report continue it in
/// `IntegraphGraphviz`. Each stage is its own call, so a caller can stop after any of them
/// (`import` stops after validating what it wrote) and the analysis options are chosen here,
/// once: what `analyze` computes comes from ``options``; what maps, plans, rules, diffs and
/// the report need is derived from them (same start date and seed; betweenness only for
/// the report).
///
/// ```swift
/// var options = AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))
/// let pipeline = Pipeline(options: options)
/// let report = try pipeline.read(.file("Graphs/acme-retail.yaml"))
/// let validated = try pipeline.validated(report)
/// let analysis = pipeline.analyze(validated)
/// print(AnalysisTextWriter().write(analysis))
/// ```
public struct Pipeline: Sendable {
    /// What ``analyze(_:)`` computes.
    public var options: AnalysisOptions
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

    /// Critical paths, sprawl and bottlenecks with ``options``.
    public func analyze(_ validated: ValidatedLandscape) -> LandscapeAnalysis {
        LandscapeAnalysis(validated, options: options)
    }

    /// What a caller needs an analysis for, when it is not the analysis itself.
    package enum Purpose: Sendable {
        /// Everything but betweenness: rules and diffs read lineages, sprawl and dates (P85
        /// among them).
        case schedules
        /// Lineages and work only: the capacity plan schedules the work itself.
        case lineage
        /// Critical paths, slack and bottlenecks for maps, which show no percentiles.
        case drawing
        /// A leaders' report: everything, with betweenness while it is exact.
        case report
    }

    /// The analysis a purpose needs: ``options``' start date and seed, and only the work
    /// that purpose reads (betweenness only for reports, fewer Monte Carlo samples where no percentile is shown).
    package func analyze(_ validated: ValidatedLandscape, for purpose: Purpose) -> LandscapeAnalysis {
        LandscapeAnalysis(validated, options: options(for: purpose, systemCount: validated.systems.count))
    }

    package func options(for purpose: Purpose, systemCount: Int) -> AnalysisOptions {
        var derived = options
        switch purpose {
        case .schedules:
            derived.computesBetweenness = false
        case .lineage:
            derived.computesBetweenness = false
            derived.samples = 1
        case .drawing:
            derived.computesBetweenness = false
            derived.samples = min(options.samples, 100)
        case .report:
            derived.computesBetweenness = options.computesBetweenness && systemCount <= options.betweennessExactLimit
        }
        return derived
    }
}
