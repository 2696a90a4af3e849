/// A model that could not be read at all: a missing file, a directory, no permission.
///
/// Distinct from a model with errors in it, which ``LandscapeReader`` reports as findings.
///
/// ```swift
/// do { _ = try LandscapeReader().read(.file("missing.yaml")) }
/// catch { print(error) } // "missing.yaml: cannot read: no such file"
/// ```
public struct ModelReadError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var reason: String

    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): cannot read: \(reason)" }
}
