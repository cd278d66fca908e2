// RowChart: labelled rows over one horizontal value axis — probability bars with their intervals,
// arrows from an alignment's start to its end, marks at the days events happened, or a box's limits
// within each param's range — the charts where each row is a named thing and the comparison runs
// across.
import SimSupport

/// Rows with a label on the left and a mark on a shared horizontal axis.
package struct RowChart {
    package enum Mark {
        /// A bar from 0 to the value, with a 95% interval as a whisker.
        case bar(Double, interval: (Double, Double)?)
        /// An arrow from one value to another (a dot at the start).
        case arrow(from: Double, to: Double)
        /// Ticks at each value (the days of a timeline lane).
        case marks([Double])
        /// A bar from one value to another over a grey track of the whole axis (a box's limits
        /// within a param's range).
        case span(from: Double, to: Double)
    }

    package struct Row {
        package var label: String
        package var mark: Mark
        /// Text at the right end of the row, e.g. the values.
        package var note: String = ""
        /// Tooltip of the row's mark.
        package var tooltip: String? = nil

        package init(label: String, mark: Mark, note: String = "", tooltip: String? = nil) {
            self.label = label
            self.mark = mark
            self.note = note
            self.tooltip = tooltip
        }
    }

    package var rows: [Row]
    /// The value axis: fixed (alignments −1…1, probabilities 0…1) with its tick step and decimals.
    package var domain: (low: Double, high: Double, step: Double, decimals: Int)
    package var axisTitle: String
    package var width: Double = 1100
    package var label: String
    /// A tick's label, e.g. a date; the number by default.
    package var axisLabel: ((Double) -> String)?

    package init(
        rows: [Row],
        domain: (low: Double, high: Double, step: Double, decimals: Int),
        axisTitle: String,
        width: Double = 1100,
        label: String,
        axisLabel: ((Double) -> String)? = nil
    ) {
        self.rows = rows
        self.domain = domain
        self.axisTitle = axisTitle
        self.width = width
        self.label = label
        self.axisLabel = axisLabel
    }

    private static let rowHeight = 24.0

    package var svg: String {
        let labelWidth = min(400, 16 + 6.6 * Double(rows.map(\.label.count).max() ?? 0))
        let noteWidth = rows.contains { !$0.note.isEmpty } ? 8 + 6.6 * Double(rows.map(\.note.count).max() ?? 0) : 0
        let plotRight = width - 16 - noteWidth
        let height = 12 + RowChart.rowHeight * Double(rows.count) + 48
        var doc = SVGDocument(width: width, height: height, label: label)
        let x = ChartScale(
            fixed: domain.low, domain.high, pixels: labelWidth, plotRight, step: domain.step,
            decimals: domain.decimals)
        var axes = ChartAxes(x: x, y: nil, xTitle: axisTitle, xLabel: axisLabel)
        axes.rowSpan = (8, height - 48)
        axes.draw(into: &doc)
        for (r, row) in rows.enumerated() {
            let mid = 12 + RowChart.rowHeight * (Double(r) + 0.5)
            let shown = row.label.truncated(to: 60)
            doc.text(shown, labelWidth - 8, mid + 4, anchor: "end", size: 12)
            if !row.note.isEmpty { doc.text(row.note, plotRight + 8, mid + 4, size: 12, fill: "#444") }
            draw(row, at: mid, on: x, into: &doc)
        }
        return doc.markup
    }

    private func draw(_ row: Row, at mid: Double, on x: ChartScale, into doc: inout SVGDocument) {
        switch row.mark {
        case .bar(let value, let interval):
            let zero = x.clampedPosition(0), end = x.clampedPosition(value)
            doc.rect(min(zero, end), mid - 7, abs(end - zero), 14, fill: ChartPalette.series(0), tooltip: row.tooltip)
            if let (lo, hi) = interval {
                let (a, b) = (x.clampedPosition(lo), x.clampedPosition(hi))
                doc.line(a, mid, b, mid, stroke: "#111", width: 1.5)
                doc.line(a, mid - 5, a, mid + 5, stroke: "#111", width: 1.5)
                doc.line(b, mid - 5, b, mid + 5, stroke: "#111", width: 1.5)
            }
        case .arrow(let from, let to):
            let (a, b) = (x.clampedPosition(from), x.clampedPosition(to))
            let color = to >= from ? ChartPalette.friendly : ChartPalette.hostile
            let direction = b >= a ? 1.0 : -1.0
            // The shaft stops at the head's base so the head's tip lands exactly on the end value.
            let head = min(8, abs(b - a))
            doc.line(a, mid, b - direction * head, mid, stroke: color, width: 2.5)
            doc.element(
                "path",
                [
                    (
                        "d",
                        "M\(SVGDocument.number(b)),\(SVGDocument.number(mid)) "
                            + "L\(SVGDocument.number(b - direction * head)),\(SVGDocument.number(mid - 5)) "
                            + "L\(SVGDocument.number(b - direction * head)),\(SVGDocument.number(mid + 5)) Z"
                    ),
                    ("fill", color),
                ])
            doc.circle(a, mid, radius: 4, fill: "#ffffff", stroke: "#555", tooltip: row.tooltip)
        case .marks(let values):
            for value in values {
                let px = x.clampedPosition(value)
                doc.line(px, mid - 8, px, mid + 8, stroke: ChartPalette.series(0), width: 2)
            }
            doc.element(
                "rect",
                [
                    ("x", SVGDocument.number(x.start)), ("y", SVGDocument.number(mid - 10)),
                    ("width", SVGDocument.number(x.end - x.start)), ("height", "20"), ("fill", "transparent"),
                ], tooltip: row.tooltip)
        case .span(let from, let to):
            doc.rect(x.start, mid - 3, x.end - x.start, 6, fill: "#e3e3e3")
            let (a, b) = (x.clampedPosition(from), x.clampedPosition(to))
            // A box of one value still shows: at least 2 px wide.
            doc.rect(min(a, b), mid - 7, max(2, abs(b - a)), 14, fill: ChartPalette.series(0), tooltip: row.tooltip)
        }
    }
}
