/// Pieces of JSON text written by hand, so that keys keep a fixed order and the output is
/// the same bytes on every run.
///
/// ```swift
/// JSONText.string("say \"hi\"\n") // "\"say \\\"hi\\\"\\n\""
/// ```
package enum JSONText {
    /// A JSON string literal for `text` (RFC 8259 escaping; `<`, `>` and `&` escaped too,
    /// so the text is safe to embed in HTML).
    public static func string(_ text: String) -> String {
        "\""
            + TextEscaping.escape(text) { scalar in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "<", ">", "&", "\u{2028}", "\u{2029}": unicodeEscape(scalar.value)
                case _ where scalar.value < 0x20: unicodeEscape(scalar.value)
                default: nil
                }
            } + "\""
    }

    /// `"text"`, or `null` for `nil`.
    public static func optionalString(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A plain JSON number at full precision (the shortest text that reads back as the same
    /// double; rounding is for text, Markdown and HTML): whole numbers without a fraction,
    /// never NaN or infinity, which JSON cannot say.
    public static func number(_ value: Double) -> String {
        value.isFinite ? plain(value) : "null"
    }

    /// A number as written for people and machines alike: a whole number without a
    /// fraction (`12`, not `12.0`), anything else as Swift writes it.
    package static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `["a","b"]`.
    public static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }
}
