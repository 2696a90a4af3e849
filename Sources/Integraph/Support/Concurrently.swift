import Foundation

/// Runs two independent computations at once, one per core, and returns both results.
///
/// ```swift
/// let (plan, structure) = concurrently({ planWork() }, { measureStructure() })
/// ```
func concurrently<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First,
    _ second: @Sendable () -> Second
) -> (First, Second) {
    let firstSlot = ConcurrentSlots<First>(count: 1), secondSlot = ConcurrentSlots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
        if task == 0 { firstSlot.store(first(), at: 0) } else { secondSlot.store(second(), at: 0) }
    }
    return (firstSlot.values[0], secondSlot.values[0])
}
