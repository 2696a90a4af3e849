/// A model file that is not well-formed YAML or JSON, or that is built to exhaust the reader.
///
/// ```swift
/// do { _ = try JSONDocumentParser().parse(Array("{".utf8)) }
/// catch let error as DocumentSyntaxError { print(error.position, error.message) }
/// ```
package struct DocumentSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var position: SourcePosition

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }
}
