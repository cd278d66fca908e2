// ParamRange: a numeric param's declared bounds, which a Latin hypercube samples.
import SimCore

/// A numeric param's declared bounds, sampled by `--sample lhs:K`.
package struct ParamRange: Sendable, Equatable {
    package var name: String
    package var min: Double
    package var max: Double
    /// The param takes integers: samples are rounded.
    package var isInteger: Bool

    package init(name: String, min: Double, max: Double, isInteger: Bool) {
        self.name = name
        self.min = min
        self.max = max
        self.isInteger = isInteger
    }

    /// The value at share `u` of the range, `min + u·(max − min)`; an integer param takes it rounded,
    /// kept within its bounds.
    package func value(at u: Double) -> ScalarValue {
        let x = min + u * (max - min)
        guard isInteger else { return .number(x) }
        return .integer(Int(Swift.min(Swift.max(x.rounded(), min.rounded(.up)), max.rounded(.down))))
    }
}
