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
        String(decoding: try validated(bytes), as: UTF8.self)
    }

    /// The bytes without a byte-order mark, once they are known to be UTF-8 without NUL:
    /// what the parsers read, without building a `String` of the whole file first.
    public static func validated(_ bytes: [UInt8]) throws(DocumentSyntaxError) -> [UInt8] {
        let body = withoutByteOrderMark(bytes)
        // Model files are nearly always ASCII: one pass for that, the decoder only otherwise.
        let plainASCII = body.withUnsafeBufferPointer { buffer in
            var any: UInt8 = 0
            var least: UInt8 = .max
            for byte in buffer {
                any |= byte
                least = min(least, byte)
            }
            return any < 0x80 && least > 0
        }
        if !plainASCII { try checkUTF8(body) }
        return body
    }

    /// Throws at the line and column of the first NUL or byte that is not UTF-8.
    private static func checkUTF8(_ body: [UInt8]) throws(DocumentSyntaxError) {
        var iterator = body.makeIterator()
        var decoder = Unicode.UTF8()
        var line = 1
        var column = 1
        while true {
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
                return
            case .error:
                throw DocumentSyntaxError(
                    "the file is not UTF-8 text: it is binary or in another encoding",
                    at: SourcePosition(line: line, column: column))
            }
        }
    }
}
