import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersTheExampleToSVGWithNothingOnStderrFromGraphviz() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("acme.svg").path
        let result = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", output])
        #expect(result.status == 0)
        #expect(result.stderr == "note: Graphs/acme-retail.yaml has 1 warning(s); 'integraph check Graphs/acme-retail.yaml' lists them\n")
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("id=\"snowflake\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["acme.svg"])
    }

    @Test func dotGoesToStandardOutputAndMatchesTheFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("acme.dot").path
        #expect(try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", file]).status == 0)
        let piped = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", "-", "--format", "dot"])
        #expect(piped.status == 0)
        #expect(piped.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
        #expect(piped.stdout.hasPrefix("digraph \"Acme Retail\" {"))
    }

    @Test func aBrokenModelIsNotRenderedAndLeavesNoFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("map.svg")
        let result = try CommandRunner.integraph(["render", "Examples/first-landscape/broken.yaml", "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Examples/first-landscape/broken.yaml:14:25: error: flow 'shopify->strip'"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func anExistingMapSurvivesAFailedRun() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("map.svg")
        try "previous map".write(to: output, atomically: true, encoding: .utf8)
        let result = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", output.path, "--engine", "nosuch"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: Graphviz layout with engine 'nosuch' failed"))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous map")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["map.svg"])
    }

    @Test func anUnwritableDestinationExitsThree() throws {
        let result = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", "/nonexistent-dir/map.svg"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent-dir/map.svg: cannot write"))
    }

    @Test func anUnknownExtensionNeedsAFormat() throws {
        let result = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", "map.gif"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Cannot tell the format from 'map.gif'"))
    }

    @Test func pngOutputIsAPNG() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("acme.png")
        #expect(try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", output.path]).status == 0)
        #expect(try Data(contentsOf: output).starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }
}

extension RenderCommandTests {
    /// Without its plugin list Graphviz has no engines; the tool must say how to fix that.
    @Test func missingGraphvizPluginsAreExplained() throws {
        let empty = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let output = empty.appendingPathComponent("map.svg")
        let result = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", output.path],
                                                 environment: ["GVBINDIR": empty.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("Run 'dot -c' as root once (sudo dot -c)"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
