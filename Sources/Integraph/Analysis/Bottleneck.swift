/// Where integration backlogs concentrate: one system, flow or team with the pilots that
/// depend on it, the pending effort on it, and its pressure in pilot-days.
package struct Bottleneck: Sendable {
    public let id: String
    /// Pilots whose lineage or work includes it, by id.
    public let pilots: [String]
    /// Pilots it holds back: those whose work includes its pending items, by id. Never a
    /// ready pilot.
    public let waiting: [String]
    /// Days of pending work on it.
    public let pendingEffort: Double
    /// Σ over its pending items of effort × the number of pilots whose work includes the item.
    public let pressure: Double
    /// Pilots whose critical path runs through it, by id.
    public let criticalFor: [String]
    /// Systems only: Brandes betweenness on the flow graph; `nil` when not computed.
    public let betweenness: Double?
    /// Systems only: deleting it disconnects the undirected flow graph.
    public let articulationPoint: Bool?
    /// Flows only: deleting it disconnects its two systems.
    public let bridge: Bool?
}

/// The bottleneck figures of every system, flow or team, kept as columns (pilot sets as
/// bit rows) so a landscape of millions of flows costs a few bytes per flow; a
/// ``Bottleneck`` is made when one is read. In model order; ``ranked()`` and
/// ``rankedPositions()`` give the order reports use.
///
/// ```swift
/// for bottleneck in analysis.bottlenecks.systems.top(5) { print(bottleneck.id, bottleneck.pressure) }
/// ```
package struct BottleneckTable: Sendable, RandomAccessCollection {
    let ids: [String]
    let pendingEffort: [Double]
    let pressure: [Double]
    /// `words` 64-bit words per entity: bit p set when pilot p depends on it / is critical.
    let pilotBits: [UInt64]
    let criticalBits: [UInt64]
    let waitingBits: [UInt64]
    let words: Int
    let pilotIDs: [String]
    let betweenness: [Double]?
    let articulationPoints: Bitset?
    let bridges: Bitset?
    /// Whether this table is of systems (which carry betweenness and cut points).
    let isSystems: Bool

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    public subscript(position: Int) -> Bottleneck {
        Bottleneck(
            id: ids[position], pilots: members(pilotBits, position), waiting: members(waitingBits, position),
            pendingEffort: pendingEffort[position],
            pressure: pressure[position], criticalFor: members(criticalBits, position),
            betweenness: isSystems ? betweenness?[position] : nil,
            articulationPoint: articulationPoints.map { $0.contains(UInt32(position)) },
            bridge: bridges.map { $0.contains(UInt32(position)) })
    }

    private func members(_ bits: [UInt64], _ position: Int) -> [String] {
        var ids: [String] = []
        for word in 0..<words {
            var value = bits[position * words + word]
            while value != 0 {
                ids.append(pilotIDs[word * 64 + value.trailingZeroBitCount])
                value &= value - 1
            }
        }
        return ids
    }

    /// Positions by pressure, highest first, then by id.
    public func rankedPositions() -> [Int] {
        indices.sorted { pressure[$0] != pressure[$1] ? pressure[$0] > pressure[$1] : ids[$0] < ids[$1] }
    }

    /// Every entry by pressure, then id.
    public func ranked() -> [Bottleneck] { rankedPositions().map { self[$0] } }

    /// The `count` entries with the highest pressure above zero, then by id; O(n log count).
    public func top(_ count: Int) -> [Bottleneck] {
        var best: [Int] = []
        for position in indices where pressure[position] > 0 {
            best.append(position)
            if best.count > count * 4 + 16 {
                best = Array(rank(best).prefix(count))
            }
        }
        return rank(best).prefix(count).map { self[$0] }
    }

    private func rank(_ positions: [Int]) -> [Int] {
        positions.sorted { pressure[$0] != pressure[$1] ? pressure[$0] > pressure[$1] : ids[$0] < ids[$1] }
    }
}

/// The bottleneck tables of each kind.
package struct Bottlenecks: Sendable {
    public let systems: BottleneckTable
    public let flows: BottleneckTable
    public let teams: BottleneckTable
    /// How many sources betweenness used (0: skipped), and whether that was all of them.
    public let betweennessSources: Int
    public let betweennessIsExact: Bool
}

/// The landscape's sprawl: cycles of integrations, flows that duplicate longer paths,
/// systems nobody uses, deprecated systems still relied on.
package struct LandscapeSprawl: Sendable {
    /// System ids of each strongly connected component with more than one system.
    public let cycles: [[String]]
    public let redundantFlows: [String]
    /// Systems with no flows that no pilot needs.
    public let orphanSystems: [String]
    /// Deprecated systems in some pilot's lineage.
    public let deprecatedInUse: [String]
    public let flowsPerSystem: Double
}
