// Histogram: the distribution of a numeric outcome over a batch's runs as bars over bins, from the
// bin edges and counts the summary JSON keeps.
import SimSupport

/// Bars of run counts over contiguous bins.
package struct Histogram {
    /// Bin edges ascending; bin i is [edges[i], edges[i+1]) (the last one closed).
    package var edges: [Double]
    package var counts: [Int]
    package var width: Double = 540
    package var height: Double = 220
    package var xTitle: String
    package var label: String
    /// The point's mean, marked with a line when known.
    package var mean: Double?

    package init(
        edges: [Double],
        counts: [Int],
        width: Double = 540,
        height: Double = 220,
        xTitle: String,
        label: String,
        mean: Double? = nil
    ) {
        self.edges = edges
        self.counts = counts
        self.width = width
        self.height = height
        self.xTitle = xTitle
        self.label = label
        self.mean = mean
    }

    package var svg: String {
        var doc = SVGDocument(width: width, height: height, label: label)
        guard edges.count == counts.count + 1, let first = edges.first, let last = edges.last else {
            doc.text("no values", width / 2, height / 2, anchor: "middle", fill: "#666")
            return doc.markup
        }
        let x = ChartScale(covering: first, last, pixels: 66, width - 16, tickCount: 7)
        let y = ChartScale(covering: 0, Double(counts.max() ?? 1), pixels: height - 48, 14, tickCount: 4)
        ChartAxes(x: x, y: y, xTitle: xTitle, yTitle: "runs").draw(into: &doc)
        for (i, count) in counts.enumerated() where count > 0 {
            let left = x.position(edges[i]), right = x.position(edges[i + 1])
            let top = y.position(Double(count))
            doc.rect(
                left + 0.5, top, right - left - 1, y.position(0) - top, fill: ChartPalette.series(0),
                tooltip:
                    "[\(ReadableNumber.text(edges[i])), \(ReadableNumber.text(edges[i + 1]))"
                    + "\(i == counts.count - 1 ? "]" : ")"): \(count) runs"
            )
        }
        if let mean, mean.isFinite {
            let px = x.position(mean)
            doc.line(px, 14, px, y.position(0), stroke: ChartPalette.series(1), width: 1.5, dash: "5 3")
            doc.text("mean \(ReadableNumber.text(mean))", px + 4, 24, size: 11, fill: ChartPalette.series(1))
        }
        return doc.markup
    }
}
