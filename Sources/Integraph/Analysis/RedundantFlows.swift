/// Flows that duplicate a longer path: a flow u→v with data labels L is redundant when some
/// other path u→w→…→v of two or more flows carries every label in L on every flow (the
/// transitive reduction of the data-labelled flow graph, Aho, Garey & Ullman 1972).
/// Flows without labels are never reported: there is no data to say they duplicate.
///
/// Each labelled flow costs one breadth-first search over the flows that carry its rarest
/// label, so the total is O(Σ over flows of the rarest label's flow count).
///
/// ```swift
/// RedundantFlows(index).flows // flow indices, ascending
/// ```
public struct RedundantFlows: Sendable {
    public let flows: [UInt32]

    public init(_ index: LandscapeIndex) {
        var flowsWithLabel = [[UInt32]](repeating: [], count: index.labelIndex.count)
        for flow in 0..<UInt32(index.flowCount) {
            for label in index.flowLabels(flow) { flowsWithLabel[Int(label)].append(flow) }
        }
        // Per label, the flows carrying it grouped by source system.
        let outgoingByLabel: [[UInt32: [UInt32]]] = flowsWithLabel.map { flows in
            Dictionary(grouping: flows) { index.flowSource[Int($0)] }
        }
        var redundant: [UInt32] = []
        // Systems seen by the current search carry its stamp: no set to clear per flow.
        var seenBy = [UInt32](repeating: UInt32.max, count: index.systemCount)
        var queue: [UInt32] = []
        for flow in 0..<UInt32(index.flowCount) {
            let labels = index.flowLabels(flow)
            guard let rarest = labels.min(by: { flowsWithLabel[Int($0)].count < flowsWithLabel[Int($1)].count }) else {
                continue
            }
            let source = index.flowSource[Int(flow)]
            let target = index.flowTarget[Int(flow)]
            let outgoing = outgoingByLabel[Int(rarest)]
            seenBy[Int(source)] = flow
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            var head = 0
            search: while head < queue.count {
                let system = queue[head]
                head += 1
                for other in outgoing[system] ?? [] where other != flow {
                    let next = index.flowTarget[Int(other)]
                    // A path of one flow straight to the target is a parallel flow, not a longer path.
                    if system == source && next == target { continue }
                    guard Self.carriesAll(labels, index.flowLabels(other)) else { continue }
                    if next == target {
                        redundant.append(flow)
                        break search
                    }
                    if seenBy[Int(next)] != flow {
                        seenBy[Int(next)] = flow
                        queue.append(next)
                    }
                }
            }
        }
        flows = redundant
    }

    /// Whether sorted `carried` contains every label of sorted `wanted`.
    private static func carriesAll(_ wanted: ArraySlice<UInt32>, _ carried: ArraySlice<UInt32>) -> Bool {
        var position = carried.startIndex
        for label in wanted {
            while position < carried.endIndex, carried[position] < label { position += 1 }
            guard position < carried.endIndex, carried[position] == label else { return false }
        }
        return true
    }
}
