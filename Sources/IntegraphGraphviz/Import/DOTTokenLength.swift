import Integraph

/// The longest name, quoted string or HTML string of a DOT text and where it starts, found
/// in one pass before libcgraph reads the text: its lexer takes time quadratic in a token's
/// length (a 2 MB node name took 2.4 s, 5 MB 9 s), and Graphviz's own `dot` refuses quoted
/// strings over 16,384 bytes. Comments are passed over. O(bytes).
///
/// ```swift
/// DOTTokenLength.longest(in: "digraph { \"a b\" -> c }")?.length // 3
/// ```
enum DOTTokenLength {
    /// The most bytes a token may have: Graphviz's own limit for a quoted string.
    static let maximum = 16_384

    static func longest(in text: String) -> (length: Int, position: SourcePosition)? {
        let bytes = Array(text.utf8)
        var best: (length: Int, position: SourcePosition)?
        var index = 0, line = 1, lineStart = 0
        func record(_ start: Int, _ length: Int, _ startLine: Int, _ startColumn: Int) {
            if length > (best?.length ?? 0) { best = (length, SourcePosition(line: startLine, column: startColumn)) }
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        }
        while index < bytes.count {
            let byte = bytes[index]
            let (startLine, startColumn) = (line, index - lineStart + 1)
            switch byte {
            case UInt8(ascii: "\n"):
                index += 1
                (line, lineStart) = (line + 1, index)
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"),
                UInt8(ascii: "#") where index == lineStart:
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index < bytes.count && !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == UInt8(ascii: "\n") { (line, lineStart) = (line + 1, index + 1) }
                    index += 1
                }
                index += 2
            case UInt8(ascii: "\""), UInt8(ascii: "<"):
                let start = index
                var depth = 0
                index += 1
                while index < bytes.count {
                    let current = bytes[index]
                    if current == UInt8(ascii: "\n") { (line, lineStart) = (line + 1, index + 1) }
                    if byte == UInt8(ascii: "\"") {
                        if current == UInt8(ascii: "\\") { index += 2; continue }
                        if current == UInt8(ascii: "\"") { break }
                    } else if current == UInt8(ascii: "<") {
                        depth += 1
                    } else if current == UInt8(ascii: ">") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    index += 1
                }
                record(start, min(index, bytes.count) - start - 1, startLine, startColumn)
                index += 1
            case let current where isNameByte(current):
                let start = index
                while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
                record(start, index - start, startLine, startColumn)
            default:
                index += 1
            }
        }
        return best
    }
}
