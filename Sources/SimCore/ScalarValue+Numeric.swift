// ScalarValue+Numeric: a scalar read as a number, and a number written the way a person writes
// a bound (`365`, `0.25`): one rule for an integral double, shared with `description`.

extension ScalarValue {
    /// The value as a Double when it is an integer or a number.
    public var numeric: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let x): return x
        default: return nil
        }
    }

    /// A number as a person writes a bound or a cap: `365`, `0.25`, `1e+15`.
    public static func plainText(_ number: Double) -> String {
        integralText(number) ?? String(number)
    }

    /// The digits of an integral number below 10^15 in magnitude, without a fraction; nil for any
    /// other number (Swift writes those itself).
    static func integralText(_ number: Double) -> String? {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : nil
    }
}
