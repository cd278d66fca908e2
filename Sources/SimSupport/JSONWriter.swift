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
        var out = ""
        write(into: &out, indent: "")
        out += "\n"
        return out
    }

    /// The document on one line with no spaces and no final newline (`{"a":1,"b":[1,2]}`): one
    /// record of a JSON Lines file. Numbers and strings are written as by `serialized()`.
    package func compact() -> String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .array(let elements):
            out += "["
            for (n, element) in elements.enumerated() {
                if n > 0 { out += "," }
                element.writeCompact(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (n, (key, value)) in pairs.enumerated() {
                if n > 0 { out += "," }
                JSONValue.writeString(key, into: &out)
                out += ":"
                value.writeCompact(into: &out)
            }
            out += "}"
        case .null, .bool, .int, .unsigned, .number, .string:
            write(into: &out, indent: "")
        }
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .unsigned(let u): out += String(u)
        case .number(let x): out += x.isFinite ? x.description : "null"
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let elements):
            if let line = inlineForm(of: elements) {
                out += line
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (n, element) in elements.enumerated() {
                out += inner
                element.write(into: &out, indent: inner)
                out += n < elements.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (n, (key, value)) in pairs.enumerated() {
                out += inner
                JSONValue.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, indent: inner)
                out += n < pairs.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// The array on one line when it should stay there, else nil.
    private func inlineForm(of elements: [JSONValue]) -> String? {
        var numeric = true
        for element in elements {
            switch element {
            case .null, .int, .unsigned, .number: continue
            case .bool, .string: numeric = false
            case .array, .object: return nil
            }
        }
        var line = "["
        for (n, element) in elements.enumerated() {
            if n > 0 { line += ", " }
            element.write(into: &line, indent: "")
        }
        line += "]"
        return numeric || line.count <= JSONValue.inlineLimit ? line : nil
    }

    /// RFC 8259: quote, backslash and control characters escaped; everything else kept as UTF-8.
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings (ids, names, dates) need no escaping: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\u{00}"..."\u{1F}":
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u00" + (hex.count == 1 ? "0" : "") + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
