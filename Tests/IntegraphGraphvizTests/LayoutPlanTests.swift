import Integraph
import Testing

@testable import IntegraphGraphviz

/// The engine is decided from size and shape before layout: small or layered maps go to
/// dot, big tangled ones to sfdp with a notice; a forced engine is obeyed.
@Suite struct LayoutPlanTests {
    static func graph(nodes: Int, edges: [(Int, Int)]) -> DOTGraph {
        DOTGraph(
            name: "g", nodes: (0..<nodes).map { DOTNode(id: "n\($0)") },
            edges: edges.map { DOTEdge(from: "n\($0.0)", to: "n\($0.1)") })
    }

    @Test func smallMapsUseDot() {
        let plan = LayoutPlan(for: Self.graph(nodes: 50, edges: (0..<49).map { ($0, $0 + 1) } + [(49, 0)]), requested: nil)
        #expect(plan.engine == "dot" && plan.attributes.isEmpty && plan.notice == nil)
        #expect(plan.backEdgeCount == 1)
    }

    @Test func bigLayeredMapsUseBoundedDot() {
        // 1,000 nodes in layers of 10, every edge forward.
        let edges = (0..<990).map { ($0, $0 + 10) } + (0..<990).map { ($0, ($0 / 10 + 1) * 10 + ($0 + 3) % 10) }
        let plan = LayoutPlan(for: Self.graph(nodes: 1_000, edges: edges), requested: nil)
        #expect(plan.engine == "dot" && plan.backEdgeCount == 0)
        #expect(plan.attributes["mclimit"] != nil && plan.notice?.contains("crossing minimisation bounded") == true)
    }

    @Test func bigTangledMapsUseSfdpAndSaySo() {
        var random = SeededRandom(seed: 5)
        let edges = (0..<1_600).map { _ in (Int(random.next() % 400), Int(random.next() % 400)) }
        let plan = LayoutPlan(for: Self.graph(nodes: 400, edges: edges), requested: nil)
        #expect(plan.engine == "sfdp" && plan.attributes["overlap"] == "prism")
        #expect(plan.notice?.contains("--view domains") == true)
        let forced = LayoutPlan(for: Self.graph(nodes: 400, edges: edges), requested: "dot")
        #expect(forced.engine == "dot" && forced.attributes["mclimit"] != nil)
        #expect(forced.notice?.contains("may take minutes") == true)
        #expect(LayoutPlan(for: Self.graph(nodes: 400, edges: edges), requested: "neato").engine == "neato")
    }

    /// A big generated landscape is laid out, in-process, without hanging: sfdp is chosen.
    @Test func aThousandSystemLandscapeRendersWithSfdp() throws {
        let landscape = LandscapeGenerator(systems: 1_000, seed: 3).landscape()
        let subject = MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules))
        let rendering = try MapRenderer(view: .landscapeAll).render(subject, as: .svg)
        #expect(rendering.plan.engine == "sfdp")
        let svg = try SVGDocument(rendering.data)
        #expect(try svg.groups(ofClass: "node").count == landscape.systems.count + landscape.pilots.count + 1)
        // Without :all, a thousand systems are drawn as their domains, and the map says why.
        let domains = try SVGDocument(try MapRenderer().render(subject, as: .svg).data)
        #expect(try domains.groups(ofClass: "node").count == Set(landscape.systems.compactMap(\.domain)).count + 1)
        #expect(try domains.elements(named: "text").contains { ($0.stringValue ?? "").hasPrefix("This landscape has 1000 systems") })
    }
}
