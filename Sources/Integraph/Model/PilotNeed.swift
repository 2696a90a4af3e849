/// A system a pilot reads or writes, optionally narrowed to some of the data labels that
/// flow into it.
///
/// ```swift
/// let need = PilotNeed(system: Reference("snowflake", at: .start), data: ["accounts"])
/// ```
public struct PilotNeed: Sendable, Hashable {
    public var system: Reference
    /// `nil` follows all data into the system.
    public var data: [String]?

    public init(system: Reference, data: [String]? = nil) {
        self.system = system
        self.data = data
    }
}
