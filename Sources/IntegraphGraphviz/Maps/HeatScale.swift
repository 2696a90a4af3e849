import Foundation

/// The backlog heat scale: a sequential light-to-dark orange (ColorBrewer "Oranges", 7
/// classes), readable by colour-blind readers because it varies in lightness, not hue.
/// Zero is white. On the logarithmic scale (systems, whose pressure is heavy-tailed) a
/// value's class grows with its logarithm relative to the largest, so the tail does not
/// wash everything else out; on the linear scale with its share of the largest; on the
/// quantile scale (a few domains) with its rank among the values, so that the classes are
/// used evenly and three domains of four are not all in the darkest one.
///
/// ```swift
/// let heat = HeatScale(maximum: 120)
/// heat.fill(for: 0)   // "#ffffff"
/// heat.fill(for: 120) // "#8c2d04"
/// ```
package struct HeatScale: Sendable {
    public static let fills = ["#feedde", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04"]
    public static let none = "#ffffff"
    public let maximum: Double
    public let isLogarithmic: Bool
    /// The positive values of a quantile scale, ascending; empty on the other scales.
    private let ranked: [Double]

    public init(maximum: Double, logarithmic: Bool = true) {
        self.maximum = maximum
        isLogarithmic = logarithmic
        ranked = []
    }

    /// A quantile scale over `values`: a value's class is its rank among the positive ones.
    public init(quantilesOf values: some Sequence<Double>) {
        ranked = values.filter { $0 > 0 && $0.isFinite }.sorted()
        maximum = ranked.last ?? 0
        isLogarithmic = false
    }

    /// The class of a value: 0 for nothing, 1 … 7 from lightest to darkest.
    public func level(for value: Double) -> Int {
        guard value > 0, maximum > 0 else { return 0 }
        let share: Double
        if !ranked.isEmpty {
            // The share of the positive values at or below this one.
            var low = 0, high = ranked.count
            while low < high {
                let middle = (low + high) / 2
                if ranked[middle] <= value { low = middle + 1 } else { high = middle }
            }
            share = Double(low) / Double(ranked.count)
        } else {
            share = isLogarithmic ? log(value + 1) / log(maximum + 1) : value / maximum
        }
        return min(Self.fills.count, max(1, Int((share * Double(Self.fills.count)).rounded(.up))))
    }

    /// The largest value of each class 1 … 7, for a legend in the measure's own units.
    public var upperBounds: [Double] {
        (1...Self.fills.count).map { level in
            let share = Double(level) / Double(Self.fills.count)
            if !ranked.isEmpty { return ranked[max(0, Int((share * Double(ranked.count)).rounded(.up)) - 1)] }
            return isLogarithmic ? pow(maximum + 1, share) - 1 : maximum * share
        }
    }

    public func fill(for value: Double) -> String {
        let level = level(for: value)
        return level == 0 ? Self.none : Self.fills[level - 1]
    }

    /// Text that stays readable on the fill: white on the three darkest classes.
    public func fontColor(for value: Double) -> String {
        level(for: value) >= 5 ? "#ffffff" : "#1a1a1a"
    }
}
