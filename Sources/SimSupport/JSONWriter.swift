// JSONWriter: a JSON document as a value, and its deterministic text. Object keys keep the order
// they were given in (never a dictionary's), and numbers are written so they parse back to the
// same bits, so the same report is the same bytes on every run and every machine.

/// A JSON value whose objects keep their keys in the order given.
package enum JSONValue: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case unsigned(UInt64)
    /// Written as Swift's shortest round-trip form; NaN and infinities as `null`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// One-line arrays of strings and mixed scalars longer than this go one element per line.
    private static let inlineLimit = 72

    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    package init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }

    /// `.string`, or `.null` for nil.
    package static func string(orNull text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The document pretty-printed with 2-space indentation and a final newline. Arrays of numbers
    /// (metric series) and short arrays of other scalars (ids) stay on one line.
    package func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The document on one line with no spaces and no final newline (`{"a":1,"b":[1,2]}`): one
    /// record of a JSON Lines file. Numbers and strings are written as by `serialized()`.
    package func compact() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 10)
        writeCompact(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // The text is built as UTF-8 bytes, one String at the end: appending to a String checks its
    // capacity and representation at every piece, which was most of a report's writing time.

    private func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (n, element) in elements.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                element.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (n, (key, value)) in pairs.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .null, .bool, .int, .unsigned, .number, .string:
            write(into: &out, indent: 0)
        }
    }

    /// Writes the value at `indent` spaces of indentation (its first line is already indented).
    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .unsigned(let u): out.append(contentsOf: String(u).utf8)
        case .number(let x): out.append(contentsOf: (x.isFinite ? x.description : "null").utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let elements):
            if JSONValue.writeInline(elements, into: &out) { return }
            out.append(contentsOf: "[\n".utf8)
            for (n, element) in elements.enumerated() {
                JSONValue.writeSpaces(indent + 2, into: &out)
                element.write(into: &out, indent: indent + 2)
                out.append(contentsOf: (n < elements.count - 1 ? ",\n" : "\n").utf8)
            }
            JSONValue.writeSpaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (n, (key, value)) in pairs.enumerated() {
                JSONValue.writeSpaces(indent + 2, into: &out)
                JSONValue.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 2)
                out.append(contentsOf: (n < pairs.count - 1 ? ",\n" : "\n").utf8)
            }
            JSONValue.writeSpaces(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeSpaces(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// Writes the array on one line and returns true when it should stay there: numbers always,
    /// other scalars when the line is at most `inlineLimit` characters; else writes nothing.
    private static func writeInline(_ elements: [JSONValue], into out: inout [UInt8]) -> Bool {
        var numeric = true
        for element in elements {
            switch element {
            case .null, .int, .unsigned, .number: continue
            case .bool, .string: numeric = false
            case .array, .object: return false
            }
        }
        let start = out.count
        out.append(UInt8(ascii: "["))
        for (n, element) in elements.enumerated() {
            if n > 0 { out.append(contentsOf: ", ".utf8) }
            element.write(into: &out, indent: 0)
        }
        out.append(UInt8(ascii: "]"))
        // Characters, as a person counts them: never more than the bytes, so only a long line of
        // bytes needs counting.
        let bytes = out.count - start
        if numeric || bytes <= inlineLimit || String(decoding: out[start...], as: UTF8.self).count <= inlineLimit {
            return true
        }
        out.removeSubrange(start...)
        return false
    }

    /// RFC 8259: quote, backslash and control characters escaped; everything else kept as UTF-8.
    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
