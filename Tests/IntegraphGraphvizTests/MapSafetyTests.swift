import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

/// Hostile model strings stay text in every view and format; the in-process path draws what
/// Graphviz's own command draws. (Memory over repeated renders: RenderMemoryTests.)
@Suite struct MapSafetyTests {
    static let hostileID = #"a" -> b [URL="javascript:x"]"#
    static let hostileName = "</text><script>alert(1)</script> & &lt; \\N \"q\" </svg> `x` #1 |p|\nمرحبا"

    static let hostile: MapSubject = {
        let landscape = Landscape(
            name: "<svg onload=alert(1)>",
            teams: [Team(id: "t<1>", name: "</table>&amp;")],
            systems: [
                System(id: hostileID, name: hostileName, domain: "]]>&amp;", owner: Reference("t<1>", at: .start)),
                System(id: "plain", domain: "<b>d</b>")
            ],
            flows: [
                Flow(
                    id: "x\"y", from: Reference("plain", at: .start), to: Reference(hostileID, at: .start),
                    status: .blocked, effort: .days(2), blockedBy: "<b>quota</b>")
            ],
            pilots: [Pilot(id: "p\"1", name: "<img src=x onerror=alert(1)>", needs: [PilotNeed(system: Reference(hostileID, at: .start))])])
        guard let subject = (try? ValidatedLandscape(validating: landscape)).map({ MapSubject(Pipeline().outlook($0, for: .schedules)) }) else {
            fatalError("the hostile model must analyse")
        }
        return subject
    }()

    @Test(arguments: [MapView.landscape, .pilot("p\"1"), .backlog, .domains])
    func hostileStringsStayTextInEveryView(view: MapView) throws {
        let svg = try SVGDocument(try MapRenderer(view: view).render(Self.hostile, as: .svg).data)
        #expect(try svg.elements(named: "script").isEmpty)
        #expect(try svg.elements(named: "img").isEmpty)
        #expect(try svg.document.nodes(forXPath: "//@href | //@*[local-name()='href']").isEmpty)
        #expect(try svg.elements(named: "svg").first?.value(of: "onload") == nil)
        let texts = try svg.elements(named: "text").compactMap(\.stringValue)
        if view != .domains {
            #expect(texts.contains("</text><script>alert(1)</script> & &lt; \\N \"q\" </svg> `x` #1 |p|"), "\(view)")
        }
        if view == .landscape {
            let node = try #require(try svg.group(ofClass: "node", id: Self.hostileID))
            #expect(node.texts.last == "مرحبا")
            let flow = try #require(try svg.group(ofClass: "edge", id: "x\"y"))
            #expect(flow.texts == ["blocked: <b>quota</b>"])
        }
    }

    @Test func mermaidQuotesEveryLabel() throws {
        let text = String(decoding: try MapRenderer().render(Self.hostile, as: .mermaid).data, as: UTF8.self)
        #expect(text.hasPrefix("---\ntitle: \"#lt;svg onload=alert(1)#gt;"))
        #expect(!text.contains("<script") && !text.contains("<svg") && !text.contains("<img"))
        for line in text.split(separator: "\n") where line.contains("[\"") || line.contains("{\"") {
            // Inside a label only the entity-coded forms appear: every '"' opens or closes one.
            let quotes = line.filter { $0 == "\"" }.count
            #expect(quotes % 2 == 0, "\(line)")
        }
        #expect(text.contains("#lt;/text#gt;#lt;script#gt;alert(1)#lt;/script#gt; #amp; #amp;lt; \\N #quot;q#quot;"))
    }

    /// The DOT written for the hostile model parses back into exactly its nodes.
    @Test func dotOfAHostileModelParsesIntoItsOwnNodes() throws {
        let svg = try SVGDocument(
            try Graphviz.shared.render(
                dot: String(decoding: try MapRenderer().render(Self.hostile, as: .dot).data, as: UTF8.self),
                engine: "dot", format: "svg"
            ).data)
        let ids = Set(try svg.groups(ofClass: "node").compactMap { $0.value(of: "id") })
        #expect(ids == [Self.hostileID, "plain", "p\"1", "legend"])
    }

    /// The in-process path must draw exactly what Graphviz's own `dot` command draws from
    /// the same DOT text.
    static let dotCommand = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile)

    @Test(.enabled(if: dotCommand != nil, "needs Graphviz's dot command"))
    func inProcessOutputMatchesTheDotCommand() throws {
        let dot = try #require(Self.dotCommand)
        let text = try MapRenderer().render(MapRenderingTests.subject, as: .dot).data
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text))
        try input.fileHandleForWriting.close()
        let expected = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(try MapRenderer().render(MapRenderingTests.subject, as: .svg).data == Array(expected))
    }
}

extension MapSafetyTests {
    /// Maps rendered from several threads at once come out as they do one at a time.
    @Test func rendersFromSeveralThreadsMatchSerialOnes() async throws {
        let views: [MapView] = [.landscape, .pilot("churn-copilot"), .backlog, .domains, .pilot("dynamic-pricing")]
        let subject = MapRenderingTests.subject
        let serial = try views.map { try MapRenderer(view: $0).render(subject, as: .svg).data }
        let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for _ in 0..<3 {
                for (index, view) in views.enumerated() {
                    group.addTask { (index, try MapRenderer(view: view).render(subject, as: .svg).data) }
                }
            }
            var results: [(Int, [UInt8])] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == views.count * 3)
        for (index, data) in parallel { #expect(data == serial[index], "\(views[index])") }
    }
}
