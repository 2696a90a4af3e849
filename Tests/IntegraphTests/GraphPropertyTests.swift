import PropertyBased
import Testing

@testable import Integraph

/// Each algorithm against a slow, obviously correct second method, on many random graphs:
/// betweenness by counting every shortest path, dominators and cut points by deletion, the
/// critical path by enumerating every path, components by reachability. Graph properties
/// run through swift-property-based: a failure is shrunk to a small graph and reported
/// with the seed that reproduces it.
@Suite struct GraphPropertyTests {
    /// Node counts for `graphEdges`.
    static let nodeCounts = Gen.int(in: 2...12)
    /// Up to 30 edges, each a number read as source × 12 + target and folded into the node
    /// range by `edges(_:_:)`: self-loops and parallel edges included. Shrinking drops
    /// edges and lowers numbers, so a failing graph comes back small.
    static let edgeCodes = Gen.int(in: 0...143).array(of: 0...30)

    static func edges(_ n: Int, _ codes: [Int]) -> [(UInt32, UInt32)] {
        codes.map { (UInt32($0 / 12 % n), UInt32($0 % 12 % n)) }
    }

    static func randomGraph(_ seed: UInt64, nodes: Int, edges: Int) -> (Int, [(UInt32, UInt32)]) {
        var random = SeededRandom(seed: seed)
        var list: [(UInt32, UInt32)] = []
        for _ in 0..<edges {
            list.append((UInt32(random.next() % UInt64(nodes)), UInt32(random.next() % UInt64(nodes))))
        }
        return (nodes, list)
    }

