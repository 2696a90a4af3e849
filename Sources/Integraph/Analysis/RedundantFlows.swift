/// Flows that duplicate a longer path: a flow u→v with data labels L is redundant when some
/// other path u→w→…→v of two or more flows carries every label in L on every flow (the
/// transitive reduction of the data-labelled flow graph, Aho, Garey & Ullman 1972).
/// Flows without labels are never reported: there is no data to say they duplicate.
///
/// Each labelled flow costs one bidirectional breadth-first search over the flows that carry
/// its rarest label: forward from u and backward from v, a level at a time on the side with
/// the smaller frontier, until they meet or one side runs out. Where one label is on every
/// flow, a path is found after about √ of the nodes a one-sided search would visit, and a
/// flow whose target has no other way in is settled in one step. Worst case O(F × (S + F));
/// in practice O(Σ over flows of the smaller side searched).
///
/// The searches are independent, so ``Search`` can be split over blocks of flows run on
/// several cores (``FlowGraphStructure`` does); the blocks' results, in block order, are the
/// same list.
///
/// ```swift
/// RedundantFlows(index).flows // flow indices, ascending
/// ```
package struct RedundantFlows: Sendable {
    public let flows: [UInt32]

    public init(_ index: LandscapeIndex) {
        flows = Search(index).redundant(in: 0..<UInt32(index.flowCount))
    }

    /// What every flow's search reads: flows by label at each end, how many flows carry
    /// each label. Built once, read by any number of concurrent searches.
    package struct Search: Sendable {
        let index: LandscapeIndex
        let carriers: [Int]
        let leaving: LabelledFlows
        let entering: LabelledFlows

        package init(_ index: LandscapeIndex) {
            let labels = index.labelRows
            var carriers = [Int](repeating: 0, count: index.labelIndex.count)
            for flow in 0..<index.flowCount {
                for position in labels.bounds(of: flow) { carriers[Int(labels.value(at: position))] += 1 }
            }
            self.index = index
            self.carriers = carriers
            (leaving, entering) = concurrently(
                { LabelledFlows(index, end: index.flowSource) }, { LabelledFlows(index, end: index.flowTarget) })
        }

        /// The redundant flows among `flows`, ascending.
        package func redundant(in flows: Range<UInt32>) -> [UInt32] {
            let labels = index.labelRows
            var redundant: [UInt32] = []
            // Systems reached by the current search carry its stamp: no set to clear per flow.
            var forwardSeen = [UInt32](repeating: UInt32.max, count: index.systemCount)
            var backwardSeen = forwardSeen
            var forward: [UInt32] = [], backward: [UInt32] = [], next: [UInt32] = []
            for flow in flows {
                let wanted = labels.bounds(of: Int(flow))
                guard !wanted.isEmpty else { continue }
                var rarest = labels.value(at: wanted.lowerBound)
                for position in wanted.dropFirst() where carriers[Int(labels.value(at: position))] < carriers[Int(rarest)] {
                    rarest = labels.value(at: position)
                }
                let source = index.flowSource[Int(flow)], target = index.flowTarget[Int(flow)]
                forwardSeen[Int(source)] = flow
                backwardSeen[Int(target)] = flow
                forward.removeAll(keepingCapacity: true)
                forward.append(source)
                backward.removeAll(keepingCapacity: true)
                backward.append(target)
                search: while !forward.isEmpty && !backward.isEmpty {
                    let goForward = forward.count <= backward.count
                    let (rows, ends) = goForward ? (leaving, index.flowTarget) : (entering, index.flowSource)
                    next.removeAll(keepingCapacity: true)
                    for system in goForward ? forward : backward {
                        for position in rows.positions(at: system, carrying: rarest) {
                            let other = UInt32(truncatingIfNeeded: rows.entries[position])
                            guard other != flow else { continue }
                            let reached = ends[Int(other)]
                            // One flow straight between the two ends is a parallel flow, not a longer path.
                            if goForward ? (system == source && reached == target) : (system == target && reached == source) { continue }
                            guard RedundantFlows.carriesAll(wanted, labels.bounds(of: Int(other)), in: labels) else { continue }
                            if (goForward ? backwardSeen : forwardSeen)[Int(reached)] == flow {
                                redundant.append(flow)
                                break search
                            }
                            if goForward, forwardSeen[Int(reached)] != flow {
                                forwardSeen[Int(reached)] = flow
                                next.append(reached)
                            } else if !goForward, backwardSeen[Int(reached)] != flow {
                                backwardSeen[Int(reached)] = flow
                                next.append(reached)
                            }
                        }
                    }
                    if goForward { swap(&forward, &next) } else { swap(&backward, &next) }
                }
            }
            return redundant
        }
    }

    /// Labelled flows by the system at one end, as (label << 32 | flow) sorted per system, so
    /// the flows of one label at one system form a run found by binary search.
    struct LabelledFlows: Sendable {
        let offsets: [Int]
        let entries: [UInt64]

        init(_ index: LandscapeIndex, end: [UInt32]) {
            let labels = index.labelRows
            var offsets = [Int](repeating: 0, count: index.systemCount + 1)
            for flow in 0..<index.flowCount { offsets[Int(end[flow]) + 1] += labels.bounds(of: flow).count }
            for system in 0..<index.systemCount { offsets[system + 1] += offsets[system] }
            var entries = [UInt64](repeating: 0, count: offsets[index.systemCount])
            var cursor = offsets
            for flow in 0..<index.flowCount {
                let system = Int(end[flow])
                for position in labels.bounds(of: flow) {
                    entries[cursor[system]] = UInt64(labels.value(at: position)) << 32 | UInt64(flow)
                    cursor[system] += 1
                }
            }
            entries.withUnsafeMutableBufferPointer { buffer in
                for system in 0..<index.systemCount where offsets[system + 1] - offsets[system] > 1 {
                    var row = UnsafeMutableBufferPointer(rebasing: buffer[offsets[system]..<offsets[system + 1]])
                    row.sort()
                }
            }
            self.offsets = offsets
            self.entries = entries
        }

        /// The positions in `entries` of the flows at `system` that carry `label`.
        func positions(at system: UInt32, carrying label: UInt32) -> Range<Int> {
            let end = offsets[Int(system) + 1]
            var last = RedundantFlows.firstPosition(of: UInt64(label) << 32, in: entries, offsets[Int(system)]..<end)
            let first = last
            while last < end && entries[last] >> 32 == UInt64(label) { last += 1 }
            return first..<last
        }
    }

    /// The first position in the sorted `range` of `entries` holding a value of at least `key`.
    private static func firstPosition(of key: UInt64, in entries: [UInt64], _ range: Range<Int>) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether the sorted row positions `carried` hold every label of the sorted `wanted`.
    private static func carriesAll(_ wanted: Range<Int>, _ carried: Range<Int>, in labels: CompressedRows) -> Bool {
        var position = carried.lowerBound
        for want in wanted {
            let label = labels.value(at: want)
            while position < carried.upperBound, labels.value(at: position) < label { position += 1 }
            guard position < carried.upperBound, labels.value(at: position) == label else { return false }
        }
        return true
    }
}
