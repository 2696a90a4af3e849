import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

/// Maps of landscapes too big for a layout engine draw the most important part and say
/// what they left out, in the legend and in the notice printed on standard error.
@Suite struct BoundedMapTests {
    static func subject(_ landscape: Landscape) throws -> MapSubject {
        MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules))
    }

    /// 45 domains of one system each, in a chain of pending flows, each system with more
    /// pending effort than the one before (domain 44's the most): the 39 with the most
    /// pressure are drawn, the 6 with the least (d00…d05) share one node.
    @Test func domainsPastTheLimitShareOneNode() throws {
        let count = 45
        var yaml = "integraph: 1\nsystems:\n"
        for index in 0..<count {
            yaml += "  - {id: s\(index), domain: \(String(format: "d%02d", index)), status: planned, effort: \(index + 1)}\n"
        }
        yaml += "flows:\n"
        for index in 1..<count { yaml += "  - {from: s\(index - 1), to: s\(index), status: backlog, effort: 1}\n" }
        yaml += "pilots:\n  - {id: p, champion: Kim, needs: [s\(count - 1)]}\n"
        let report = LandscapeReader().read(bytes: Array(yaml.utf8), source: .file("model.yaml"))
        let subject = MapSubject(Pipeline().outlook(try #require(report.validLandscape, "\(report.findings)"), for: .schedules))
        let drawing = DomainMap().drawing(for: subject)
        let domains = drawing.graph.nodes.map(\.id).filter { $0.hasPrefix("domain") }
        #expect(domains.count == DomainMap.domainLimit)
        #expect(domains.contains("domains:others") && !domains.contains("domain:d05") && domains.contains("domain:d06"))
        let others = try #require(drawing.graph.nodes.first { $0.id == "domains:others" })
        #expect(others.attributes["label"]?.hasPrefix("6 other domains\n6 systems · 5 flows inside") == true)
        // d05 → d06 is the one flow between the merged and the drawn: counted, not drawn.
        #expect(drawing.notice?.contains("the other 6 (6 systems) share one node; flows between it and the drawn domains are not drawn: 1") == true)
        #expect(drawing.graph.edges.allSatisfy { $0.from != "domains:others" && $0.to != "domains:others" })
    }

    /// A generated landscape of 3,000 systems has far more backlog than 300 nodes: the
    /// boxes of the teams owning most pending days are drawn while they fit, every edge
    /// joins two drawn nodes, and the notice counts the boxes left out.
    @Test func theBacklogDrawsTheTeamsOwningMostWhileTheyFit() throws {
        let subject = try Self.subject(LandscapeGenerator(systems: 3_000, seed: 1).landscape())
        let drawing = try BacklogMap().drawing(for: subject)
        let drawn = drawing.graph.clusters.flatMap { $0.nodes.map(\.id) } + drawing.graph.nodes.map(\.id)
        #expect(drawn.count <= BacklogMap.nodeLimit && !drawing.graph.clusters.isEmpty)
        let ids = Set(drawn)
        #expect(drawing.graph.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        let touched = Set(subject.landscape.flows.filter(\.isPending).flatMap { [$0.from.id, $0.to.id] })
        let boxes = BacklogBoxes(subject, touched: subject.landscape.systems.indices.filter { touched.contains(subject.landscape.systems[$0].id) })
        let left = boxes.boxes.count - drawing.graph.clusters.count
        #expect(left > 0)
        #expect(drawing.notice?.contains("the other \(Wording.grouped(left)) boxes") == true, "\(drawing.notice ?? "")")
        // The drawn boxes own at least as much as any box left out.
        let drawnLabels = Set(drawing.graph.clusters.compactMap { $0.attributes["label"] })
        let drawnOwned = boxes.boxes.filter { drawnLabels.contains($0.label) }.map(\.owned)
        let leftOwned = boxes.boxes.filter { !drawnLabels.contains($0.label) }.map(\.owned)
        #expect((drawnOwned.min() ?? 0) >= (leftOwned.max() ?? 0))
    }

    @Test func oneTeamsBacklogAndAnUnknownTeam() throws {
        let subject = try BacklogMapTests.subject(BacklogMapTests.usersCase)
        let shop = try BacklogMap(team: "shop").drawing(for: subject)
        #expect(shop.graph.clusters.count == 1 && shop.graph.clusters[0].attributes["label"]?.hasPrefix("Shop") == true)
        #expect(Set(shop.graph.clusters[0].nodes.map(\.id)) == ["cart", "orders", "warehouse"])
        #expect(shop.graph.edges.allSatisfy { ["cart", "orders", "warehouse"].contains($0.from) })
        // The far ends of its flows f3 (warehouse → lake) and f5 (cart → tmp) stand outside the box.
        #expect(shop.graph.nodes.map(\.id) == ["lake", "tmp"] && shop.graph.nodes.allSatisfy { $0.attributes["label"]?.hasSuffix("(another box)") == true })
        #expect(shop.graph.edges.count == 5 && shop.graph.graphAttributes["label"]?.contains("integration backlog of shop") == true)
        #expect(throws: MapViewError.self) { try BacklogMap(team: "nobody").drawing(for: subject) }
        #expect(try MapView(argument: "backlog:shop") == .backlogOf("shop"))
    }

    /// Five flows around the busiest system of a generated 3,000-system landscape reach far
    /// more than 300 systems: the nearest are drawn (every direct neighbour among them), and
    /// the notice counts the rest, which a breadth-first walk without the bound finds.
    @Test func aFocusDrawsTheNearestSystemsFirst() throws {
        let landscape = LandscapeGenerator(systems: 3_000, seed: 1).landscape()
        let subject = try Self.subject(landscape)
        var degree: [String: Int] = [:]
        for flow in landscape.flows {
            degree[flow.from.id, default: 0] += 1
            degree[flow.to.id, default: 0] += 1
        }
        let hub = try #require(degree.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        let drawing = try FocusMap("\(hub):5").drawing(for: subject)
        let systems = Set(drawing.graph.nodes.map(\.id)).intersection(landscape.systems.map(\.id))
        #expect(systems.count == FocusMap.systemLimit)
        let neighbours = Set(landscape.flows.filter { $0.from.id == hub }.map(\.to.id) + landscape.flows.filter { $0.to.id == hub }.map(\.from.id))
        #expect(neighbours.isSubset(of: systems))
        var reach: Set<String> = [hub], frontier: Set<String> = [hub]
        for _ in 1...5 {
            var next: Set<String> = []
            for flow in landscape.flows {
                if frontier.contains(flow.from.id) { next.insert(flow.to.id) }
                if frontier.contains(flow.to.id) { next.insert(flow.from.id) }
            }
            frontier = next.subtracting(reach)
            reach.formUnion(next)
        }
        #expect(drawing.notice?.contains("\(Wording.grouped(reach.count - 300)) more within 5 flows are left out") == true, "\(drawing.notice ?? "")")
    }

    /// One team owning 400 planned systems, system i needing i days: its box keeps the 300
    /// of most pending days (s101…s400), whether all teams or that one are drawn.
    @Test func oneBoxPastTheLimitKeepsItsBiggestWork() throws {
        var yaml = "integraph: 1\nteams: [{id: t}]\nsystems:\n"
        for index in 1...400 { yaml += "  - {id: s\(index), owner: t, status: planned, effort: \(index)}\n" }
        yaml += "pilots:\n  - {id: p, champion: Kim, needs: [s400]}\n"
        let report = LandscapeReader().read(bytes: Array(yaml.utf8), source: .file("model.yaml"))
        let subject = MapSubject(Pipeline().outlook(try #require(report.validLandscape, "\(report.findings)"), for: .schedules))
        for drawing in [try BacklogMap().drawing(for: subject), try BacklogMap(team: "t").drawing(for: subject)] {
            let ids = drawing.graph.clusters.flatMap { $0.nodes.map(\.id) }
            #expect(ids == (101...400).map { "s\($0)" })
            #expect(drawing.notice?.contains("100 others in it are left out") == true, "\(drawing.notice ?? "")")
        }
    }
}
