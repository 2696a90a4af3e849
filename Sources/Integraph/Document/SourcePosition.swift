/// A line and column in a model file, both counted from 1; columns count Unicode scalars.
///
/// ```swift
/// let position = SourcePosition(line: 12, column: 7)
/// print(position) // "12:7"
/// ```
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file: where problems that belong to no particular place are reported.
    public static let start = SourcePosition(line: 1, column: 1)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
