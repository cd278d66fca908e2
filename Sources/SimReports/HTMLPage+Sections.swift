// HTMLPage+Sections: a titled table of the text reports (TextTable) as a section of a page — the
// title as a heading, the rows as an HTML table, the footnote under it — so a report written as text
// or markdown is written as a page from the same tables.
import SimCharts
import SimSupport

extension HTMLPage {
    /// `table` under a heading of `level`: its rows (or "(none)") and its footnote.
    package mutating func section(_ table: TextTable, level: Int = 2) {
        heading(table.title, level: level)
        if table.rows.isEmpty {
            paragraph("(none)", note: true)
        } else {
            self.table(table.columns, table.rows, numeric: table.rightAligned)
        }
        if let footnote = table.footnote { paragraph(footnote, note: true) }
    }
}
