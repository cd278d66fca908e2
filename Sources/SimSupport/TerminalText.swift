// TerminalText: makes text from a scenario safe to print. Names, logs and error messages come from
// scripts that may come from strangers; an escape sequence in them must not reach a terminal.

package enum TerminalText {
    /// The text with every control character but newline and tab shown as `\u{…}`.
    package static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its
    /// own). Runs of spaces inside a line are kept: they separate items.
    package static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, !word.isEmpty, line.count + 1 + word.count > width {
                lines.append(trimmed(line))
                line = ""
            }
            guard !(line.isEmpty && word.isEmpty) else { continue }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(trimmed(line))
        return lines
    }

    /// The line without its trailing spaces.
    package static func trimmed(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }
}
