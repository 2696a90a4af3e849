/// Words every output shares, so that each rule is written once.
///
/// ```swift
/// Wording.counted(1, "pilot") // "1 pilot"
/// Wording.counted(3, "pilot") // "3 pilots"
/// Wording.quoted(["a", "b", "c", "d"], limit: 2) // "'a', 'b' and 2 more"
/// ```
package enum Wording {
    /// A count and its noun, singular when the count is one; `plural` where adding an `s`
    /// will not do.
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// Names in single quotes, comma-separated, the first `limit` of them and then how many
    /// more: findings stay one line however many names there are.
    public static func quoted(_ names: [String], limit: Int) -> String {
        let shown = names.prefix(max(1, limit)).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > max(1, limit) ? "\(shown) and \(names.count - max(1, limit)) more" : shown
    }
}
