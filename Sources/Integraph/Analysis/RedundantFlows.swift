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
        let flowCount = UInt32(index.flowCount)
        let labels = index.labelRows
        // Per system, its labelled outgoing flows as (label << 32 | flow), sorted, so the
        // flows of one label form a run found by binary search.
        var carriers = [Int](repeating: 0, count: index.labelIndex.count)
        var offsets = [Int](repeating: 0, count: index.systemCount + 1)
        for flow in 0..<flowCount {
            for position in labels.bounds(of: Int(flow)) {
                carriers[Int(labels.value(at: position))] += 1
                offsets[Int(index.flowSource[Int(flow)]) + 1] += 1
            }
        }
        for system in 0..<index.systemCount { offsets[system + 1] += offsets[system] }
        var entries = [UInt64](repeating: 0, count: offsets[index.systemCount])
        var cursor = offsets
        for flow in 0..<flowCount {
            let source = Int(index.flowSource[Int(flow)])
            for position in labels.bounds(of: Int(flow)) {
                entries[cursor[source]] = UInt64(labels.value(at: position)) << 32 | UInt64(flow)
                cursor[source] += 1
            }
        }
        entries.withUnsafeMutableBufferPointer { buffer in
            for system in 0..<index.systemCount where offsets[system + 1] - offsets[system] > 1 {
                var row = UnsafeMutableBufferPointer(rebasing: buffer[offsets[system]..<offsets[system + 1]])
                row.sort()
            }
        }

        var redundant: [UInt32] = []
        // Systems seen by the current search carry its stamp: no set to clear per flow.
        var seenBy = [UInt32](repeating: UInt32.max, count: index.systemCount)
        var queue: [UInt32] = []
        for flow in 0..<flowCount {
            let wanted = labels.bounds(of: Int(flow))
            guard !wanted.isEmpty else { continue }
            var rarest = labels.value(at: wanted.lowerBound)
            for position in wanted.dropFirst() where carriers[Int(labels.value(at: position))] < carriers[Int(rarest)] {
                rarest = labels.value(at: position)
            }
            let source = index.flowSource[Int(flow)]
            let target = index.flowTarget[Int(flow)]
            seenBy[Int(source)] = flow
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            var head = 0
            search: while head < queue.count {
                let system = Int(queue[head])
                head += 1
                let end = offsets[system + 1]
                var position = Self.firstPosition(of: UInt64(rarest) << 32, in: entries, offsets[system]..<end)
                while position < end && entries[position] >> 32 == UInt64(rarest) {
                    let other = UInt32(truncatingIfNeeded: entries[position])
                    position += 1
                    guard other != flow else { continue }
                    let next = index.flowTarget[Int(other)]
                    // A path of one flow straight to the target is a parallel flow, not a longer path.
                    if system == Int(source) && next == target { continue }
                    guard Self.carriesAll(wanted, labels.bounds(of: Int(other)), in: labels) else { continue }
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
