/// The one loop behind every escaper (JSON, DOT, HTML-like labels, Mermaid): each Unicode
/// scalar is replaced by what `replacement` returns for it, or kept when it returns `nil`.
///
/// ```swift
/// TextEscaping.escape("a<b") { $0 == "<" ? "&lt;" : nil } // "a&lt;b"
/// ```
package enum TextEscaping {
    public static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether a scalar is a control character (C0 or DEL) that a label shows as a space.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }
}
