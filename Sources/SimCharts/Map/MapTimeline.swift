// MapTimeline: the run page's map — forces as circles whose area is their strength in their
// agent's colour, movements as arrows, clashes as crosses, over the base map — drawn for the last
// day, with the data of every day embedded for a slider that steps through the run. Without
// JavaScript the page shows the last day; the script (`MapTimelineScript`) redraws the same
// symbols for the day the slider shows.
import SimSupport

/// One run on a map, day by day.
package struct MapTimeline {
    /// An agent: its short label for the legend and its full name for tooltips.
    package struct Agent {
        package var short: String
        package var name: String

        package init(short: String, name: String) {
            self.short = short
            self.name = name
        }
    }

    /// Agent `agent`'s strength at place `place` from day `day` on.
    package struct Force {
        package var day: Int
        package var agent: Int
        package var place: Int
        package var strength: Double

        package init(day: Int, agent: Int, place: Int, strength: Double) {
            self.day = day
            self.agent = agent
            self.place = place
            self.strength = strength
        }
    }

    /// Strength on the road from `from` to `to`, from day `start` to its arrival on day `end` (nil:
    /// still on the road at the end); drawn on both days and those between.
    package struct Move {
        package var agent: Int
        package var from: Int
        package var to: Int
        package var start: Int
        package var end: Int?
        package var strength: Double

        package init(agent: Int, from: Int, to: Int, start: Int, end: Int?, strength: Double) {
            self.agent = agent
            self.from = from
            self.to = to
            self.start = start
            self.end = end
            self.strength = strength
        }
    }

    package var map: MapChart
    package var agents: [Agent]
    /// The last day; the slider runs over 0 ... days.
    package var days: Int
    /// The label of each day, `dayLabels[d]` (a date); shown beside the slider and on the map.
    package var dayLabels: [String]
    /// In day order.
    package var forces: [Force]
    package var moves: [Move]
    /// Each clash's day and place, in day order.
    package var clashes: [(day: Int, place: Int)]
    package var label: String

    /// Dark ends of ColorBrewer's diverging schemes (BrBG, PRGn, PiYG, PuOr): unlike the palette's
    /// eight and unlike each other.
    private static let further = ["#8c510a", "#762a83", "#01665e", "#c51b7d", "#542788"]
    /// Clashes of the last this many days are drawn solid, older ones faint.
    package static let recentDays = 7
    /// The largest circle's radius, for the largest force of the run.
    private static let largestRadius = 24.0
    private static let legendHeight = 76.0

    package init(
        map: MapChart, agents: [Agent], days: Int, dayLabels: [String], forces: [Force], moves: [Move],
        clashes: [(day: Int, place: Int)], label: String
    ) {
        self.map = map
        // Room above the map for the day it shows.
        self.map.top = 30
        self.agents = agents
        self.days = days
        self.dayLabels = dayLabels
        self.forces = forces
        self.moves = moves
        self.clashes = clashes
        self.label = label
    }

    /// Each agent's colour: the palette in order over the agents that ever stand on the map, then
    /// `further` colours, so that a world of up to a dozen armed agents repeats none.
    private func palette() -> [String] {
        var onMap = [Bool](repeating: false, count: agents.count)
        for force in forces where force.strength > 0 { onMap[force.agent] = true }
        var rank = 0
        return agents.indices.map { a in
            guard onMap[a] else { return ChartPalette.series(a) }
            defer { rank += 1 }
            let count = ChartPalette.categorical.count
            return rank < count
                ? ChartPalette.series(rank) : MapTimeline.further[(rank - count) % MapTimeline.further.count]
        }
    }

    /// Pixels of radius per square root of strength, so that a circle's area is its strength.
    private var radiusScale: Double {
        let largest = forces.map(\.strength).max() ?? 0
        return largest > 0 ? MapTimeline.largestRadius / largest.squareRoot() : 0
    }

    /// The map, the slider (hidden until the script shows it), the data and the script: one block
    /// of markup for `HTMLPage.block`, well-formed as XML.
    package var html: String {
        let layout = map.layout()
        return """
            <div class="map-controls" id="map-controls" hidden="hidden">
            <button type="button" id="map-play">play</button>
            <input type="range" id="map-day" min="0" max="\(days)" value="\(days)" step="1" aria-label="day"/>
            <output id="map-date">\(SVGDocument.escaped(dayText(days)))</output>
            </div>
            \(svg(layout))
            <script type="application/json" id="map-data">\(data(layout))</script>
            <script>//<![CDATA[
            \(MapTimelineScript.source)
            //]]></script>
            """
    }

    private func dayText(_ day: Int) -> String {
        "day \(day)" + (dayLabels.indices.contains(day) ? " · " + dayLabels[day] : "")
    }

    /// The map on the last day.
    private func svg(_ layout: MapChart.Layout) -> String {
        let p = layout.projection
        var doc = SVGDocument(width: map.width, height: p.top + p.height + MapTimeline.legendHeight, label: label)
        doc.cssClass = "map"
        map.drawBackground(into: &doc, layout: layout)
        let k = radiusScale, colours = palette()
        var forcesNow = [Double](repeating: 0, count: agents.count * map.places.count)
        var clearance = [Double](repeating: 4, count: map.places.count)
        for force in forces {
            forcesNow[force.agent * map.places.count + force.place] = force.strength
            clearance[force.place] = max(clearance[force.place], k * force.strength.squareRoot())
        }
        doc.begin("g", [("class", "moves")])
        // A move shows from the day it set out through the day it arrived (a short one on one day).
        for move in moves where move.start <= days && (move.end ?? days) >= days {
            drawMove(move, colour: colours[move.agent], into: &doc, layout: layout)
        }
        doc.end("g")
        doc.begin("g", [("class", "forces")])
        for r in map.places.indices {
            let here = agents.indices.map { ($0, forcesNow[$0 * map.places.count + r]) }.filter { $0.1 > 0 }
            for (a, strength) in here.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }) {
                let colour = colours[a]
                let at = layout.positions[r]
                doc.element(
                    "circle",
                    [
                        ("cx", SVGDocument.number(at.x)), ("cy", SVGDocument.number(at.y)),
                        ("r", SVGDocument.number(max(k * strength.squareRoot(), 2.5))), ("fill", colour),
                        ("fill-opacity", "0.3"), ("stroke", colour), ("stroke-width", "1.8"),
                    ],
                    tooltip: "\(agents[a].name) at \(map.places[r].name): \(ReadableNumber.text(strength))")
            }
        }
        doc.end("g")
        doc.begin("g", [("class", "clashes")])
        var counts = [Int](repeating: 0, count: map.places.count), lastDay = [Int](repeating: -1, count: counts.count)
        for clash in clashes where clash.day <= days {
            counts[clash.place] += 1
            lastDay[clash.place] = clash.day
        }
        for r in map.places.indices where counts[r] > 0 {
            let at = layout.positions[r]
            let recent = days - lastDay[r] < MapTimeline.recentDays
            doc.element(
                "path",
                [
                    ("d", MapTimeline.cross(at.x, at.y)), ("stroke", ChartPalette.hostile), ("stroke-width", "3"),
                    ("stroke-opacity", recent ? "1" : "0.55"),
                ],
                tooltip: "\(counts[r]) clashes at \(map.places[r].name) up to day \(days)")
        }
        doc.end("g")
        map.drawPlaces(into: &doc, layout: layout, clearance: clearance)
        doc.element(
            "text",
            [
                ("class", "map-day"), ("x", SVGDocument.number(p.left)), ("y", SVGDocument.number(p.top - 9)),
                ("font-size", "16"),
                ("font-weight", "bold"), ("fill", "#222"),
            ], text: dayText(days))
        drawLegend(into: &doc, top: p.top + p.height + 10, k: k, colours: colours)
        return doc.markup
    }

    /// What the script draws from, as JSON with `<`, `>` and `&` written as escapes, so that no
    /// name from the scenario can close the script element or break the page's XML.
    private func data(_ layout: MapChart.Layout) -> String {
        let pixel = { (x: Double) in JSONValue.number((x * 100).rounded() / 100) }
        let colours = palette()
        let json: JSONValue = [
            "days": .int(days),
            "labels": .array(dayLabels.map(JSONValue.string)),
            "xy": .array(layout.positions.map { .array([pixel($0.x), pixel($0.y)]) }),
            "places": .array(map.places.map { .string($0.name) }),
            "agents": .array(
                agents.indices.map {
                    .array([.string(agents[$0].short), .string(agents[$0].name), .string(colours[$0])])
                }),
            "k": .number(radiusScale),
            "hostile": .string(ChartPalette.hostile),
            "recent": .int(MapTimeline.recentDays),
            "forces": .array(
                forces.map { .array([.int($0.day), .int($0.agent), .int($0.place), .number($0.strength)]) }),
            "moves": .array(
                moves.map {
                    .array([
                        .int($0.agent), .int($0.from), .int($0.to), .int($0.start), .int($0.end ?? -1),
                        .number($0.strength),
                    ])
                }),
            "clashes": .array(clashes.map { .array([.int($0.day), .int($0.place)]) }),
        ]
        var out = ""
        for scalar in json.compact().unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An X, the mark of a clash, centred on (x, y).
    private static func cross(_ x: Double, _ y: Double) -> String {
        let n = SVGDocument.number
        return "M\(n(x - 8)) \(n(y - 8))L\(n(x + 8)) \(n(y + 8))M\(n(x + 8)) \(n(y - 8))L\(n(x - 8)) \(n(y + 8))"
    }

    private func drawMove(_ move: Move, colour: String, into doc: inout SVGDocument, layout: MapChart.Layout) {
        let (a, b) = (layout.positions[move.from], layout.positions[move.to])
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 12 else { return }
        let (ux, uy) = (dx / length, dy / length)
        let tip = (x: b.x - ux * 6, y: b.y - uy * 6)
        let n = SVGDocument.number
        let d =
            "M\(n(a.x + ux * 6)) \(n(a.y + uy * 6))L\(n(tip.x)) \(n(tip.y))"
            + "M\(n(tip.x - ux * 10 - uy * 5)) \(n(tip.y - uy * 10 + ux * 5))L\(n(tip.x)) \(n(tip.y))"
            + "L\(n(tip.x - ux * 10 + uy * 5)) \(n(tip.y - uy * 10 - ux * 5))"
        doc.element(
            "path",
            [
                ("d", d), ("fill", "none"), ("stroke", colour), ("stroke-width", "2.5"),
                ("stroke-linecap", "round"),
            ],
            tooltip:
                "\(agents[move.agent].name): \(ReadableNumber.text(move.strength)) from \(map.places[move.from].name) "
                + "to \(map.places[move.to].name)")
    }

    /// The agents that ever stand on the map in their colours, two circle sizes, a clash and a move.
    private func drawLegend(into doc: inout SVGDocument, top: Double, k: Double, colours: [String]) {
        var x = 14.0, y = top + 10
        let present = Set(forces.filter { $0.strength > 0 }.map(\.agent)).sorted()
        for a in present {
            let width = Double(agents[a].short.count) * 7 + 30
            if x + width > map.width - 10 {
                x = 14
                y += 20
            }
            doc.circle(x + 6, y, radius: 6, fill: colours[a], tooltip: agents[a].name)
            doc.text(agents[a].short, x + 16, y + 4, size: 12)
            x += width
        }
        y += 26
        x = 14
        if let largest = forces.map(\.strength).max(), largest > 0, k > 0 {
            // A round strength whose circle is at most two thirds the largest one's radius.
            let room = largest * 0.44
            let steps = RoundSteps(covering: 0, room, count: 2, includeZero: true)
            let reference = steps.values.last { $0 > 0 && $0 <= room } ?? room
            let r = k * reference.squareRoot()
            doc.circle(x + r, y, radius: r, fill: "none", stroke: "#555555")
            doc.text("strength \(ReadableNumber.text(reference)) (area ∝ strength)", x + 2 * r + 6, y + 4, size: 12)
            x += 2 * r + 250
        }
        doc.element(
            "path", [("d", MapTimeline.cross(x + 6, y)), ("stroke", ChartPalette.hostile), ("stroke-width", "3")])
        doc.text("clashes (faint: none in the last \(MapTimeline.recentDays) days)", x + 18, y + 4, size: 12)
        x += 300
        doc.line(x, y, x + 30, y, stroke: "#555555", width: 2.5)
        doc.text("forces on the move", x + 38, y + 4, size: 12)
    }
}
