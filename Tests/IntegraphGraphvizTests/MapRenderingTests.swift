import Foundation
import Integraph
import Testing

@testable import IntegraphGraphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Maps parsed as SVG and checked for what they mean, not for pixels.
@Suite struct MapRenderingTests {
    static let acme: ValidatedLandscape = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Graphs/acme-retail.yaml").path
        guard let landscape = try? LandscapeReader().read(.file(path)).validLandscape else {
            fatalError("Graphs/acme-retail.yaml must be a valid model")
        }
        return landscape
    }()

    static let subject: MapSubject = {
        MapSubject(Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))).outlook(acme, for: .schedules))
    }()

    static func svg(_ view: MapView, _ subject: MapSubject = subject) throws -> SVGDocument {
        try SVGDocument(try MapRenderer(view: view).render(subject, as: .svg).data)
    }

    /// Live flows that no pilot's lineage uses, by id.
    static let contextFlows: Set<String> = {
        var inLineage = Set<String>()
        for pilot in subject.analysis.pilots { for flow in pilot.lineage.flows { inLineage.insert(acme.flows[Int(flow)].id) } }
        return Set(acme.flows.filter { $0.status == .live && !inLineage.contains($0.id) }.map(\.id))
    }()

    /// The flows each bundle edge stands for, read from its tooltip (`from → to (id)` lines).
    static func bundledFlows(_ svg: SVGDocument) throws -> [String: [String]] {
        var bundles: [String: [String]] = [:]
        for edge in try svg.groups(ofClass: "edge") {
            guard let id = edge.value(of: "id"), id.hasPrefix("live:") else { continue }
            let title = try #require(edge.descendants(named: "a").first?.value(of: "xlink:title"))
            bundles[id] = title.split(separator: "\n").dropFirst().compactMap { line in
                line.split(separator: "(").last.map { String($0.dropLast()) }
            }
        }
        return bundles
    }

    @Test func everySystemAndPilotIsANodeOnceWithItsModelID() throws {
        let svg = try Self.svg(.landscape)
        let ids = try svg.groups(ofClass: "node").compactMap { $0.value(of: "id") }
        let expected = Self.acme.systems.map(\.id) + Self.acme.pilots.map(\.id) + ["legend"]
        #expect(ids.sorted() == expected.sorted())
        // Every flow is drawn: as an edge of its own, or, a live flow no lineage uses
        // between two domains, in exactly one bundle that counts it.
        let edgeIDs = Set(try svg.groups(ofClass: "edge").compactMap { $0.value(of: "id") })
        let bundles = try Self.bundledFlows(svg)
        let bundled = bundles.values.flatMap { $0 }
        #expect(!bundles.isEmpty)
        #expect(Set(bundled).count == bundled.count)
        #expect(Set(bundled).isSubset(of: Self.contextFlows))
        #expect(Set(Self.acme.flows.map(\.id)) == edgeIDs.intersection(Self.acme.flows.map(\.id)).union(bundled))
        #expect(edgeIDs.isDisjoint(with: bundled))
        for (id, flows) in bundles {
            let edge = try #require(try svg.group(ofClass: "edge", id: id))
            #expect(edge.texts == ["\(flows.count) live"], "\(id)")
        }
        #expect(try svg.groups(ofClass: "cluster").count == Set(Self.acme.systems.compactMap(\.domain)).count)
    }

    /// Pending flows by status; live flows in some pilot's lineage grey, the others faint
    /// (those between two domains are bundled, checked above).
    @Test func edgesAreStyledByStatus() throws {
        let svg = try Self.svg(.landscape)
        var faint = 0
        for flow in Self.acme.flows {
            guard let edge = try svg.group(ofClass: "edge", id: flow.id) else {
                #expect(Self.contextFlows.contains(flow.id), "no edge for \(flow.id)")
                continue
            }
            let path = try #require(edge.descendants(named: "path").first)
            let context = Self.contextFlows.contains(flow.id)
            if context { faint += 1 }
            #expect(
                path.value(of: "stroke") == (context ? MapPalette.contextEdge : MapPalette.edgeStyle(for: flow.status)["color"]),
                "\(flow.id)")
            #expect((path.value(of: "stroke-dasharray") != nil) == (flow.status == .backlog), "\(flow.id)")
            #expect(edge.texts.isEmpty == (flow.status != .blocked), "\(flow.id)")
        }
        #expect(faint > 0 && faint < Self.acme.flows.count)
    }

    /// A blocked flow's reason is drawn once, on its own edge (the landscape's grid places
    /// it along the curve) or on a text node of its own between the flow's two halves (maps
    /// laid out by `dot` with clusters), and it lies over no node.
    @Test func aBlockedFlowsLabelSitsOnItsOwnEdgeOverNoNode() throws {
        for view in [MapView.landscape, .backlog] {
            let svg = try Self.svg(view)
            let nodes = try svg.groups(ofClass: "node")
            for flow in Self.acme.flows where flow.status == .blocked {
                let label: XMLElement
                if let node = try svg.group(ofClass: "node", id: flow.id + "~label") {
                    #expect(try svg.group(ofClass: "edge", id: flow.id + "~label-edge") != nil, "\(view) \(flow.id)")
                    label = node
                } else {
                    label = try #require(try svg.group(ofClass: "edge", id: flow.id), "\(view) \(flow.id)")
                }
                #expect(label.texts.first == "blocked: \(flow.blockedBy ?? "")", "\(view) \(flow.id)")
                let anchor = try #require(label.textAnchor)
                for node in nodes where node !== label {
                    guard let box = node.outlineBox, node.value(of: "id") != "legend" else { continue }
                    #expect(
                        !(box.x.contains(anchor.x) && box.y.contains(anchor.y)),
                        "\(view): the label of \(flow.id) lies over \(node.value(of: "id") ?? "?")")
                }
            }
        }
    }

    /// Darker fill, more pressure: the heat class never falls as pressure rises.
    @Test func heatFollowsPressure() throws {
        let svg = try Self.svg(.landscape)
        let table = Self.subject.analysis.bottlenecks.systems
        let ranked = Self.acme.systems.indices.sorted { table[$0].pressure < table[$1].pressure }
        var previous = -1
        for position in ranked {
            let system = Self.acme.systems[position]
            let node = try #require(try svg.group(ofClass: "node", id: system.id))
            let fill = try #require(node.shapeFill)
            let level = HeatScale.fills.firstIndex(of: fill).map { $0 + 1 } ?? 0
            if table[position].pressure == 0 {
                #expect(level == 0, "\(system.id) has no pressure but fill \(fill)")
            } else {
                #expect(level >= previous && level > 0, "\(system.id)")
                previous = level
            }
        }
        #expect(previous == HeatScale.fills.count)
    }

    @Test func articulationPointsAreOutlinedTwice() throws {
        let svg = try Self.svg(.landscape)
        let table = Self.subject.analysis.bottlenecks.systems
        #expect(table.contains { $0.articulationPoint == true })
        for (position, system) in Self.acme.systems.enumerated() {
            let node = try #require(try svg.group(ofClass: "node", id: system.id))
            #expect(node.outlineCount == (table[position].articulationPoint == true ? 2 : 1), "\(system.id)")
        }
    }

    /// Critical-path edges, and only they, carry the highlight; pending items show slack.
    @Test(arguments: MapRenderingTests.acme.pilots.map(\.id))
    func pilotViewHighlightsItsCriticalPath(pilot: String) throws {
        let analysis = try #require(Self.subject.analysis.pilots.first { $0.pilot.id == pilot })
        let svg = try Self.svg(.pilot(pilot))
        let critical = Set(analysis.criticalPath)
        var highlighted: Set<String> = []
        for edge in try svg.groups(ofClass: "edge") {
            let id = edge.value(of: "id") ?? ""
            let flow = String(id.prefix { $0 != "~" })
            let stroke = edge.descendants(named: "path").first?.value(of: "stroke")
            if stroke == MapPalette.critical { highlighted.insert(flow.hasPrefix("wait:") ? id : flow) }
            if !id.hasPrefix("wait:") && !id.hasPrefix("need:") && !id.hasPrefix("hand:") {
                #expect((stroke == MapPalette.critical) == critical.contains(flow), "\(pilot): edge \(id)")
            }
        }
        let criticalFlows = critical.intersection(Self.acme.flows.map(\.id))
        #expect(criticalFlows.isSubset(of: highlighted), "\(pilot)")
        for entry in analysis.work where entry.item.kind == .flow {
            let edge = try #require(try svg.group(ofClass: "edge", id: entry.item.id), "\(pilot): \(entry.item.id)")
            #expect(edge.texts.contains { $0.contains("slack \(DaysText.days(entry.slack, decimals: 1)) d") }, "\(pilot): \(entry.item.id)")
        }
        for id in analysis.dominators {
            let node = try #require(try svg.group(ofClass: "node", id: id))
            #expect(node.outlineCount >= 2, "\(pilot): dominator \(id)")
        }
    }

    @Test func backlogViewShowsOnlyPendingWorkByTeam() throws {
        let svg = try Self.svg(.backlog)
        let edgeIDs = Set(
            try svg.groups(ofClass: "edge").compactMap { $0.value(of: "id") }
                .filter { !$0.hasPrefix("wait:") && !$0.hasSuffix("~label-edge") })
        #expect(edgeIDs == Set(Self.acme.flows.filter(\.isPending).map(\.id)))
        let nodeIDs = Set(try svg.groups(ofClass: "node").compactMap { $0.value(of: "id") })
        #expect(Set(Self.acme.gates.filter(\.isPending).map(\.id)).isSubset(of: nodeIDs))
        #expect(nodeIDs.isDisjoint(with: Self.acme.gates.filter { !$0.isPending }.map(\.id)))
        let pendingEnds = Set(Self.acme.flows.filter(\.isPending).flatMap { [$0.from.id, $0.to.id] })
        #expect(pendingEnds.isSubset(of: nodeIDs))
        let teams = try svg.groups(ofClass: "cluster").flatMap(\.texts)
        #expect(teams.contains { $0.hasPrefix("Data Platform — ") && $0.hasSuffix(" d pending") })
    }

    @Test func domainsViewHasOneNodePerDomain() throws {
        let svg = try Self.svg(.domains)
        let ids = Set(try svg.groups(ofClass: "node").compactMap { $0.value(of: "id") })
        let domains = Set(Self.acme.systems.map { $0.domain ?? DomainMap.noDomain })
        #expect(ids == Set(domains.map { "domain:\($0)" }).union(["legend"]))
        var crossing: Set<[String]> = []
        let domainOf = Dictionary(uniqueKeysWithValues: Self.acme.systems.map { ($0.id, $0.domain ?? DomainMap.noDomain) })
        for flow in Self.acme.flows where domainOf[flow.from.id] != domainOf[flow.to.id] {
            crossing.insert([domainOf[flow.from.id] ?? "", domainOf[flow.to.id] ?? ""])
        }
        #expect(try svg.groups(ofClass: "edge").count == crossing.count)
    }

    @Test(arguments: [MapView.landscape, .pilot("churn-copilot"), .backlog, .domains])
    func everyViewHasATitleAndALegend(view: MapView) throws {
        let svg = try Self.svg(view)
        let legend = try #require(try svg.group(ofClass: "node", id: "legend"))
        #expect(legend.texts.first == "Legend" && legend.texts.count > 4)
        let title = try #require(try svg.elements(named: "title").first?.stringValue)
        #expect(title == "Acme Retail — \(view.title) — as of 2026-12-01")
    }

    @Test(arguments: [MapView.landscape, .pilot("churn-copilot"), .backlog, .domains])
    func theSameModelGivesTheSameBytes(view: MapView) throws {
        let renderer = MapRenderer(view: view)
        #expect(try renderer.render(Self.subject, as: .dot).data == renderer.render(Self.subject, as: .dot).data)
        #expect(try renderer.render(Self.subject, as: .svg).data == renderer.render(Self.subject, as: .svg).data)
        #expect(try renderer.render(Self.subject, as: .mermaid).data == renderer.render(Self.subject, as: .mermaid).data)
    }

    @Test func pngsHaveTheirSignatureAndSizesInOrder() throws {
        func size(_ view: MapView) throws -> (width: Int, height: Int) {
            let png = try MapRenderer(view: view).render(Self.subject, as: .png).data
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            func word(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
            return (word(16), word(20))
        }
        let landscape = try size(.landscape), pilot = try size(.pilot("invoice-matching")), domains = try size(.domains)
        #expect(landscape.width * landscape.height > pilot.width * pilot.height)
        #expect(landscape.width * landscape.height > domains.width * domains.height)
        let pdf = try MapRenderer().render(Self.subject, as: .pdf).data
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    @Test func jsonIsGraphvizJSONOfTheSameGraph() throws {
        let data = try MapRenderer(view: .domains).render(Self.subject, as: .json).data
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        let nodes = try #require(object["objects"] as? [[String: Any]])
        #expect(nodes.count == Set(Self.acme.systems.map { $0.domain ?? DomainMap.noDomain }).count + 1)
    }

    @Test func formatsFollowTheExtension() {
        #expect(MapFormat(path: "out/map.svg") == .svg)
        #expect(MapFormat(path: "MAP.PNG") == .png)
        #expect(MapFormat(path: "a.gv") == .dot)
        #expect(MapFormat(path: "wiki/map.mmd") == .mermaid)
        #expect(MapFormat(path: "map.json") == .json)
        #expect(MapFormat(path: "map.gif") == nil)
        #expect(MapFormat(path: "dir.svg/map") == nil)
    }

    @Test func viewsParseAndUnknownOnesAreExplained() throws {
        #expect(try MapView(argument: "pilot:a:b") == .pilot("a:b"))
        #expect(throws: MapViewError.self) { try MapView(argument: "pilot:") }
        #expect(try MapView(argument: "diff") == .diff)
        #expect(throws: MapViewError.self) { try MapRenderer(view: .diff).drawing(for: Self.subject) }
        do {
            _ = try MapRenderer(view: .pilot("churn-copilt")).render(Self.subject, as: .svg)
            Issue.record("an unknown pilot must fail")
        } catch let error as MapViewError {
            #expect(error.description == "no pilot 'churn-copilt' in the model (did you mean 'churn-copilot'?)")
        }
    }

    /// A mesh with nothing pending and no domains (an imported trace): one plain map, no
    /// lone "(no domain)" box, and a heat legend of one row rather than seven empty swatches.
    @Test func aLandscapeWithNothingPendingHasNoEmptyHeatClasses() throws {
        func ref(_ id: String) -> Reference { Reference(id, at: .start) }
        let landscape = Landscape(
            systems: [System(id: "a"), System(id: "b"), System(id: "c")],
            flows: [Flow(id: "ab", from: ref("a"), to: ref("b")), Flow(id: "bc", from: ref("b"), to: ref("c"))])
        let subject = MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules))
        let svg = try SVGDocument(try MapRenderer().render(subject, as: .svg).data)
        #expect(try svg.groups(ofClass: "cluster").isEmpty)
        let legend = try #require(try svg.group(ofClass: "node", id: "legend"))
        #expect(legend.texts.contains("no backlog pressure"))
        #expect(!legend.texts.contains { $0.contains("pilot-days") })
        let swatches = legend.descendants(named: "polygon").compactMap { $0.value(of: "fill") }
        #expect(swatches.contains(HeatScale.none) && !swatches.contains { HeatScale.fills.contains($0) })
    }

    /// The backlog map words an effort as the analysis used it: written, or estimated.
    @Test func theBacklogMapLabelsEstimatedEffortsSo() throws {
        let t = Reference("t", at: .start)
        func ref(_ id: String) -> Reference { Reference(id, at: .start) }
        let landscape = Landscape(
            teams: [Team(id: "t")],
            systems: [System(id: "a", owner: t), System(id: "b", owner: t), System(id: "c", owner: t)],
            flows: [
                Flow(id: "known", from: ref("a"), to: ref("b"), status: .backlog, effort: .days(4)),
                Flow(id: "guess", from: ref("b"), to: ref("c"), status: .backlog)
            ],
            pilots: [Pilot(id: "p", champion: "C", needs: [PilotNeed(system: ref("c"))])])
        let subject = MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: landscape), for: .schedules))
        let svg = try SVGDocument(try MapRenderer(view: .backlog).render(subject, as: .svg).data)
        func label(_ flow: String) throws -> [String] {
            let node = try svg.group(ofClass: "node", id: flow + "~label") ?? svg.group(ofClass: "edge", id: flow)
            return try #require(node).texts
        }
        #expect(try label("known") == ["4 d"])
        // The median of the written flow efforts: 4 days.
        #expect(try label("guess") == ["4 d, estimated"])
        #expect(!(try svg.elements(named: "text").compactMap(\.stringValue).contains { $0.contains("not estimated") }))
    }

    /// The focus view holds exactly the system and its neighbours within the depth, the flows
    /// among them, the pilots whose lineage or work includes it, and says what it left out.
    @Test(arguments: [1, 2])
    func focusDrawsOnlyTheNeighbourhood(depth: Int) throws {
        let flows = Self.acme.flows
        var reached: Set<String> = ["snowflake"]
        for _ in 0..<depth {
            let before = reached
            for flow in flows where before.contains(flow.from.id) || before.contains(flow.to.id) {
                reached.formUnion([flow.from.id, flow.to.id])
            }
        }
        let svg = try Self.svg(.focus("snowflake:\(depth)"))
        let nodes = Set(try svg.groups(ofClass: "node").compactMap { $0.value(of: "id") })
        let pilots = Set(Self.subject.analysis.bottlenecks.systems.first { $0.id == "snowflake" }?.pilots ?? [])
        #expect(nodes.subtracting(["legend"]).filter { !$0.hasSuffix("~label") } == reached.union(pilots))
        let inside = flows.filter { reached.contains($0.from.id) && reached.contains($0.to.id) }
        let edges = Set(try svg.groups(ofClass: "edge").compactMap { $0.value(of: "id") })
        #expect(Set(inside.map(\.id)).isSubset(of: edges))
        let left = "left out: \(Self.acme.systems.count - reached.count) systems and \(flows.count - inside.count) flows"
        #expect(try svg.elements(named: "text").contains { ($0.stringValue ?? "").hasPrefix(left) })
    }

    @Test func focusNamesWhatItCannotDraw() throws {
        #expect(throws: MapViewError.self) { try MapRenderer(view: .focus("snowflak")).drawing(for: Self.subject) }
        #expect(throws: MapViewError.self) { try MapRenderer(view: .focus("snowflake:9")).drawing(for: Self.subject) }
        #expect(throws: MapViewError.self) { try MapRenderer(view: .focus("snowflake:99999999999999999999")).drawing(for: Self.subject) }
        #expect(try MapView(argument: "focus:snowflake:2") == .focus("snowflake:2"))
    }

    /// Four domains of which three have about the same pressure: on the linear scale three
    /// are in the darkest class; by quantile each gets a class of its own.
    @Test func theDomainsHeatUsesQuantiles() {
        let pressures = [100.0, 95, 90, 5]
        let linear = HeatScale(maximum: 100, logarithmic: false)
        #expect(pressures.map(linear.level(for:)) == [7, 7, 7, 1])
        let quantiles = HeatScale(quantilesOf: pressures)
        #expect(pressures.map(quantiles.level(for:)) == [7, 6, 4, 2])
        #expect(quantiles.level(for: 0) == 0)
        // The legend's ranges end at the largest value, in the measure's own units.
        #expect(quantiles.upperBounds.last == 100 && HeatScale(maximum: 126.8).upperBounds.last.map { abs($0 - 126.8) < 1e-9 } == true)
    }

    /// Every pilot map of a generated landscape whose teams declare capacity, so critical
    /// paths run through freed hands: each lays out. A 'hand freed' edge once carried
    /// `constraint=false`, on which Graphviz 2.43's dot freed memory twice and aborted the
    /// process (pilots 5 and 8 of this landscape).
    @Test func everyPilotMapWithHandoffsLaysOut() throws {
        let validated = try ValidatedLandscape(validating: LandscapeGenerator(systems: 400, seed: 2).landscape())
        let subject = MapSubject(Pipeline(options: AnalysisOptions(start: CalendarDate(iso: "2026-12-01"))).outlook(validated, for: .schedules))
        #expect(subject.analysis.pilots.contains { !$0.waitedForHand.isEmpty })
        for pilot in subject.analysis.pilots {
            let svg = try SVGDocument(try MapRenderer(view: .pilot(pilot.pilot.id)).render(subject, as: .svg).data)
            #expect(!(try svg.groups(ofClass: "node")).isEmpty, "\(pilot.pilot.id)")
        }
    }
}
