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
        var run = Run(self)
        for node in 0..<durations.count where done[node] { run.finish(node, at: 0) }
        for node in 0..<durations.count where !done[node] && !run.finished[node] && (run.remaining[node] == 0 || started[node]) {
            run.ready(node, at: 0)
        }
        var now = 0.0
        while true {
            run.startWaitingWork(at: now)
            guard let event = run.events.popMin() else { break }
            if run.finished[event.node] && !event.isRelease { continue }
            now = event.time
            if event.isRelease {
                run.released(event.node, at: now)
            } else {
                run.workDone(event.node, at: now)
            }
        }
        return run.result
    }

    /// The state of one run: what has started, finished and is queued per team.
    private struct Run {
        let scheduler: ListScheduler
        var result: Result
        var remaining: [Int]
        var running: [Int]
        var workIsDone: [Bool]
        var finished: [Bool]
        /// Made ready once: a node whose last predecessor is taken as done is ready already.
        var readied: [Bool]
        var events = Heap<Event>()
        var sequence = 0
        var queues: [Heap<Ranked>]
        /// Teams with queued work, to start when a hand is free.
        var waiting = Set<Int>()
        /// `finish`'s depth-first stack, kept between calls: (node, next successor position).
        var finishing: [(node: Int, next: Int)] = []

        init(_ scheduler: ListScheduler) {
            let count = scheduler.durations.count, teams = scheduler.capacities.count
            self.scheduler = scheduler
            result = Result(
                start: [Double](repeating: 0, count: count), finish: [Double](repeating: 0, count: count),
                busy: [Double](repeating: 0, count: teams))
            remaining = scheduler.predecessorCount
            running = [Int](repeating: 0, count: teams)
            workIsDone = [Bool](repeating: false, count: count)
            finished = workIsDone
            readied = workIsDone
            queues = [Heap<Ranked>](repeating: Heap<Ranked>(), count: teams)
        }

        mutating func push(_ node: Int, at time: Double, release: Bool) {
            sequence += 1
            events.insert(Event(time: time, sequence: sequence, node: node, isRelease: release))
        }

        mutating func begin(_ node: Int, at time: Double) {
            result.start[node] = time
            let team = scheduler.teams[node]
            if team != LandscapeIndex.none { running[Int(team)] += 1 }
            push(node, at: time + scheduler.durations[node], release: false)
        }

        mutating func ready(_ node: Int, at time: Double) {
            guard !readied[node] else { return }
            readied[node] = true
            released(node, at: time)
        }

        mutating func released(_ node: Int, at time: Double) {
            let release = scheduler.releases[node]
            if release > time { return push(node, at: release, release: true) }
            let team = scheduler.teams[node]
            if team == LandscapeIndex.none { return begin(node, at: time) }
            queues[Int(team)].insert(Ranked(priority: scheduler.priority[node], node: node))
            waiting.insert(Int(team))
        }

        /// Each team with queued work starts its highest-priority items while it has hands.
        /// A team left with queued work has no free hand: it is marked again when one comes
        /// free (``workDone(_:at:)``), so only teams whose hands or queues changed are visited,
        /// not every team with a backlog at every event.
        mutating func startWaitingWork(at now: Double) {
            guard !waiting.isEmpty else { return }
            for team in waiting.sorted() {
                while running[team] < scheduler.capacities[team], let next = queues[team].popMax() { begin(next.node, at: now) }
            }
            waiting.removeAll(keepingCapacity: true)
        }

        /// An item's work ends: its hand is free; it finishes unless it waits on a
        /// predecessor (finish-to-finish).
        mutating func workDone(_ node: Int, at now: Double) {
            workIsDone[node] = true
            let team = scheduler.teams[node]
            if team != LandscapeIndex.none {
                running[Int(team)] -= 1
                result.busy[Int(team)] += scheduler.durations[node]
                waiting.insert(Int(team))
            }
            if remaining[node] == 0 { finish(node, at: now) }
        }

        /// Finishes `node`, then, depth first with an explicit stack (a chain of a million
        /// items under way must not overflow the call stack), every item under way whose
        /// work was done and whose last predecessor this was; other successors become ready.
        mutating func finish(_ node: Int, at time: Double) {
            finished[node] = true
            result.finish[node] = time
            finishing.removeAll(keepingCapacity: true)
            finishing.append((node, scheduler.successors.successorBounds(of: UInt32(node)).lowerBound))
            while let top = finishing.last {
                let bounds = scheduler.successors.successorBounds(of: UInt32(top.node))
                guard top.next < bounds.upperBound else {
                    finishing.removeLast()
                    continue
                }
                finishing[finishing.count - 1].next += 1
                let successor = Int(scheduler.successors.successor(at: top.next))
                remaining[successor] -= 1
                guard remaining[successor] == 0, !finished[successor] else { continue }
                if !scheduler.started[successor] {
                    ready(successor, at: time)
                } else if workIsDone[successor] {
                    finished[successor] = true
                    result.finish[successor] = time
                    finishing.append((successor, scheduler.successors.successorBounds(of: UInt32(successor)).lowerBound))
                }
            }
        }
    }

    private struct Ranked: Comparable {
        let priority: (Double, Int, Int)
        let node: Int
        static func < (a: Ranked, b: Ranked) -> Bool { a.priority < b.priority }
        static func == (a: Ranked, b: Ranked) -> Bool { a.priority == b.priority && a.node == b.node }
    }
}
