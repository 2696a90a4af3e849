import HeapModule

/// A resource-constrained list scheduler (Kelley 1963; serial in time, "parallel" schedule
/// generation): time advances from event to event; whenever a team has a free hand, it
/// starts the ready item of highest priority — the longest remaining path through the work
/// after it (its own duration included), then the most pilots waiting for it, then its id.
/// A team carries at most `capacity` items at once; work without an owner team is not
/// limited. An item already under way is ready at day 0 whatever waits before it, and
/// finishes no earlier than its predecessors (finish-to-finish, as in ``Schedule``); a
/// blocked flow with an `until` date is not started before it. Junctions take no time and
/// no hands; an item taken as done finishes at day 0. O((n + m) log n) for n nodes and m precedence links.
///
/// A heuristic: list schedules can miss the optimum (tests compare it with a brute-force
/// search over every order on small cases).
struct ListScheduler {
    let durations: [Double]
    /// Team index of each node; `LandscapeIndex.none` for no limit.
    let teams: [UInt32]
    let capacities: [Int]
    let successors: DirectedGraph
    let predecessorCount: [Int]
    let started: [Bool]
    let releases: [Double]
    /// Items taken as finished at day 0 (what-ifs): their successors need not wait for them.
    let done: [Bool]
    /// Higher first: (remaining path, pilots waiting, -id rank).
    let priority: [(Double, Int, Int)]

    struct Result {
        var start: [Double]
        var finish: [Double]
        var busy: [Double]
    }

    private struct Event: Comparable {
        let time: Double
        let sequence: Int
        let node: Int
        let isRelease: Bool
        static func < (a: Event, b: Event) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
    }

    func run() -> Result {
        let count = durations.count
        var result = Result(
            start: [Double](repeating: 0, count: count), finish: [Double](repeating: 0, count: count),
            busy: [Double](repeating: 0, count: capacities.count))
        var remaining = predecessorCount
        var running = [Int](repeating: 0, count: capacities.count)
        var workDone = [Bool](repeating: false, count: count)
        var finished = [Bool](repeating: false, count: count)
        // Made ready once: a node whose last predecessor is taken as done is ready already.
        var readied = [Bool](repeating: false, count: count)
        var events = Heap<Event>()
        var sequence = 0
        var queues = [Heap<Ranked>](repeating: Heap<Ranked>(), count: capacities.count)
        var waiting = Set<Int>()

        func push(_ node: Int, at time: Double, release: Bool) {
            sequence += 1
            events.insert(Event(time: time, sequence: sequence, node: node, isRelease: release))
        }
        func begin(_ node: Int, at time: Double) {
            result.start[node] = time
            let team = teams[node]
            if team != LandscapeIndex.none { running[Int(team)] += 1 }
            push(node, at: time + durations[node], release: false)
        }
        func ready(_ node: Int, at time: Double) {
            guard !readied[node] else { return }
            readied[node] = true
            released(node, at: time)
        }
        func released(_ node: Int, at time: Double) {
            if releases[node] > time { push(node, at: releases[node], release: true); return }
            let team = teams[node]
            if team == LandscapeIndex.none { begin(node, at: time); return }
            queues[Int(team)].insert(Ranked(priority: priority[node], node: node))
            waiting.insert(Int(team))
        }
        func finish(_ node: Int, at time: Double) {
            finished[node] = true
            result.finish[node] = time
            for successor in successors.successors(of: UInt32(node)) {
                let next = Int(successor)
                remaining[next] -= 1
                guard remaining[next] == 0, !finished[next] else { continue }
                if started[next] {
                    if workDone[next] && !finished[next] { finish(next, at: time) }
                } else {
                    ready(next, at: time)
                }
            }
        }

        for node in 0..<count where done[node] { finish(node, at: 0) }
        for node in 0..<count where !done[node] && !finished[node] && (remaining[node] == 0 || started[node]) { ready(node, at: 0) }
        var now = 0.0
        while true {
            for team in waiting.sorted() {
                while running[team] < capacities[team], let next = queues[team].popMax() { begin(next.node, at: now) }
            }
            waiting = Set(waiting.filter { !queues[$0].isEmpty })
            guard let event = events.popMin() else { break }
            if finished[event.node] && !event.isRelease { continue }
            now = event.time
            if event.isRelease {
                released(event.node, at: now)
                continue
            }
            let node = event.node
            workDone[node] = true
            let team = teams[node]
            if team != LandscapeIndex.none {
                running[Int(team)] -= 1
                result.busy[Int(team)] += durations[node]
                waiting.insert(Int(team))
            }
            if remaining[node] == 0 { finish(node, at: now) }
        }
        return result
    }

    private struct Ranked: Comparable {
        let priority: (Double, Int, Int)
        let node: Int
        static func < (a: Ranked, b: Ranked) -> Bool { a.priority < b.priority }
        static func == (a: Ranked, b: Ranked) -> Bool { a.priority == b.priority && a.node == b.node }
    }
}
