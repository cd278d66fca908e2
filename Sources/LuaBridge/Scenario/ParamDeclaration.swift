// ParamDeclaration: a param a scenario declared with `sim.param` — its default, the value in force
// for this run, its bounds and its doc — and the range check that `--param` and `--sweep` share.
import SimCore

/// A parameter a scenario declared, with the value in force.
package struct ParamDeclaration: Sendable, Equatable {
    package var name: String
    package var value: ScalarValue
    package var defaultValue: ScalarValue
    package var min: Double?
    package var max: Double?
    package var doc: String?

    /// Whether the param takes numbers (integers or not).
    package var isNumeric: Bool { defaultValue.numeric != nil }

    /// "below its min 0" or "above its max 10" when `value` is a number outside the declared
    /// range; nil inside it or for other types.
    package func outsideRange(_ value: ScalarValue) -> String? {
        guard let number = value.numeric else { return nil }
        if let min, number < min { return "below its min \(ScalarValue.plainText(min))" }
        if let max, number > max { return "above its max \(ScalarValue.plainText(max))" }
        return nil
    }
}
