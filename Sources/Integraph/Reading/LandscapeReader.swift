import Foundation

/// Reads and validates a landscape model: bytes → YAML or JSON document → ``Landscape`` →
/// cross-entity checks → the order of its work (``ValidatedLandscape``). Everything wrong with the file is reported at once, as
/// ``Finding``s with file, line and column.
///
/// ```swift
/// let report = try LandscapeReader().read(.file("Graphs/acme-retail.yaml"))
/// for finding in report.findings { print(finding) }
/// guard let validated = report.validLandscape else { exit(1) }
/// ```
public struct LandscapeReader: Sendable {
    package var limits: DocumentLimits

    /// A reader with the default limits on nesting depth and node count.
    public init() {
        limits = DocumentLimits()
    }

    package init(limits: DocumentLimits) {
        self.limits = limits
    }

    /// Reads a file or standard input. Throws only when there is nothing to read; problems
    /// in what was read come back as findings.
    public func read(_ source: ModelSource) throws(ModelReadError) -> ModelReport {
        read(bytes: try Self.bytes(of: source), source: source)
    }

    /// Decodes and validates model text already in memory.
    public func read(bytes: [UInt8], source: ModelSource) -> ModelReport {
        let file = source.displayName
        let root: DocumentNode?
        do {
            let text = try SourceText.validated(bytes)
            switch source.syntax {
            case .yaml: root = try YAMLDocumentParser(limits: limits).parse(utf8: text)
            case .json: root = try JSONDocumentParser(limits: limits).parse(text)
            }
        } catch {
            let finding = Finding(
                severity: .error, file: file, position: error.position, id: nil, rule: RuleID.syntax.rawValue,
                message: error.message)
            return ModelReport(source: source, landscape: nil, findings: [finding])
        }
        var decoder = LandscapeDecoder(file: file)
        let landscape = decoder.decode(root)
        var findings = decoder.findings
        var validated: ValidatedLandscape?
        if let landscape {
            var validator = LandscapeValidator(landscape, incompleteIDs: decoder.incompleteIDs)
            validator.validate(into: &findings)
            // Ordering the work is part of validation: `check` and `analyze` must agree.
            if !findings.findings.contains(where: { $0.severity == .error }) {
                validated = ValidatedLandscape(checked: landscape, findings: &findings)
            }
        }
        return ModelReport(source: source, landscape: landscape, validated: validated, findings: Finding.ordered(findings.findings))
    }

    /// The bytes of a model file or of standard input, as ``read(_:)`` reads them.
    public static func bytes(of source: ModelSource) throws(ModelReadError) -> [UInt8] {
        switch source {
        case .standardInput:
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ModelReadError(source: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else {
                throw ModelReadError(source: path, reason: "it is a directory, not a model file")
            }
            // A file handle also reads pipes and devices (`<(generate)`, /dev/stdin), which
            // Data(contentsOf:) refuses with a misleading "permission" message.
            guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
                throw ModelReadError(source: path, reason: "permission denied")
            }
            defer { try? handle.close() }
            do {
                return Array(try handle.readToEnd() ?? Data())
            } catch {
                throw ModelReadError(source: path, reason: "read failed (\(error.localizedDescription))")
            }
        }
    }
}
