/// A count read from a file: how many calls a dependency link or a metric sample records.
/// JSON and Prometheus text write counts as `42`, `42.0` or `4.2e+01` (Prometheus counters
/// are floating point); anything else, a negative or fractional number, or one above
/// `limit`, is not a count. Bounding before converting keeps a hostile `1e300` from
/// trapping, and sums of counts far from overflow.
///
/// ```swift
/// ImportCount.parse("4.2e+01") // 42
/// ImportCount.parse("-1")      // nil
/// ```
package enum ImportCount {
    /// A thousand calls a second for thirty thousand years: more is a broken file.
    public static let limit = 1_000_000_000_000_000

    /// The count written as `text`, or `nil` when it is not one.
    public static func parse(_ text: String) -> Int? {
        if let whole = Int(text) { return (0...limit).contains(whole) ? whole : nil }
        // Double also reads hexadecimal, `inf` and `nan`; a count is written in decimal.
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) || "+-.eE".utf8.contains($0) }),
            let value = Double(text), value >= 0, value <= Double(limit), value == value.rounded(.down)
        else { return nil }
        return Int(value)
    }
}
