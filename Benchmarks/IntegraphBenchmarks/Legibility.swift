import Foundation
import Integraph
import IntegraphGraphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// How readable a rendered map is, measured from its SVG: size in points, aspect ratio
/// (long side over short), edge crossings (pairs of edges whose drawn paths cross, each path
/// taken as the polyline of its Bézier points, meetings near an end not counted), and the
/// smallest text in pixels when the whole map is shown 1,600 px wide.
struct Legibility {
    let width: Double
    let height: Double
    let crossings: Int
    let smallestText: Double

    var aspect: Double { max(width, height) / max(1, min(width, height)) }

    init(svg data: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(data))
        parser.delegate = reader
        _ = parser.parse()
        width = reader.width
        height = reader.height
        smallestText = reader.smallestFont * 1_600 / max(1, reader.width)
        crossings = Self.crossings(reader.edges)
    }

    /// Pairs of polylines that cross, found through a grid of cells so that only segments
    /// sharing a cell are tested.
    static func crossings(_ edges: [[(Double, Double)]]) -> Int {
        let cell = 40.0
        var cells: [Int64: [(edge: Int, a: (Double, Double), b: (Double, Double))]] = [:]
        for (edge, points) in edges.enumerated() where points.count > 1 {
            for (a, b) in zip(points, points.dropFirst()) {
                let x0 = Int64((min(a.0, b.0) / cell).rounded(.down)), x1 = Int64((max(a.0, b.0) / cell).rounded(.down))
                let y0 = Int64((min(a.1, b.1) / cell).rounded(.down)), y1 = Int64((max(a.1, b.1) / cell).rounded(.down))
                guard x1 - x0 < 200, y1 - y0 < 200 else { continue }
                for x in x0...x1 { for y in y0...y1 { cells[x << 32 ^ (y & 0xffff_ffff), default: []].append((edge, a, b)) } }
            }
        }
        var crossing: Set<Int64> = []
        for segments in cells.values where segments.count > 1 {
            for i in segments.indices {
                for j in segments.index(after: i)..<segments.endIndex where segments[i].edge != segments[j].edge {
                    let (p, q) = (segments[i], segments[j])
                    guard let point = intersection(p.a, p.b, q.a, q.b) else { continue }
                    // Edges that share a node meet at its border: not a crossing.
                    let ends = [edges[p.edge].first, edges[p.edge].last, edges[q.edge].first, edges[q.edge].last].compactMap { $0 }
                    if ends.contains(where: { hypot($0.0 - point.0, $0.1 - point.1) < 12 }) { continue }
                    crossing.insert(Int64(min(p.edge, q.edge)) << 32 | Int64(max(p.edge, q.edge)))
                }
            }
        }
        return crossing.count
    }

    static func intersection(
        _ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double),
        _ d: (Double, Double)
    ) -> (Double, Double)? {
        let r = (b.0 - a.0, b.1 - a.1), s = (d.0 - c.0, d.1 - c.1)
        let denominator = r.0 * s.1 - r.1 * s.0
        guard abs(denominator) > 1e-9 else { return nil }
        let t = ((c.0 - a.0) * s.1 - (c.1 - a.1) * s.0) / denominator
        let u = ((c.0 - a.0) * r.1 - (c.1 - a.1) * r.0) / denominator
        guard (0...1).contains(t), (0...1).contains(u) else { return nil }
        return (a.0 + t * r.0, a.1 + t * r.1)
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var width = 0.0, height = 0.0, smallestFont = Double.infinity
        var edges: [[(Double, Double)]] = []
        private var inEdge = 0
        private var depth = 0

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            depth += 1
            switch name {
            case "svg" where width == 0:
                let box = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
                if box.count == 4 { width = box[2]; height = box[3] }
            case "g" where attributes["class"] == "edge":
                inEdge = depth
                edges.append([])
            case "path" where inEdge > 0 && !edges.isEmpty:
                let numbers = (attributes["d"] ?? "").split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                for pair in stride(from: 0, to: numbers.count - 1, by: 2) { edges[edges.count - 1].append((numbers[pair], numbers[pair + 1])) }
            case "text":
                if let size = attributes["font-size"].flatMap(Double.init) { smallestFont = min(smallestFont, size) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if depth == inEdge { inEdge = 0 }
            depth -= 1
        }
    }
}

/// Renders the landscape and the largest pilot view of generated landscapes and of the
/// given model files and prints their legibility: `--legibility 60,200 --model Graphs/acme-retail.yaml`.
func benchmarkLegibility(sizes: [Int], models: [String], seed: UInt64) throws {
    print("| map | size (pt) | aspect | edge crossings | smallest text at 1,600 px | render |")
    print("|---|---|---:|---:|---:|---:|")
    var subjects: [(String, MapSubject)] = []
    for size in sizes {
        subjects.append(
            (
                "generated \(size)",
                MapSubject(Pipeline().outlook(try ValidatedLandscape(validating: LandscapeGenerator(systems: size, seed: seed).landscape()), for: .schedules))
            ))
    }
    for model in models {
        guard let validated = try LandscapeReader().read(.file(model)).validLandscape else { continue }
        subjects.append(((model as NSString).lastPathComponent, MapSubject(Pipeline().outlook(validated, for: .schedules))))
    }
    for (name, subject) in subjects {
        var views: [(String, MapView)] = [("landscape", .landscape)]
        if subject.landscape.systems.count > LandscapeMap.systemLimit {
            views[0].0 = "landscape (drawn as domains)"
            views.append(("landscape:all", .landscapeAll))
        }
        if let pilot = subject.analysis.pilots.max(by: { $0.sprawl.systems < $1.sprawl.systems }) {
            views.append(("pilot \(pilot.pilot.id) (\(pilot.sprawl.systems) systems)", .pilot(pilot.pilot.id)))
        }
        for (title, view) in views {
            let (rendering, seconds) = try time { try MapRenderer(view: view).render(subject, as: .svg) }
            let measure = Legibility(svg: rendering.data)
            print(
                "| \(name), \(title) | \(Int(measure.width)) × \(Int(measure.height)) | \(String(format: "%.1f", measure.aspect)) | "
                    + "\(measure.crossings) | \(String(format: "%.1f px", measure.smallestText)) | \(format(seconds)) |")
        }
    }
}
