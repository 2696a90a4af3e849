/// Bounds on what a model holds, checked where it is read (every reader and importer) so
/// that no later step meets an input that makes it slow.
///
/// ```swift
/// ModelLimits.maximumIDLength // 512
/// ```
package enum ModelLimits {
    /// The longest id or reference, in characters. Ids are drawn on maps and written into
    /// every output; Kubernetes caps a name at 253, Backstage at 63. A longer one is an
    /// error, not a slow run: libcgraph's lexer is quadratic in a name's length (a 5 MB
    /// node name took 9 s to import).
    public static let maximumIDLength = 512
}
