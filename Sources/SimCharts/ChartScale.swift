// ChartScale: the linear map from data values to pixels behind every chart of the HTML reports,
// with round tick values (1, 2 or 5 × 10^k apart) and their labels, computed with exact decimal
// steps so that the same data give the same ticks and text on every machine.
import Foundation
import SimSupport

/// Maps a data interval onto a pixel interval and knows the round values to mark on its axis.
package struct ChartScale {
    /// Data values at the two ends, `low` < `high`.
    package let low: Double
    package let high: Double
    /// Pixels of `low` and `high` (a vertical axis runs from bottom to top: `start` > `end`).
    package let start: Double
    package let end: Double
    /// The round values inside the domain to mark, ascending.
    package let ticks: [Double]
    /// Decimals that tell the ticks apart.
    package let decimals: Int

    /// A scale over `low...high` widened to round tick values, at most about `tickCount` of them.
    /// A domain of one value is widened around it; with `includeZero` it reaches zero.
    package init(covering low: Double, _ high: Double, pixels start: Double, _ end: Double, tickCount: Int = 6,
         includeZero: Bool = false) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) / 10
            lo -= pad
            hi += pad
        }
        let scale = ChartScale.roundStep(for: (hi - lo) / Double(max(tickCount, 1)))
        let first = (lo * scale.divisor / scale.multiple).rounded(.down)
        let last = (hi * scale.divisor / scale.multiple).rounded(.up)
        self.init(low: first * scale.multiple / scale.divisor, high: last * scale.multiple / scale.divisor,
                  start: start, end: end,
                  ticks: stride(from: first, through: last, by: 1).map { $0 * scale.multiple / scale.divisor },
                  decimals: scale.decimals)
    }

    /// A scale over exactly `low...high` with ticks every `step` from `low` (e.g. 0...1 by 0.25).
    package init(fixed low: Double, _ high: Double, pixels start: Double, _ end: Double, step: Double, decimals: Int) {
        let count = Int(((high - low) / step).rounded())
        self.init(low: low, high: high, start: start, end: end,
                  ticks: (0...count).map { low + (high - low) * Double($0) / Double(count) }, decimals: decimals)
    }

    private init(low: Double, high: Double, start: Double, end: Double, ticks: [Double], decimals: Int) {
        self.low = low
        self.high = high
        self.start = start
        self.end = end
        self.ticks = ticks
        self.decimals = decimals
    }

    /// The pixel of a data value (values outside the domain map outside the pixel interval).
    package func position(_ value: Double) -> Double {
        start + (value - low) / (high - low) * (end - start)
    }

    /// The pixel of a value clamped to the domain: marks never leave the plot.
    package func clampedPosition(_ value: Double) -> Double {
        position(min(max(value, low), high))
    }

    /// Whether the domain has values on both sides of zero, so a chart draws its zero line.
    package var crossesZero: Bool { low < 0 && high > 0 }

    /// A tick's label: as many decimals as the step needs (an exponent past six), thousands
    /// unseparated, no `-0`.
    package func label(_ value: Double) -> String {
        // Past six decimals, fixed notation would be too long for a tick: three significant digits.
        if decimals > 6 { return value == 0 ? "0" : String(format: "%.2e", value) }
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }

    /// The round step (1, 2 or 5 × 10^k) at or above `raw`, as multiple / divisor with both exact
    /// in binary, and the decimals its labels need.
    private static func roundStep(for raw: Double) -> (multiple: Double, divisor: Double, decimals: Int) {
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
