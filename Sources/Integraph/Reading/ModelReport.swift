/// What reading one model file found: the landscape, as far as it could be decoded, and
/// every error and warning about it, in file order.
///
/// ```swift
/// let report = LandscapeReader().read(bytes: Array("integraph: 1\n".utf8), source: .file("tiny.yaml"))
/// report.hasErrors // false
/// ```
public struct ModelReport: Sendable {
    public var source: ModelSource
    /// `nil` when the file could not be parsed at all.
    public var landscape: Landscape?
    public var findings: [Finding]

    public init(source: ModelSource, landscape: Landscape?, findings: [Finding]) {
        self.source = source
        self.landscape = landscape
        self.findings = findings
    }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The landscape, only when it has no errors: what analyses and maps may use.
    public var validLandscape: Landscape? { hasErrors ? nil : landscape }
}
