/// Sorting many ids fast. Swift compares strings by Unicode scalars after normalisation;
/// for ASCII that is byte order, so when every id is ASCII each one gets a 16-byte key of
/// its first bytes, and most comparisons are two integer compares instead of a string
/// compare. Ties in the key (ids longer than 16 bytes, or equal) fall back to `<`, so the
/// order is exactly `ids.indices.sorted { ids[$0] < ids[$1] }`.
///
/// ```swift
/// IdentifierOrder.sortedPositions(["b", "a", "c"]) // [1, 0, 2]
/// ```
enum IdentifierOrder {
    static func sortedPositions(_ ids: [String]) -> [Int] {
        guard ids.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return ids.indices.sorted { ids[$0] < ids[$1] }
        }
        let keys = ids.map(key)
        return ids.indices.sorted { a, b in
            let left = keys[a], right = keys[b]
            if left.high != right.high { return left.high < right.high }
            if left.low != right.low { return left.low < right.low }
            return ids[a] < ids[b]
        }
    }

    /// The first 16 bytes, big-endian, zero-padded: a shorter id that is a prefix of a
    /// longer one gets the smaller or an equal key, never a larger one.
    private static func key(_ id: String) -> (high: UInt64, low: UInt64) {
        var high: UInt64 = 0, low: UInt64 = 0
        var count = 0
        for byte in id.utf8.prefix(16) {
            if count < 8 { high |= UInt64(byte) << (56 - 8 * count) } else { low |= UInt64(byte) << (56 - 8 * (count - 8)) }
            count += 1
        }
        return (high, low)
    }
}
