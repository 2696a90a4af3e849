/// A pilot's data lineage: the systems and flows its needed data comes through, traced
/// backwards label by label.
///
/// A *demand* is a set of data labels, or *all*. Each need starts a walk at its system with
/// the need's `data` labels (*all* when it names none). At every system the walk reaches,
/// each demanded label that the system `derives` is first replaced by the labels it is
/// built from, giving D. A flow f into the system belongs to the lineage when D is *all*,
/// or D is not empty and f has no labels or shares one with D; the walk goes on at f's
/// source demanding f's labels in D (all of f's labels when D is *all*), or D itself when f
/// has no labels: an unknown payload matters only for what is demanded. Where no flow into a
/// system carries a demanded label, the system is that label's origin. Each explicit flow of
/// the pilot joins with both its systems and starts a walk at its source with its own labels
/// (*all* when it has none). On a landscape without labels every demand is *all*, and the
/// lineage is every system with a flow path into a needed one.
///
/// A system's demand only grows, and a system is walked again only when it grows, so the
/// walk takes O((S + F) × labels) time; demands are bit rows kept only for the systems
/// reached, and the result is two bitsets of (S + F) / 8 bytes.
///
/// ```swift
/// let lineage = Lineage(of: pilot, in: index)
/// lineage.systems.count
/// ```
package struct Lineage: Sendable {
    public let systems: Bitset
    public let flows: Bitset
    /// The needed systems, ascending.
    public let neededSystems: [UInt32]

    public init(of pilot: Pilot, in index: LandscapeIndex) {
        var walk = Self.seededWalk(of: pilot, in: index)
        walk.run()
        systems = walk.systems
        flows = walk.flows
        neededSystems = Set(pilot.needs.compactMap { index.systemIndex[$0.system.id] }).sorted()
    }

    /// What the walk of `pilot`'s lineage demands at each of `systems` when it is done,
    /// before the system's `derives` apply; `nil` for a system the walk never asked for
    /// anything (not in the lineage, or only the target of one of the pilot's `flows`).
    ///
    /// The analysis keeps no demands (a row per reached system per pilot would cost memory
    /// on big landscapes), so this walks the lineage again: O((S + F) × labels), for the
    /// few pilots a rule must explain (``LineageGapRule``).
    ///
    /// ```swift
    /// let demands = Lineage.demands(of: pilot, in: index, at: [warehouse])
    /// ```
    public static func demands(of pilot: Pilot, in index: LandscapeIndex, at systems: [UInt32]) -> [LineageDemand?] {
        var walk = seededWalk(of: pilot, in: index)
        walk.run()
        return systems.map { walk.demand(at: $0) }
    }

    /// The walk with every need and explicit flow of the pilot demanded, not yet run.
    private static func seededWalk(of pilot: Pilot, in index: LandscapeIndex) -> DemandWalk {
        var walk = DemandWalk(index: index)
        for need in pilot.needs {
            guard let system = index.systemIndex[need.system.id] else { continue }
            walk.systems.insert(system)
            if let data = need.data, !data.isEmpty {
                walk.demand(labels: data.compactMap { index.labelIndex[$0] }, at: system)
            } else {
                walk.demandAll(at: system)
            }
        }
        for reference in pilot.flows {
            guard let flow = index.flowIndex(of: reference.id) else { continue }
            let source = index.flowSource[Int(flow)]
            walk.flows.insert(flow)
            walk.systems.insert(source)
            walk.systems.insert(index.flowTarget[Int(flow)])
            let labels = index.flowLabels(flow)
            if labels.isEmpty { walk.demandAll(at: source) } else { walk.demand(labels: labels, at: source) }
        }
        return walk
    }
}

/// The worklist behind ``Lineage``: per reached system a row of label bits with one extra
/// bit for *all*, a queue of systems whose demand grew, and the systems and flows found.
private struct DemandWalk {
    let index: LandscapeIndex
    var systems: Bitset
    var flows: Bitset
    /// Words per demand row; bit `allBit` of a row means *all*.
    private let words: Int
    private let allBit: Int
    /// Each system's row in `rows`, or -1 before the walk reaches it.
    private var slot: [Int32]
    private var rows: [UInt64] = []
    private var queue: [UInt32] = []
    private var queued: Bitset
    /// D of the system being walked: its demand translated through its `derives`.
    private var translated: [UInt64]
    /// The labels of one flow that D demands.
    private var shared: [UInt32] = []

    init(index: LandscapeIndex) {
        self.index = index
        systems = Bitset(count: index.systemCount)
        flows = Bitset(count: index.flowCount)
        allBit = index.labelIndex.count
        words = allBit / 64 + 1
        slot = [Int32](repeating: -1, count: index.systemCount)
        queued = Bitset(count: index.systemCount)
        translated = [UInt64](repeating: 0, count: words)
    }

