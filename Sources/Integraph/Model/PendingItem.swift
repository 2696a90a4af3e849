/// One piece of work still to do: a `planned` system, a flow that is not `live`, or a gate
/// that is not `approved`, with what estimate rules match on.
///
/// ```swift
/// for item in landscape.pendingItems() where item.effort == nil {
///     print("\(item.kind) '\(item.id)' has no estimate")
/// }
/// ```
package struct PendingItem: Sendable, Hashable {
    public var kind: EntityKind
    public var id: String
    public var status: String
    /// A flow's classification; `nil` for gates and systems.
    public var classification: Classification?
    /// A gate's or system's own `kind`.
    public var ownKind: String?
    /// The owning team (for a flow, its own or its target system's).
    public var owner: String?
    /// The effort as written; `nil` when the model gives none.
    public var effort: Effort?
    public var after: [Reference]
    public var position: SourcePosition
    /// Its index among the landscape's systems, flows or gates.
    public var entity: UInt32
}

extension Landscape {
    /// Every pending item: planned systems, then pending flows, then pending gates, each in
    /// model order. Pass ``flowOwners()`` when it is at hand already.
    package func pendingItems(flowOwners: [String: String]? = nil) -> [PendingItem] {
        let owners = flowOwners ?? self.flowOwners()
        return pendingItems { owners[flows[$0].id] }
    }

    /// The same, with the owner of the flow at each index given by `ownerOfFlow`.
    func pendingItems(ownerOfFlow: (Int) -> String?) -> [PendingItem] {
        var items: [PendingItem] = []
        // By index: copying every entity to test whether it is pending would cost reference
        // counting on all its strings and arrays, millions of times on big landscapes.
        for number in systems.indices where systems[number].isPending {
            let system = systems[number]
            items.append(
                PendingItem(
                    kind: .system, id: system.id, status: system.status.rawValue, classification: nil,
                    ownKind: system.kind, owner: system.owner?.id, effort: system.effort,
                    after: system.after, position: system.position, entity: UInt32(number)))
        }
        for number in flows.indices where flows[number].isPending {
            let flow = flows[number]
            items.append(
                PendingItem(
                    kind: .flow, id: flow.id, status: flow.status.rawValue,
                    classification: flow.classification, ownKind: nil, owner: ownerOfFlow(number),
                    effort: flow.effort, after: flow.after, position: flow.position, entity: UInt32(number)))
        }
        for (number, gate) in gates.enumerated() where gate.isPending {
            items.append(
                PendingItem(
                    kind: .gate, id: gate.id, status: gate.status.rawValue, classification: nil,
                    ownKind: gate.kind.rawValue, owner: gate.owner?.id, effort: gate.effort,
                    after: gate.after, position: gate.position, entity: UInt32(number)))
        }
        return items
    }
}
