/// Reads JSON (RFC 8259) into a ``DocumentNode`` tree with line and column on every node.
///
/// Foundation's JSON reader loses positions, and a model error has to say where it is, so
/// this is a small recursive-descent parser of its own: linear time, recursion bounded by
/// ``DocumentLimits/maximumDepth``, duplicate keys refused like YAML's.
///
/// ```swift
/// let root = try JSONDocumentParser().parse(Array(#"{"integraph": 1}"#.utf8))
/// ```
package struct JSONDocumentParser: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
    }

    /// Parses one JSON value. A file holding only white space yields `nil`.
    public func parse(_ bytes: [UInt8]) throws(DocumentSyntaxError) -> DocumentNode? {
        var scanner = Scanner(bytes: bytes, limits: limits)
        scanner.skipWhitespace()
        if scanner.atEnd { return nil }
        let value = try scanner.value(depth: 0)
        scanner.skipWhitespace()
        guard scanner.atEnd else {
            throw DocumentSyntaxError("invalid JSON: unexpected text after the top-level value", at: scanner.position)
        }
        return value
    }

    private struct Scanner {
        let bytes: [UInt8]
        let limits: DocumentLimits
        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8], limits: DocumentLimits) {
            self.bytes = SourceText.withoutByteOrderMark(bytes)
            self.limits = limits
        }

        var atEnd: Bool { index >= bytes.count }
        var position: SourcePosition { SourcePosition(line: line, column: column) }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func advance() {
            guard index < bytes.count else { return }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                advance()
            }
        }

        func unexpected(_ expectation: String) -> DocumentSyntaxError {
            let found: String
            if let byte = current {
                found =
                    byte >= 0x21 && byte < 0x7F
                    ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            } else {
                found = "the end of the file"
            }
            return DocumentSyntaxError("invalid JSON: expected \(expectation), found \(found)", at: position)
        }

        mutating func value(depth: Int) throws(DocumentSyntaxError) -> DocumentNode {
            let start = position
            guard depth < limits.maximumDepth else {
                throw DocumentSyntaxError(
                    "lists and mappings nest more than \(limits.maximumDepth) levels deep; refused", at: start)
            }
            switch current ?? 0 {
            case UInt8(ascii: "{"):
                return DocumentNode(.mapping(try object(depth: depth)), at: start)
            case UInt8(ascii: "["):
                return DocumentNode(.sequence(try array(depth: depth)), at: start)
            case UInt8(ascii: "\""):
                return DocumentNode(.scalar(.init(text: try string(), style: .quoted)), at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return DocumentNode(.scalar(.init(text: try number(), style: .plain)), at: start)
            default:
                for (word, style) in [("true", DocumentNode.Scalar.Style.plain), ("false", .plain), ("null", .null)]
                where bytes[index...].starts(with: word.utf8) {
                    for _ in word.utf8 { advance() }
                    return DocumentNode(.scalar(.init(text: style == .null ? "" : word, style: style)), at: start)
                }
                throw unexpected("a value")
            }
        }

        mutating func object(depth: Int) throws(DocumentSyntaxError) -> [DocumentNode.MappingEntry] {
            advance()
            var entries: [DocumentNode.MappingEntry] = []
            var keys = Set<String>()
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                advance()
                return entries
            }
            while true {
                skipWhitespace()
                let keyPosition = position
                guard current == UInt8(ascii: "\"") else { throw unexpected("a key in double quotes") }
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw DocumentSyntaxError("duplicate key '\(key)' in one object", at: keyPosition)
                }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw unexpected("':'") }
                advance()
                skipWhitespace()
                entries.append(.init(key: key, keyPosition: keyPosition, value: try value(depth: depth + 1)))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): advance()
                case UInt8(ascii: "}"): advance(); return entries
                default: throw unexpected("',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(DocumentSyntaxError) -> [DocumentNode] {
            advance()
            var items: [DocumentNode] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                advance()
                return items
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): advance()
                case UInt8(ascii: "]"): advance(); return items
                default: throw unexpected("',' or ']'")
                }
            }
        }

        mutating func string() throws(DocumentSyntaxError) -> String {
            advance()
            var utf8: [UInt8] = []
            while true {
                guard let byte = current else { throw unexpected("'\"' to close the string") }
                switch byte {
                case UInt8(ascii: "\""):
                    advance()
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    advance()
                    try escape(into: &utf8)
                case 0..<0x20:
                    throw DocumentSyntaxError("invalid JSON: control character in a string (escape it)", at: position)
                default:
                    utf8.append(byte)
                    advance()
                }
            }
        }

        mutating func escape(into utf8: inout [UInt8]) throws(DocumentSyntaxError) {
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
                UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
                UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09
            ]
            guard let byte = current else { throw unexpected("an escape character") }
            if let replacement = simple[byte] {
                utf8.append(replacement)
                advance()
                return
            }
            guard byte == UInt8(ascii: "u") else { throw unexpected("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u") }
            let escapePosition = position
            advance()
            var code = try hexQuad()
            if (0xD800..<0xDC00).contains(code) {
                guard current == UInt8(ascii: "\\") else {
                    throw DocumentSyntaxError("invalid JSON: unpaired UTF-16 surrogate", at: escapePosition)
                }
                advance()
                guard current == UInt8(ascii: "u") else { throw unexpected("'u' of a low surrogate") }
                advance()
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw DocumentSyntaxError("invalid JSON: unpaired UTF-16 surrogate", at: escapePosition)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw DocumentSyntaxError("invalid JSON: unpaired UTF-16 surrogate", at: escapePosition)
            }
            utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
        }

        mutating func hexQuad() throws(DocumentSyntaxError) -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Self.hexValue(byte) else { throw unexpected("a hexadecimal digit") }
                code = code << 4 | digit
                advance()
            }
            return code
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        mutating func number() throws(DocumentSyntaxError) -> String {
            let start = index
            if current == UInt8(ascii: "-") { advance() }
            if current == UInt8(ascii: "0") {
                advance()
            } else {
                try digits()
            }
            if current == UInt8(ascii: ".") {
                advance()
                try digits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
                try digits()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func digits() throws(DocumentSyntaxError) {
            guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw unexpected("a digit")
            }
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                advance()
            }
        }
    }
}
