// NetworkChart: the alignment network — agents on a circle, grouped and coloured by predicted bloc,
// joined by friendly (solid blue) and hostile (dashed red) edges as wide as the pair's mutual
// alignment is strong — with its legend.
import Foundation
import SimCore
import SimSupport

/// Agents as nodes on a circle, edges for the pairs whose mutual alignment is strong enough to show.
package struct NetworkChart {
    /// Node labels (agents' short labels); `names` the full names, for tooltips.
    package var labels: [String]
    package var names: [String]
    /// Row-major alignments, `labels.count` squared; an edge weighs the mean of both directions.
    package var alignment: [Double]
    /// The predicted blocs (agent indices); agents in none are grey.
    package var blocs: [[Int]]
    package var label: String
    package var width: Double = 1100
    package var height: Double = 640

    package init(
        labels: [String],
        names: [String]? = nil,
        alignment: [Double],
        blocs: [[Int]],
        label: String,
        width: Double = 1100,
        height: Double = 640
    ) {
        self.labels = labels
        self.names = names ?? labels
        self.alignment = alignment
        self.blocs = blocs
        self.label = label
        self.width = width
        self.height = height
    }

    /// Pairs weaker than this are left out: a circle of faint lines hides the structure.
    package static let threshold = 0.3
    private static let labelCap = 24

    package var svg: String {
        let n = labels.count
        var doc = SVGDocument(width: width, height: height, label: label)
        // Bloc members next to each other, so each bloc is an arc of the circle.
        let order = blocs.flatMap { $0 } + (0..<n).filter { a in !blocs.contains { $0.contains(a) } }
        let center = (x: width / 2 + 60, y: height / 2 + 10)
        let radius = min(width, height) / 2 - 90
        var position = [(x: Double, y: Double)](repeating: (0, 0), count: n)
        for (k, a) in order.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(max(n, 1))
            position[a] = (center.x + radius * PortableMath.cos(angle), center.y + radius * PortableMath.sin(angle))
        }
        var edges: [(i: Int, j: Int, weight: Double)] = []
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let weight = (alignment[i * n + j] + alignment[j * n + i]) / 2
                if abs(weight) >= NetworkChart.threshold { edges.append((i, j, weight)) }
            }
        }
        // Weak edges first, so strong ones are drawn on top.
        edges.sort { (abs($0.weight), $0.i, $0.j) < (abs($1.weight), $1.i, $1.j) }
        for edge in edges {
            let (a, b) = (position[edge.i], position[edge.j])
            var attributes = [
                ("x1", SVGDocument.number(a.x)), ("y1", SVGDocument.number(a.y)),
                ("x2", SVGDocument.number(b.x)), ("y2", SVGDocument.number(b.y)),
                ("stroke", edge.weight > 0 ? ChartPalette.friendly : ChartPalette.hostile),
                ("stroke-width", SVGDocument.number(0.6 + 3.4 * abs(edge.weight))),
                ("stroke-opacity", "0.75"), ("class", edge.weight > 0 ? "friendly" : "hostile"),
            ]
            if edge.weight < 0 { attributes.append(("stroke-dasharray", "7 4")) }
            doc.element(
                "line", attributes,
                tooltip: "\(names[edge.i]) ↔ \(names[edge.j]): \(ReadableNumber.signed(edge.weight))")
        }
        for a in 0..<n {
            let bloc = blocs.firstIndex { $0.contains(a) }
            let p = position[a]
            doc.circle(
                p.x, p.y, radius: 9, fill: bloc.map(ChartPalette.bloc) ?? "#bbbbbb", stroke: "#ffffff",
                tooltip: names[a] + (bloc.map { " (bloc \($0 + 1))" } ?? ""))
            let dx = p.x - center.x, dy = p.y - center.y
            let distance = max((dx * dx + dy * dy).squareRoot(), 1)
            let anchor = abs(dx) < radius * 0.2 ? "middle" : dx > 0 ? "start" : "end"
            let text = labels[a].truncated(to: NetworkChart.labelCap)
            doc.text(text, p.x + dx / distance * 16, p.y + dy / distance * 16 + 4, anchor: anchor, size: 12)
        }
        drawLegend(into: &doc)
        return doc.markup
    }

    private func drawLegend(into doc: inout SVGDocument) {
        var y = 22.0
        doc.line(16, y, 52, y, stroke: ChartPalette.friendly, width: 3)
        doc.text("friendly (mean alignment > +\(NetworkChart.threshold))", 60, y + 4, size: 12)
        y += 22
        doc.line(16, y, 52, y, stroke: ChartPalette.hostile, width: 3, dash: "7 4")
        doc.text("hostile (mean alignment < −\(NetworkChart.threshold))", 60, y + 4, size: 12)
        y += 22
        doc.text("width: strength of the pair's mean alignment", 16, y + 4, size: 12, fill: "#555")
        for b in blocs.indices {
            y += 22
            doc.circle(28, y, radius: 7, fill: ChartPalette.bloc(b))
            doc.text("bloc \(b + 1) (\(blocs[b].count) agents)", 42, y + 4, size: 12)
        }
    }
}
