// ParamDeclaration: a param a scenario declared with `sim.param` — its default, the value in force
// for this run, its bounds or choices, whether it is an uncertainty to sample or a fixed setting, and
// its doc — and the checks that `--param` and `--sweep` share.
import SimCore

/// A parameter a scenario declared, with the value in force.
package struct ParamDeclaration: Sendable, Equatable {
    package var name: String
    package var value: ScalarValue
    package var defaultValue: ScalarValue
    package var min: Double?
    package var max: Double?
    /// The values it may take (`choices = {...}`), in the order declared.
    package var choices: [ScalarValue]?
    /// A threshold or a switch rather than an uncertainty (`fixed = true`): samples and sensitivity
    /// analyses leave it at its value unless asked for it by name.
    package var fixed = false
    package var doc: String?

    /// Whether the param takes numbers (integers or not).
    package var isNumeric: Bool { defaultValue.numeric != nil }

    /// "below its min 0" or "above its max 10" when `value` is a number outside the declared
    /// range, "not one of a, b" outside the choices; nil inside them.
    package func outsideRange(_ value: ScalarValue) -> String? {
        if let choices, !choices.contains(value) {
            return "not one of " + choices.map(\.description).joined(separator: ", ")
        }
        guard let number = value.numeric else { return nil }
        if let min, number < min { return "below its min \(ScalarValue.plainText(min))" }
        if let max, number > max { return "above its max \(ScalarValue.plainText(max))" }
        return nil
    }
}
