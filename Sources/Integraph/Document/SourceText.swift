/// Turns a model file's bytes into text, refusing what is not UTF-8 with the exact place
/// of the first bad byte, and dropping a leading byte-order mark.
///
/// ```swift
/// let text = try SourceText.decode(Array("name: Acme\n".utf8))
/// ```
package enum SourceText {
    /// The bytes without a leading UTF-8 byte-order mark, which YAML and JSON files from
    /// Windows tools often carry.
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(DocumentSyntaxError) -> String {
        let body = withoutByteOrderMark(bytes)
        var iterator = body.makeIterator()
        var decoder = Unicode.UTF8()
        var line = 1
        var column = 1
        scanning: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if scalar == "\0" {
                    throw DocumentSyntaxError(
                        "the file holds a NUL byte: it is binary, not a YAML or JSON model",
                        at: SourcePosition(line: line, column: column))
                } else {
                    column += 1
                }
            case .emptyInput:
                break scanning
            case .error:
                throw DocumentSyntaxError(
                    "the file is not UTF-8 text: it is binary or in another encoding",
                    at: SourcePosition(line: line, column: column))
            }
        }
        return String(decoding: body, as: UTF8.self)
    }
}
