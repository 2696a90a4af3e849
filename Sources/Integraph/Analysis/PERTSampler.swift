import Foundation

/// Draws durations from the Beta-PERT distribution of a three-point estimate: a Beta
/// distribution on [optimistic, pessimistic] with shape α = 1 + 4(m − a)/(b − a),
/// β = 1 + 4(b − m)/(b − a), whose mean is the PERT mean (a + 4m + b)/6 (Vose 2008,
/// "Risk Analysis", ch. 9). Beta variates come from two gamma variates drawn by
/// Marsaglia & Tsang's method (2000), with Box–Muller normals.
///
/// ```swift
/// var random = SeededRandom(seed: 1)
/// let days = PERTSampler.sample(.estimate(optimistic: 3, likely: 5, pessimistic: 12), using: &random)
/// ```
package enum PERTSampler {
    public static func sample(_ effort: Effort, using random: inout SeededRandom) -> Double {
        guard case .estimate(let optimistic, let likely, let pessimistic) = effort, pessimistic > optimistic else {
            return effort.expectedDays
        }
        let range = pessimistic - optimistic
        let alpha = 1 + 4 * (likely - optimistic) / range
        let beta = 1 + 4 * (pessimistic - likely) / range
        let x = gamma(shape: alpha, using: &random)
        let y = gamma(shape: beta, using: &random)
        return optimistic + range * x / (x + y)
    }

    /// Marsaglia & Tsang, "A simple method for generating gamma variables" (2000), for
    /// shape ≥ 1 (always the case for Beta-PERT).
    static func gamma(shape: Double, using random: inout SeededRandom) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(using: &random)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = random.nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A standard normal variate by the Box–Muller transform.
    static func normal(using random: inout SeededRandom) -> Double {
        var u = random.nextUnit()
        while u <= 0 { u = random.nextUnit() }
        let v = random.nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
