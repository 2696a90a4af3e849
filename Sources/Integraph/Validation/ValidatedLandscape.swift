/// A landscape that passed every check, with the order of its work: the only form the
/// analyses and maps accept, so none of them can be handed ids that resolve to nothing or
/// work that cannot be ordered.
///
/// ``LandscapeReader`` makes one for a model file without errors; a landscape built in code
/// goes through ``init(validating:file:)``, which runs the same checks.
///
/// ```swift
/// let report = try LandscapeReader().read(.file("Graphs/acme-retail.yaml"))
/// if let validated = report.validLandscape {
///     let analysis = LandscapeAnalysis(validated)
/// }
/// let built = try ValidatedLandscape(validating: Landscape(systems: [System(id: "crm")]))
/// built.systems.count // 1: the landscape's properties read through
/// ```
@dynamicMemberLookup
public struct ValidatedLandscape: Sendable {
    public let landscape: Landscape
    /// The index and the precedence graph, built while validating and reused by the analyses.
    let plan: WorkPlan

    /// Builds the order of work of a landscape whose own checks found no error; `nil` with a
    /// located error in `findings` when explicit and implicit links form a cycle.
    init?(checked landscape: Landscape, findings: inout FindingCollector) {
        do {
            plan = try WorkPlan(LandscapeIndex(landscape))
        } catch {
            findings.error("\(error)", at: error.position, id: error.cycle.first, rule: .precedenceCycle)
            return nil
        }
        self.landscape = landscape
    }

    /// The landscape as compact, index-based arrays for graph algorithms of your own.
    package var index: LandscapeIndex { plan.index }

    public subscript<Value>(dynamicMember keyPath: KeyPath<Landscape, Value>) -> Value {
        landscape[keyPath: keyPath]
    }

    /// Checks a landscape built in code as a model file is checked.
    ///
    /// - Throws: ``InvalidLandscape`` with every error (and warning) found, located in `file`.
    public init(validating landscape: Landscape, file: String = "landscape") throws(InvalidLandscape) {
        var findings = FindingCollector(file: file)
        var validator = LandscapeValidator(landscape, incompleteIDs: [])
        validator.validate(into: &findings)
        let errors = findings.findings.contains { $0.severity == .error }
        guard !errors, let validated = ValidatedLandscape(checked: landscape, findings: &findings) else {
            throw InvalidLandscape(findings: Finding.ordered(findings.findings))
        }
        self = validated
    }
}

/// Why a landscape built in code is not valid: the findings, errors among them.
///
/// ```swift
/// do { _ = try ValidatedLandscape(validating: landscape) }
/// catch { print(FindingFormatter.text(error.findings)) }
/// ```
public struct InvalidLandscape: Error, Sendable, CustomStringConvertible {
    public let findings: [Finding]

    /// The errors, each with its file, line and column.
    public var description: String {
        findings.filter { $0.severity == .error }.map(\.description).joined(separator: "; ")
    }
}
