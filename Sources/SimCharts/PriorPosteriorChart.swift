// PriorPosteriorChart: a param's prior and posterior over the same bins, each as shares of its own
// runs, so a posterior of a few hundred accepted runs reads against a prior of thousands.
import SimSupport

/// Two distributions over shared bins: the prior as grey bars, the posterior as coloured bars in front.
package struct PriorPosteriorChart {
    /// Bin edges ascending; bin i is [edges[i], edges[i+1]) (the last one closed).
    package var edges: [Double]
    package var prior: [Int]
    package var posterior: [Int]
    package var xTitle: String
    package var label: String
    package var width: Double = 540
    package var height: Double = 220

    package init(edges: [Double], prior: [Int], posterior: [Int], xTitle: String, label: String) {
        self.edges = edges
        self.prior = prior
        self.posterior = posterior
        self.xTitle = xTitle
        self.label = label
    }

    /// Each count as a share of its series' total (all 0 when the series is empty). Counts come from
    /// a file: summed as doubles (Int.max twice would trap as integers), a negative one counted as 0.
    static func shares(_ counts: [Int]) -> [Double] {
        let total = total(counts)
        return counts.map { total > 0 ? Double(max($0, 0)) / total : 0 }
    }

    /// The runs a series counts, as a double.
    static func total(_ counts: [Int]) -> Double {
        counts.reduce(0.0) { $0 + Double(max($1, 0)) }
    }

    package var svg: String {
        var doc = SVGDocument(width: width, height: height, label: label)
        guard edges.count >= 2, prior.count == edges.count - 1, posterior.count == prior.count,
            let first = edges.first, let last = edges.last
        else {
            doc.text("no values", width / 2, height / 2, anchor: "middle", fill: "#666")
            return doc.markup
        }
        let priorShares = PriorPosteriorChart.shares(prior)
        let posteriorShares = PriorPosteriorChart.shares(posterior)
        let top = max(priorShares.max() ?? 0, posteriorShares.max() ?? 0, 0.01)
        let x = ChartScale(covering: first, last, pixels: 66, width - 16, tickCount: 7)
        // The legend sits above the plot, clear of the bars.
        let y = ChartScale(covering: 0, top, pixels: height - 48, 40, tickCount: 4)
        ChartAxes(x: x, y: y, xTitle: xTitle, yTitle: "share of runs").draw(into: &doc)
        let series = [
            (priorShares, prior, "#bbbbbb", "prior", 0.0),
            (posteriorShares, posterior, ChartPalette.series(0), "posterior", 0.25),
        ]
        for (shares, counts, colour, name, inset) in series {
            for i in shares.indices where counts[i] > 0 {
                let left = x.position(edges[i]), right = x.position(edges[i + 1])
                let margin = 0.5 + (right - left) * inset
                let barTop = y.position(shares[i])
                doc.rect(
                    left + margin, barTop, right - left - 2 * margin, y.position(0) - barTop, fill: colour,
                    tooltip:
                        "\(name) [\(ReadableNumber.text(edges[i])), \(ReadableNumber.text(edges[i + 1]))"
                        + "\(i == shares.count - 1 ? "]" : ")"): \(counts[i]) runs, "
                        + "\(ReadableNumber.text(shares[i] * 100))%")
            }
        }
        doc.rect(width - 170, 6, 10, 10, fill: "#bbbbbb")
        doc.text("prior (\(ReadableNumber.text(PriorPosteriorChart.total(prior))))", width - 156, 15, size: 11)
        doc.rect(width - 170, 20, 10, 10, fill: ChartPalette.series(0))
        doc.text(
            "posterior (\(ReadableNumber.text(PriorPosteriorChart.total(posterior))))", width - 156, 29, size: 11)
        return doc.markup
    }
}
