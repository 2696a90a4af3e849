extension ClusterGrid {
    /// Draws edges between clusters as cubic Bézier curves from border to border, bowed to
    /// the left of their direction (more for each further edge between the same ends), so
    /// that a flow and its reverse, or two parallel flows, stay apart. A label goes beside
    /// the curve at the first of a few points along it where it covers no node.
    struct CurveRouter {
        let nodeBoxes: [Box]
        let arrowSize: Double
        let fontSize: Double
        private var parallel: [String: Int] = [:]

        init(nodeBoxes: [Box], arrowSize: Double, fontSize: Double) {
            self.nodeBoxes = nodeBoxes
            self.arrowSize = arrowSize
            self.fontSize = fontSize
        }

        mutating func route(
            from tail: (box: Box, key: String), to head: (box: Box, key: String),
            edge: DOTAttributes
        ) -> (pos: String, label: Point?) {
            let arrow = edge["dir"] != "none" && edge["arrowhead"] != "none"
            let arrowLength = 10 * (Double(edge["arrowsize"] ?? "") ?? arrowSize)
            let pairKey = tail.key + "\u{0}" + head.key
            let earlier = parallel[pairKey, default: 0]
            parallel[pairKey] = earlier + 1
            var points: [Point]
            var tip: Point
            if tail.key == head.key || tail.box.centre == head.box.centre {
                // A loop on the right side of the box.
                let box = tail.box, reach = 24 + 10 * Double(earlier)
                tip = Point(x: box.maxX, y: box.midY - 4)
                points = [
                    Point(x: box.maxX, y: box.midY + 4), Point(x: box.maxX + reach, y: box.midY + reach),
                    Point(x: box.maxX + reach, y: box.midY - reach), tip
                ]
            } else {
                let start = tail.box.exit(towards: head.box.centre)
                tip = head.box.exit(towards: tail.box.centre)
                let direction = tip - start, length = max(1, direction.length)
                let unit = direction * (1 / length), normal = Point(x: -unit.y, y: unit.x)
                let bow = min(0.1 * length, 40) + 14 * Double(earlier)
                let end = arrow ? tip - unit * min(arrowLength, length / 2) : tip
                let span = end - start
                points = [start, start + span * (1.0 / 3) + normal * bow, start + span * (2.0 / 3) + normal * bow, end]
            }
            let pos = (arrow ? "e,\(ClusterGrid.text(tip)) " : "") + points.map(ClusterGrid.text).joined(separator: " ")
            return (pos, labelPoint(edge, along: points))
        }

        /// Where an edge's label goes on the piecewise cubic Bézier `curve`, or `nil` when it
        /// has none.
        func labelPoint(_ edge: DOTAttributes, along curve: [Point]) -> Point? {
            guard let label = edge["label"], !label.isEmpty, curve.count >= 4 else { return nil }
            let fontSize = Double(edge["fontsize"] ?? "") ?? fontSize
            let lines = label.split(separator: "\n")
            let size = Size(width: Double(lines.map(\.count).max() ?? 0) * fontSize * 0.55, height: Double(lines.count) * fontSize * 1.3)
            // Along the curve first, then just above or below it.
            let along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map { Self.point(on: curve, at: $0) }
            let candidates = along + [1.0, -1.0].flatMap { side in along.map { $0 + Point(x: 0, y: side * (size.height + 4)) } }
            return candidates.first { point in
                let box = Box(centre: point, size: size)
                return !nodeBoxes.contains { $0.overlaps(box) }
            } ?? candidates[0]
        }

        /// The point at `t` (0...1) along a piecewise cubic Bézier of 3k + 1 points, each
        /// piece taking an equal share of `t`.
        static func point(on curve: [Point], at t: Double) -> Point {
            let pieces = max(1, (curve.count - 1) / 3)
            let piece = min(pieces - 1, Int(t * Double(pieces)))
            let local = t * Double(pieces) - Double(piece), u = 1 - local
            let p = Array(curve[(3 * piece)...(3 * piece + 3)])
            return p[0] * (u * u * u) + p[1] * (3 * u * u * local) + p[2] * (3 * u * local * local) + p[3] * (local * local * local)
        }
    }
}
