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
    let (one, others) = concurrently(first, alongside: 1) { _ in second() }
    return (one, others[0])
}

/// Runs one computation beside `count` blocks of another in a single parallel loop, so the
/// cores that finish early take the remaining blocks (a parallel loop nested in another
/// would run serially). The first computation starts first: give it the longest single task.
///
/// ```swift
/// let (cuts, parts) = concurrently({ cutPoints() }, alongside: 8) { block in search(block) }
/// ```
func concurrently<First: Sendable, Block: Sendable>(
    _ first: @Sendable () -> First,
    alongside count: Int,
    _ block: @Sendable (Int) -> Block
) -> (First, [Block]) {
    let firstSlot = ConcurrentSlots<First>(count: 1), blockSlots = ConcurrentSlots<Block>(count: count)
    DispatchQueue.concurrentPerform(iterations: count + 1) { task in
        if task == 0 { firstSlot.store(first(), at: 0) } else { blockSlots.store(block(task - 1), at: task - 1) }
    }
    return (firstSlot.values[0], blockSlots.values)
}
