import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

/// The backlog map's boxes tell the truth about teams: each owner of pending work has a box
/// with the days the analysis charges it, and says whose work waits in it.
@Suite struct BacklogMapTests {
    static func subject(_ yaml: String) throws -> MapSubject {
        let report = LandscapeReader().read(bytes: Array(yaml.utf8), source: .file("model.yaml"))
        return MapSubject(Pipeline().outlook(try #require(report.validLandscape, "\(report.findings)"), for: .schedules))
    }

    /// The user's case: `warehouse`, Platform's, is fed by flows Shop owns (6 d and 5 d),
    /// while Platform's own work (lake and its flows, a gate: 12 d) sits elsewhere.
    ///
    /// Pending days at each system, by owner (a flow counts at both its ends):
    /// - cart: Shop 6 (f1), none 2 (f5) → Shop
    /// - orders: Shop 5 (f2), Ops 1 (f6) → Shop
    /// - warehouse: Shop 11 (f1, f2), Platform 3 (f3), Ops 1 (f6) → Shop
    /// - lake: Platform 4 (itself) + 3 (f3) + 2 (f4) = 9 → Platform
    /// - bi: Platform 2 (f4) → Platform
    /// - tmp: none 2 (f5) → no owner
    ///
    /// Owned: Platform 4 + 3 + 2 + 3 (gate g) = 12; Shop 6 + 5 = 11; Ops 1 (f6, owned
    /// outright, on two systems in Shop's box); no owner 2 (f5: tmp has no owner).
    /// Also in Shop's box: f3 (3 d, Platform: warehouse is an end), f5 (2 d, no owner:
    /// cart is an end), f6 (1 d, Ops). In the no-owner box: nothing else (f5 is its own).
    static let usersCase = """
        integraph: 1
        teams: [{id: platform, name: Platform}, {id: shop, name: Shop}, {id: ops, name: Ops}]
        systems:
          - {id: warehouse, owner: platform}
          - {id: cart, owner: shop}
          - {id: orders, owner: shop}
          - {id: lake, owner: platform, status: planned, effort: 4}
          - {id: bi, owner: platform}
          - {id: tmp}
        flows:
          - {id: f1, from: cart, to: warehouse, owner: shop, status: backlog, effort: 6}
          - {id: f2, from: orders, to: warehouse, owner: shop, status: blocked, blocked_by: vendor, effort: 5}
          - {id: f3, from: warehouse, to: lake, status: backlog, effort: 3}
          - {id: f4, from: lake, to: bi, status: backlog, effort: 2}
          - {id: f5, from: cart, to: tmp, status: backlog, effort: 2}
          - {id: f6, from: orders, to: warehouse, owner: ops, status: backlog, effort: 1, data: [audit]}
        gates:
          - {id: g, kind: legal, owner: platform, effort: 3}
        pilots:
          - {id: p, champion: Kim, needs: [bi], after: [g]}
        """

    @Test func eachBoxSaysWhoseWorkWaitsInIt() throws {
        let subject = try Self.subject(Self.usersCase)
        let drawing = try BacklogMap().drawing(for: subject)
        let boxes = Dictionary(
            uniqueKeysWithValues: drawing.graph.clusters.map { cluster in
                (cluster.attributes["label"] ?? "", cluster.nodes.map(\.id))
            })
        #expect(
            drawing.graph.clusters.map { $0.attributes["label"] ?? "" } == [
                "Ops — owns 1 d pending\nelsewhere: 1 d, in the box of Shop",
                "Platform — owns 12 d pending",
                "Shop — owns 11 d pending\nalso here: 3 d of Platform, 2 d with no owner, 1 d of Ops",
                "no owner — 2 d pending"
            ])
        #expect(boxes["Platform — owns 12 d pending"] == ["lake", "bi", "g"])
        #expect(boxes["Shop — owns 11 d pending\nalso here: 3 d of Platform, 2 d with no owner, 1 d of Ops"] == ["warehouse", "cart", "orders"])
        #expect(boxes["no owner — 2 d pending"] == ["tmp"])
        // Ops' work lies on systems in Shop's box: its box holds a note, not an empty space.
        let ops = try #require(drawing.graph.clusters.first)
        #expect(ops.nodes.map(\.id) == ["~owner"] && ops.nodes[0].attributes["label"] == "its work waits\nin the box of Shop")
        // warehouse sits in Shop's box and says it is Platform's.
        let warehouse = try #require(drawing.graph.clusters[2].nodes.first)
        #expect(warehouse.attributes["label"] == "warehouse\n15 d pending\nowner: Platform")
        // The figures are the analysis' own.
        let teams = subject.analysis.bottlenecks.teams
        #expect(teams.map(\.id) == ["platform", "shop", "ops"] && teams.map(\.pendingEffort) == [12, 11, 1])
    }

    /// A tie goes to the system's own owner; without it among the tied, to the first team
    /// by id; a system with no work at it (waiting for a gate) stands in its owner's box,
    /// or outside every box when its owner has none.
    @Test func tiesAndSystemsWithoutWork() throws {
        let subject = try Self.subject(
            """
            integraph: 1
            teams: [{id: b, name: Bea}, {id: a, name: Al}, {id: c}]
            systems:
              - {id: hub, owner: b}
              - {id: x, owner: c}
              - {id: y, owner: a}
              - {id: waits, owner: c, after: [g]}
              - {id: waits2, owner: a, after: [g]}
            flows:
              - {id: f1, from: x, to: hub, owner: a, status: backlog, effort: 2}
              - {id: f2, from: y, to: hub, owner: b, status: backlog, effort: 2}
              - {id: f3, from: x, to: y, owner: b, status: backlog, effort: 1}
              - {id: f4, from: y, to: x, owner: a, status: backlog, effort: 1}
            gates:
              - {id: g, owner: b, effort: 1}
            """)
        let drawing = try BacklogMap().drawing(for: subject)
        let boxes = drawing.graph.clusters.map { ($0.attributes["label"]?.split(separator: "\n").first.map(String.init) ?? "", $0.nodes.map(\.id)) }
        // hub: a 2, b 2, its owner b among the tied → Bea. x: a 3 (f1, f4), b 1 (f3) → Al.
        // y: b 3 (f2, f3), a 1 (f4) → Bea. waits2 has no work and Al has a box; waits's
        // owner c owns nothing pending, so it stands outside.
        #expect(boxes.map(\.0) == ["Al — owns 3 d pending", "Bea — owns 4 d pending"])
        #expect(boxes.map(\.1) == [["x", "waits2"], ["hub", "y", "g"]])
        #expect(drawing.graph.nodes.map(\.id) == ["waits"])
    }

    /// Every team that owns pending work in a bundled landscape has a box with the days
    /// `analyze` gives it, and no box names a team that owns none.
    @Test(arguments: ["acme-retail.yaml", "online-boutique.yaml", "train-ticket.yaml"])
    func everyTeamWithPendingWorkHasItsBox(file: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Graphs/\(file)").path
        let validated = try #require(try LandscapeReader().read(.file(path)).validLandscape)
        let subject = MapSubject(Pipeline().outlook(validated, for: .schedules))
        let labels = try BacklogMap().drawing(for: subject).graph.clusters.compactMap { $0.attributes["label"] }
        let heads = labels.map { String($0.split(separator: "\n").first ?? "") }
        // Every pending item with the owner the analysis charges it to.
        let landscape = validated.landscape
        let items =
            landscape.systems.indices.compactMap { subject.analysis.workItem(.system, at: $0) }
            + landscape.flows.indices.compactMap { subject.analysis.workItem(.flow, at: $0) }
            + landscape.gates.indices.compactMap { subject.analysis.workItem(.gate, at: $0) }
        var expected: [String] = []
        for (position, team) in landscape.teams.enumerated() where items.contains(where: { $0.owner == team.id }) {
            let days = subject.analysis.bottlenecks.teams[position].pendingEffort
            expected.append("\(team.name ?? team.id) — owns \(DaysText.days(days, decimals: 1)) d pending")
        }
        #expect(!expected.isEmpty)
        #expect(Set(heads.filter { !$0.hasPrefix(BacklogBoxes.noOwner) }).sorted() == Set(expected).sorted())
        let unowned = items.filter { $0.owner == nil }
        #expect(heads.contains { $0.hasPrefix(BacklogBoxes.noOwner) } == !unowned.isEmpty)
        if !unowned.isEmpty {
            let days = unowned.reduce(0) { $0 + $1.effort.expectedDays }
            #expect(heads.contains("no owner — \(DaysText.days(days, decimals: 1)) d pending"))
        }
    }
}
