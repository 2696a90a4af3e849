/// Gathers the findings about one model file while it is decoded and validated.
struct FindingCollector {
    let file: String
    private(set) var findings: [Finding] = []

    init(file: String) {
        self.file = file
    }

    mutating func error(_ message: String, at position: SourcePosition, id: String? = nil) {
        findings.append(Finding(severity: .error, file: file, position: position, id: id, message: message))
    }

    mutating func warning(_ message: String, at position: SourcePosition, id: String? = nil) {
        findings.append(Finding(severity: .warning, file: file, position: position, id: id, message: message))
    }
}
