import Testing

@testable import Integraph

/// Redundant flows on random labelled landscapes against a plain second method: a flow
/// u→v with labels L is redundant when, among the other flows that carry all of L and do
/// not also run u→v, some chain leads from u to v (every simple path of two or more flows
/// from u to v is such a chain, and every such chain contains one).
@Suite struct RedundantFlowTests {
    @Test(arguments: 0..<40)
    func redundantFlowsEqualReachabilityWithoutTheFlow(seed: UInt64) {
        var random = SeededRandom(seed: seed + 500)
        let systemCount = 4 + Int(seed % 6)
        let labels = ["a", "b", "c"]
        var landscape = Landscape(systems: (0..<systemCount).map { System(id: "s\($0)") })
        for number in 0..<(systemCount + Int(seed % 9) * 2) {
            let from = Int(random.next() % UInt64(systemCount))
            let to = (from + 1 + Int(random.next() % UInt64(systemCount - 1))) % systemCount
            let data = labels.filter { _ in random.next() % 3 != 0 }
            landscape.flows.append(
                Flow(
                    id: "f\(number)", from: Reference("s\(from)", at: .start),
                    to: Reference("s\(to)", at: .start), data: data))
        }
        let flows = landscape.flows
        let expected = flows.filter { flow in
            guard !flow.data.isEmpty else { return false }
            let usable = flows.filter { other in
                other.id != flow.id && Set(flow.data).isSubset(of: other.data)
                    && !(other.from.id == flow.from.id && other.to.id == flow.to.id)
            }
            var reached: Set<String> = [flow.from.id]
            var stack = [flow.from.id]
            while let system = stack.popLast() {
                for other in usable where other.from.id == system && reached.insert(other.to.id).inserted {
                    stack.append(other.to.id)
                }
            }
            return reached.contains(flow.to.id)
        }.map(\.id).sorted()
        let index = LandscapeIndex(landscape)
        let found = RedundantFlows(index).flows.map { flows[Int($0)].id }.sorted()
        #expect(found == expected, "seed \(seed)")
    }
}
