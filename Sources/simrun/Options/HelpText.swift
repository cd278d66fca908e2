// HelpText: the layout of simrun's help — two aligned columns (a flag or a command, then what it
// does) and the list of exit codes — shared by `simrun help` and every subcommand's `--help`.

enum HelpText {
    /// The column the texts start in: after the indent, the longest label up to `widest`, two spaces.
    /// A longer label puts its text on the next line, so one long flag does not push every line right.
    static func textColumn(for labels: [String], widest: Int) -> Int {
        2 + min(labels.map(\.count).max() ?? 0, widest) + 2
    }

    /// `  label  text` for each row, the texts at `column`; a text's own lines go on in that column.
    static func rows(_ rows: [(label: String, text: String)], column: Int) -> [String] {
        var lines: [String] = []
        let indent = String(repeating: " ", count: column)
        for (label, text) in rows {
            let head = "  " + label
            var texts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if head.count + 2 > column {
                lines.append(head)
            } else {
                lines.append(head + String(repeating: " ", count: column - head.count) + texts.removeFirst())
            }
            lines += texts.map { indent + $0 }
        }
        return lines
    }

    /// `   0 ok`, `  64 usage`: the codes in order, right-aligned, each with what it means.
    static func exitCodes(_ codes: [(ExitCode, String)]) -> [String] {
        codes.sorted { $0.0.rawValue < $1.0.rawValue }.map { code, meaning in
            let number = String(code.rawValue)
            return String(repeating: " ", count: max(0, 5 - number.count)) + number + " " + meaning
        }
    }
}
