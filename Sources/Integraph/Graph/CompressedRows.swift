/// Lists of 32-bit values grouped by row, stored as compressed sparse rows: one contiguous
/// array of values and one of offsets. Built in O(rows + entries) by counting sort, so each
/// row keeps the order its entries were given in.
///
/// ```swift
/// let outgoing = CompressedRows(rowCount: 3, entries: [(0, 7), (2, 8), (0, 9)])
/// outgoing[0] // [7, 9]
/// ```
package struct CompressedRows: Sendable {
    public let rowCount: Int
    private let offsets: [UInt32]
    private let values: [UInt32]

    public init(rowCount: Int, entries: some Collection<(UInt32, UInt32)>) {
        precondition(rowCount < Int(UInt32.max) && entries.count < Int(UInt32.max), "too large for 32-bit indices")
        self.rowCount = rowCount
        var offsets = [UInt32](repeating: 0, count: rowCount + 1)
        for (row, _) in entries {
            offsets[Int(row) + 1] += 1
        }
        for row in 0..<rowCount {
            offsets[row + 1] += offsets[row]
        }
        var cursor = offsets
        var values = [UInt32](repeating: 0, count: entries.count)
        for (row, value) in entries {
            values[Int(cursor[Int(row)])] = value
            cursor[Int(row)] += 1
        }
        self.offsets = offsets
        self.values = values
    }

    public var entryCount: Int { values.count }

    /// Where a row's values lie, for loops that read them with ``value(at:)``: unlike a
    /// row slice, this costs no reference counting, which matters in O(n + m) inner loops.
    @inline(__always)
    public func bounds(of row: Int) -> Range<Int> { Int(offsets[row])..<Int(offsets[row + 1]) }

    @inline(__always)
    public func value(at position: Int) -> UInt32 { values[position] }

    /// Direct access to the offsets (rowCount + 1 of them) and values, for inner loops
    /// where slicing a row per step would cost reference counting.
    public func withUnsafeStorage<Result>(
        _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws -> Result
    ) rethrows -> Result {
        try offsets.withUnsafeBufferPointer { offsets in
            try values.withUnsafeBufferPointer { values in try body(offsets, values) }
        }
    }

    public subscript(row: UInt32) -> ArraySlice<UInt32> {
        values[Int(offsets[Int(row)])..<Int(offsets[Int(row) + 1])]
    }

    public subscript(row: Int) -> ArraySlice<UInt32> {
        values[Int(offsets[row])..<Int(offsets[row + 1])]
    }

    /// Rows given as lists, such as predecessor lists.
    public init(lists: [[Int]]) {
        var entries: [(UInt32, UInt32)] = []
        for (row, list) in lists.enumerated() {
            for value in list { entries.append((UInt32(row), UInt32(value))) }
        }
        self.init(rowCount: lists.count, entries: entries)
    }
}
