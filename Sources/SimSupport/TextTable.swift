// TextTable: a titled table of text cells, written with aligned columns for a terminal or as a
// markdown table for a write-up. The comparisons print every section through it.
import Foundation

/// Rows of cells under a header, with the columns to right-align (numbers).
public struct TextTable: Sendable {
    public var title: String
    public var columns: [String]
    public var rightAligned: Set<Int>
    public var rows: [[String]]
    /// Said under the table, e.g. what a mark means or how many rows were left out.
    public var footnote: String?

    public init(title: String, columns: [String], rightAligned: Set<Int> = [], rows: [[String]] = [],
                footnote: String? = nil) {
        self.title = title
        self.columns = columns
        self.rightAligned = rightAligned
        self.rows = rows
        self.footnote = footnote
    }

    /// The title, the header and the rows, every column padded to its widest cell; control
    /// characters in cells are made visible.
    public func text() -> String {
        let all = ([columns] + rows).map { $0.map(TerminalText.safe) }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in all { for (c, cell) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], cell.count) } }
        func line(_ row: [String]) -> String {
            let cells = row.enumerated().map { c, cell -> String in
                let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
                return rightAligned.contains(c) ? pad + cell : (c == row.count - 1 ? cell : cell + pad)
            }
            return "  " + TerminalText.trimmed(cells.joined(separator: "  "))
        }
        var lines = [TerminalText.safe(title), line(all[0])]
        lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += all.dropFirst().map(line)
        if rows.isEmpty { lines.append("  (none)") }
        if let footnote { lines.append("  " + TerminalText.safe(footnote)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A level-3 heading and a GitHub-flavoured markdown table (`|` in cells escaped).
    public func markdown() -> String {
        func cell(_ text: String) -> String {
            TerminalText.safe(text).replacingOccurrences(of: "|", with: "\\|")
        }
        var lines = ["### " + cell(title), ""]
        if rows.isEmpty {
            lines.append("(none)")
        } else {
            lines.append("| " + columns.map(cell).joined(separator: " | ") + " |")
            lines.append("|" + columns.indices.map { rightAligned.contains($0) ? " ---: |" : " --- |" }.joined())
            lines += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        }
        if let footnote { lines += ["", cell(footnote)] }
        return lines.joined(separator: "\n") + "\n"
    }
}
