import Integraph
import Testing

@testable import IntegraphGraphviz

/// Names too long for an id, and tokens too long for libcgraph's lexer (quadratic in a
/// token's length), are refused where they stand, in linear time.
@Suite struct DOTLongNameTests {
    /// Worked by hand: `"a \" b"` is 6 bytes between its quotes; the HTML label nests one
    /// `<b>` (`x<b>y</b>z`, 10 bytes inside its outer brackets, which open at column 24);
    /// `digraph` is 7; the comments' long words do not count.
    @Test func theLongestTokenAndWhereItStarts() {
        let text = "digraph {\n  // a_commented_out_name_longer_than_all\n  \"a \\\" b\" -> c [label=<x<b>y</b>z>]\n  /* another_very_long_comment_word */\n}"
        let longest = DOTTokenLength.longest(in: text)
        #expect(longest?.length == 10 && longest?.position == SourcePosition(line: 3, column: 24), "\(String(describing: longest))")
    }

    @Test func aTokenPastGraphvizsLimitSkipsTheFileAtItsPlace() {
        let text = "digraph {\n  a -> \"" + String(repeating: "x", count: 20_000) + "\"\n}\n"
        let result = DOTImportTests.read(text)
        #expect(result.landscape.systems.isEmpty)
        #expect(
            result.unreadable.map(\.description) == [
                "map.gv:2:8: skipped the file: a name or label of 20,000 bytes starts here; Graphviz reads at most 16,384"
            ])
    }

    @Test func aNodeNameTooLongForAnIdIsLeftOutWithItsEdges() {
        let long = String(repeating: "m", count: ModelLimits.maximumIDLength + 1)
        let result = DOTImportTests.read("digraph { a -> \"\(long)\"; a -> b }")
        #expect(result.landscape.systems.map(\.id) == ["a", "b"] && result.landscape.flows.count == 1)
        #expect(result.skipped.first?.message.hasSuffix("its name has 513 characters, and an id at most 512") == true)
    }
}
