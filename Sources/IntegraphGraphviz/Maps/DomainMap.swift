import Foundation
import Integraph

/// The `domains` view, for big landscapes: one node per domain (systems without one share
/// a "no domain" node), filled on the heat scale of its systems' summed pressure; one edge
/// per pair of domains that flows connect, as wide as the logarithm of their number and
/// coloured by the share of them still pending (grey when none is).
///
/// ```swift
/// let graph = DomainMap().drawing(for: subject)
/// ```
package struct DomainMap: Sendable {
    public static let noDomain = "no domain"
    /// The most domains drawn one by one; past it, those with the least pressure share one
    /// node, so every system is still counted somewhere. Bounded so, a 30,000-system
    /// landscape's map renders in 2.7 s end to end, most of it reading and analysing
    /// (docs/performance.md).
    public static let domainLimit = 40
    /// The most links drawn between domains: a generated 30,000-system landscape links
    /// every pair of its 66 domains (4,290 links), which dot takes minutes to route. The
    /// links of most pending flows are drawn, and the rest are counted in the legend.
    public static let linkLimit = 120
    /// Why the domains are drawn instead of what was asked, shown in the legend.
    public var note: String?

    public init(note: String? = nil) {
        self.note = note
    }

    public func drawing(for subject: MapSubject) -> MapDrawing {
        var graph = MapFrame.graph(title: subject.title(.domains), rankdir: "LR")
        var totals = DomainTotals(subject)
        let merged = totals.merge(keeping: Self.domainLimit)
        let (systems, pressure, inside) = (totals.systems, totals.pressure, totals.inside)
        let (links, omitted) = totals.strongestLinks(Self.linkLimit)
        let heat = HeatScale(quantilesOf: pressure.values)
        func name(_ domain: String) -> String { domain == DomainTotals.others ? "\(merged.domains) other domains" : domain }
        func nodeID(_ domain: String) -> String { domain == DomainTotals.others ? "domains:others" : "domain:\(domain)" }
        for domain in systems.keys.sorted() {
            let value = pressure[domain] ?? 0
            let name = name(domain)
            let label =
                "\(name)\n\(Wording.counted(systems[domain] ?? 0, "system")) · \(Wording.counted(inside[domain] ?? 0, "flow")) inside"
                + "\npressure \(DaysText.days(value, decimals: 1)) pilot-days"
            graph.nodes.append(
                DOTNode(
                    id: nodeID(domain),
                    attributes: [
                        "id": nodeID(domain), "label": label, "shape": "box", "style": "rounded,filled",
                        "fillcolor": heat.fill(for: value), "fontcolor": heat.fontColor(for: value), "color": "#4d4d4d",
                        "tooltip": label
                    ]))
        }
        // dot spends seconds routing hundreds of labelled edges between a few dozen nodes
        // (13 s for 650 edges among 26 domains, 0.4 s without labels): dense domain graphs
        // keep their counts in tooltips, widths and colours only.
        let labelled = links.count <= 4 * systems.count
        for (key, link) in links {
            let share = Double(link.pending) / Double(link.flows)
            let level = HeatScale(maximum: 1, logarithmic: false).level(for: share)
            let label = Wording.counted(link.flows, "flow") + (link.pending > 0 ? " (\(link.pending) pending)" : "")
            var attributes: DOTAttributes = [
                "id": "domains:\(name(key[0]))→\(name(key[1]))", "tooltip": "\(name(key[0])) → \(name(key[1])): \(label)",
                "penwidth": String(format: "%.1f", 1 + log2(Double(link.flows))),
                "color": level == 0 ? "#8c8c8c" : HeatScale.fills[level - 1]
            ]
            if labelled { attributes["label"] = label }
            graph.edges.append(DOTEdge(from: nodeID(key[0]), to: nodeID(key[1]), attributes: attributes))
        }
        var legend = MapLegend()
        legend.addHeat("pressure, by quantile", unit: "pilot-days", scale: heat)
        legend.add(.glyph("━━▶", color: "#8c8c8c"), "flows between domains, width by their number; grey: all live")
        legend.add(.glyph("━━▶", color: HeatScale.fills[3]), "orange, darker as a larger share of them is pending")
        if !labelled { legend.add(.glyph("ⓘ", color: "#5c6370"), "too many links to label: hover an edge for its counts") }
        var notices = note.map { [$0] } ?? []
        if merged.domains > 0 {
            notices.append(
                "drawn: the \(systems.count - 1) domains with the most pressure; the other \(Wording.grouped(merged.domains)) "
                    + "(\(Wording.grouped(merged.systems)) systems) share one node; flows between it and the drawn "
                    + "domains are not drawn: \(Wording.grouped(totals.linksWithOthers)) (--view focus:SYSTEM draws a system's neighbours)")
        }
        if omitted.links > 0 {
            notices.append(
                "drawn: the \(links.count) links between domains with the most pending flows; \(Wording.grouped(omitted.links)) others "
                    + "(\(Wording.grouped(omitted.flows)) flows) are left out ('integraph analyze --format json' lists every flow)")
        }
        for notice in notices { legend.add(.glyph("ⓘ", color: "#1a1a1a"), notice) }
        var drawing = MapDrawing(graph: graph, legend: legend, avoiding: Set(systems.keys.map(nodeID)))
        drawing.notice = notices.isEmpty ? nil : notices.joined(separator: "; ")
        return drawing
    }

    /// Per domain: its systems, their summed backlog pressure, the flows inside it; per
    /// ordered pair of domains, the flows between them and how many are pending.
    private struct DomainTotals {
        struct Link {
            var flows = 0
            var pending = 0
        }

        var systems: [String: Int] = [:]
        var pressure: [String: Double] = [:]
        var inside: [String: Int] = [:]
        var links: [[String]: Link] = [:]
        /// The key of the node the merged domains share: no domain's name (a name holds no NUL).
        static let others = "\u{0}others"

        init(_ subject: MapSubject) {
            let bottlenecks = subject.analysis.bottlenecks.systems
            var domainOf: [String: String] = [:]
            for (position, system) in subject.landscape.systems.enumerated() {
                let domain = system.domain ?? DomainMap.noDomain
                domainOf[system.id] = domain
                systems[domain, default: 0] += 1
                pressure[domain, default: 0] += bottlenecks[position].pressure
            }
            for flow in subject.landscape.flows {
                guard let from = domainOf[flow.from.id], let to = domainOf[flow.to.id] else { continue }
                if from == to {
                    inside[from, default: 0] += 1
                } else {
                    links[[from, to], default: Link()].flows += 1
                    if flow.isPending { links[[from, to], default: Link()].pending += 1 }
                }
            }
        }

        /// Keeps the `limit - 1` domains of most pressure (then most systems, then by name)
        /// when there are more than `limit`, and merges the rest into ``others``, their
        /// flows between them counted inside it. Returns how many domains and systems merged.
        mutating func merge(keeping limit: Int) -> (domains: Int, systems: Int) {
            guard systems.count > limit else { return (0, 0) }
            let ranked = systems.keys.sorted {
                (-(pressure[$0] ?? 0), -(systems[$0] ?? 0), $0) < (-(pressure[$1] ?? 0), -(systems[$1] ?? 0), $1)
            }
            let merged = Set(ranked.dropFirst(limit - 1))
            func key(_ domain: String) -> String { merged.contains(domain) ? Self.others : domain }
            var result = self
            (result.systems, result.pressure, result.inside, result.links) = ([:], [:], [:], [:])
            for (domain, count) in systems { result.systems[key(domain), default: 0] += count }
            for (domain, value) in pressure { result.pressure[key(domain), default: 0] += value }
            for (domain, count) in inside { result.inside[key(domain), default: 0] += count }
            for (pair, link) in links {
                let from = key(pair[0]), to = key(pair[1])
                if from == to {
                    result.inside[from, default: 0] += link.flows
                } else if from == Self.others || to == Self.others {
                    // A tally's links would outweigh every real one: counted, not drawn.
                    result.linksWithOthers += link.flows
                } else {
                    result.links[[from, to], default: Link()].flows += link.flows
                    result.links[[from, to], default: Link()].pending += link.pending
                }
            }
            let mergedSystems = result.systems[Self.others] ?? 0
            self = result
            return (merged.count, mergedSystems)
        }

        /// Flows between a merged domain and a drawn one.
        private(set) var linksWithOthers = 0

        /// The `limit` links of most pending flows (then most flows, then by name), in name
        /// order, and how many links and flows are left.
        func strongestLinks(_ limit: Int) -> (links: [([String], Link)], omitted: (links: Int, flows: Int)) {
            let ranked = links.sorted {
                ($1.value.pending, $1.value.flows) < ($0.value.pending, $0.value.flows)
                    || (($1.value.pending, $1.value.flows) == ($0.value.pending, $0.value.flows) && $0.key.lexicographicallyPrecedes($1.key))
            }
            let kept = ranked.prefix(limit).sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { ($0.key, $0.value) }
            let left = ranked.dropFirst(limit)
            return (kept, (left.count, left.reduce(0) { $0 + $1.value.flows }))
        }
    }
}
