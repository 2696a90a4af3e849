/// One problem found in a model file, located like a compiler diagnostic.
///
/// ```swift
/// let finding = Finding(severity: .error, file: "acme.yaml", position: SourcePosition(line: 3, column: 9),
///                       id: "crm-to-dwh", rule: "unknown-reference",
///                       message: "flow 'crm-to-dwh': 'to' names unknown system 'snowflak'")
/// print(finding) // acme.yaml:3:9: error: flow 'crm-to-dwh': 'to' names unknown system 'snowflak'
/// ```
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    /// The entity the finding is about, when there is one.
    public var id: String?
    /// The rule that made it: a ``RuleID`` raw value, or a custom rule's id.
    public var rule: String
    public var message: String

    public init(severity: Severity, file: String, position: SourcePosition, id: String?, rule: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = position.line
        self.column = position.column
        self.id = id
        self.rule = rule
        self.message = message
    }

    public var position: SourcePosition { SourcePosition(line: line, column: column) }

    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }

    /// File order, then errors before warnings, then by message: the order a reader expects.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            ($0.file, $0.line, $0.column, $0.severity, $0.message) < ($1.file, $1.line, $1.column, $1.severity, $1.message)
        }
    }
}
