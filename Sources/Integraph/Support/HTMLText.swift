/// Text for HTML and XML: `&`, `<`, `>`, `"` and `'` as entities, other control characters
/// as spaces, and line breaks as `lineBreak` (kept by default). Safe in element content and
/// in quoted attribute values alike.
///
/// ```swift
/// HTMLText.escaped("<b>\"x\"</b>") // "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"
/// ```
package enum HTMLText {
    public static func escaped(_ text: String, lineBreak: String = "\n") -> String {
        TextEscaping.escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\n": lineBreak
            case "\r": ""
            case _ where TextEscaping.isControl(scalar) && scalar != "\t": " "
            default: nil
            }
        }
    }
}
