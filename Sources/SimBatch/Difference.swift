// Difference: variant − base with its 95% interval, as every comparison reports it.

/// A difference (variant − base) with its 95% interval.
package struct Difference: Sendable, Equatable {
    package var estimate: Double
    package var low: Double
    package var high: Double

    package init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// The interval lies wholly on one side of zero.
    package var excludesZero: Bool { low > 0 || high < 0 }
    package var width: Double { high - low }
}
