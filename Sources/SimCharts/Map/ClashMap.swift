// ClashMap: the batch page's map of where runs clashed — over the same base as the run map
// (`MapChart`), a red circle at each region where any run clashed, its area proportional to the
// mean clashes per run there and its shade to the share of runs with at least one clash there.
import SimSupport

/// Where a batch's runs clashed, region by region.
package struct ClashMap {
    /// One region's tally: the share of runs with at least one clash there, and the mean clashes
    /// per run (over every run, those without a clash there counting 0).
    package struct Tally {
        package var place: Int
        package var share: Double
        package var mean: Double

        package init(place: Int, share: Double, mean: Double) {
            self.place = place
            self.share = share
            self.mean = mean
        }
    }

    package var map: MapChart
    package var tallies: [Tally]
    /// Runs the tallies are over.
    package var runs: Int
    package var label: String

    private static let largestRadius = 26.0
    private static let legendHeight = 50.0

    package init(map: MapChart, tallies: [Tally], runs: Int, label: String) {
        self.map = map
        self.tallies = tallies
        self.runs = runs
        self.label = label
    }

    package var svg: String {
        let layout = map.layout()
        let p = layout.projection
        var doc = SVGDocument(width: map.width, height: p.top + p.height + ClashMap.legendHeight, label: label)
        doc.cssClass = "map"
        map.drawBackground(into: &doc, layout: layout)
        let largest = tallies.map(\.mean).max() ?? 0
        let k = largest > 0 ? ClashMap.largestRadius / largest.squareRoot() : 0
        var clearance = [Double](repeating: 4, count: map.places.count)
        doc.begin("g", [("class", "clashes")])
        // Largest first, so a small circle next to a large one stays visible on top.
        for tally in tallies.sorted(by: { ($0.mean, $1.place) > ($1.mean, $0.place) }) {
            let at = layout.positions[tally.place]
            let r = max(k * tally.mean.squareRoot(), 3)
            clearance[tally.place] = r
            doc.element(
                "circle",
                [
                    ("cx", SVGDocument.number(at.x)), ("cy", SVGDocument.number(at.y)), ("r", SVGDocument.number(r)),
                    ("fill", ChartPalette.diverging(-max(0.15, tally.share))), ("fill-opacity", "0.8"),
                    ("stroke", ChartPalette.hostile), ("stroke-width", "1.5"),
                ],
                tooltip:
                    "\(map.places[tally.place].name): a clash in \(ClashMap.percent(tally.share)) of \(runs) runs, "
                    + "\(ReadableNumber.text(tally.mean)) clashes per run")
        }
        doc.end("g")
        map.drawPlaces(into: &doc, layout: layout, clearance: clearance)
        drawLegend(into: &doc, top: p.top + p.height + 12, k: k, largest: largest)
        return doc.markup
    }

    private static func percent(_ share: Double) -> String { ReadableNumber.text((share * 1000).rounded() / 10) + "%" }

    private func drawLegend(into doc: inout SVGDocument, top: Double, k: Double, largest: Double) {
        var x = 14.0
        let y = top + 16
        if largest > 0 {
            let steps = RoundSteps(covering: 0, largest * 0.44, count: 2, includeZero: true)
            let reference = steps.values.last { $0 > 0 && $0 <= largest * 0.44 } ?? largest
            let r = k * reference.squareRoot()
            doc.circle(x + r, y, radius: r, fill: "none", stroke: "#555555")
            doc.text(
                "\(ReadableNumber.text(reference)) clashes per run (area ∝ mean clashes per run)", x + 2 * r + 6, y + 4,
                size: 12)
            x += 2 * r + 330
        }
        for share in [0.25, 0.5, 1.0] {
            doc.circle(x + 7, y, radius: 7, fill: ChartPalette.diverging(-share), stroke: ChartPalette.hostile)
            doc.text(ClashMap.percent(share), x + 18, y + 4, size: 12)
            x += 58
        }
        doc.text("of runs with a clash there (shade)", x, y + 4, size: 12)
    }
}
