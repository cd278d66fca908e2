// ScalarValue: the one value type of params, outcomes and event data — a whole number, a number, a
// boolean or a string — as scenarios declare them.

/// A value carried in an event's data, a report's params or outcomes.
public enum ScalarValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)
}

extension ScalarValue: CustomStringConvertible {
    /// The value as a person would type it: `20`, `0.25`, `true`, `ghadames`.
    public var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) + ".0" : String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }
}

extension ScalarValue {
    /// The value as a Double when it is a number.
    public var numeric: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let x): return x
        default: return nil
        }
    }
}
