// RoundSteps: round values 1, 2 or 5 × 10^k apart that cover an interval — a chart's ticks, a
// histogram's bin edges — computed with exact decimal steps so that the same data give the same values
// on every machine.

/// Round values from at or below `low` to at or above `high`, about `count` steps apart.
package struct RoundSteps: Sendable {
    /// The first and last values: the interval widened to round values.
    package let low: Double
    package let high: Double
    /// Every value from `low` to `high`, ascending.
    package let values: [Double]
    /// Decimals that tell the values apart.
    package let decimals: Int

    /// Steps over `low...high` widened to round values, at most about `count` of them. An interval of
    /// one value is widened around it; with `includeZero` it reaches zero. Bounds past ±10^300 are
    /// taken at ±10^300.
    package init(covering low: Double, _ high: Double, count: Int, includeZero: Bool = false) {
        // Past ±10^300 the span may overflow to infinity, or outgrow the largest step (5 × 10^300)
        // by so much that the values number in the billions.
        let limit = 1e300
        var lo = low.isFinite ? min(max(low, -limit), limit) : 0
        var hi = high.isFinite ? min(max(high, -limit), limit) : 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) / 10
            lo -= pad
            hi += pad
        }
        let scale = RoundSteps.step(for: (hi - lo) / Double(max(count, 1)))
        let first = (lo * scale.divisor / scale.multiple).rounded(.down)
        let last = (hi * scale.divisor / scale.multiple).rounded(.up)
        self.low = first * scale.multiple / scale.divisor
        self.high = last * scale.multiple / scale.divisor
        values = stride(from: first, through: last, by: 1).map { $0 * scale.multiple / scale.divisor }
        decimals = scale.decimals
    }

    /// The round step (1, 2 or 5 × 10^k) at or above `raw`, as multiple / divisor with both exact
    /// in binary, and the decimals its labels need.
    private static func step(for raw: Double) -> (multiple: Double, divisor: Double, decimals: Int) {
        let raw = raw > 0 && raw.isFinite ? raw : 1
        // Powers of ten by repeated multiplication of exact integers: no logarithm whose last bits
        // differ between C libraries.
        var exponent = 0
        var power = 1.0
        while power * 10 <= raw, exponent < 300 { power *= 10; exponent += 1 }
        var divisor = 1.0
        while raw < power / divisor, exponent > -300 { divisor *= 10; exponent -= 1 }
        // Here 10^exponent ≤ raw < 10^(exponent+1), 10^exponent = power / divisor.
        let unit = power / divisor
        for m in [1.0, 2.0, 5.0, 10.0] where m * unit >= raw * (1 - 1e-12) {
            let multiple = m * power
            let decimals = max(0, -exponent - (m == 10 ? 1 : 0))
            return (multiple, divisor, decimals)
        }
        return (10 * power, divisor, max(0, -exponent - 1))
    }
}
