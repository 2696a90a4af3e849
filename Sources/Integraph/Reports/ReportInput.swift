/// Everything a leaders' report shows: the landscape and its analysis, the model's check
/// findings, maps drawn elsewhere (the core does not draw), and where it all came from.
///
/// ```swift
/// let input = ReportInput(title: "Acme AI pilots", landscape: landscape, analysis: analysis,
///                         findings: report.findings, maps: maps, source: source)
/// let html = HTMLReportWriter().write(input)
/// ```
public struct ReportInput: Sendable {
    public var title: String
    public var landscape: Landscape
    public var analysis: LandscapeAnalysis
    public var findings: [Finding]
    /// The overview map first (landscape or domains), then one per pilot that has one.
    public var maps: [ReportMap]
    /// Why the overview is what it is, for big landscapes; `nil` when there is nothing to say.
    public var mapNotice: String?
    public var source: ReportSource
    /// The capacity plan: pilots' ready days with team capacity, and money where the model
    /// has day rates, values and budgets. `nil` leaves the section out.
    package var plan: CapacityPlan?

    public init(
        title: String, landscape: Landscape, analysis: LandscapeAnalysis, findings: [Finding],
        maps: [ReportMap], mapNotice: String? = nil, source: ReportSource
    ) {
        self.title = title
        self.landscape = landscape
        self.analysis = analysis
        self.findings = findings
        self.maps = maps
        self.mapNotice = mapNotice
        self.source = source
    }
}

/// One drawn map, as SVG text, with the element id it is shown under.
///
/// ```swift
/// let map = ReportMap(sectionID: "overview", title: "Landscape", svg: svgText)
/// ```
public struct ReportMap: Sendable {
    /// The id of the map's section in the report (`overview`, `pilot-3`).
    public var sectionID: String
    public var title: String
    public var svg: String
    /// The pilot it belongs to; `nil` for the overview.
    public var pilot: String?
    /// The system a focus map centres on; `nil` for other maps.
    public var system: String?
    /// For the overview: SVG element id → section id, so clicking a pilot's node opens its map.
    public var links: [String: String]

    public init(
        sectionID: String, title: String, svg: String, pilot: String? = nil, system: String? = nil,
        links: [String: String] = [:]
    ) {
        self.sectionID = sectionID
        self.title = title
        self.svg = svg
        self.pilot = pilot
        self.system = system
        self.links = links
    }
}

/// Where a report came from, for its footer.
///
/// ```swift
/// let source = ReportSource(modelFile: "acme.yaml", modelHash: sha256Hex, generatedAt: "2026-12-01T09:00:00Z")
/// ```
public struct ReportSource: Sendable {
    public var modelFile: String
    /// SHA-256 of the model file's bytes, hex.
    public var modelHash: String
    /// When the report was made (ISO 8601, UTC).
    public var generatedAt: String
    /// The version the footer names; this build's when not given.
    public var toolVersion: String

    public init(modelFile: String, modelHash: String, generatedAt: String, toolVersion: String? = nil) {
        self.modelFile = modelFile
        self.modelHash = modelHash
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion ?? IntegraphVersion.current
    }

    /// The source of a model read from `modelBytes`, hashed here as the command line hashes
    /// it, so a library caller's report footer is the command's.
    ///
    /// ```swift
    /// let source = ReportSource(modelFile: "acme.yaml", modelBytes: bytes, generatedAt: "2026-12-01T09:00:00Z")
    /// ```
    public init(modelFile: String, modelBytes: [UInt8], generatedAt: String) {
        self.init(modelFile: modelFile, modelHash: Fingerprint.hex(modelBytes), generatedAt: generatedAt)
    }
}
