import Testing

@testable import Integraph

@Suite struct GraphAlgorithmTests {
    @Test func csrKeepsSuccessorsInOrder() {
        let graph = DirectedGraph(nodeCount: 4, edges: [(2, 3), (0, 2), (0, 1), (2, 0)])
        #expect(Array(graph.successors(of: 0)) == [2, 1])
        #expect(Array(graph.successors(of: 1)) == [])
        #expect(Array(graph.successors(of: 2)) == [3, 0])
        #expect(graph.edgeCount == 4)
    }

    /// The graph of Figure 22.9 in Cormen et al., Introduction to Algorithms (3rd ed.):
    /// components {a,b,e}, {c,d}, {f,g}, {h}.
    @Test func componentsOfTheTextbookExample() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
        let edges: [(UInt32, UInt32)] = [
            (0, 1), (1, 2), (1, 4), (1, 5), (2, 3), (2, 6), (3, 2), (3, 7),
            (4, 0), (4, 5), (5, 6), (6, 5), (6, 7), (7, 7)
        ]
        let scc = StronglyConnectedComponents(DirectedGraph(nodeCount: 8, edges: edges))
        let groups = Set(scc.members.map { Set($0.map { names[Int($0)] }) })
        #expect(groups == [["a", "b", "e"], ["c", "d"], ["f", "g"], ["h"]])
        // Reverse topological numbering: every edge between components goes high to low.
        for (from, to) in edges where scc.component(of: from) != scc.component(of: to) {
            #expect(scc.component(of: from) > scc.component(of: to))
        }
    }

    @Test func aMillionNodeChainDoesNotOverflowTheStack() {
        let n = 1_000_000
        let edges: [(UInt32, UInt32)] = (0..<UInt32(n - 1)).map { ($0, $0 + 1) } + [(UInt32(n - 1), 0)]
        let scc = StronglyConnectedComponents(DirectedGraph(nodeCount: n, edges: edges))
        #expect(scc.count == 1 && scc.members[0].count == n)
    }
}
