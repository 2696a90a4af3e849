/// Pieces of JSON text written by hand, so that keys keep a fixed order and the output is
/// the same bytes on every run.
///
/// ```swift
/// JSONText.string("say \"hi\"\n") // "\"say \\\"hi\\\"\\n\""
/// ```
public enum JSONText {
    /// A JSON string literal for `text` (RFC 8259 escaping; `<`, `>` and `&` escaped too,
    /// so the text is safe to embed in HTML).
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20:
                out += unicodeEscape(scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `"text"`, or `null` for `nil`.
    public static func optionalString(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
