// HeatMap: a square matrix of values in [−1, 1] as coloured cells on the diverging alignment scale,
// rows and columns labelled, each cell's value written where it fits, and the colour key beside it.
import SimSupport

/// Cell (i, j) holds row i's value toward column j; the diagonal is left blank.
package struct HeatMap {
    /// Row and column labels (agents' short labels); `names` the full names, for tooltips.
    package var labels: [String]
    package var names: [String]
    /// Row-major, `labels.count` squared.
    package var values: [Double]
    package var label: String
    package var maxWidth: Double = 1100

    package init(labels: [String], names: [String]? = nil, values: [Double], label: String, maxWidth: Double = 1100) {
        self.labels = labels
        self.names = names ?? labels
        self.values = values
        self.label = label
        self.maxWidth = maxWidth
    }

    private static let labelCap = 24

    package var svg: String {
        let n = labels.count
        let shown = labels.map { $0.truncated(to: HeatMap.labelCap) }
        let longest = Double(shown.map(\.count).max() ?? 0)
        let labelWidth = 14 + 6.8 * longest
        // Column labels run up at 45°: their height is the text's length times sin 45°.
        let top = 20 + 6.8 * longest * 0.71
        let keyWidth = 120.0
        let cell = max(14, min(46, (maxWidth - labelWidth - keyWidth - 40) / Double(max(n, 1))))
        let width = labelWidth + cell * Double(n) + keyWidth + 40
        let height = max(top + cell * Double(n) + 30, top + 230)
        var doc = SVGDocument(width: width, height: height, label: label)
        let writeValues = cell >= 30
        for i in 0..<n {
            let y = top + cell * Double(i)
            doc.element(
                "text",
                [
                    ("x", SVGDocument.number(labelWidth - 8)), ("y", SVGDocument.number(y + cell / 2 + 4)),
                    ("font-size", "12"), ("text-anchor", "end"), ("fill", "#333"),
                ], text: shown[i], tooltip: names[i])
            let x = labelWidth + cell * Double(i) + cell / 2
            doc.text(shown[i], x - 2, top - 8, size: 12, rotation: -45)
            for j in 0..<n {
                let cx = labelWidth + cell * Double(j)
                guard i != j else {
                    doc.rect(cx, y, cell, cell, fill: "#ffffff", stroke: "#dddddd")
                    continue
                }
                let v = values[i * n + j]
                doc.rect(
                    cx, y, cell, cell, fill: ChartPalette.diverging(v), stroke: "#ffffff",
                    tooltip: "\(names[i]) → \(names[j]): \(ReadableNumber.signed(v))")
                if writeValues {
                    doc.text(
                        ReadableNumber.signed(v), cx + cell / 2, y + cell / 2 + 4, anchor: "middle", size: 11,
                        fill: ChartPalette.textOnDiverging(v))
                }
            }
        }
        drawKey(into: &doc, x: labelWidth + cell * Double(n) + 30, top: top)
        return doc.markup
    }

    /// The colour key: −1 at the bottom, +1 at the top, in twenty steps.
    private func drawKey(into doc: inout SVGDocument, x: Double, top: Double) {
        let steps = 20, barHeight = 180.0
        doc.text("alignment", x, top - 8, size: 12, bold: true)
        for s in 0..<steps {
            let value = 1 - (Double(s) + 0.5) * 2 / Double(steps)
            doc.rect(
                x, top + barHeight * Double(s) / Double(steps), 18, barHeight / Double(steps) + 0.5,
                fill: ChartPalette.diverging(value))
        }
        for (value, text) in [(1.0, "+1 friendly"), (0.0, "0"), (-1.0, "−1 hostile")] {
            let y = top + barHeight * (1 - value) / 2
            doc.line(x + 18, y, x + 23, y, stroke: "#555")
            doc.text(text, x + 27, y + 4, size: 11)
        }
    }
}
