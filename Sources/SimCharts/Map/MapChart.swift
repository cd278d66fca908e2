// MapChart: the base of the report maps — the area around a scenario's regions with its country
// outlines, the links between regions as lines, and each region as a marker with its name. Places
// that would sit on top of each other are spread apart (a leader line back to where they are), and
// names are placed where they overlap no other name or marker. The run page's timeline
// (`MapTimeline`) and the batch page's clash map (`ClashMap`) draw their symbols between the two.
import SimCore
import SimSupport

/// The drawn base of a map: places, links and the land around them.
package struct MapChart {
    /// A region: the name drawn on the map (`label`), the full name for its tooltip, and where it is.
    package struct Place {
        package var label: String
        package var name: String
        package var latitude: Double
        package var longitude: Double

        package init(label: String, name: String, latitude: Double, longitude: Double) {
            self.label = label
            self.name = name
            self.latitude = latitude
            self.longitude = longitude
        }

        /// A place labelled with its name up to the first parenthesis, cut to 32 characters:
        /// `Ouargla (HQ of the 4th Military Region)` is Ouargla on the map and in full in its tooltip.
        package init(name: String, latitude: Double, longitude: Double) {
            var head = name.prefix { $0 != "(" }
            while head.last == " " { head.removeLast() }
            self.init(
                label: (head.isEmpty ? name : String(head)).truncated(to: 32), name: name, latitude: latitude,
                longitude: longitude)
        }
    }

    /// Where everything goes: the projection, each place's true pixel and the pixel it is drawn at.
    package struct Layout {
        package let projection: MapProjection
        package let truePositions: [(x: Double, y: Double)]
        package let positions: [(x: Double, y: Double)]
        /// Places outside the area shown, drawn on its edge in their direction.
        package let outside: [Bool]
    }

    package var places: [Place]
    /// Pairs of place indices joined by a line.
    package var links: [(Int, Int)]
    /// The places the area is drawn around (nil: all): those where something happens, so that a
    /// capital far away, where only diplomacy happens, does not shrink the theatre to a corner. The
    /// others inside the area are drawn where they are; those outside on its edge, in their direction.
    package var focus: [Bool]?
    package var width: Double = 1100
    /// Pixels above the map, for a title line.
    package var top: Double = 10
    /// Pixels of the map itself; the SVG adds the legend's rows below.
    package var minHeight: Double = 420
    package var maxHeight: Double = 700

    /// Markers closer than this many pixels are pushed apart.
    private static let separation = 16.0
    private static let fontSize = 12.0
    private static let land = "#efebe3"
    private static let sea = "#e3eef6"

    package init(places: [Place], links: [(Int, Int)]) {
        self.places = places
        self.links = links
    }

    /// The projection of the places' area into the map's box, and their pixels, spread apart where
    /// they would overlap (a world whose regions share one point gets them on a small circle).
    package func layout() -> Layout {
        let focused = places.indices.filter { focus?[$0] ?? true }
        let projection = MapProjection(
            around: (focused.isEmpty ? Array(places.indices) : focused).map {
                (places[$0].latitude, places[$0].longitude)
            }, left: 10, top: top, maxWidth: width - 20, minHeight: minHeight, maxHeight: maxHeight)
        var outside = [Bool](repeating: false, count: places.count)
        let truePositions = places.indices.map { i -> (x: Double, y: Double) in
            let p = projection.project(latitude: places[i].latitude, longitude: places[i].longitude)
            let pinned = MapChart.pinned(p, inside: projection)
            outside[i] = pinned.x != p.x || pinned.y != p.y
            return pinned
        }
        var positions = truePositions
        let n = positions.count
        let minimum = MapChart.separation
        for _ in 0..<60 {
            var moved = false
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) {
                    var dx = positions[j].x - positions[i].x, dy = positions[j].y - positions[i].y
                    var d = (dx * dx + dy * dy).squareRoot()
                    guard d < minimum - 0.01 else { continue }
                    if d < 1e-6 {
                        // Same point: each gets its own direction (golden angle), the same on every machine.
                        let angle = Double(j) * 2.399963229728653
                        dx = PortableMath.cos(angle)
                        dy = PortableMath.sin(angle)
                        d = 1e-6
                    } else {
                        dx /= d
                        dy /= d
                    }
                    let push = (minimum - d) / 2
                    positions[i] = (positions[i].x - dx * push, positions[i].y - dy * push)
                    positions[j] = (positions[j].x + dx * push, positions[j].y + dy * push)
                    moved = true
                }
            }
            if !moved { break }
        }
        return Layout(projection: projection, truePositions: truePositions, positions: positions, outside: outside)
    }

    /// The point where the line from the area's centre to `p` meets the area's edge, 12 pixels in,
    /// when `p` lies outside; else `p`.
    private static func pinned(_ p: (x: Double, y: Double), inside box: MapProjection) -> (x: Double, y: Double) {
        let inset = 12.0
        let (x0, y0) = (box.left + inset, box.top + inset)
        let (x1, y1) = (box.left + box.width - inset, box.top + box.height - inset)
        guard p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1 else { return p }
        let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2)
        let (dx, dy) = (p.x - cx, p.y - cy)
        // The largest t in [0, 1] that keeps centre + t·(dx, dy) inside.
        var t = 1.0
        if dx != 0 { t = min(t, ((dx > 0 ? x1 : x0) - cx) / dx) }
        if dy != 0 { t = min(t, ((dy > 0 ? y1 : y0) - cy) / dy) }
        return (cx + t * dx, cy + t * dy)
    }

    /// An arrow pointing from the area's centre toward `p`, one of eight, for a place on the edge.
    private static func arrow(toward p: (x: Double, y: Double), in box: MapProjection) -> String {
        let dx = p.x - (box.left + box.width / 2), dy = p.y - (box.top + box.height / 2)
        let arrows = ["→", "↘", "↓", "↙", "←", "↖", "↑", "↗"]
        // Octants by slope: tan 22.5° ≈ 0.4142, tan 67.5° ≈ 2.4142.
        let slope = abs(dy) / max(abs(dx), 1e-9)
        let horizontal = slope < 0.4142, vertical = slope > 2.4142
        switch (dx >= 0, dy >= 0) {
        case (true, true): return horizontal ? arrows[0] : vertical ? arrows[2] : arrows[1]
        case (false, true): return horizontal ? arrows[4] : vertical ? arrows[2] : arrows[3]
        case (false, false): return horizontal ? arrows[4] : vertical ? arrows[6] : arrows[5]
        case (true, false): return horizontal ? arrows[0] : vertical ? arrows[6] : arrows[7]
        }
    }

    /// The sea, the land of the area (clipped outlines) and the links, with the frame.
    package func drawBackground(into doc: inout SVGDocument, layout: Layout) {
        let p = layout.projection
        doc.rect(p.left, p.top, p.width, p.height, fill: MapChart.sea)
        doc.begin(
            "g", [("class", "countries"), ("fill", MapChart.land), ("stroke", "#b9b2a4"), ("stroke-width", "0.8")])
        for country in CountryOutline.world {
            let rings = country.clipped(west: p.west, east: p.east, south: p.south, north: p.north)
            guard !rings.isEmpty else { continue }
            var d = ""
            for ring in rings {
                for (k, point) in ring.enumerated() {
                    let xy = p.project(latitude: point.lat, longitude: point.lon)
                    d += (k == 0 ? "M" : "L") + SVGDocument.number(xy.x) + " " + SVGDocument.number(xy.y)
                }
                d += "Z"
            }
            doc.element("path", [("d", d)], tooltip: country.name)
        }
        doc.end("g")
        doc.rect(p.left, p.top, p.width, p.height, fill: "none", stroke: "#888888")
        doc.begin(
            "g", [("class", "links"), ("stroke", "#8c8c8c"), ("stroke-width", "1.2"), ("stroke-dasharray", "4 3")])
        for (a, b) in links where places.indices.contains(a) && places.indices.contains(b) {
            let (u, v) = (layout.positions[a], layout.positions[b])
            doc.line(u.x, u.y, v.x, v.y, stroke: "#8c8c8c", width: 1.2)
        }
        doc.end("g")
        drawScaleBar(into: &doc, projection: p)
    }

    /// A scale bar of a round number of kilometres in the bottom-left corner.
    private func drawScaleBar(into doc: inout SVGDocument, projection p: MapProjection) {
        let target = 120 * p.kmPerPixel
        let steps = RoundSteps(covering: 0, target, count: 2, includeZero: true)
        let km = steps.values.last { $0 > 0 && $0 <= target } ?? target
        let pixels = km / p.kmPerPixel
        let x = p.left + 12, y = p.top + p.height - 14
        doc.rect(x - 4, y - 16, pixels + 8, 22, fill: "#ffffff")
        doc.line(x, y, x + pixels, y, stroke: "#333", width: 2)
        doc.text("\(ReadableNumber.text(km)) km", x, y - 4, size: 11)
    }

    /// The places on top of everything: a leader line from a spread marker back to its true point,
    /// the marker, and the name where it overlaps no other name or marker. `clearance[i]` is the
    /// room the symbols around place i take (the name goes outside it).
    package func drawPlaces(into doc: inout SVGDocument, layout: Layout, clearance: [Double]) {
        doc.begin("g", [("class", "places")])
        for i in places.indices {
            let (t, p) = (layout.truePositions[i], layout.positions[i])
            if abs(t.x - p.x) + abs(t.y - p.y) > 2 {
                doc.line(t.x, t.y, p.x, p.y, stroke: "#555555", width: 0.8)
                doc.circle(t.x, t.y, radius: 1.5, fill: "#555555")
            }
            if layout.outside[i] {
                doc.circle(
                    p.x, p.y, radius: 3.5, fill: "#ffffff", stroke: "#222222",
                    tooltip: places[i].name + " (outside the area shown, in this direction)")
            } else {
                doc.circle(p.x, p.y, radius: 3.5, fill: "#222222", stroke: "#ffffff", tooltip: places[i].name)
            }
        }
        // Each place's marker and the square around its symbols: no name goes over another's circles.
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = layout.positions.indices.map { i in
            let p = layout.positions[i], r = max(4, clearance.indices.contains(i) ? clearance[i] : 0)
            return (p.x - r, p.y - r, p.x + r, p.y + r)
        }
        let bounds = layout.projection
        for i in places.indices {
            let text =
                layout.outside[i]
                ? places[i].label + " " + MapChart.arrow(toward: layout.truePositions[i], in: bounds)
                : places[i].label
            // The box a name takes, with room for its white background and a pixel between names.
            let w = Double(text.count) * MapChart.fontSize * 0.54 + 8, h = MapChart.fontSize + 4
            let p = layout.positions[i]
            let gap = (clearance.indices.contains(i) ? clearance[i] : 0) + 5
            var best: (box: (x0: Double, y0: Double, x1: Double, y1: Double), overlaps: Int)?
            // Right, left, above, below, then the diagonals; at the gap, then further out.
            let directions: [(Double, Double)] = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1)]
            search: for distance in [gap, gap + 14, gap + 30] {
                for (dx, dy) in directions {
                    let cx = p.x + dx * (distance + w / 2), cy = p.y + dy * (distance + h / 2)
                    let box = (x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2)
                    guard box.x0 >= bounds.left + 5, box.x1 <= bounds.left + bounds.width - 5,
                        box.y0 >= bounds.top + 5, box.y1 <= bounds.top + bounds.height - 5
                    else { continue }
                    let overlaps = taken.filter { box.x0 < $0.x1 && $0.x0 < box.x1 && box.y0 < $0.y1 && $0.y0 < box.y1 }
                        .count
                    if best == nil || overlaps < best!.overlaps { best = (box, overlaps) }
                    if overlaps == 0 { break search }
                }
            }
            guard let box = best?.box else { continue }
            taken.append(box)
            let cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2
            let far = abs(cx - p.x) > w / 2 + gap + 6 || abs(cy - p.y) > h / 2 + gap + 6
            if far {
                // Away from its marker: a leader line says whose name it is.
                doc.line(p.x, p.y, cx, cy, stroke: "#777777", width: 0.6)
            }
            doc.element(
                "rect",
                [
                    ("x", SVGDocument.number(box.x0 + 2)), ("y", SVGDocument.number(box.y0 + 1)),
                    ("width", SVGDocument.number(w - 4)), ("height", SVGDocument.number(h - 2)),
                    ("fill", "#ffffff"), ("fill-opacity", "0.8"), ("rx", "2"),
                ], tooltip: places[i].name)
            doc.text(text, cx, box.y1 - 4, anchor: "middle", size: MapChart.fontSize)
        }
        doc.end("g")
    }
}
