import Foundation

/// Lays a clustered map out as a grid of cluster boxes, so that a landscape of many domains
/// reads like a page instead of one tall column.
///
/// `dot` stacks clusters whose ranks overlap in one column: 200 systems in six domains came
/// out 6.9 times taller than wide, with tens of thousands of crossings. Here each cluster is
/// laid out on its own by `dot` (left to right, its components packed), the boxes are placed
/// in a grid whose column count brings the whole map closest to a 1.6 : 1 page and whose
/// order puts clusters that share the most edges next to each other (every order tried up
/// to seven clusters, a greedy chain beyond), free nodes (pilots) go in a row above, over
/// the mean position of what they link to, and the legend to the right. Edges inside a
/// cluster keep the splines `dot` drew; edges between clusters are drawn as gentle curves
/// from border to border, each bowed to the left of its direction so two-way flows stay
/// apart, with labels slid along the curve off any node. An edge with `ltail`/`lhead`
/// naming clusters runs between the cluster boxes. Every node and edge then has a
/// position, and Graphviz only renders (`nop2`).
///
/// Cost: one small `dot` layout per cluster; O(k! · k²) to order k ≤ 7 clusters; O(E) for
/// the curves.
///
/// ```swift
/// let placed = try ClusterGrid(legendID: drawing.legendID).arranged(drawing.graphWithLegend)
/// placed.graphAttributes["layout"] // "nop2"
/// ```
struct ClusterGrid {
    /// The engine that renders the placed graph: positions given, nothing computed.
    static let engine = "nop2"
    /// Width over height the column count aims for: a landscape page.
    static let targetAspect = 1.6
    static let gap = 48.0
    static let margin = 10.0
    static let labelBand = 24.0

    /// The free node drawn as the legend, placed to the right of the grid.
    var legendID: String?

    func arranged(_ graph: DOTGraph) throws(GraphvizError) -> DOTGraph {
        var clusterOf: [String: Int] = [:]
        for (index, cluster) in graph.clusters.enumerated() { for node in cluster.nodes { clusterOf[node.id] = index } }
        var parts: [Part] = []
        for index in graph.clusters.indices { parts.append(try Part(cluster: index, of: graph, clusterOf: clusterOf)) }
        let freeSizes = try Self.sizes(of: graph.nodes, in: graph)

        let weights = Self.weights(graph, clusterOf: clusterOf, clusters: parts.count)
        let legendSize = legendID.flatMap { freeSizes[$0] } ?? Size(width: 0, height: 0)
        let pilotRow = graph.nodes.filter { $0.id != legendID }.compactMap { freeSizes[$0.id]?.height }.max() ?? 0
        let grid = GridPlan.best(
            boxes: parts.map(\.box), weights: weights,
            extra: Size(
                width: legendSize.width > 0 ? legendSize.width + Self.gap : 0,
                height: pilotRow > 0 ? pilotRow + Self.gap : 0))

        var placed = graph
        var centres: [String: Point] = [:], sizes = freeSizes
        var boxes: [Box] = []
        for (index, part) in parts.enumerated() {
            let box = grid.boxes[index]
            boxes.append(box)
            let shift = Point(x: box.minX + Self.margin - part.origin.x, y: box.minY + Self.margin - part.origin.y)
            for (id, centre) in part.centres { centres[id] = centre + shift }
            sizes.merge(part.sizes) { first, _ in first }
            placed.clusters[index].attributes["bb"] = Self.text(box)
            placed.clusters[index].attributes["lp"] = Self.text(Point(x: box.midX, y: box.maxY - Self.labelBand / 2))
            for drawn in part.edges { placed.edges[drawn.index].attributes["pos"] = Self.shifted(drawn.pos, by: shift) }
        }
        placeFreeNodes(graph, sizes: sizes, grid: grid, centres: &centres)
        Self.setPositions(of: &placed, centres)
        Self.routeEdges(of: &placed, centres: centres, sizes: sizes, clusterBoxes: boxes)
        placed.graphAttributes["outputorder"] = "edgesfirst"
        return placed
    }

