// JSONValue+Parse: reading JSON text back into a JSONValue (a batch's runs file, a shard to merge),
// strictly by RFC 8259, keeping object keys in document order and numbers to the exact bit, and the
// small accessors that read fields out of the result.

extension JSONValue {
    /// Parses one JSON text (any value at the top, surrounded by optional whitespace).
    ///
    /// Objects keep their keys in document order, duplicates included. A number without fraction or
    /// exponent is `.int` when it fits `Int`, `.unsigned` when it is a larger positive integer that
    /// fits `UInt64`, and otherwise `.number`, read with `Double(String)` so it gets the same bits the
    /// writer started from. `parse(v.compact())` gives back `v` for every value the writer makes,
    /// except that non-finite numbers come back as `.null` and `.unsigned` values that fit `Int` as
    /// `.int`.
    package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        return try parser.document()
    }

    /// The value of `key` in an object (the first, if the key repeats); nil for a missing key or a
    /// value that is not an object.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The text of a `.string`.
    package var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Any number as a Double: `.int`, `.unsigned` or `.number`.
    package var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .unsigned(let u): return Double(u)
        case .number(let x): return x
        default: return nil
        }
    }

    /// The value of an `.int`.
    package var int: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// A non-negative integer as UInt64, from `.int` or `.unsigned` (a seed is either).
    package var uint64: UInt64? {
        switch self {
        case .int(let i): return i >= 0 ? UInt64(i) : nil
        case .unsigned(let u): return u
        default: return nil
        }
    }

    /// The value of a `.bool`.
    package var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements of an `.array`.
    package var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The pairs of an `.object`, in order.
    package var object: [(String, JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }
}
