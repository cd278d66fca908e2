// ScalarValue+Reports: a param, outcome or event value as JSON (written and read) and as a person reads
// it — here, above both the engine (which owns the value) and the support module (which owns JSON and
// number formats), so that neither has to know the other.
import SimCore
import SimSupport

extension JSONValue {
    /// A param, outcome or event field as JSON, keeping integers integers.
    package init(_ scalar: ScalarValue) {
        switch scalar {
        case .integer(let i): self = .int(i)
        case .number(let x): self = .number(x)
        case .boolean(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        }
    }

    /// A param or outcome value: `.int` → `.integer`, `.number`, `.bool` → `.boolean`, `.string`;
    /// nil for anything else.
    package var scalar: ScalarValue? {
        switch self {
        case .int(let i): return .integer(i)
        case .number(let x): return .number(x)
        case .bool(let b): return .boolean(b)
        case .string(let s): return .string(s)
        default: return nil
        }
    }
}

extension ReadableNumber {
    /// A param, outcome or event field: numbers rounded, the rest as typed.
    package static func text(_ value: ScalarValue) -> String {
        if case .number(let x) = value { return text(x) }
        return value.description
    }
}
