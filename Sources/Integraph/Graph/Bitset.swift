/// A fixed-size set of small integers, one bit each: 125 KB holds a million systems, where a
/// `Set<UInt32>` would take tens of megabytes and hash on every insert.
///
/// ```swift
/// var seen = Bitset(count: 10)
/// seen.insert(3)
/// seen.contains(3) // true
/// Array(seen)      // [3]
/// ```
package struct Bitset: Sendable, Hashable, Sequence {
    public private(set) var words: [UInt64]
    public let capacity: Int

    public init(count: Int) {
        capacity = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    @inline(__always)
    public func contains(_ member: UInt32) -> Bool {
        words[Int(member) >> 6] & (1 << UInt64(member & 63)) != 0
    }

    /// Inserts `member`; returns whether it was new.
    @discardableResult @inline(__always)
    public mutating func insert(_ member: UInt32) -> Bool {
        let word = Int(member) >> 6
        let bit = UInt64(1) << UInt64(member & 63)
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        return true
    }

    @inline(__always)
    public mutating func remove(_ member: UInt32) {
        words[Int(member) >> 6] &= ~(UInt64(1) << UInt64(member & 63))
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    public mutating func formUnion(_ other: Bitset) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Members in ascending order.
    public func makeIterator() -> Iterator { Iterator(words: words) }

    package struct Iterator: IteratorProtocol {
        let words: [UInt64]
        var wordIndex = 0
        var current: UInt64

        init(words: [UInt64]) {
            self.words = words
            current = words.first ?? 0
        }

        public mutating func next() -> UInt32? {
            while current == 0 {
                wordIndex += 1
                guard wordIndex < words.count else { return nil }
                current = words[wordIndex]
            }
            let bit = current.trailingZeroBitCount
            current &= current - 1
            return UInt32(wordIndex * 64 + bit)
        }
    }
}
