/// Gathers the findings about one model file while it is decoded and validated.
struct FindingCollector {
    let file: String
    var findings: [Finding] = []

    init(file: String) {
        self.file = file
    }

    /// Most errors are about a key's type or value, found while decoding: `schema`.
    mutating func error(_ message: String, at position: SourcePosition, id: String? = nil, rule: RuleID = .schema) {
        findings.append(Finding(severity: .error, file: file, position: position, id: id, rule: rule.rawValue, message: message))
    }

    mutating func warning(_ message: String, at position: SourcePosition, id: String? = nil, rule: RuleID) {
        findings.append(Finding(severity: .warning, file: file, position: position, id: id, rule: rule.rawValue, message: message))
    }
}
