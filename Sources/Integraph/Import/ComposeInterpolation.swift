/// Compose's variable substitution, as `docker compose` applies it to every value of a
/// Compose file and of its `.env` and `env_file`s: `$NAME` and `${NAME}`, `${NAME:-default}`
/// (unset or empty), `${NAME-default}` (unset), `${NAME:?error}` and `${NAME?error}` (the
/// value is required), `${NAME:+other}` and `${NAME+other}`, defaults that hold further
/// substitutions, and `$$` for a literal `$`. It never reads the process environment: the
/// same files give the same model on every machine. A variable that nothing sets reads as
/// empty and is reported with where it stands, so the gap can be seen. One pass over the
/// text with a stack for nested braces, at most ``maximumNesting`` deep: O(length).
///
/// ```swift
/// let result = ComposeInterpolation.interpolate("http://${HOST:-cart}:$PORT") { ["PORT": "7070"][$0] }
/// result.text // "http://cart:7070"
/// ```
enum ComposeInterpolation {
    /// A variable that nothing sets, at a character offset in the text.
    struct Unresolved: Equatable {
        let name: String
        let offset: Int
        /// The error text of `${NAME:?error}`, which makes the variable required.
        let requirement: String?
    }

    /// One `${` being read: the variable, the operator after it, and the word so far.
    private struct Frame {
        let name: String
        let operation: String
        let start: Int
        var word = ""
        var unresolved: [Unresolved] = []
    }

    /// How many `${` may stand open inside one another.
    static let maximumNesting = 16

    static func interpolate(_ text: String, lookup: (String) -> String?) -> (text: String, unresolved: [Unresolved]) {
        guard text.contains("$") else { return (text, []) }
        let characters = Array(text)
        var output = "", unresolved: [Unresolved] = []
        var frames: [Frame] = []
        func append(_ piece: String, _ missing: [Unresolved] = []) {
            if frames.isEmpty {
                output += piece
                unresolved += missing
            } else {
                frames[frames.count - 1].word += piece
                frames[frames.count - 1].unresolved += missing
            }
        }
        func isNameStart(_ character: Character) -> Bool { character == "_" || (character.isASCII && character.isLetter) }
        func isName(_ character: Character) -> Bool { isNameStart(character) || (character.isASCII && character.isNumber) }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "}", let frame = frames.popLast() {
                let (value, missing) = resolve(frame, lookup: lookup)
                append(value, missing)
                index += 1
                continue
            }
            guard character == "$", index + 1 < characters.count else {
                append(String(character))
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$" {
                append("$")
                index += 2
            } else if isNameStart(next) {
                var end = index + 1
                while end < characters.count, isName(characters[end]) { end += 1 }
                let name = String(characters[index + 1..<end])
                if let value = lookup(name) {
                    append(value)
                } else {
                    append("", [Unresolved(name: name, offset: index, requirement: nil)])
                }
                index = end
            } else if next == "{" {
                var end = index + 2
                while end < characters.count, isName(characters[end]) { end += 1 }
                let name = String(characters[index + 2..<end])
                var operation = ""
                for candidate in [":-", ":?", ":+", "-", "?", "+", "}"]
                where characters[end...].starts(with: candidate) {
                    operation = candidate
                    break
                }
                guard !name.isEmpty, isNameStart(name.first ?? "0"), !operation.isEmpty else {
                    // Not a substitution Compose accepts: kept as written.
                    append("${")
                    index += 2
                    continue
                }
                // Deeper nesting than any real file needs is kept as written: bounded work.
                if operation != "}", frames.count >= Self.maximumNesting {
                    append("${")
                    index += 2
                    continue
                }
                if operation == "}" {
                    let (value, missing) = resolve(Frame(name: name, operation: "", start: index), lookup: lookup)
                    append(value, missing)
                } else {
                    frames.append(Frame(name: name, operation: operation, start: index))
                }
                index = end + operation.count
            } else {
                append("$")
                index += 1
            }
        }
        // An unclosed `${` is kept as written.
        while let frame = frames.popLast() { append("${\(frame.name)\(frame.operation)\(frame.word)", frame.unresolved) }
        return (output, unresolved)
    }

    /// A closed `${NAME…}`: its value, and the unset variables it leaves (those of its
    /// word only when the word is used).
    private static func resolve(_ frame: Frame, lookup: (String) -> String?) -> (String, [Unresolved]) {
        let value = lookup(frame.name)
        let isSet = value != nil, isFilled = !(value ?? "").isEmpty
        switch frame.operation {
        case ":-": return isFilled ? (value ?? "", []) : (frame.word, frame.unresolved)
        case "-": return isSet ? (value ?? "", []) : (frame.word, frame.unresolved)
        case ":+": return isFilled ? (frame.word, frame.unresolved) : ("", [])
        case "+": return isSet ? (frame.word, frame.unresolved) : ("", [])
        case ":?", "?":
            let satisfied = frame.operation == ":?" ? isFilled : isSet
            return satisfied
                ? (value ?? "", [])
                : ("", [Unresolved(name: frame.name, offset: frame.start, requirement: frame.word.isEmpty ? "required" : frame.word)])
        default: return isSet ? (value ?? "", []) : ("", [Unresolved(name: frame.name, offset: frame.start, requirement: nil)])
        }
    }
}

extension ComposeInterpolation {
    /// The note for a variable nothing sets, at `position`.
    static func note(_ missing: Unresolved, file: String, at position: SourcePosition) -> ImportNote {
        let why = missing.requirement.map { "; Compose would stop: \($0)" } ?? ""
        return ImportNote(
            file: file, position: position,
            message: "variable '\(missing.name)' is not set (the process environment is not read): read as empty\(why)",
            category: .unresolvedVariable)
    }
}
