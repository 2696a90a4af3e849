import Foundation

/// Results written by concurrent workers, each to its own slot, read back in slot order,
/// so parallel work gives the same answer however the threads are scheduled.
///
/// ```swift
/// let slots = ConcurrentSlots<Int>(count: 4)
/// DispatchQueue.concurrentPerform(iterations: 4) { slots.store($0 * $0, at: $0) }
/// slots.values // [0, 1, 4, 9]
/// ```
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at slot: Int) { lock.withLock { slots[slot] = value } }

    /// The stored values in slot order; every slot must have been stored.
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }

    /// Runs `body` for `0..<count` on all cores and collects the results in order.
    static func map(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let slots = ConcurrentSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.store(body($0), at: $0) }
        return slots.values
    }
}