    /// Every node's `pos`, in clusters and free.
    private static func setPositions(of placed: inout DOTGraph, _ centres: [String: Point]) {
        for index in placed.clusters.indices {
            for node in placed.clusters[index].nodes.indices {
                if let centre = centres[placed.clusters[index].nodes[node].id] {
                    placed.clusters[index].nodes[node].attributes["pos"] = text(centre)
                }
            }
        }
        for node in placed.nodes.indices {
            if let centre = centres[placed.nodes[node].id] { placed.nodes[node].attributes["pos"] = text(centre) }
        }
    }

    /// Edges inside a box keep the route its layout gave them (only their labels move off
    /// nodes); edges between boxes, or to pilots, get bowed curves from box or node edge to
    /// box or node edge (`ltail`/`lhead` name a cluster when a bundle joins boxes).
    private static func routeEdges(
        of placed: inout DOTGraph, centres: [String: Point], sizes: [String: Size], clusterBoxes boxes: [Box]
    ) {
        let nodeBoxes = centres.compactMap { id, centre in sizes[id].map { Box(centre: centre, size: $0) } }
        var curves = CurveRouter(
            nodeBoxes: nodeBoxes, arrowSize: Double(placed.edgeDefaults["arrowsize"] ?? "1") ?? 1,
            fontSize: Double(placed.edgeDefaults["fontsize"] ?? "14") ?? 14)
        for index in placed.edges.indices {
            let edge = placed.edges[index]
            if let pos = edge.attributes["pos"] {
                if let label = curves.labelPoint(edge.attributes, along: splinePoints(pos)) {
                    placed.edges[index].attributes["lp"] = text(label)
                }
                continue
            }
            func end(_ node: String, cluster key: String) -> (box: Box, key: String)? {
                if let name = edge.attributes[key], name.hasPrefix("cluster_"), let number = Int(name.dropFirst(8)),
                    boxes.indices.contains(number)
                {
                    return (boxes[number], name)
                }
                guard let centre = centres[node], let size = sizes[node] else { return nil }
                return (Box(centre: centre, size: size), node)
            }
            guard let tail = end(edge.from, cluster: "ltail"), let head = end(edge.to, cluster: "lhead") else { continue }
            let curve = curves.route(from: tail, to: head, edge: edge.attributes)
            placed.edges[index].attributes["pos"] = curve.pos
            if let label = curve.label { placed.edges[index].attributes["lp"] = text(label) }
        }
    }

    /// Pilots (every free node but the legend) in a row above the grid, each over the mean
    /// position of the nodes it links to, pushed right until none overlap; the legend to
    /// the right of the grid's top.
    private func placeFreeNodes(_ graph: DOTGraph, sizes: [String: Size], grid: GridPlan, centres: inout [String: Point]) {
        var linked: [String: [Double]] = [:]
        for edge in graph.edges {
            if let at = centres[edge.from] { linked[edge.to, default: []].append(at.x) }
            if let at = centres[edge.to] { linked[edge.from, default: []].append(at.x) }
        }
        let row = graph.nodes.enumerated().filter { $0.element.id != legendID }.map { position, node in
            let xs = linked[node.id] ?? []
            return (id: node.id, wanted: xs.isEmpty ? grid.size.width / 2 : xs.reduce(0, +) / Double(xs.count), position: position)
        }.sorted { ($0.wanted, $0.position) < ($1.wanted, $1.position) }
        let rowHeight = row.compactMap { sizes[$0.id]?.height }.max() ?? 0
        // Rows as wide as the grid at most, the first just above it.
        var rows: [[(id: String, wanted: Double, position: Int)]] = [[]]
        var filled = 0.0
        for entry in row {
            let width = (sizes[entry.id]?.width ?? 0) + 24
            if filled + width > grid.size.width && !(rows.last?.isEmpty ?? true) {
                rows.append([])
                filled = 0
            }
            rows[rows.count - 1].append(entry)
            filled += width
        }
        for (number, entries) in rows.enumerated() {
            let y = grid.size.height + Self.gap + rowHeight / 2 + Double(number) * (rowHeight + 16)
            var xs: [Double] = []
            var right = -Double.infinity
            for entry in entries {
                let half = (sizes[entry.id]?.width ?? 0) / 2
                xs.append(max(entry.wanted, right + 24 + half))
                right = xs[xs.count - 1] + half
            }
            var limit = grid.size.width
            for index in entries.indices.reversed() {
                let half = (sizes[entries[index].id]?.width ?? 0) / 2
                xs[index] = min(xs[index], limit - half)
                limit = xs[index] - half - 24
            }
            for (index, entry) in entries.enumerated() { centres[entry.id] = Point(x: xs[index], y: y) }
        }
        if let legendID, let size = sizes[legendID] {
            centres[legendID] = Point(x: grid.size.width + Self.gap + size.width / 2, y: grid.size.height - size.height / 2)
        }
    }

