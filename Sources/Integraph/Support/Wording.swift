/// Words every output shares, so that each rule is written once.
///
/// ```swift
/// Wording.counted(1, "pilot") // "1 pilot"
/// Wording.counted(3, "pilot") // "3 pilots"
/// ```
package enum Wording {
    /// A count and its noun, singular when the count is one; `plural` where adding an `s`
    /// will not do.
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
