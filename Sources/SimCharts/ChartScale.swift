// ChartScale: the linear map from data values to pixels behind every chart of the HTML reports,
// with round tick values (RoundSteps: 1, 2 or 5 × 10^k apart) and their labels.
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
    package init(
        covering low: Double, _ high: Double, pixels start: Double, _ end: Double, tickCount: Int = 6,
        includeZero: Bool = false
    ) {
        let steps = RoundSteps(covering: low, high, count: tickCount, includeZero: includeZero)
        self.init(
            low: steps.low, high: steps.high, start: start, end: end, ticks: steps.values,
            decimals: steps.decimals)
    }

    /// A scale over exactly `low...high` with ticks every `step` from `low` (e.g. 0...1 by 0.25).
    package init(fixed low: Double, _ high: Double, pixels start: Double, _ end: Double, step: Double, decimals: Int) {
        let count = Int(((high - low) / step).rounded())
        self.init(
            low: low, high: high, start: start, end: end,
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
}
