/// What reading one model file found: the landscape, as far as it could be decoded, and
/// every error and warning about it, in file order.
///
/// ```swift
/// let report = LandscapeReader().read(bytes: Array("integraph: 1\n".utf8), source: .file("tiny.yaml"))
/// report.hasErrors // false
/// ```
public struct ModelReport: Sendable {
    public let source: ModelSource
    /// As far as it could be decoded; `nil` when the file could not be parsed at all.
    public let landscape: Landscape?
    public let findings: [Finding]
    private let validated: ValidatedLandscape?

    init(source: ModelSource, landscape: Landscape?, validated: ValidatedLandscape? = nil, findings: [Finding]) {
        self.source = source
        self.landscape = landscape
        self.validated = validated
        self.findings = findings
    }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The landscape, only when it has no errors: what analyses and maps may use.
    public var validLandscape: ValidatedLandscape? { hasErrors ? nil : validated }
}
