/// The order of work is impossible: explicit `after` links and the implicit rules together
/// form a cycle. The message names the cycle and marks which links are implicit.
///
/// ```swift
/// do { _ = try WorkPlan(index) }
/// catch { print(error) } // "the order of work has a cycle: a -> b [after] -> a [implicit: lineage] ..."
/// ```
package struct PrecedenceCycleError: Error, Sendable, CustomStringConvertible {
    /// The item ids of the cycle, each waiting for the next, the first repeated at the end.
    public let cycle: [String]
    /// Where the first item of the cycle is written.
    public let position: SourcePosition
    /// Why each item waits for the next: `after`, or the implicit rule.
    public let links: [String]

    public var description: String {
        var text = "the order of work has a cycle: \(cycle.first ?? "")"
        for (id, link) in zip(cycle.dropFirst(), links) {
            text += " -> \(id) [\(link)]"
        }
        return text + " (each waits for the next, so none can start)"
    }
}
