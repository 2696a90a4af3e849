/// Which way an imported call becomes a flow. A frontend calling a catalog service receives
/// catalog data, so by default a flow points the way data moves, from the service called to
/// its caller; `calls` keeps the direction of the call.
///
/// ```swift
/// ImportDirection.data.flow(caller: "frontend", callee: "catalog") // ("catalog", "frontend")
/// ```
package enum ImportDirection: String, Sendable, CaseIterable {
    case data, calls

    /// The flow's ends for a call from `caller` to `callee`.
    public func flow(caller: String, callee: String) -> (from: String, to: String) {
        self == .data ? (callee, caller) : (caller, callee)
    }
}
