/// The implicit precedence rule at one system at a time, stored through zero-length
/// junction nodes so that a hub with n pending flows in and m out costs O((n + m) × labels)
/// edges, not n × m.
///
/// Pending flow g into a system precedes pending flow f out of it when g feeds f (see
/// ``WorkPlan``). Flows in are split by where they come from: from outside the system's
/// strongly connected component they may precede every flow out, from inside only the flows
/// that leave the component. Within each class one junction joins every g to each f with no
/// labels, one joins the unlabelled g to each f with labels to feed on, and one per label ℓ
/// joins the g carrying ℓ to the f whose translated labels hold ℓ. Together they give exactly
/// the pairs of the rule. On a landscape without labels only the first kind exists, two
/// junctions per system at most.
///
/// ```swift
/// var junctions = FeedJunctions(index: index, flowItem: flowItem, firstNode: items.count)
/// for system in 0..<UInt32(index.systemCount) { junctions.link(at: system, into: &edges) }
/// ```
struct FeedJunctions {
    let index: LandscapeIndex
    let flowItem: [UInt32]
    /// The node the next junction gets.
    private(set) var nextNode: Int
    /// Scratch, per label: the flows in carrying it and the flows out feeding on it.
    private var intoByLabel: [[UInt32]]
    private var outOfByLabel: [[UInt32]]
    private var touched: [UInt32] = []
    private var translated: [UInt32] = []

    init(index: LandscapeIndex, flowItem: [UInt32], firstNode: Int) {
        self.index = index
        self.flowItem = flowItem
        nextNode = firstNode
        intoByLabel = Array(repeating: [], count: index.labelIndex.count)
        outOfByLabel = intoByLabel
    }

    /// Appends the edges of the rule at `system`.
    mutating func link(at system: UInt32, into edges: inout [(UInt32, UInt32)]) {
        let component = index.components.component(of: system)
        var fromOutside: [UInt32] = [], fromInside: [UInt32] = []
        for position in index.incomingFlows.bounds(of: Int(system)) {
            let flow = index.incomingFlows.value(at: position)
            guard flowItem[Int(flow)] != LandscapeIndex.none else { continue }
            if index.components.component(of: index.flowSource[Int(flow)]) == component {
                fromInside.append(flow)
            } else {
                fromOutside.append(flow)
            }
        }
        guard !fromOutside.isEmpty || !fromInside.isEmpty else { return }
        var leaving: [UInt32] = [], leavingComponent: [UInt32] = []
        for position in index.outgoingFlows.bounds(of: Int(system)) {
            let flow = index.outgoingFlows.value(at: position)
            guard flowItem[Int(flow)] != LandscapeIndex.none else { continue }
            leaving.append(flow)
            if index.components.component(of: index.flowTarget[Int(flow)]) != component { leavingComponent.append(flow) }
        }
        for (incoming, outgoing) in [(fromOutside, leaving), (fromInside, leavingComponent)]
        where !incoming.isEmpty && !outgoing.isEmpty {
            link(incoming, to: outgoing, at: system, into: &edges)
        }
    }

    private mutating func link(
        _ incoming: [UInt32], to outgoing: [UInt32], at system: UInt32,
        into edges: inout [(UInt32, UInt32)]
    ) {
        let rows = index.labelRows
        var unlabelledIn: [UInt32] = [], unlabelledOut: [UInt32] = [], feedingOut: [UInt32] = []
        touched.removeAll(keepingCapacity: true)
        for flow in incoming {
            let labels = rows.bounds(of: Int(flow))
            if labels.isEmpty { unlabelledIn.append(flow) }
            for position in labels {
                let label = rows.value(at: position)
                if intoByLabel[Int(label)].isEmpty && outOfByLabel[Int(label)].isEmpty { touched.append(label) }
                intoByLabel[Int(label)].append(flow)
            }
        }
        let rules = index.derivations[system]
        for flow in outgoing {
            let labels = rows.bounds(of: Int(flow))
            if labels.isEmpty {
                unlabelledOut.append(flow)
                continue
            }
            translated.removeAll(keepingCapacity: true)
            for position in labels {
                let label = rows.value(at: position)
                if let inputs = rules?[label] { translated += inputs } else { translated.append(label) }
            }
            guard !translated.isEmpty else { continue }
            feedingOut.append(flow)
            translated.sort()
            var previous: UInt32?
            for label in translated where label != previous {
                previous = label
                if intoByLabel[Int(label)].isEmpty && outOfByLabel[Int(label)].isEmpty { touched.append(label) }
                outOfByLabel[Int(label)].append(flow)
            }
        }
        junction(incoming, unlabelledOut, into: &edges)
        junction(unlabelledIn, feedingOut, into: &edges)
        for label in touched.sorted() {
            junction(intoByLabel[Int(label)], outOfByLabel[Int(label)], into: &edges)
            intoByLabel[Int(label)].removeAll(keepingCapacity: true)
            outOfByLabel[Int(label)].removeAll(keepingCapacity: true)
        }
    }

    /// One junction from every flow of `before` to every flow of `after`, when both have some.
    private mutating func junction(_ before: [UInt32], _ after: [UInt32], into edges: inout [(UInt32, UInt32)]) {
        guard !before.isEmpty, !after.isEmpty else { return }
        let node = UInt32(nextNode)
        nextNode += 1
        for flow in before { edges.append((flowItem[Int(flow)], node)) }
        for flow in after { edges.append((node, flowItem[Int(flow)])) }
    }
}
