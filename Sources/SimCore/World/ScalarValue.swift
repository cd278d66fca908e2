// ScalarValue: the one value type of params, outcomes and event data — a whole number, a number, a
// boolean or a string — as scenarios declare them.

/// A value carried in an event's data, a report's params or outcomes.
package enum ScalarValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)

    /// Strings are equal when their bytes are, as in Lua; canonically equivalent text is not enough.
    package static func == (a: ScalarValue, b: ScalarValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.boolean(let x), .boolean(let y)): return x == y
        case (.string(let x), .string(let y)): return x.isBytewise(y)
        default: return false
        }
    }
}

extension ScalarValue: CustomStringConvertible {
    /// The value as a person would type it: `20`, `0.25`, `true`, `ghadames`.
    package var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .number(let v): return ScalarValue.integralText(v).map { $0 + ".0" } ?? String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }
}

extension ScalarValue {
    /// The value as a Double when it is an integer or a number.
    package var numeric: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let x): return x
        default: return nil
        }
    }

    /// A number as a person writes a bound or a cap: `365`, `0.25`, `1e+16`.
    package static func plainText(_ number: Double) -> String {
        integralText(number) ?? String(number)
    }

    /// The digits of an integral number below 10^15 in magnitude, without a fraction; nil for any
    /// other number (Swift writes those itself). `description` and `plainText` share it.
    static func integralText(_ number: Double) -> String? {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : nil
    }
}
