// ScalarValue+Parse: a param value read from text, typed like the param's default. This is the one
// grammar of `--param NAME=VALUE` and of each item of `--sweep NAME=V1,V2,...`.

extension ScalarValue {
    /// Reads `text` as a value of `model`'s type, or nil when it does not fit: an integer as `Int`
    /// reads it (`20`, `-3`; not `2.5`), a number as `Double` reads it when finite (`0.25`, `2e-3`,
    /// `0x10`), a boolean from `true`, `1` or `yes` and `false`, `0` or `no` in any case, a string
    /// as given.
    package static func parse(_ text: String, like model: ScalarValue) -> ScalarValue? {
        switch model {
        case .integer: return Int(text).map { .integer($0) }
        case .number: return Double(text).flatMap { $0.isFinite ? .number($0) : nil }
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes": return .boolean(true)
            case "false", "0", "no": return .boolean(false)
            default: return nil
            }
        case .string: return .string(text)
        }
    }

    /// What a value of this one's type is, as messages say it: `an integer`, `a number`,
    /// `true or false`, `a string`.
    package var typeDescription: String {
        switch self {
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .string: return "a string"
        }
    }
}
