import Foundation

/// The backlog heat scale: a sequential light-to-dark orange (ColorBrewer "Oranges", 7
/// classes), readable by colour-blind readers because it varies in lightness, not hue.
/// Zero is white. On the logarithmic scale (systems, whose pressure is heavy-tailed) a
/// value's class grows with its logarithm relative to the largest, so the tail does not
/// wash everything else out; on the linear scale (a few domains of similar size) with its
/// share of the largest.
///
/// ```swift
/// let heat = HeatScale(maximum: 120)
/// heat.fill(for: 0)   // "#ffffff"
/// heat.fill(for: 120) // "#8c2d04"
/// ```
public struct HeatScale: Sendable {
    public static let fills = ["#feedde", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04"]
    public static let none = "#ffffff"
    public let maximum: Double
    public let isLogarithmic: Bool

    public init(maximum: Double, logarithmic: Bool = true) {
        self.maximum = maximum
        isLogarithmic = logarithmic
    }

    /// The class of a value: 0 for nothing, 1 … 7 from lightest to darkest.
    public func level(for value: Double) -> Int {
        guard value > 0, maximum > 0 else { return 0 }
        let share = isLogarithmic ? log(value + 1) / log(maximum + 1) : value / maximum
        return min(Self.fills.count, max(1, Int((share * Double(Self.fills.count)).rounded(.up))))
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
