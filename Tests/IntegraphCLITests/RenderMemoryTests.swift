import Foundation
import Testing

/// Repeated renders in one process do not grow memory beyond what Graphviz keeps itself.
/// Measured in a process of its own, since tests running beside it in this one would move
/// its resident size.
@Suite struct RenderMemoryTests {
    /// 200 sfdp renders of the example landscape, against 200 layouts of the same DOT text
    /// straight through libgvc. sfdp keeps nothing per layout, but Graphviz 2.43 keeps a few
    /// KB per HTML-like label (the legend: valgrind shows `htmlparse`, `sizeArray` and pango
    /// markup blocks lost); our own path must add nothing to that.
    @Test func twoHundredRendersKeepNoMoreThanGraphvizItself() throws {
        let result = try CommandRunner.benchmarks(["--render-memory", "200", "--model", "Graphs/acme-retail.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let growth = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Int])
        let ours = try #require(growth["integraph"]), graphviz = try #require(growth["graphviz"])
        #expect(ours <= graphviz + 256, "our renders grew \(ours) KB, Graphviz alone \(graphviz) KB")
        #expect(ours < 2_000, "\(ours) KB over 200 renders is more than Graphviz's known label leak")
    }
}
