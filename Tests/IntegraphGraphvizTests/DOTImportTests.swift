import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

@Suite struct DOTImportTests {
    static func read(_ dot: String, name: String = "map.gv") -> ImportResult {
        var builder = ImportBuilder(source: "dot")
        DOTImporter().read([ImportSource(name: name, text: dot)], into: &builder)
        return builder.finish(direction: .data)
    }

    /// Worked out from the text: the inner cluster inherits the outer one's label, as Graphviz
    /// draws it, so both nodes are in Sales; the chain
    /// a -> b -> c gives two flows, the second b -> c is merged and the self-loop skipped;
    /// model keys map, other attributes are kept as dot/NAME.
    @Test func nodesEdgesAndClustersMapOntoTheModel() throws {
        let result = Self.read(
            """
            digraph shop {
              node [shape=box]
              subgraph cluster_sales { label="Sales"; a [label="CRM", owner="crm-team", status=planned, effort=4]
                subgraph cluster_inner { b [kind=warehouse, status="unknown-word"] } }
              a -> b -> c [data="accounts; orders", status=backlog, effort=3, dir=back]
              b -> c
              c -> c
            }
            """)
        let systems = result.landscape.systems
        try #require(systems.map(\.id) == ["a", "b", "c"], "\(result.skipped)")
        try #require(result.landscape.flows.count == 2)
        #expect(systems[0].name == "CRM" && systems[0].domain == "Sales" && systems[0].owner?.id == "crm-team")
        #expect(systems[0].status == .planned && systems[0].effort == .days(4))
        #expect(systems[1].domain == "Sales" && systems[1].kind == "warehouse" && systems[1].attributes["dot/status"] == "unknown-word")
        #expect(systems[0].attributes["dot/shape"] == "box" && systems[1].attributes["dot/label"] == nil)
        #expect(result.landscape.flows.map(\.id) == ["a->b", "b->c"])
        #expect(result.landscape.flows[1].data == ["accounts", "orders"] && result.landscape.flows[1].status == .backlog)
        #expect(result.landscape.flows[1].attributes["dot/dir"] == "back")
        #expect(
            result.skipped.map(\.message) == [
                "merged a second edge from 'b' to 'c' into the first",
                "skipped the edge from 'c' to itself: a flow joins two different systems"
            ])
        #expect(result.landscape.teams.map(\.id) == ["crm-team"])
    }

    @Test func aBrokenGraphIsAClearSkipAndTheNextFileReads() {
        var builder = ImportBuilder(source: "dot")
        DOTImporter().read(
            [
                ImportSource(name: "broken.gv", text: "digraph { a -> }"),
                ImportSource(name: "fine.gv", text: "digraph { x -> y }")
            ], into: &builder)
        let result = builder.finish(direction: .data)
        #expect(result.landscape.flows.map(\.id) == ["x->y"])
        #expect(result.skipped.first?.description.hasPrefix("broken.gv:1:1: skipped the file: Graphviz cannot read the graph") == true)
    }
}

/// Graphviz's own test graphs: each ends in a model or a clear error, never a crash; the
/// counts are those PROVENANCE.md gives (`gc -n -e`), less self-loops, for the first graph.
@Suite(.enabled(if: graphvizTestGraphs != nil, "needs ../shared/datasets beside the checkout"))
struct DOTDatasetTests {
    static var root: URL? { graphvizTestGraphs }

    @Test func everyTestGraphEndsInAModelOrAClearError() throws {
        let root = try #require(Self.root)
        let result = DOTImporter.read(paths: [root.path])
        // 22 graphs read; Latin1.gv and the fuzzing input are ISO-8859-1, refused with their line.
        #expect(result.skipped.filter { $0.message.hasPrefix("skipped the file") }.count == 2)
        #expect(result.skipped.allSatisfy { !$0.message.isEmpty })
    }

    @Test(arguments: [
        ("b100.gv", 1463, 5806), ("world.gv", 48, 69), ("b106.gv", 104, 229), ("ports.gv", 12, 20),
        ("multi.gv", 2, 1), ("b123.gv", 1, 0), ("unix.gv", 41, 49)
    ])
    func countsOfSomeGraphs(file: String, systems: Int, flows: Int) throws {
        let root = try #require(Self.root)
        let result = DOTImporter.read(paths: [root.appendingPathComponent("rtest/graphs/\(file)").path])
        #expect(result.landscape.systems.count == systems && result.landscape.flows.count == flows)
    }
}

/// Graphviz's test graphs in ../shared/datasets, when present.
let graphvizTestGraphs: URL? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/datasets/graphviz-test-graphs")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()
