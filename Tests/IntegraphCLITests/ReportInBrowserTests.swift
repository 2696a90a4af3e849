import Foundation
import Testing

let installedChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first(where: FileManager.default.isExecutableFile)

/// The leaders' report opened in a real browser (headless Chromium, which `make test`
/// installs): its script runs without an error, every pilot row and map is there, the
/// clicks are wired, the screenshot is not blank, and a hostile model runs none of its own
/// script. Skipped, visibly, where Chromium is not installed.
@Suite(.serialized, .enabled(if: installedChromium != nil, "needs Chromium (make test installs it)"))
struct ReportInBrowserTests {
    static let chromium = installedChromium

    /// Runs `body` in a scratch directory, and removes it and Chromium's profile afterwards.
    static func withChromium(_ body: (URL) throws -> Void) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(atPath: profile)
        }
        try body(directory)
    }

    /// Chromium's profile for these tests, removed after each.
    static let profile = "\(NSTemporaryDirectory())integraph-chromium-\(getpid())"

    static func browser(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(
            URL(fileURLWithPath: chromium ?? ""),
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=\(profile)"
            ] + arguments)
    }

    /// The DOM after the page's script ran.
    static func dom(of file: String) throws -> String {
        let result = try browser(["--virtual-time-budget=5000", "--dump-dom", URL(fileURLWithPath: file).absoluteString])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func report(_ model: String, in directory: URL, input: Data? = nil) throws -> String {
        let output = directory.appendingPathComponent("report.html").path
        let result = try CommandRunner.integraph(
            ["report", model, "-o", output, "--start", "2026-12-01"], input: input,
            environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(result.status == 0, "\(result.stderr)")
        return output
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    @Test func theAcmeReportWorksInChromium() throws {
        try Self.withChromium { directory in
            let file = try Self.report("Graphs/acme-retail.yaml", in: directory)
            let dom = try Self.dom(of: file)
            #expect(try !Self.matches(#"<body data-ready="yes" data-ready-after="\d+">"#, in: dom).isEmpty, "the page's script did not finish")
            #expect(!dom.contains("data-errors"))
            #expect(dom.contains("<pre id=\"errors\" class=\"errors\" hidden=\"\"></pre>"))
            let pilots = try Self.matches(#"<tr data-pilot="([^"]+)" data-section="pilot-\d+">"#, in: dom).map { $0[1] }
            #expect(
                pilots.sorted() == [
                    "churn-copilot", "demand-forecasting", "dynamic-pricing", "invoice-matching",
                    "next-best-offer", "product-copy-genai", "service-agent-assist", "supplier-risk"
                ])
            let ids = Set(try Self.matches(#" id="([^"]+)""#, in: dom).map { $0[1] })
            let anchors = try Self.matches(##"<a class="pilot-link" href="#([^"]+)">"##, in: dom).map { $0[1] }
            #expect(anchors.count == pilots.count)
            for anchor in anchors {
                #expect(ids.contains(anchor), "pilot link #\(anchor) leads nowhere")
                #expect(dom.contains("<section id=\"\(anchor)\" class=\"pilot-map\">"))
            }
            #expect(dom.contains("<section id=\"overview\" class=\"overview-map\">"))
            // The overview's pilot nodes were wired to the pilots' maps by the script.
            let wired = try Self.matches(##"<g id="(o-[^"]+)" class="node" data-link="(pilot-\d+)""##, in: dom)
            #expect(wired.count == pilots.count)
            for link in wired { #expect(anchors.contains(link[2])) }
            // A screenshot of the page is far from blank: against a blank page of the same size.
            let shot = directory.appendingPathComponent("shot.png").path, blank = directory.appendingPathComponent("blank.png").path
            try "<html><body></body></html>".write(toFile: directory.appendingPathComponent("blank.html").path, atomically: true, encoding: .utf8)
            _ = try Self.browser(["--window-size=1280,900", "--screenshot=\(shot)", URL(fileURLWithPath: file).absoluteString])
            _ = try Self.browser([
                "--window-size=1280,900", "--screenshot=\(blank)",
                directory.appendingPathComponent("blank.html").absoluteString
            ])
            let shotBytes = try Data(contentsOf: URL(fileURLWithPath: shot)), blankBytes = try Data(contentsOf: URL(fileURLWithPath: blank))
            #expect(shotBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(shotBytes.count > 10 * blankBytes.count, "screenshot \(shotBytes.count) bytes, blank page \(blankBytes.count)")
        }
    }

    /// A link ending in #find=TEXT opens the page with that search made: matching systems
    /// are highlighted on every map and the systems table keeps only them.
    @Test func theSearchHighlightsSystemsOnTheMaps() throws {
        try Self.withChromium { directory in
            let file = try Self.report("Graphs/acme-retail.yaml", in: directory)
            let result = try Self.browser(["--virtual-time-budget=5000", "--dump-dom", URL(fileURLWithPath: file).absoluteString + "#find=Snowflake"])
            let hits = try Self.matches(#"<g id="([^"]+)" class="node hit""#, in: result.stdout).map { $0[1] }
            #expect(hits.contains("o-snowflake"))
            #expect(hits.allSatisfy { $0.hasSuffix("-snowflake") }, "\(hits)")
            #expect(hits.count >= 2, "the landscape and at least one pilot map")
            let systemTable = result.stdout.components(separatedBy: "id=\"system-table\"").last?.components(separatedBy: "</table>").first ?? ""
            let shown = try Self.matches(#"<tr data-id="([^"]+)" data-name="[^"]*">"#, in: systemTable).map { $0[1] }
            #expect(shown == ["snowflake"])
            #expect(result.stdout.contains("highlighted on the maps</span>"))
        }
    }

    /// Every map can be zoomed and panned by the page's own script: opened with
    /// #zoom=overview,2 the overview's viewBox is half as wide as when it opened, and each
    /// map has its zoom buttons and a full-size view.
    @Test func aMapZooms() throws {
        try Self.withChromium { directory in
            let file = try Self.report("Graphs/acme-retail.yaml", in: directory)
            let url = URL(fileURLWithPath: file).absoluteString
            let plain = try Self.browser(["--virtual-time-budget=5000", "--window-size=1280,900", "--dump-dom", url]).stdout
            let zoomed = try Self.browser(["--virtual-time-budget=5000", "--window-size=1280,900", "--dump-dom", url + "#zoom=overview,2"]).stdout
            func overview(_ dom: String) throws -> (zoom: Double, width: Double) {
                let section = dom.components(separatedBy: "<section id=\"overview\"").last ?? ""
                let zoom = try #require(try Self.matches(#"data-zoom="([0-9.]+)""#, in: section).first.flatMap { Double($0[1]) })
                let box = try #require(try Self.matches(#"viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) [0-9.]+""#, in: section).first.flatMap { Double($0[1]) })
                return (zoom, box)
            }
            let before = try overview(plain), after = try overview(zoomed)
            #expect(abs(after.width * 2 - before.width) < 0.05, "\(before) \(after)")
            #expect(abs(after.zoom - before.zoom * 2) < 0.01)
            #expect(before.zoom >= 0.99, "the Acme landscape opens whole or larger")
            #expect(try Self.matches(#"<div class="map-tools">"#, in: plain).count >= 9)
            #expect(plain.contains("<button type=\"button\">full size</button>"))
            #expect(!plain.contains("data-errors"))
        }
    }

    @Test func aHostileModelRunsNoScriptOfItsOwn() throws {
        try Self.withChromium { directory in
            let attack = #"<script>document.body.dataset.pwned='script'</script></svg><img src=x onerror="document.body.dataset.pwned='img'">\" ' &amp;"#
            let model = """
                integraph: 1
                name: "\(attack.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"
                teams:
                  - {id: t1, name: '\(attack.replacingOccurrences(of: "'", with: "''"))'}
                systems:
                  - {id: crm, name: '\(attack.replacingOccurrences(of: "'", with: "''"))', domain: '</svg><script>x()</script>', owner: t1}
                  - {id: dwh, name: plain, status: planned, effort: 3, owner: t1}
                flows:
                  - {id: f1, from: crm, to: dwh, status: blocked, effort: 2, blocked_by: '\(attack.replacingOccurrences(of: "'", with: "''"))'}
                pilots:
                  - {id: p1, name: '\(attack.replacingOccurrences(of: "'", with: "''"))', champion: '<b onmouseover=x()>c</b>', stage: pilot, needs: [dwh], effort: 1}

                """
            let modelFile = directory.appendingPathComponent("hostile.yaml").path
            try model.write(toFile: modelFile, atomically: true, encoding: .utf8)
            let file = try Self.report(modelFile, in: directory)
            let dom = try Self.dom(of: file)
            #expect(try !Self.matches(#"<body data-ready="yes" data-ready-after="\d+">"#, in: dom).isEmpty)
            #expect(!dom.contains("data-pwned"), "a script from the model ran")
            #expect(!dom.contains("<img"))
            #expect(try Self.matches("<script", in: dom).count == 3, "only the page's own three script blocks")
            #expect(dom.contains("&lt;script&gt;document.body.dataset.pwned='script'&lt;/script&gt;"))
        }
    }
}
