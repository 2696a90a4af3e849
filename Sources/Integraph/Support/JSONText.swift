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
        "\"" + TextEscaping.escape(text) { scalar in
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

    /// A plain JSON number: whole numbers without a fraction, others rounded to four
    /// decimals (days and scores need no more), never NaN or infinity.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return "\(rounded)"
    }

    /// `["a","b"]`.
    public static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }
}
