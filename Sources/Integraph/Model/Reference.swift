/// An id written in a model file to point at another entity, with where it was written, so
/// that a dangling reference can be reported at its exact place.
///
/// ```swift
/// let owner = Reference("data-platform", at: SourcePosition(line: 9, column: 12))
/// ```
public struct Reference: Sendable, Hashable {
    public var id: String
    public var position: SourcePosition

    public init(_ id: String, at position: SourcePosition) {
        self.id = id
        self.position = position
    }
}
