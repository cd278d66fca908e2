// ParamOverride: a value given for a scenario's param — text from the command line, read by the
// param's type once the scenario declares it, or a value a batch design has typed already, which
// reaches the scenario as it is, with no text in between.
import SimCore

/// A value that replaces a param's default.
package enum ParamOverride: Sendable, Equatable, CustomStringConvertible {
    /// `--param NAME=TEXT`: read like the default, by `ScalarValue.parse(_:like:)`.
    case text(String)
    /// A typed value, such as a batch design's point: used as it is.
    case value(ScalarValue)

    /// The value in force for a param whose default is `defaultValue`, or nil when it does not fit
    /// that type. A typed value must have the default's type, or be an integer for a number param;
    /// a number must be finite, as it must when read from text.
    func resolved(like defaultValue: ScalarValue) -> ScalarValue? {
        switch (self, defaultValue) {
        case (.text(let text), _): return ScalarValue.parse(text, like: defaultValue)
        case (.value(.integer(let i)), .integer): return .integer(i)
        case (.value(.integer(let i)), .number): return .number(Double(i))
        case (.value(.number(let x)), .number): return x.isFinite ? .number(x) : nil
        case (.value(.boolean(let b)), .boolean): return .boolean(b)
        case (.value(.string(let s)), .string): return .string(s)
        case (.value, _): return nil
        }
    }

    /// The value as `--param NAME=VALUE` writes it, for messages.
    package var description: String {
        switch self {
        case .text(let text): return text
        case .value(let value): return value.description
        }
    }
}
