/// What a lineage walk asks of one system (``Lineage/demands(of:in:at:)``): every label,
/// or these label numbers (``LandscapeIndex/labelIndex``), ascending.
///
/// ```swift
/// if case .labels(let labels) = Lineage.demands(of: pilot, in: index, at: [system])[0] { print(labels) }
/// ```
package enum LineageDemand: Sendable, Hashable {
    case all
    case labels([UInt32])
}
