// ParamRange: a numeric param's declared bounds, which a Latin hypercube samples.

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
}
