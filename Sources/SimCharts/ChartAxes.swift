// ChartAxes: the frame every plotted chart shares — gridlines, axes with ticks and labels, axis
// titles and the zero line where values cross zero — so that all the report's charts read alike.
import SimSupport

/// The axes of a plot area: an x scale along the bottom and, optionally, a y scale up the left.
package struct ChartAxes {
    package let x: ChartScale
    package let y: ChartScale?
    package var xTitle: String
    package var yTitle: String = ""
    /// A tick's label on the x axis; the scale's own label by default.
    package var xLabel: ((Double) -> String)?
    /// Without a y scale, the pixels the vertical gridlines span (rows of a RowChart).
    package var rowSpan: (top: Double, bottom: Double)?

    package static let gridColor = "#e3e3e3"
    package static let axisColor = "#555"
    package static let zeroColor = "#222"

    /// Draws gridlines, axes, ticks, labels and titles; the zero line last, over the grid.
    package func draw(into svg: inout SVGDocument) {
        let left = min(x.start, x.end), right = max(x.start, x.end)
        let bottom = y.map { max($0.start, $0.end) } ?? rowSpan?.bottom ?? svg.height - 48
        let top = y.map { min($0.start, $0.end) } ?? rowSpan?.top ?? bottom
        if let y {
            for tick in y.ticks {
                let py = y.position(tick)
                svg.line(left, py, right, py, stroke: ChartAxes.gridColor)
                svg.line(left - 4, py, left, py, stroke: ChartAxes.axisColor)
                svg.text(y.label(tick), left - 7, py + 4, anchor: "end", size: 11, fill: "#444")
            }
            svg.line(left, top, left, bottom, stroke: ChartAxes.axisColor)
            if !yTitle.isEmpty {
                svg.text(yTitle, 14, (top + bottom) / 2, anchor: "middle", size: 12, fill: "#333", rotation: -90)
            }
        }
        for tick in x.ticks {
            let px = x.position(tick)
            if top < bottom { svg.line(px, top, px, bottom, stroke: ChartAxes.gridColor) }
            svg.line(px, bottom, px, bottom + 4, stroke: ChartAxes.axisColor)
            svg.text(xLabel?(tick) ?? x.label(tick), px, bottom + 17, anchor: "middle", size: 11, fill: "#444")
        }
        svg.line(left, bottom, right, bottom, stroke: ChartAxes.axisColor)
        if !xTitle.isEmpty {
            svg.text(xTitle, (left + right) / 2, bottom + 35, anchor: "middle", size: 12, fill: "#333")
        }
        if let y, y.crossesZero {
            let py = y.position(0)
            svg.line(left, py, right, py, stroke: ChartAxes.zeroColor, width: 1.2)
        }
        if x.crossesZero, top < bottom {
            let px = x.position(0)
            svg.line(px, top, px, bottom, stroke: ChartAxes.zeroColor, width: 1.2)
        }
    }
}
