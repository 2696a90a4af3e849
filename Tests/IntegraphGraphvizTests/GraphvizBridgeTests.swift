import Foundation
import Testing

@testable import IntegraphGraphviz

/// The libgvc bridge: its errors are ours, its scanner state does not leak from one call to
/// the next, and it is safe to call from many threads at once.
@Suite struct GraphvizBridgeTests {
    func nodeTitles(_ rendering: Graphviz.Rendering) throws -> [String] {
        try SVGDocument(rendering.data).groups(ofClass: "node").flatMap { $0.descendants(named: "title") }
            .compactMap(\.stringValue).sorted()
    }

    @Test func syntaxErrorsComeBackAsOurErrors() {
        #expect {
            try Graphviz.shared.render(dot: "digraph { a -> }", engine: "dot", format: "svg")
        } throws: { error in
            guard case GraphvizError.unreadableGraph(let messages) = error else { return false }
            return messages.contains { $0.contains("syntax error in line 1") }
        }
    }

    @Test func unknownEnginesAndFormatsAreReported() {
        #expect(
            throws: GraphvizError.layoutFailed(
                engine: "nosuch",
                messages: [
                    "Layout type: \"nosuch\" not recognized. Use one of: circo dot fdp neato nop nop1 nop2 osage patchwork sfdp twopi"
                ])
        ) {
            try Graphviz.shared.render(dot: "digraph { a }", engine: "nosuch", format: "svg")
        }
        #expect {
            try Graphviz.shared.render(dot: "digraph { a }", engine: "dot", format: "nosuch")
        } throws: { error in
            guard case GraphvizError.renderFailed(let format, _) = error else { return false }
            return format == "nosuch"
        }
    }

    /// Graphviz 2.43 returns the previous graph, or nothing, after a bad parse unless the
    /// scanner is reset; the bridge resets it after every call.
    @Test func aBadParseDoesNotPoisonTheNext() throws {
        #expect(Graphviz.shared.canResetScanner)
        for bad in ["digraph { a -> ", "digraph { x } digraph { y }", "\u{1}\u{2}garbage{{", ""] {
            _ = try? Graphviz.shared.render(dot: bad, engine: "dot", format: "svg")
            let good = try Graphviz.shared.render(dot: "digraph { p -> q }", engine: "dot", format: "svg")
            #expect(try nodeTitles(good) == ["p", "q"], "after \(bad.debugDescription)")
        }
    }

    @Test func concurrentRendersAreSafe() async throws {
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for index in 0..<24 {
                group.addTask {
                    let engine = index % 2 == 0 ? "dot" : "sfdp"
                    let dot = "digraph { n\(index)a -> n\(index)b -> n\(index)c; n\(index)a -> n\(index)c }"
                    let rendering = try Graphviz.shared.render(dot: dot, engine: engine, format: "svg")
                    return (index, try nodeTitles(rendering))
                }
            }
            var collected: [Int: [String]] = [:]
            for try await (index, titles) in group { collected[index] = titles }
            return collected
        }
        #expect(results.count == 24)
        for (index, titles) in results {
            #expect(titles == ["n\(index)a", "n\(index)b", "n\(index)c"])
        }
    }

    @Test func dotStringsAreQuotedAndEscaped() {
        #expect(DOTWriter.quoted(#"a" -> b [URL="javascript:x"]"#) == #""a\" -> b [URL=\"javascript:x\"]""#)
        #expect(DOTWriter.quoted("back\\slash & <tag>\nnext\r\u{7}") == #""back\\slash &amp; <tag>\nnext ""#)
    }
}
