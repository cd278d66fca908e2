// LineChart: series of (x, y) points as lines over shared axes, with an optional 95% band or error
// bars around each point and a legend — the metrics of a run over time and a batch's outcomes
// against a swept param.
import SimSupport

/// A chart of one or more series against a numeric x axis.
package struct LineChart {
    /// One line: its points in x order, and an interval around each point when known.
    package struct Series {
        package var name: String
        package var points: [(x: Double, y: Double)]
        /// (low, high) per point, drawn as error bars; nil where unknown.
        package var intervals: [(Double, Double)?] = []
        /// Join the points with a line (a design's points along a sweep) or only mark them.
        package var joined = true

        package init(
            name: String,
            points: [(x: Double, y: Double)],
            intervals: [(Double, Double)?] = [],
            joined: Bool = true
        ) {
            self.name = name
            self.points = points
            self.intervals = intervals
            self.joined = joined
        }
    }

    package var series: [Series]
    package var width: Double = 540
    package var height: Double = 260
    package var xTitle: String
    package var yTitle: String
    /// A tick's label on the x axis, e.g. a date; the number by default.
    package var xLabel: ((Double) -> String)?
    /// A fixed y domain with its tick step and decimals (a probability's 0…1), else fitted to the data.
    package var fixedY: (low: Double, high: Double, step: Double, decimals: Int)?
    /// Draw a dot at every point (few points), not just the line.
    package var markers = false
    package var label: String

    package init(
        series: [Series],
        width: Double = 540,
        height: Double = 260,
        xTitle: String,
        yTitle: String,
        xLabel: ((Double) -> String)? = nil,
        fixedY: (low: Double, high: Double, step: Double, decimals: Int)? = nil,
        markers: Bool = false,
        label: String
    ) {
        self.series = series
        self.width = width
        self.height = height
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xLabel = xLabel
        self.fixedY = fixedY
        self.markers = markers
        self.label = label
    }

    /// Series at most listed in the legend; more are drawn but not named one by one.
    private static let legendCap = 10

    package var svg: String {
        let legendNames = series.count > 1 ? series.prefix(LineChart.legendCap).map(\.name) : []
        let legendRows = LineChart.legendRows(legendNames, width: width - 80)
        let top = 14 + Double(legendRows.count) * 18
        var doc = SVGDocument(width: width, height: height, label: label)
        let finite = series.flatMap { s in
            s.points.map(\.y) + s.intervals.compactMap { $0 }.flatMap { [$0.0, $0.1] }
        }.filter(\.isFinite)
        let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let y: ChartScale
        if let fixedY {
            y = ChartScale(
                fixed: fixedY.low, fixedY.high, pixels: height - 48, top, step: fixedY.step,
                decimals: fixedY.decimals)
        } else {
            y = ChartScale(covering: finite.min() ?? 0, finite.max() ?? 1, pixels: height - 48, top, tickCount: 5)
        }
        let x = ChartScale(covering: xs.min() ?? 0, xs.max() ?? 1, pixels: 66, width - 16, tickCount: 8)
        ChartAxes(x: x, y: y, xTitle: xTitle, yTitle: yTitle, xLabel: xLabel).draw(into: &doc)

        for (n, s) in series.enumerated() {
            let color = ChartPalette.series(n)
            for (point, interval) in zip(s.points, s.intervals) {
                guard let (lo, hi) = interval, lo.isFinite, hi.isFinite else { continue }
                let px = x.position(point.x)
                doc.line(px, y.clampedPosition(lo), px, y.clampedPosition(hi), stroke: color, width: 1.5)
                for value in [lo, hi] {
                    doc.line(
                        px - 4, y.clampedPosition(value), px + 4, y.clampedPosition(value), stroke: color, width: 1.5)
                }
            }
            let finitePoints = s.points.filter { $0.y.isFinite }
            if s.joined, finitePoints.count > 1 {
                let coordinates = finitePoints.map {
                    SVGDocument.number(x.position($0.x)) + "," + SVGDocument.number(y.position($0.y))
                }.joined(separator: " ")
                doc.element(
                    "polyline",
                    [
                        ("points", coordinates), ("fill", "none"), ("stroke", color), ("stroke-width", "2"),
                        ("stroke-linejoin", "round"), ("data-series", s.name),
                        ("data-values", s.points.map { $0.y.description }.joined(separator: " ")),
                    ], tooltip: s.name)
            }
            if markers || !s.joined || finitePoints.count == 1 {
                for point in finitePoints {
                    doc.circle(
                        x.position(point.x), y.position(point.y), radius: 3.5, fill: color,
                        tooltip: "\(s.name): \(ReadableNumber.text(point.y))")
                }
            }
        }
        for (r, row) in legendRows.enumerated() {
            for (name, offset, n) in row {
                let ly = 12 + Double(r) * 18
                doc.rect(66 + offset, ly - 9, 14, 4, fill: ChartPalette.series(n))
                doc.text(name, 66 + offset + 19, ly - 3, size: 12)
            }
        }
        if series.count > LineChart.legendCap {
            doc.text(
                "… and \(series.count - LineChart.legendCap) more series", width - 16, height - 4,
                anchor: "end", size: 11, fill: "#666")
        }
        return doc.markup
    }

    /// Legend entries laid out in rows that fit `width`: (name, x offset, series index) per entry,
    /// the width of a character guessed at 7 px (12 px sans-serif).
    private static func legendRows(_ names: [String], width: Double) -> [[(String, Double, Int)]] {
        var rows: [[(String, Double, Int)]] = []
        var row: [(String, Double, Int)] = []
        var offset = 0.0
        for (n, name) in names.enumerated() {
            let shown = name.truncated(to: 40)
            let entry = 26 + Double(shown.count) * 7
            if offset + entry > width, !row.isEmpty {
                rows.append(row)
                row = []
                offset = 0
            }
            row.append((shown, offset, n))
            offset += entry
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