    /// Sizes of free nodes, from a layout of them alone.
    private static func sizes(of nodes: [DOTNode], in graph: DOTGraph) throws(GraphvizError) -> [String: Size] {
        guard !nodes.isEmpty else { return [:] }
        let alone = DOTGraph(name: "free", nodeDefaults: graph.nodeDefaults, nodes: nodes)
        var sizes: [String: Size] = [:]
        for node in try Graphviz.shared.layout(dot: DOTWriter().write(alone), engine: "dot").nodes {
            sizes[node.name] = Size(node.attributes)
        }
        return sizes
    }

    /// How many edges join each pair of clusters.
    private static func weights(_ graph: DOTGraph, clusterOf: [String: Int], clusters: Int) -> [[Double]] {
        var weights = [[Double]](repeating: [Double](repeating: 0, count: clusters), count: clusters)
        for edge in graph.edges {
            guard let a = clusterOf[edge.from], let b = clusterOf[edge.to], a != b else { continue }
            weights[a][b] += 1
            weights[b][a] += 1
        }
        return weights
    }

    static func text(_ point: Point) -> String { String(format: "%.2f,%.2f", point.x, point.y) }
    static func text(_ box: Box) -> String { String(format: "%.2f,%.2f,%.2f,%.2f", box.minX, box.minY, box.maxX, box.maxY) }

    /// The Bézier points of an edge's `pos`, without its arrow end points.
    static func splinePoints(_ pos: String) -> [Point] {
        pos.split(separator: " ").compactMap { token -> Point? in
            guard !token.hasPrefix("e,") && !token.hasPrefix("s,") else { return nil }
            let numbers = token.split(separator: ",").compactMap { Double($0) }
            return numbers.count == 2 ? Point(x: numbers[0], y: numbers[1]) : nil
        }
    }

    /// A `pos` or `lp` value moved by `shift`: points `x,y`, with the `e,` and `s,` arrow
    /// markers of edge splines kept.
    static func shifted(_ value: String, by shift: Point) -> String {
        value.split(separator: " ").map { token -> String in
            var marker = ""
            var rest = Substring(token)
            if rest.hasPrefix("e,") || rest.hasPrefix("s,") {
                marker = String(rest.prefix(2))
                rest = rest.dropFirst(2)
            }
            let numbers = rest.split(separator: ",").compactMap { Double($0) }
            guard numbers.count >= 2 else { return String(token) }
            return marker + text(Point(x: numbers[0], y: numbers[1]) + shift)
        }.joined(separator: " ")
    }
}

extension ClusterGrid {
    struct Point: Equatable {
        var x: Double, y: Double
        static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
        static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
        static func * (a: Point, k: Double) -> Point { Point(x: a.x * k, y: a.y * k) }
        var length: Double { (x * x + y * y).squareRoot() }
    }

    struct Size: Equatable {
        var width: Double, height: Double

        init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }

        /// From a laid-out node's `width` and `height`, in inches.
        init(_ attributes: [String: String]) {
            width = (Double(attributes["width"] ?? "") ?? 0) * 72
            height = (Double(attributes["height"] ?? "") ?? 0) * 72
        }
    }

    struct Box: Equatable {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        var midX: Double { (minX + maxX) / 2 }
        var midY: Double { (minY + maxY) / 2 }
        var centre: Point { Point(x: midX, y: midY) }
        var width: Double { maxX - minX }
        var height: Double { maxY - minY }

        init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        init(centre: Point, size: Size) {
            self.init(
                minX: centre.x - size.width / 2, minY: centre.y - size.height / 2,
                maxX: centre.x + size.width / 2, maxY: centre.y + size.height / 2)
        }

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// Where the segment from the centre towards `target` leaves the box.
        func exit(towards target: Point) -> Point {
            let direction = target - centre
            var scale = 1.0
            if direction.x != 0 { scale = min(scale, abs(width / 2 / direction.x)) }
            if direction.y != 0 { scale = min(scale, abs(height / 2 / direction.y)) }
            return centre + direction * scale
        }
    }
}
