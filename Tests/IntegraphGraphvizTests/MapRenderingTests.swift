import Foundation
import Integraph
import Testing
@testable import IntegraphGraphviz

@Suite struct MapRenderingTests {
    static let acme: Landscape = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Graphs/acme-retail.yaml").path
        guard let landscape = try? LandscapeReader().read(.file(path)).validLandscape else {
            fatalError("Graphs/acme-retail.yaml must be a valid model")
        }
        return landscape
    }()

    @Test func everySystemAndPilotIsANodeOnceWithItsModelID() throws {
        let svg = try SVGDocument(try MapRenderer().render(Self.acme, as: .svg).data)
        let ids = try svg.groups(ofClass: "node").compactMap { $0.value(of: "id") }
        let expected = Self.acme.systems.map(\.id) + Self.acme.pilots.map(\.id)
        #expect(ids.sorted() == expected.sorted())
        let edgeIDs = Set(try svg.groups(ofClass: "edge").compactMap { $0.value(of: "id") })
        #expect(Set(Self.acme.flows.map(\.id)).isSubset(of: edgeIDs))
        #expect(try svg.groups(ofClass: "cluster").count == Set(Self.acme.systems.compactMap(\.domain)).count)
    }

    @Test func edgesAreStyledByStatus() throws {
        let svg = try SVGDocument(try MapRenderer().render(Self.acme, as: .svg).data)
        for flow in Self.acme.flows {
            let edge = try #require(try svg.group(ofClass: "edge", id: flow.id), "no edge for \(flow.id)")
            let path = try #require(edge.descendants(named: "path").first)
            let stroke = path.value(of: "stroke")
            #expect(stroke == MapPalette.edgeStyle(for: flow.status)["color"], "\(flow.id)")
            let dashed = path.value(of: "stroke-dasharray") != nil
            #expect(dashed == (flow.status == .backlog), "\(flow.id)")
            if flow.status == .blocked {
                #expect(edge.texts == ["blocked: \(flow.blockedBy ?? "")"])
            } else {
                #expect(edge.texts.isEmpty, "\(flow.id)")
            }
        }
    }

    @Test func hostileStringsStayText() throws {
        let hostileID = #"a" -> b [URL="javascript:x"]"#
        let hostileName = "</text><script>alert(1)</script> & &lt; \\N \"q\"\nمرحبا"
        let landscape = Landscape(
            name: "<svg onload=alert(1)>",
            systems: [
                System(id: hostileID, name: hostileName, domain: "]]>&amp;"),
                System(id: "plain"),
            ],
            flows: [Flow(id: "x\"y", from: Reference("plain", at: .start), to: Reference(hostileID, at: .start),
                         status: .blocked, blockedBy: "<b>quota</b>")])
        let rendering = try MapRenderer().render(landscape, as: .svg)
        let svg = try SVGDocument(rendering.data)
        #expect(try svg.groups(ofClass: "node").count == 2)
        #expect(try svg.groups(ofClass: "edge").count == 1)
        let node = try #require(try svg.group(ofClass: "node", id: hostileID))
        #expect(node.texts == ["</text><script>alert(1)</script> & &lt; \\N \"q\"", "مرحبا"])
        #expect(try svg.elements(named: "script").isEmpty)
        #expect(try svg.document.nodes(forXPath: "//@href | //@*[local-name()='href']").isEmpty)
        let edge = try #require(try svg.group(ofClass: "edge", id: "x\"y"))
        #expect(edge.texts == ["blocked: <b>quota</b>"])
        let cluster = try #require(try svg.groups(ofClass: "cluster").first)
        #expect(cluster.texts == ["]]>&amp;"])
        #expect(try svg.elements(named: "svg").first?.value(of: "onload") == nil)
    }

    @Test func theSameModelGivesTheSameBytes() throws {
        let first = try MapRenderer().render(Self.acme, as: .dot).data
        let second = try MapRenderer().render(Self.acme, as: .dot).data
        #expect(first == second)
        #expect(try MapRenderer().render(Self.acme, as: .svg).data == MapRenderer().render(Self.acme, as: .svg).data)
    }

    @Test func pngAndPDFHaveTheirSignatures() throws {
        let png = try MapRenderer().render(Self.acme, as: .png).data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = try MapRenderer().render(Self.acme, as: .pdf).data
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    @Test func formatsFollowTheExtension() {
        #expect(MapFormat(path: "out/map.svg") == .svg)
        #expect(MapFormat(path: "MAP.PNG") == .png)
        #expect(MapFormat(path: "a.gv") == .dot)
        #expect(MapFormat(path: "map.gif") == nil)
        #expect(MapFormat(path: "dir.svg/map") == nil)
    }
}

extension MapRenderingTests {
    /// The in-process path must draw exactly what Graphviz's own `dot` command draws from
    /// the same DOT text.
    @Test func inProcessOutputMatchesTheDotCommand() throws {
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: Graphviz's dot command is not installed")
            return
        }
        let text = try MapRenderer().render(Self.acme, as: .dot).data
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text))
        try input.fileHandleForWriting.close()
        let expected = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(try MapRenderer().render(Self.acme, as: .svg).data == Array(expected))
    }
}
