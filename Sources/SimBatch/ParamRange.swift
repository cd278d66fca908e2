// ParamRange: what a Latin hypercube samples of one param — a number's declared bounds, or the
// values a boolean or a param with `choices` may take.
import SimCore

/// One param as `--sample lhs:K` samples it.
package struct ParamRange: Sendable, Equatable {
    package var name: String
    package var min: Double
    package var max: Double
    /// The param takes integers: samples are rounded.
    package var isInteger: Bool
    /// The values it takes, each with an equal share of the strata; `min`/`max` are then unused.
    package var choices: [ScalarValue]?

    package init(name: String, min: Double, max: Double, isInteger: Bool) {
        self.name = name
        self.min = min
        self.max = max
        self.isInteger = isInteger
    }

    /// A param sampled among `choices` (a boolean: false and true).
    package init(name: String, choices: [ScalarValue]) {
        self.init(name: name, min: 0, max: Double(choices.count), isInteger: false)
        self.choices = choices
    }

    /// The value at `x` in [0, 1): its place in the range.
    func value(at x: Double) -> ScalarValue {
        if let choices { return choices[Swift.min(Int(x * Double(choices.count)), choices.count - 1)] }
        let v = min + x * (max - min)
        guard isInteger else { return .number(v) }
        return .integer(Int(Swift.min(Swift.max(v.rounded(), min.rounded(.up)), max.rounded(.down))))
    }
}
