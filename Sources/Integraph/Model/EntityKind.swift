/// The kinds of entity a landscape holds; ids are unique across all of them.
///
/// ```swift
/// EntityKind.gate.rawValue // "gate"
/// ```
package enum EntityKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case team, system, flow, gate, pilot

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Work kinds: those that can be pending and that `after` may name.
    public var isWork: Bool { self == .system || self == .flow || self == .gate }

    public static let workKinds: [EntityKind] = allCases.filter(\.isWork)
}
