// ParamRange: what a Latin hypercube or a sensitivity design samples of one param — a number's
// declared bounds, or the values a boolean or a param with `choices` may take.
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

    /// The value at share `u` of the range, `min + u·(max − min)`; an integer param takes it rounded,
    /// kept within its bounds, and a param with choices the choice whose equal share holds `u`.
    package func value(at u: Double) -> ScalarValue {
        if let choices { return choices[Swift.min(Int(u * Double(choices.count)), choices.count - 1)] }
        let x = min + u * (max - min)
        guard isInteger else { return .number(x) }
        // A scenario may declare bounds past what Int holds: the values stay within both.
        let low = Swift.max(min.rounded(.up), -0x1p63), high = Swift.min(max.rounded(.down), (0x1p63).nextDown)
        return .integer(Int(Swift.min(Swift.max(x.rounded(), low), high)))
    }
}
