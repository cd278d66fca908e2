// TextTable: a titled table of text cells, written with aligned columns for a terminal or as a
// markdown table for a write-up. The comparisons print every section through it.
import Foundation

/// Rows of cells under a header, with the columns to right-align (numbers).
package struct TextTable: Sendable {
    package var title: String
    package var columns: [String]
    package var rightAligned: Set<Int>
    package var rows: [[String]]
    /// Said under the table, e.g. what a mark means or how many rows were left out.
    package var footnote: String?

    package init(
        title: String, columns: [String], rightAligned: Set<Int> = [], rows: [[String]] = [],
        footnote: String? = nil
    ) {
        self.title = title
        self.columns = columns
        self.rightAligned = rightAligned
        self.rows = rows
        self.footnote = footnote
    }

    /// The title, the header and the rows, every column padded to its widest cell; control
    /// characters in cells are made visible. With `width`, the last column is wrapped under itself so
    /// that lines fit `width` (as `alignedLines` wraps it), unless it holds numbers: those stay aligned.
    package func text(width: Int? = nil) -> String {
        let width = rightAligned.contains(columns.count - 1) ? nil : width
        let all = ([columns] + rows).map { $0.map(TerminalText.safe) }
        var widths = TextTable.columnWidths(all, wrappingLast: width != nil)
        if let width {
            // The last column's rule is as long as its widest cell, or as the room the wrap leaves it.
            let room = max(20, width - widths.reduce(2) { $0 + $1 + 2 })
            widths.append(min(room, all.map { $0.last?.count ?? 0 }.max() ?? 0))
        }
        let lines = { (rows: [[String]]) in
            TextTable.alignedLines(rows, widths: widths, rightAligned: rightAligned, wrapWidth: width)
        }
        var out = [TerminalText.safe(title)] + lines([all[0]])
        out.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += lines(Array(all.dropFirst()))
        if rows.isEmpty { out.append("  (none)") }
        if let footnote { out.append("  " + TerminalText.safe(footnote)) }
        return out.joined(separator: "\n") + "\n"
    }

    /// Rows as columns two spaces apart after a two-space indent, each column padded to its widest cell
    /// (right-aligned for the columns in `rightAligned`), trailing spaces dropped. With `wrapWidth`, each
    /// row's last cell is not padded but wrapped under itself to fit that width (at least 20 columns
    /// of it). A row with fewer cells ends early. Every table of the text reports goes through here.
    package static func alignedLines(_ rows: [[String]], rightAligned: Set<Int> = [], wrapWidth: Int? = nil)
        -> [String]
    {
        alignedLines(
            rows, widths: columnWidths(rows, wrappingLast: wrapWidth != nil), rightAligned: rightAligned,
            wrapWidth: wrapWidth)
    }

    private static func columnWidths(_ rows: [[String]], wrappingLast: Bool) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (c, cell) in (wrappingLast ? row.dropLast() : row[...]).enumerated() {
                if c == widths.count { widths.append(0) }
                widths[c] = max(widths[c], cell.count)
            }
        }
        return widths
    }

    private static func alignedLines(
        _ rows: [[String]], widths: [Int], rightAligned: Set<Int>,
        wrapWidth: Int? = nil
    ) -> [String] {
        func padded(_ cell: String, _ c: Int) -> String {
            let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
            return rightAligned.contains(c) ? pad + cell : cell + pad
        }
        return rows.flatMap { row -> [String] in
            var prefix = "  "
            for (c, cell) in row.dropLast().enumerated() { prefix += padded(cell, c) + "  " }
            let last = row.last ?? ""
            guard let wrapWidth else {
                let c = row.count - 1
                return [TerminalText.trimmed(prefix + (c >= 0 && rightAligned.contains(c) ? padded(last, c) : last))]
            }
            let hanging = String(repeating: " ", count: prefix.count)
            return TerminalText.wrap(last, width: max(20, wrapWidth - prefix.count)).enumerated().map { n, line in
                TerminalText.trimmed((n == 0 ? prefix : hanging) + line)
            }
        }
    }

    /// A level-3 heading and a GitHub-flavoured markdown table (`|` in cells escaped).
    package func markdown() -> String {
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
