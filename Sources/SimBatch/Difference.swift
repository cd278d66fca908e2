// Difference: variant − base with its 95% interval, as every comparison reports it.

/// A difference (variant − base) with its 95% interval.
public struct Difference: Sendable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// The interval lies wholly on one side of zero.
    public var excludesZero: Bool { low > 0 || high < 0 }
    public var width: Double { high - low }
}
