import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The landscape's grid of cluster boxes: column count, order, and what the drawn map keeps.
@Suite struct ClusterGridTests {
    typealias Size = ClusterGrid.Size

    static func noWeights(_ count: Int) -> [[Double]] {
        Array(repeating: Array(repeating: 0, count: count), count: count)
    }

    /// Four 100-pt squares with 48-pt gaps: three columns give 396 × 248 (1.60), nearer the
    /// 1.6 page than two (248 × 248) or four (544 × 100).
    @Test func theColumnCountBringsTheGridNearestAPage() {
        let plan = ClusterGrid.GridPlan.best(
            boxes: Array(repeating: Size(width: 100, height: 100), count: 4),
            weights: Self.noWeights(4), extra: Size(width: 0, height: 0))
        #expect(plan.size == Size(width: 396, height: 248))
        #expect(plan.boxes.count == 4)
    }

    /// Rows run in alternate directions, so the slot after a row's end sits below it.
    @Test func rowsSnakeSoNeighboursInTheOrderStayAdjacent() {
        #expect((0..<6).map { ClusterGrid.GridPlan.cell($0, columns: 3).column } == [0, 1, 2, 2, 1, 0])
        #expect((0..<6).map { ClusterGrid.GridPlan.cell($0, columns: 3).row } == [0, 0, 0, 1, 1, 1])
    }

    /// Clusters 0 and 3 share all the flows: in a row of four they end up side by side.
    @Test func clustersSharingFlowsSitSideBySide() throws {
        var weights = Self.noWeights(4)
        weights[0][3] = 10
        weights[3][0] = 10
        let order = ClusterGrid.GridPlan.order(count: 4, columns: 4, weights: weights)
        let first = try #require(order.firstIndex(of: 0)), second = try #require(order.firstIndex(of: 3))
        #expect(abs(first - second) == 1)
        #expect(ClusterGrid.GridPlan.cost(order, columns: 4, weights: weights) == 10)
    }

    /// Past seven clusters the chain starts at the most connected one and follows the
    /// heaviest link, worked by hand: a path 0–1–…–7 with weights 8, 7, …, 2 has totals
    /// 8, 15, 13, 11, 9, 7, 5, 2, so it starts at 1, goes to 0 (8 beats 7), then, with no
    /// link left from 0, to the most connected cluster left, 2, and on down the path.
    @Test func manyClustersFollowAGreedyChain() {
        var weights = Self.noWeights(8)
        for link in 0..<7 {
            weights[link][link + 1] = Double(8 - link)
            weights[link + 1][link] = Double(8 - link)
        }
        #expect(ClusterGrid.GridPlan.order(count: 8, columns: 3, weights: weights) == [1, 0, 2, 3, 4, 5, 6, 7])
    }

    @Test func splinePositionsMoveWithTheirArrowMarkers() {
        let moved = ClusterGrid.shifted("e,10,20 1,2 3.5,4 5,6 7,8", by: ClusterGrid.Point(x: 100, y: -1))
        #expect(moved == "e,110.00,19.00 101.00,1.00 103.50,3.00 105.00,5.00 107.00,7.00")
        #expect(ClusterGrid.splinePoints(moved).count == 4)
    }

    /// Generated landscapes of 60 and 200 systems come out page-shaped (at most 2:1, where
    /// dot's single column gave 2.6 and 6.9), with no box over another and every system in
    /// its own domain's box.
    @Test(arguments: [60, 200])
    func generatedLandscapesAreAPageOfSeparateBoxes(systems: Int) throws {
        let landscape = LandscapeGenerator(systems: systems, seed: 1).landscape()
        let subject = MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules))
        let svg = try SVGDocument(try MapRenderer().render(subject, as: .svg).data)
        let viewBox = (svg.document.rootElement()?.value(of: "viewBox") ?? "").split(separator: " ").compactMap { Double($0) }
        try #require(viewBox.count == 4)
        #expect(max(viewBox[2], viewBox[3]) / min(viewBox[2], viewBox[3]) <= 2)

        var boxes: [String: (x: ClosedRange<Double>, y: ClosedRange<Double>)] = [:]
        for cluster in try svg.groups(ofClass: "cluster") {
            boxes[try #require(cluster.texts.first)] = try #require(cluster.outlineBox)
        }
        #expect(boxes.count == Set(landscape.systems.compactMap(\.domain)).count)
        let named = boxes.sorted { $0.key < $1.key }
        for (index, (name, box)) in named.enumerated() {
            for (other, otherBox) in named[(index + 1)...] {
                let apart =
                    box.x.upperBound <= otherBox.x.lowerBound || otherBox.x.upperBound <= box.x.lowerBound
                    || box.y.upperBound <= otherBox.y.lowerBound || otherBox.y.upperBound <= box.y.lowerBound
                #expect(apart, "\(name) overlaps \(other)")
            }
        }
        for system in landscape.systems {
            let node = try #require(try svg.group(ofClass: "node", id: system.id)?.outlineBox, "\(system.id)")
            let box = try #require(boxes[system.domain ?? "(no domain)"], "\(system.id)")
            #expect(
                box.x.contains(node.x.lowerBound) && box.x.contains(node.x.upperBound)
                    && box.y.contains(node.y.lowerBound) && box.y.contains(node.y.upperBound), "\(system.id)")
        }
    }

    /// Where cluster boxes cannot be joined by an edge (a forced `sfdp`, Mermaid) every
    /// flow is drawn as its own edge again, and the legend does not mention bundles.
    @Test func enginesThatCannotJoinBoxesDrawEveryFlow() throws {
        let subject = MapRenderingTests.subject
        let svg = try SVGDocument(try MapRenderer(engine: "sfdp").render(subject, as: .svg).data)
        let ids = Set(try svg.groups(ofClass: "edge").compactMap { $0.value(of: "id") })
        #expect(Set(MapRenderingTests.acme.flows.map(\.id)).isSubset(of: ids))
        #expect(!ids.contains { $0.hasPrefix("live:") })
        #expect(!(try svg.elements(named: "text").compactMap(\.stringValue).contains(MapLegend.bundleMeaning)))
        let mermaid = String(decoding: try MapRenderer().render(subject, as: .mermaid).data, as: UTF8.self)
        #expect(!mermaid.contains(" live\"|") && !mermaid.contains("n live:"))
        // The grid does bundle them.
        let grid = try SVGDocument(try MapRenderer().render(subject, as: .svg).data)
        #expect(try grid.groups(ofClass: "edge").contains { $0.value(of: "id")?.hasPrefix("live:") == true })
    }
}
