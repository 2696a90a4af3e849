/// Writes findings for people (compiler-style lines and a summary) or for tools (JSON).
///
/// ```swift
/// let text = FindingFormatter.text(report.findings)
/// let json = FindingFormatter.json(report.findings)
/// // [{"severity":"error","file":"m.yaml","line":3,"column":9,"id":"f","rule":"unknown-reference","message":"..."}]
/// ```
package enum FindingFormatter {
    /// One `FILE:LINE:COLUMN: severity: message` line per finding, with ` [rule]` after
    /// the message when `showingRules`.
    public static func text(_ findings: [Finding], showingRules: Bool = false) -> String {
        findings.map { showingRules ? "\($0) [\($0.rule)]\n" : "\($0)\n" }.joined()
    }

    /// `3 errors and 1 warning in 2 files`.
    public static func summary(_ findings: [Finding], fileCount: Int) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        return "\(Wording.counted(errors, "error")) and \(Wording.counted(warnings, "warning")) in \(Wording.counted(fileCount, "file"))"
    }

    /// A JSON array of `{"severity","file","line","column","id","rule","message"}` objects.
    public static func json(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "[]\n" }
        let objects = findings.map { finding in
            "  {\"severity\": \(JSONText.string(finding.severity.rawValue)), \"file\": \(JSONText.string(finding.file)), "
                + "\"line\": \(finding.line), \"column\": \(finding.column), \"id\": \(JSONText.optionalString(finding.id)), "
                + "\"rule\": \(JSONText.string(finding.rule)), \"message\": \(JSONText.string(finding.message))}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