    /// Breadth-first distances and shortest-path counts from `source`.
    static func shortestPaths(_ graph: DirectedGraph, from source: UInt32) -> (distance: [Int], count: [Double]) {
        var distance = [Int](repeating: -1, count: graph.nodeCount)
        var count = [Double](repeating: 0, count: graph.nodeCount)
        distance[Int(source)] = 0
        count[Int(source)] = 1
        var queue = [source]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in Set(graph.successors(of: node)) where next != node {
                if distance[Int(next)] < 0 {
                    distance[Int(next)] = distance[Int(node)] + 1
                    queue.append(next)
                }
                if distance[Int(next)] == distance[Int(node)] + 1 { count[Int(next)] += count[Int(node)] }
            }
        }
        return (distance, count)
    }

    static func reachable(
        _ n: Int, _ edges: [(UInt32, UInt32)], from start: UInt32, without removed: UInt32? = nil,
        withoutEdge removedEdge: Int? = nil, undirected: Bool = false
    ) -> Set<UInt32> {
        var seen: Set<UInt32> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            for (index, edge) in edges.enumerated() where index != removedEdge {
                var nexts: [UInt32] = []
                if edge.0 == node { nexts.append(edge.1) }
                if undirected, edge.1 == node { nexts.append(edge.0) }
                for next in nexts where next != removed && seen.insert(next).inserted { stack.append(next) }
            }
        }
        return seen
    }

    @Test func betweennessEqualsCountingEveryShortestPath() async {
        await propertyCheck(count: 150, input: Self.nodeCounts, Self.edgeCodes) { n, codes in
            let graph = DirectedGraph(nodeCount: n, edges: Self.edges(n, codes))
            let fast = Betweenness(graph).values
            let all = (0..<UInt32(n)).map { Self.shortestPaths(graph, from: $0) }
            for v in 0..<n {
                var expected = 0.0
                for s in 0..<n where s != v {
                    for t in 0..<n where t != v && t != s && all[s].distance[t] > 0 {
                        if all[s].distance[v] >= 0, all[v].distance[t] >= 0,
                            all[s].distance[v] + all[v].distance[t] == all[s].distance[t]
                        {
                            expected += all[s].count[v] * all[v].count[t] / all[s].count[t]
                        }
                    }
                }
                #expect(abs(fast[v] - expected) < 1e-9, "node \(v): \(fast[v]) vs \(expected)")
            }
        }
    }

    @Test func sampledBetweennessIsScaledAndDeterministic() {
        let (n, edges) = Self.randomGraph(7, nodes: 200, edges: 800)
        let graph = DirectedGraph(nodeCount: n, edges: edges)
        let first = Betweenness(graph, sampleSize: 50, seed: 3)
        #expect(!first.isExact && first.sourceCount == 50)
        #expect(first.values == Betweenness(graph, sampleSize: 50, seed: 3).values)
        let exact = Betweenness(graph).values.reduce(0, +)
        let estimate = first.values.reduce(0, +)
        #expect(abs(estimate - exact) / exact < 0.25)
    }

    @Test func dominatorsEqualDeletion() async {
        await propertyCheck(count: 150, input: Self.nodeCounts, Self.edgeCodes) { n, codes in
            let edges = Self.edges(n, codes)
            let graph = DirectedGraph(nodeCount: n, edges: edges)
            let tree = Dominators(graph, root: 0)
            let reach = Self.reachable(n, edges, from: 0)
            for target in 0..<UInt32(n) where target != 0 {
                guard reach.contains(target) else {
                    #expect(tree.immediateDominator(of: target) == nil)
                    continue
                }
                let expected = Set(
                    (0..<UInt32(n)).filter { candidate in
                        candidate != target && (candidate == 0 || !Self.reachable(n, edges, from: 0, without: candidate).contains(target))
                    })
                #expect(Set(tree.dominators(of: target)) == expected, "target \(target)")
                // The single-target sweep leaves out the root itself.
                let single = TargetDominators(of: target, from: 0, in: graph)
                #expect(single.isReachable)
                #expect(Set(single.dominators) == expected.subtracting([0]), "target \(target)")
            }
        }
    }

    @Test func cutPointsAndBridgesEqualDeletion() async {
        await propertyCheck(count: 150, input: Self.nodeCounts, Self.edgeCodes) { n, codes in
            let edges = Self.edges(n, codes)
            let cuts = Biconnectivity(nodeCount: n, edges: edges)
            func components(without node: UInt32? = nil, withoutEdge edge: Int? = nil) -> Int {
                var seen: Set<UInt32> = []
                var count = 0
                for start in 0..<UInt32(n) where start != node && !seen.contains(start) {
                    count += 1
                    seen.formUnion(Self.reachable(n, edges, from: start, without: node, withoutEdge: edge, undirected: true))
                }
                return count
            }
            let base = components()
            let articulation = (0..<UInt32(n)).filter { node in
                let isolated = !edges.contains { ($0.0 == node || $0.1 == node) && $0.0 != $0.1 }
                return !isolated && components(without: node) > base
            }
            #expect(cuts.articulationPoints == articulation)
            let bridges = edges.indices.filter { edges[$0].0 != edges[$0].1 && components(withoutEdge: $0) > base }.map { UInt32($0) }
            #expect(cuts.bridges == bridges)
        }
    }

    @Test func componentsEqualMutualReachability() async {
        await propertyCheck(count: 150, input: Self.nodeCounts, Self.edgeCodes) { n, codes in
            let edges = Self.edges(n, codes)
            let scc = StronglyConnectedComponents(DirectedGraph(nodeCount: n, edges: edges))
            let reach = (0..<UInt32(n)).map { Self.reachable(n, edges, from: $0) }
            for a in 0..<n {
                for b in 0..<n {
                    let mutual = reach[a].contains(UInt32(b)) && reach[b].contains(UInt32(a))
                    #expect((scc.component(of: UInt32(a)) == scc.component(of: UInt32(b))) == mutual)
                }
            }
        }
    }

    /// A random DAG of up to nine work items, in topological order: durations of 0 to 5 days,
    /// each item's predecessors and successors.
    static func randomWork(_ random: inout SeededRandom) -> (Int, [Double], [[Int]], [[Int]]) {
        let n = 1 + Int(random.next() % 9)
        let durations = (0..<n).map { _ in Double(random.next() % 6) }
        let predecessors = (0..<n).map { node in (0..<node).filter { _ in random.next() % 3 == 0 } }
        var successors = [[Int]](repeating: [], count: n)
        for node in 0..<n { for before in predecessors[node] { successors[before].append(node) } }
        return (n, durations, predecessors, successors)
    }

    /// On a random DAG the duration is the longest path plus the tail, and an item has zero
    /// slack exactly when some longest path passes through it.
    @Test(arguments: 0..<40)
    func criticalPathEqualsEnumeratingPaths(seed: UInt64) {
        var random = SeededRandom(seed: seed + 400)
        let (n, durations, predecessors, successors) = Self.randomWork(&random)
        let schedule = Schedule(durations: durations, predecessors: CompressedRows(lists: predecessors), tail: 2)
        var paths: [[Int]] = []
        func extend(_ path: [Int]) {
            guard let last = path.last else { return }
            if successors[last].isEmpty { paths.append(path) }
            for next in successors[last] { extend(path + [next]) }
        }
        for start in 0..<n where predecessors[start].isEmpty { extend([start]) }
        let lengths = paths.map { $0.reduce(0) { $0 + durations[$1] } }
        let longest = lengths.max() ?? 0
        #expect(schedule.duration == longest + 2)
        let onLongest = Set(zip(paths, lengths).filter { $0.1 == longest }.flatMap(\.0))
        for node in 0..<n {
            #expect(schedule.isCritical(node) == onLongest.contains(node), "seed \(seed) node \(node)")
        }
    }

    /// With some nodes under way (finish-to-finish), against paths enumerated one by one: a
    /// node's earliest finish is the largest value of a path ending at it, folding each node
    /// on the way as `t + d` (not started) or `max(t, d)` (started); its latest finish is the
    /// last finish minus the most days of not-started nodes on any path after it.
    @Test(arguments: 0..<60)
    func finishToFinishEqualsEnumeratingPaths(seed: UInt64) {
        var random = SeededRandom(seed: seed + 700)
        let (n, durations, predecessors, successors) = Self.randomWork(&random)
        var started = Bitset(count: n)
        for node in 0..<n where random.next() % 3 == 0 { started.insert(UInt32(node)) }
        let schedule = Schedule(durations: durations, predecessors: CompressedRows(lists: predecessors), tail: 1, started: started)
        func fold(_ path: [Int]) -> Double {
            path.reduce(0.0) { time, node in started.contains(UInt32(node)) ? max(time, durations[node]) : time + durations[node] }
        }
        var paths: [[Int]] = []
        func extend(_ path: [Int]) {
            guard let last = path.last else { return }
            paths.append(path)
            for next in successors[last] { extend(path + [next]) }
        }
        for start in 0..<n where predecessors[start].isEmpty { extend([start]) }
        let total = paths.map(fold).max() ?? 0
        #expect(abs(schedule.duration - (total + 1)) < 1e-9, "seed \(seed)")
        for node in 0..<n {
            let finish = paths.filter { $0.last == node }.map(fold).max() ?? 0
            #expect(abs(schedule.earliestFinish[node] - finish) < 1e-9, "seed \(seed) node \(node)")
            let after =
                paths.compactMap { path -> Double? in
                    guard let position = path.firstIndex(of: node) else { return nil }
                    return path[(position + 1)...].filter { !started.contains(UInt32($0)) }.reduce(0.0) { $0 + durations[$1] }
                }.max() ?? 0
            #expect(abs(schedule.latestFinish[node] - (total - after)) < 1e-9, "seed \(seed) node \(node)")
        }
        // The critical chain: zero slack throughout, and each step's days add up to the total.
        let chain = schedule.criticalChain(predecessors: { predecessors[$0] }, precedes: <)
        #expect(chain.allSatisfy(schedule.isCritical))
        #expect(abs(schedule.contributions(of: chain).reduce(0, +) - total) < 1e-9, "seed \(seed)")
    }

    /// The implicit precedence rule stored through junctions against the rule itself, pair
    /// by pair, on random landscapes with labels, unlabelled flows, `derives` and cycles.
    @Test(arguments: 0..<40)
    func junctionsLinkExactlyTheFeedingPairs(seed: UInt64) throws {
        var random = SeededRandom(seed: seed + 1_300)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let labels = ["a", "b", "c"]
        func someLabels() -> [String] { labels.filter { _ in below(2) == 0 } }
        let systemCount = 2 + below(6)
        var landscape = Landscape()
        landscape.systems = (0..<systemCount).map { number in
            System(id: "s\(number)", derives: below(3) == 0 ? [labels[below(3)]: someLabels()] : [:])
        }
        landscape.flows = (0..<below(18)).compactMap { number in
            let from = below(systemCount), to = below(systemCount)
            guard from != to else { return nil }
            return Flow(
                id: "f\(number)", from: Reference("s\(from)", at: .start), to: Reference("s\(to)", at: .start),
                data: below(3) == 0 ? [] : someLabels(), status: below(3) == 0 ? .live : .backlog, effort: .days(1))
        }
        let plan = try WorkPlan(LandscapeIndex(landscape))
        let flows = landscape.flows
        let edges = flows.map { (UInt32($0.from.id.dropFirst())!, UInt32($0.to.id.dropFirst())!) }
        let reach = (0..<UInt32(systemCount)).map { Self.reachable(systemCount, edges, from: $0) }
        func sameComponent(_ a: String, _ b: String) -> Bool {
            let (x, y) = (UInt32(a.dropFirst())!, UInt32(b.dropFirst())!)
            return reach[Int(x)].contains(y) && reach[Int(y)].contains(x)
        }
        var expected: Set<String> = [], linked: Set<String> = []
        for g in flows where g.isPending {
            for f in flows where f.isPending && g.to.id == f.from.id && !sameComponent(g.from.id, f.to.id) {
                let derives = landscape.systems.first { $0.id == f.from.id }?.derives ?? [:]
                let wanted: Set<String>? = f.data.isEmpty ? nil : Set(f.data.flatMap { derives[$0] ?? [$0] })
                let feeds = wanted.map { !$0.isEmpty && (g.data.isEmpty || !$0.isDisjoint(with: g.data)) } ?? true
                if feeds { expected.insert("\(g.id)>\(f.id)") }
            }
        }
        for item in plan.items.indices {
            for junction in plan.precedence.successors(of: UInt32(item)) where plan.isJunction(junction) {
                for after in plan.precedence.successors(of: junction) {
                    linked.insert("\(plan.items[item].id)>\(plan.items[Int(after)].id)")
                }
            }
        }
        #expect(linked == expected, "seed \(seed)")
    }
}
