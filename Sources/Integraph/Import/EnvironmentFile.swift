/// An environment file as Compose reads it (the `.env` beside a Compose file, a service's
/// `env_file`): `NAME=value` lines, an optional `export `, comments (`#` at the start of a
/// line, or after a space in an unquoted value), single-quoted values taken literally,
/// double-quoted ones with `\n`-style escapes, and substitution (``ComposeInterpolation``)
/// in unquoted and double-quoted values from the variables above them and then `outer`.
/// A line with a name and no `=` takes its value from the shell, which is never read.
/// O(length).
///
/// ```swift
/// let file = EnvironmentFile(name: ".env", text: "PORT=7070\nCART_ADDR=cart:${PORT}\n") { _ in nil }
/// file.values["CART_ADDR"] // "cart:7070"
/// ```
struct EnvironmentFile {
    struct Variable {
        let name: String
        /// `nil` for a name written without `=`.
        let value: String?
        let position: SourcePosition
    }

    private(set) var variables: [Variable] = []
    /// Each variable's value, the last line that sets it winning.
    private(set) var values: [String: String] = [:]
    /// Lines that are not `NAME=value`.
    private(set) var notes: [ImportNote] = []
    /// Substitutions of variables nothing sets.
    private(set) var unset: [(name: String, note: ImportNote)] = []

    init(name file: String, text: String, outer: (String) -> String?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        var number = 0
        while number < lines.count {
            let line = lines[number]
            number += 1
            var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty, !rest.hasPrefix("#") else { continue }
            let indent = line.count - rest.count
            if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop { $0 == " " } }
            let nameEnd = rest.firstIndex(of: "=") ?? rest.endIndex
            let name = rest[..<nameEnd].trimmingCharacters(in: .whitespaces)
            let position = SourcePosition(line: number, column: indent + 1)
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) else {
                notes.append(ImportNote(file: file, position: position, message: "skipped a line that is not NAME=value"))
                continue
            }
            guard nameEnd < rest.endIndex else {
                variables.append(Variable(name: name, value: nil, position: position))
                continue
            }
            var value = rest[rest.index(after: nameEnd)...].drop { $0 == " " || $0 == "\t" }
            let valueColumn = line.count - value.count + 1
            var interpolated = true
            if let quote = value.first, quote == "'" || quote == "\"" {
                // A quoted value may run over lines, up to its closing quote; each line is
                // searched once, so an unclosed quote costs one pass.
                var parts = [String(value.dropFirst())]
                var closing = Self.closingQuote(quote, in: Substring(parts[0]))
                while closing == nil, number < lines.count {
                    parts.append(lines[number])
                    number += 1
                    closing = Self.closingQuote(quote, in: Substring(lines[number - 1]))
                }
                let last = parts.removeLast()
                let body = (parts + [closing.map { String(last[..<$0]) } ?? last]).joined(separator: "\n")
                value = Substring(quote == "'" ? body : Self.unescaped(Substring(body)))
                interpolated = quote == "\""
            } else if let comment = value.indices.first(where: { value[$0] == "#" && $0 > value.startIndex && value[value.index(before: $0)].isWhitespace }) {
                value = value[..<comment]
                value = value.prefix(value.count - value.reversed().prefix { $0 == " " || $0 == "\t" }.count)
            } else {
                value = value.prefix(value.count - value.reversed().prefix { $0 == " " || $0 == "\t" }.count)
            }
            var text = String(value)
            if interpolated {
                let known = values
                let result = ComposeInterpolation.interpolate(text) { known[$0] ?? outer($0) }
                text = result.text
                for missing in result.unresolved {
                    let at = SourcePosition(line: position.line, column: valueColumn + missing.offset)
                    unset.append((missing.name, ComposeInterpolation.note(missing, file: file, at: at)))
                }
            }
            variables.append(Variable(name: name, value: text, position: position))
            values[name] = text
        }
    }

    private static func closingQuote(_ quote: Character, in text: Substring) -> String.Index? {
        var escaped = false
        for index in text.indices {
            if escaped {
                escaped = false
            } else if text[index] == "\\" && quote == "\"" {
                escaped = true
            } else if text[index] == quote {
                return index
            }
        }
        return nil
    }

    private static func unescaped(_ text: Substring) -> String {
        var result = "", escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "\\", "\"": result.append(character)
                default: result += "\\" + String(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
