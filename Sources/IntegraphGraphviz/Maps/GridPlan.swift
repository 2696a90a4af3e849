import Foundation

extension ClusterGrid {
    /// Where each cluster box goes: a grid filled row by row, alternate rows right to left
    /// (so clusters next in the order stay next to each other), each column as wide as its
    /// widest box and each row as tall as its tallest.
    struct GridPlan {
        /// Each cluster's box, in the order the clusters were given.
        var boxes: [Box]
        /// The grid's size; its lower-left corner is the origin.
        var size: Size

        /// The column count whose grid, with `extra` room for the pilots and the legend,
        /// comes closest to ``ClusterGrid/targetAspect``, with the order that puts the
        /// clusters sharing the most edges closest (summed grid distance times edges).
        static func best(boxes: [Size], weights: [[Double]], extra: Size) -> GridPlan {
            var best: (score: Double, plan: GridPlan)?
            for columns in 1...max(1, boxes.count) {
                let order = Self.order(count: boxes.count, columns: columns, weights: weights)
                let plan = GridPlan(boxes: boxes, order: order, columns: columns)
                let aspect = (plan.size.width + extra.width) / max(1, plan.size.height + extra.height)
                let score = abs(log(aspect / ClusterGrid.targetAspect))
                if score < (best?.score ?? .infinity) - 1e-9 { best = (score, plan) }
            }
            return best?.plan ?? GridPlan(boxes: boxes, order: Array(boxes.indices), columns: 1)
        }

        init(boxes sizes: [Size], order: [Int], columns: Int) {
            let rows = (sizes.count + columns - 1) / max(1, columns)
            var widths = [Double](repeating: 0, count: columns), heights = [Double](repeating: 0, count: rows)
            var cells = [(column: Int, row: Int)](repeating: (0, 0), count: sizes.count)
            for (slot, cluster) in order.enumerated() {
                let cell = Self.cell(slot, columns: columns)
                cells[cluster] = cell
                widths[cell.column] = max(widths[cell.column], sizes[cluster].width)
                heights[cell.row] = max(heights[cell.row], sizes[cluster].height)
            }
            let width = widths.reduce(0, +) + ClusterGrid.gap * Double(max(0, columns - 1))
            let height = heights.reduce(0, +) + ClusterGrid.gap * Double(max(0, rows - 1))
            var left = [Double](repeating: 0, count: columns), top = [Double](repeating: height, count: rows)
            for column in widths.indices.dropFirst() { left[column] = left[column - 1] + widths[column - 1] + ClusterGrid.gap }
            for row in heights.indices.dropFirst() { top[row] = top[row - 1] - heights[row - 1] - ClusterGrid.gap }
            boxes = sizes.indices.map { cluster in
                let (column, row) = cells[cluster]
                let minX = left[column] + (widths[column] - sizes[cluster].width) / 2
                return Box(minX: minX, minY: top[row] - sizes[cluster].height, maxX: minX + sizes[cluster].width, maxY: top[row])
            }
            size = Size(width: width, height: height)
        }

        static func cell(_ slot: Int, columns: Int) -> (column: Int, row: Int) {
            let row = slot / columns, offset = slot % columns
            return (row % 2 == 0 ? offset : columns - 1 - offset, row)
        }

        static func cost(_ order: [Int], columns: Int, weights: [[Double]]) -> Double {
            var cells = [(column: Int, row: Int)](repeating: (0, 0), count: order.count)
            for (slot, cluster) in order.enumerated() { cells[cluster] = cell(slot, columns: columns) }
            var total = 0.0
            for a in order.indices {
                for b in order.indices where b > a && weights[a][b] > 0 {
                    total += weights[a][b] * Double(abs(cells[a].column - cells[b].column) + abs(cells[a].row - cells[b].row))
                }
            }
            return total
        }

        /// Every order (Heap's algorithm, iterative) up to seven clusters; beyond, a chain
        /// that starts at the most connected cluster and adds the one most connected to the
        /// last added.
        static func order(count: Int, columns: Int, weights: [[Double]]) -> [Int] {
            guard count > 1 else { return Array(0..<count) }
            guard count <= 7 else { return chain(count: count, weights: weights) }
            var permutation = Array(0..<count), counters = [Int](repeating: 0, count: count)
            var best = permutation, bestCost = cost(permutation, columns: columns, weights: weights)
            var level = 0
            while level < count {
                if counters[level] < level {
                    permutation.swapAt(level % 2 == 0 ? 0 : counters[level], level)
                    let cost = cost(permutation, columns: columns, weights: weights)
                    if cost < bestCost - 1e-9 { best = permutation; bestCost = cost }
                    counters[level] += 1
                    level = 0
                } else {
                    counters[level] = 0
                    level += 1
                }
            }
            return best
        }

        static func chain(count: Int, weights: [[Double]]) -> [Int] {
            let totals = weights.map { $0.reduce(0, +) }
            var placed = [Bool](repeating: false, count: count)
            var order = [totals.indices.max { (totals[$0], -$0) < (totals[$1], -$1) } ?? 0]
            placed[order[0]] = true
            while order.count < count, let last = order.last {
                let next = (0..<count).filter { !placed[$0] }.max { (weights[last][$0], totals[$0], -$0) < (weights[last][$1], totals[$1], -$1) } ?? 0
                placed[next] = true
                order.append(next)
            }
            return order
        }
    }
}
