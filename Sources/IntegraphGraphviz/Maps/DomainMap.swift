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
    /// Why the domains are drawn instead of what was asked, shown in the legend.
    public var note: String?

    public init(note: String? = nil) {
        self.note = note
    }

    public func drawing(for subject: MapSubject) -> MapDrawing {
        var graph = MapFrame.graph(title: subject.title(.domains), rankdir: "LR")
        let totals = DomainTotals(subject)
        let (systems, pressure, inside, links) = (totals.systems, totals.pressure, totals.inside, totals.links)
        let heat = HeatScale(quantilesOf: pressure.values)
        for domain in systems.keys.sorted() {
            let value = pressure[domain] ?? 0
            let label =
                "\(domain)\n\(Wording.counted(systems[domain] ?? 0, "system")) · \(Wording.counted(inside[domain] ?? 0, "flow")) inside"
                + "\npressure \(DaysText.days(value, decimals: 1)) pilot-days"
            graph.nodes.append(
                DOTNode(
                    id: "domain:\(domain)",
                    attributes: [
                        "id": "domain:\(domain)", "label": label, "shape": "box", "style": "rounded,filled",
                        "fillcolor": heat.fill(for: value), "fontcolor": heat.fontColor(for: value), "color": "#4d4d4d",
                        "tooltip": label
                    ]))
        }
        // dot spends seconds routing hundreds of labelled edges between a few dozen nodes
        // (13 s for 650 edges among 26 domains, 0.4 s without labels): dense domain graphs
        // keep their counts in tooltips, widths and colours only.
        let labelled = links.count <= 4 * systems.count
        for key in links.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let link = links[key] else { continue }
            let share = Double(link.pending) / Double(link.flows)
            let level = HeatScale(maximum: 1, logarithmic: false).level(for: share)
            let label = Wording.counted(link.flows, "flow") + (link.pending > 0 ? " (\(link.pending) pending)" : "")
            var attributes: DOTAttributes = [
                "id": "domains:\(key[0])→\(key[1])", "tooltip": "\(key[0]) → \(key[1]): \(label)",
                "penwidth": String(format: "%.1f", 1 + log2(Double(link.flows))),
                "color": level == 0 ? "#8c8c8c" : HeatScale.fills[level - 1]
            ]
            if labelled { attributes["label"] = label }
            graph.edges.append(DOTEdge(from: "domain:\(key[0])", to: "domain:\(key[1])", attributes: attributes))
        }
        var legend = MapLegend()
        legend.addHeat("pressure, by quantile", unit: "pilot-days", scale: heat)
        legend.add(.glyph("━━▶", color: "#8c8c8c"), "flows between domains, width by their number; grey: all live")
        legend.add(.glyph("━━▶", color: HeatScale.fills[3]), "orange, darker as a larger share of them is pending")
        if !labelled { legend.add(.glyph("ⓘ", color: "#5c6370"), "too many links to label: hover an edge for its counts") }
        if let note { legend.add(.glyph("ⓘ", color: "#1a1a1a"), note) }
        var drawing = MapDrawing(graph: graph, legend: legend, avoiding: Set(systems.keys.map { "domain:\($0)" }))
        drawing.notice = note
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
    }
}