    mutating func demandAll(at system: UInt32) {
        let row = self.row(of: system)
        let word = row + allBit >> 6, bit = UInt64(1) << UInt64(allBit & 63)
        guard rows[word] & bit == 0 else { return }
        rows[word] |= bit
        enqueue(system)
    }

    mutating func demand(labels: some Collection<UInt32>, at system: UInt32) {
        let row = self.row(of: system)
        guard !holdsAll(row) else { return }
        var grew = false
        for label in labels {
            let word = row + Int(label) >> 6, bit = UInt64(1) << UInt64(label & 63)
            if rows[word] & bit == 0 {
                rows[word] |= bit
                grew = true
            }
        }
        if grew { enqueue(system) }
    }

    /// The demand left at `system`, read after ``run()``.
    func demand(at system: UInt32) -> LineageDemand? {
        guard slot[Int(system)] >= 0 else { return nil }
        let row = Int(slot[Int(system)]) * words
        if holdsAll(row) { return .all }
        var labels: [UInt32] = []
        for word in 0..<words {
            var value = rows[row + word]
            while value != 0 {
                labels.append(UInt32(word * 64 + value.trailingZeroBitCount))
                value &= value - 1
            }
        }
        return .labels(labels)
    }

    mutating func run() {
        var head = 0
        while head < queue.count {
            let system = queue[head]
            head += 1
            queued.remove(system)
            walkIncomingFlows(of: system)
        }
    }

    private mutating func walkIncomingFlows(of system: UInt32) {
        let demandsAll = translate(system)
        if !demandsAll && translated.allSatisfy({ $0 == 0 }) { return }
        let labelRows = index.labelRows
        for position in index.incomingFlows.bounds(of: Int(system)) {
            let flow = index.incomingFlows.value(at: position)
            let labels = labelRows.bounds(of: Int(flow))
            let source = index.upstreamGraph.successor(at: position)
            if demandsAll {
                if labels.isEmpty { demandAll(at: source) } else { demand(labels: labels.lazy.map { labelRows.value(at: $0) }, at: source) }
            } else if labels.isEmpty {
                demandTranslated(at: source)
            } else {
                shared.removeAll(keepingCapacity: true)
                for label in labels where translatedContains(labelRows.value(at: label)) { shared.append(labelRows.value(at: label)) }
                guard !shared.isEmpty else { continue }
                demand(labels: shared, at: source)
            }
            flows.insert(flow)
            systems.insert(source)
        }
    }

    /// Loads the system's demand into `translated`, each derived label replaced by the
    /// labels it is built from; returns whether the demand is *all*.
    private mutating func translate(_ system: UInt32) -> Bool {
        let row = Int(slot[Int(system)])
        if holdsAll(row) { return true }
        for word in 0..<words { translated[word] = rows[row + word] }
        guard let rules = index.derivations[system] else { return false }
        let applied = rules.keys.filter { contains(row, $0) }.sorted()
        for output in applied { clear(output) }
        for output in applied {
            for input in rules[output] ?? [] { translated[Int(input) >> 6] |= UInt64(1) << UInt64(input & 63) }
        }
        return false
    }

    private mutating func demandTranslated(at system: UInt32) {
        let row = self.row(of: system)
        guard !holdsAll(row) else { return }
        var grew = false
        for word in 0..<words where rows[row + word] | translated[word] != rows[row + word] {
            rows[row + word] |= translated[word]
            grew = true
        }
        if grew { enqueue(system) }
    }

    private func translatedContains(_ label: UInt32) -> Bool {
        translated[Int(label) >> 6] & (UInt64(1) << UInt64(label & 63)) != 0
    }

    private mutating func clear(_ label: UInt32) {
        translated[Int(label) >> 6] &= ~(UInt64(1) << UInt64(label & 63))
    }

    private func contains(_ row: Int, _ label: UInt32) -> Bool {
        rows[row + Int(label) >> 6] & (UInt64(1) << UInt64(label & 63)) != 0
    }

    private func holdsAll(_ row: Int) -> Bool {
        rows[row + allBit >> 6] & (UInt64(1) << UInt64(allBit & 63)) != 0
    }

    private mutating func row(of system: UInt32) -> Int {
        if slot[Int(system)] < 0 {
            slot[Int(system)] = Int32(rows.count / words)
            rows.append(contentsOf: repeatElement(0, count: words))
        }
        return Int(slot[Int(system)]) * words
    }

    private mutating func enqueue(_ system: UInt32) {
        if queued.insert(system) { queue.append(system) }
    }
}
