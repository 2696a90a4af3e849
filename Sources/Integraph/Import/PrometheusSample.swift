/// One sample line of Prometheus' text exposition format (and of OpenMetrics, whose
/// exemplars after `#` are left out): `name{label="value",…} value [timestamp]`. Label
/// values unescape `\\`, `\"` and `\n`. Comments (`# HELP`, `# TYPE`, `# EOF`) and blank
/// lines hold no sample; anything else that is not a sample is a syntax error with its
/// column.
///
/// ```swift
/// let sample = try PrometheusSample.parse(#"requests_total{client="web"} 42 1700000000000"#).get()
/// print(sample?.name, sample?.labels["client"], sample?.value) // requests_total web 42
/// ```
package struct PrometheusSample: Sendable, Equatable {
    /// Why a line is not a sample, and where on it.
    package struct SyntaxError: Error, Sendable, Equatable {
        public let column: Int
        public let message: String
    }

    public let name: String
    public let labels: [String: String]
    /// The value as written: a number, `NaN` or `±Inf`.
    public let value: String

    /// The lines of an exposition as Prometheus splits them: at `\n`, a `\r` before it
    /// dropped. Not at every Unicode line break: a label value may hold U+2028, and line
    /// numbers must be the ones an editor shows.
    public static func lines(of text: String) -> [Substring] {
        // "\r\n" is one Character in Swift.
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The sample on `line`; `nil` for a comment or a blank line.
    public static func parse(_ line: some StringProtocol) -> Result<PrometheusSample?, SyntaxError> {
        let characters = Array(line.unicodeScalars)
        var index = 0
        func skipSpaces() { while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 } }
        func failure(_ message: String) -> Result<PrometheusSample?, SyntaxError> {
            .failure(SyntaxError(column: index + 1, message: message))
        }
        func identifier(allowingColon: Bool) -> String {
            let start = index
            while index < characters.count {
                let character = characters[index]
                let isLetter = ("a"..."z").contains(character) || ("A"..."Z").contains(character) || character == "_"
                guard isLetter || (allowingColon && character == ":") || (index > start && ("0"..."9").contains(character)) else { break }
                index += 1
            }
            return String(String.UnicodeScalarView(characters[start..<index]))
        }
        func token() -> String {
            let start = index
            while index < characters.count, characters[index] != " ", characters[index] != "\t" { index += 1 }
            return String(String.UnicodeScalarView(characters[start..<index]))
        }
        skipSpaces()
        if index == characters.count || characters[index] == "#" { return .success(nil) }
        let name = identifier(allowingColon: true)
        guard !name.isEmpty else { return failure("not a sample: a metric name begins with a letter, '_' or ':'") }
        var labels: [String: String] = [:]
        let afterName = index
        skipSpaces()
        // A value follows the name after a space, or straight after the labels' '}'.
        var separated = index > afterName
        if index < characters.count, characters[index] == "{" {
            separated = true
            index += 1
            while true {
                skipSpaces()
                guard index < characters.count else { return failure("the labels are not closed with '}'") }
                if characters[index] == "}" { break }
                let label = identifier(allowingColon: false)
                guard !label.isEmpty else { return failure("expected a label name or '}'") }
                skipSpaces()
                guard index < characters.count, characters[index] == "=" else { return failure("expected '=' after the label '\(label)'") }
                index += 1
                skipSpaces()
                guard index < characters.count, characters[index] == "\"" else { return failure("expected '\"' to begin the value of '\(label)'") }
                let quote = index
                index += 1
                var value = String.UnicodeScalarView()
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count {
                        index += 1
                        switch characters[index] {
                        case "n": value.append("\n")
                        case "\\", "\"": value.append(characters[index])
                        default: value.append(contentsOf: ["\\", characters[index]])
                        }
                    } else {
                        value.append(characters[index])
                    }
                    index += 1
                }
                guard index < characters.count else {
                    index = quote
                    return failure("the value of '\(label)' is not closed with '\"'")
                }
                index += 1
                labels[label] = String(value)
                skipSpaces()
                if index < characters.count, characters[index] == "," { index += 1 }
            }
            index += 1
        }
        skipSpaces()
        guard separated else { return failure("expected a value after the metric '\(name)'") }
        let value = token()
        guard !value.isEmpty else { return failure("expected a value after the metric '\(name)'") }
        skipSpaces()
        if index < characters.count, characters[index] != "#" {
            let timestamp = index
            guard Double(token()) != nil else {
                index = timestamp
                return failure("expected a timestamp after the value, or the end of the line")
            }
            skipSpaces()
        }
        guard index == characters.count || characters[index] == "#" else { return failure("expected the end of the line") }
        return .success(PrometheusSample(name: name, labels: labels, value: value))
    }
}
