import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersTheExampleToSVGWithNothingOnStderrFromGraphviz() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("acme.svg").path
        let result = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "-o", output])
        #expect(result.status == 0)
        #expect(
            result.stderr == "note: Graphs/acme-retail.yaml has 18 warnings; 'integraph check Graphs/acme-retail.yaml --start 2026-12-01' "
                + "lists them\n")
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
        #expect(piped.stdout.hasPrefix("digraph \"Acme Retail — integration landscape — as of 2026-12-01\""))
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
        // Graphviz without its plugins fails to lay out.
        let result = try CommandRunner.integraph(
            ["render", "Graphs/acme-retail.yaml", "-o", output.path],
            environment: ["GVBINDIR": directory.path])
        #expect(result.status == 3)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous map")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["map.svg"])
    }

    @Test func unknownViewsEnginesAndPilotsAreUsageErrors() throws {
        let view = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "--view", "pilots", "-o", "x.svg"])
        #expect(view.status == 2)
        #expect(
            view.stderr.contains("unknown view 'pilots'; views are landscape, landscape:all, pilot:ID, backlog, backlog:TEAM, domains, focus:SYSTEM[:DEPTH]"))
        let engine = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "--engine", "nosuch", "-o", "x.svg"])
        #expect(engine.status == 2)
        #expect(engine.stderr.contains("Unknown engine 'nosuch'; engines are dot, neato, fdp, sfdp, circo, twopi."))
        let pilot = try CommandRunner.integraph(["render", "Graphs/acme-retail.yaml", "--view", "pilot:churn", "-o", "-", "--format", "dot"])
        #expect(pilot.status == 2)
        #expect(pilot.stderr.contains("error: Graphs/acme-retail.yaml: no pilot 'churn' in the model"))
        #expect(pilot.stdout.isEmpty)
    }

    @Test func mermaidGoesToStandardOutput() throws {
        let result = try CommandRunner.integraph([
            "render", "Graphs/acme-retail.yaml", "--view", "pilot:churn-copilot",
            "-o", "-", "--format", "mermaid"
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\nflowchart LR\n"))
        #expect(result.stdout.contains("{{\"Churn prediction copilot<br/>scaling<br/>duration"))
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
        let result = try CommandRunner.integraph(
            ["render", "Graphs/acme-retail.yaml", "-o", output.path],
            environment: ["GVBINDIR": empty.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("Run 'dot -c' as root once (sudo dot -c)"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

extension RenderCommandTests {
    /// A big tangled landscape goes to sfdp with a notice, and a long layout says so.
    /// Past 300 systems the landscape view draws the domains, and says so on the map and here.
    @Test func aLandscapeOfFourHundredSystemsIsDrawnAsItsDomains() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("mid.json").path
        #expect(try CommandRunner.integraph(["generate", "--systems", "400", "--seed", "3", "-o", model]).status == 0)
        let result = try CommandRunner.integraph(["render", model, "-o", "-", "--format", "svg"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: This landscape has 400 systems, too many to read on one map: drawn as its domains"))
        #expect(result.stdout.contains("This landscape has 400 systems"))
    }

    @Test func aBigLandscapeIsLaidOutWithSfdpAndSaysSo() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("big.json").path
        #expect(try CommandRunner.integraph(["generate", "--systems", "3000", "--seed", "2", "-o", model]).status == 0)
        let output = directory.appendingPathComponent("big.svg").path
        let result = try CommandRunner.integraph(["render", model, "--view", "landscape:all", "-o", output])
        #expect(result.status == 0)
        #expect(result.stderr.contains("too tangled for dot (it can take minutes): laid out with sfdp; for an overview try --view domains"))
        #expect(result.stderr.contains("note: laying out 3"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("</svg>"))
    }
}

@Suite struct ReportCommandTests {
    @Test func markdownReportWritesItsMapsBesideIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("acme.md").path
        let result = try CommandRunner.integraph(["report", "Graphs/acme-retail.yaml", "--format", "markdown", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: output, encoding: .utf8)
        let maps = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("acme-maps").path).sorted()
        // The overview, one map per pilot, and a focus map of each of the five systems with
        // the most backlog pressure.
        #expect(maps == (["overview.svg"] + (1...8).map { "pilot-\($0).svg" } + (1...5).map { "focus-\($0).svg" }).sorted())
        for map in maps { #expect(markdown.contains("(acme-maps/\(map))")) }
    }

    /// The bottleneck table links the systems with the most pressure to their focus maps.
    @Test func bottlenecksLinkToTheirFocusMaps() throws {
        let result = try CommandRunner.integraph(["report", "Graphs/acme-retail.yaml", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("<a class=\"focus-link\" href=\"#focus-1\">feature-store</a>"))
        #expect(result.stdout.contains("<section id=\"focus-1\" class=\"focus-map\">\n<h3>feature-store and its neighbours</h3>"))
    }

    @Test func theSameModelGivesTheSameReport() throws {
        let first = try CommandRunner.integraph(["report", "Graphs/acme-retail.yaml", "-o", "-"], environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        let second = try CommandRunner.integraph(["report", "Graphs/acme-retail.yaml", "-o", "-"], environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        #expect(first.stdout.contains("Generated 2026-11-18T11:06:40Z by Integraph"))
        #expect(
            !first.stdout.contains("http://")
                || first.stdout.components(separatedBy: "http://").dropFirst().allSatisfy {
                    $0.hasPrefix("www.w3.org/")
                }, "no network fetches: only XML namespace names")
    }
}

extension ReportCommandTests {
    /// Past 2,000 systems the overview is the domains map, and the page says why.
    @Test func aBigLandscapeGetsTheDomainsMapAndSaysSo() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("big.json").path
        #expect(try CommandRunner.integraph(["generate", "--systems", "2500", "--seed", "4", "-o", model]).status == 0)
        // Without data labels every lineage is the whole upstream closure: big enough that
        // some pilot's map falls back to its critical path.
        try Self.removeDataLabels(from: model)
        let result = try CommandRunner.integraph(["report", model, "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<p class=\"note\" id=\"map-notice\">This landscape has 2500 systems, too many to read on one map"))
        #expect(result.stdout.contains("<h3>Domains</h3>"))
        #expect(result.stdout.contains("its critical path (its whole lineage"))
    }

    /// Rewrites a generated JSON model with no `data` on its flows and pilots' needs.
    static func removeDataLabels(from path: String) throws {
        let url = URL(fileURLWithPath: path)
        var model = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        model["flows"] = (model["flows"] as? [[String: Any]])?.map { $0.filter { $0.key != "data" } }
        model["pilots"] = (model["pilots"] as? [[String: Any]])?.map { pilot in
            var pilot = pilot
            pilot["needs"] = (pilot["needs"] as? [Any])?.map { need in
                (need as? [String: Any])?["system"] ?? need
            }
            return pilot
        }
        try JSONSerialization.data(withJSONObject: model).write(to: url)
    }
}
