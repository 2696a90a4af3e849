/// Words every output shares, so that each rule is written once.
///
/// ```swift
/// Wording.counted(1, "pilot") // "1 pilot"
/// Wording.counted(3, "pilot") // "3 pilots"
/// Wording.quoted(["a", "b", "c", "d"], limit: 2) // "'a', 'b' and 2 more"
/// Wording.grouped(12340) // "12,340"
/// ```
package enum Wording {
    /// A count and its noun, singular when the count is one; `plural` where adding an `s`
    /// will not do.
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// A whole number with commas between groups of three digits, the same on every machine
    /// (no locale): big counts are read at a glance.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    /// Names in single quotes, comma-separated, the first `limit` of them and then how many
    /// more: findings stay one line however many names there are.
    public static func quoted(_ names: [String], limit: Int) -> String {
        let shown = names.prefix(max(1, limit)).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > max(1, limit) ? "\(shown) and \(names.count - max(1, limit)) more" : shown
    }
}
