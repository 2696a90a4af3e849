/// Writes findings as a SARIF 2.1.0 log, the format code-scanning dashboards read: one run
/// of the `integraph` tool, every rule it knows (built-in and custom) with its description,
/// rationale and configured level, and each finding as a result located at its model file's
/// line and column.
///
/// ```swift
/// let log = SARIFWriter(rules: ruleSet).write(findings)
/// // {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [...]}
/// ```
package struct SARIFWriter: Sendable {
    public var rules: RuleSet
    public var toolVersion: String

    public init(rules: RuleSet, toolVersion: String = IntegraphVersion.current) {
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public func write(_ findings: [Finding]) -> String {
        var descriptors: [(id: String, summary: String, rationale: String, severity: RuleSeverity)] = RuleID.allCases.map {
            ($0.rawValue, $0.summary, $0.rationale, rules.severity(of: $0))
        }
        descriptors += rules.custom.map { ($0.id, $0.description, "A custom rule of the rules file.", $0.severity) }
        var index: [String: Int] = [:]
        for (position, descriptor) in descriptors.enumerated() { index[descriptor.id] = position }

        let ruleObjects = descriptors.map { descriptor in
            "          {\"id\": \(JSONText.string(descriptor.id)), "
                + "\"shortDescription\": {\"text\": \(JSONText.string(descriptor.summary))}, "
                + "\"fullDescription\": {\"text\": \(JSONText.string(descriptor.summary + " " + descriptor.rationale))}, "
                + "\"help\": {\"text\": \(JSONText.string(descriptor.rationale + " See docs/rules.md#" + descriptor.id + "."))}, "
                + "\"defaultConfiguration\": {\"enabled\": \(descriptor.severity != .off), "
                + "\"level\": \(JSONText.string(Self.level(descriptor.severity)))}}"
        }
        let results = findings.map { finding in
            var object = "        {\"ruleId\": \(JSONText.string(finding.rule)), "
            if let position = index[finding.rule] { object += "\"ruleIndex\": \(position), " }
            object +=
                "\"level\": \(JSONText.string(finding.severity == .error ? "error" : "warning")), "
                + "\"message\": {\"text\": \(JSONText.string(finding.message))}, "
                + "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(JSONText.string(Self.uri(finding.file)))}, "
                + "\"region\": {\"startLine\": \(max(1, finding.line)), \"startColumn\": \(max(1, finding.column))}}}]"
            if let id = finding.id {
                object += ", \"properties\": {\"entity\": \(JSONText.string(id))}"
            }
            return object + "}"
        }
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "integraph",
                      "version": \(JSONText.string(toolVersion)),
                      "rules": [
            \(ruleObjects.joined(separator: ",\n"))
                      ]
                    }
                  },
                  "columnKind": "unicodeCodePoints",
                  "results": [
            \(results.joined(separator: ",\n"))
                  ]
                }
              ]
            }

            """
    }

    static func level(_ severity: RuleSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .off: "none"
        }
    }

    /// A file path as a relative URI reference: every byte outside the unreserved set and
    /// `/` percent-encoded, so spaces and `#` stay part of the path.
    static func uri(_ path: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        var out = ""
        for byte in path.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
