// MapTimelineTests: the run page's map — every region drawn, a circle for every force standing on
// the last day, the slider's data for every day, country outlines where there is land, nothing
// fetched, well-formed XML — and worlds that would break a naive projection.
import Foundation
import SimTestSupport
import Testing

@testable import SimCharts

@Suite struct MapTimelineTests {
    /// Three places of the Sahel article, two agents, a move and clashes over ten days.
    private func sahel() -> MapTimeline {
        let places = [
            MapChart.Place(label: "Ghadames", name: "Ghadames", latitude: 30.13, longitude: 9.50),
            MapChart.Place(label: "Debdeb", name: "Debdeb <border> & post", latitude: 29.97, longitude: 9.42),
            MapChart.Place(label: "Sabha", name: "Sabha", latitude: 27.04, longitude: 14.43),
        ]
        return MapTimeline(
            map: MapChart(places: places, links: [(0, 1), (0, 2)]),
            agents: [.init(short: "LNA", name: "Libyan National Army"), .init(short: "GNU", name: "Tripoli")],
            days: 10, dayLabels: (0...10).map { "2024-08-\(10 + $0)" },
            forces: [
                .init(day: 0, agent: 0, place: 2, strength: 1500), .init(day: 0, agent: 1, place: 0, strength: 400),
                .init(day: 3, agent: 0, place: 2, strength: 500), .init(day: 8, agent: 0, place: 0, strength: 1000),
            ],
            moves: [.init(agent: 0, from: 2, to: 0, start: 3, end: 8, strength: 1000)],
            clashes: [(day: 9, place: 0), (day: 10, place: 0)], label: "map")
    }

    private func svg(_ html: String) throws -> String {
        try #require(XMLWellFormedness.svgElements(in: html).first)
    }

    @Test func theMapIsWellFormedAndFetchesNothing() throws {
        let html = sahel().html
        #expect(XMLWellFormedness.problem(in: "<div>" + html + "</div>") == nil)
        let svg = try svg(html)
        #expect(XMLWellFormedness.problem(in: svg) == nil)
        #expect(svg.contains("class=\"map\""))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        // The SVG namespace is the only address, and it names, it does not fetch.
        #expect(html.components(separatedBy: "http").count == 2)
        #expect(html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        // A name from the scenario cannot close the data's script element.
        #expect(html.contains("Debdeb \\u003cborder\\u003e \\u0026 post"))
    }

    @Test func everyPlaceIsDrawnWithItsNameAndTooltip() throws {
        let svg = try svg(sahel().html)
        let places = try #require(svg.components(separatedBy: "<g class=\"places\">").last)
        for name in ["Ghadames", "Debdeb", "Sabha"] { #expect(places.contains(">\(name)</text>")) }
        #expect(places.contains("<title>Debdeb &lt;border&gt; &amp; post</title>"))
        // A marker each; Ghadames and Debdeb, 19 km apart, are spread, with a dot where they are.
        #expect(places.components(separatedBy: "r=\"3.5\"").count - 1 == 3)
    }

    @Test func theLastDayShowsItsForcesClashesAndNoFinishedMove() throws {
        let svg = try svg(sahel().html)
        let forces = try #require(
            svg.components(separatedBy: "<g class=\"forces\">").last?.components(separatedBy: "</g>").first)
        // Day 10: LNA 500 at Sabha and 1000 at Ghadames, GNU 400 at Ghadames.
        #expect(forces.components(separatedBy: "<circle").count - 1 == 3)
        #expect(forces.contains("<title>Libyan National Army at Ghadames: 1000</title>"))
        // At Ghadames the larger circle is drawn first, under the smaller one.
        let lna = try #require(forces.range(of: "Libyan National Army at Ghadames"))
        let gnu = try #require(forces.range(of: "Tripoli at Ghadames"))
        #expect(lna.lowerBound < gnu.lowerBound)
        let moves = try #require(
            svg.components(separatedBy: "<g class=\"moves\">").last?.components(separatedBy: "</g>").first)
        #expect(!moves.contains("<path"), "the move arrived on day 8")
        #expect(svg.contains("<title>2 clashes at Ghadames up to day 10</title>"))
        #expect(svg.contains(">day 10 · 2024-08-20</text>"))
    }

    @Test func theSliderHasTheDataOfEveryDay() throws {
        let html = sahel().html
        #expect(html.contains("<input type=\"range\" id=\"map-day\" min=\"0\" max=\"10\" value=\"10\""))
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"map-data\">"))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let data = try #require(
            try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        )
        #expect(data["days"] as? Int == 10)
        #expect((data["labels"] as? [String])?.count == 11)
        #expect((data["xy"] as? [[Double]])?.count == 3)
        #expect((data["forces"] as? [[Double]])?.count == 4)
        #expect((data["moves"] as? [[Double]])?.first == [0, 2, 0, 3, 8, 1000])
        #expect((data["clashes"] as? [[Int]]) == [[9, 0], [10, 0]])
        // The controls wait for the script: without it the page shows the last day only.
        #expect(html.contains("id=\"map-controls\" hidden=\"hidden\""))
    }

    @Test func countryOutlinesAroundTheSahel() throws {
        let svg = try svg(sahel().html)
        let countries = try #require(
            svg.components(separatedBy: "<g class=\"countries\"").last?.components(separatedBy: "</g>").first)
        for name in ["Libya", "Algeria", "Tunisia"] { #expect(countries.contains("<title>\(name)</title>")) }
        #expect(!countries.contains("<title>Brazil</title>"), "clipped to the area shown")
    }

    /// Worlds a projection could divide by zero on: one place, places on one point, the open sea.
    @Test(arguments: [
        [(0.0, 0.0)], [(10.0, 10.0), (10.0, 10.0), (10.0, 10.0), (10.0, 10.0)], [(-20.0, -140.0), (-20.01, -140.02)],
    ])
    func degenerateWorldsStillDraw(_ points: [(Double, Double)]) throws {
        let places = points.enumerated().map {
            MapChart.Place(label: "P\($0)", name: "P\($0)", latitude: $1.0, longitude: $1.1)
        }
        let map = MapChart(places: places, links: places.count > 1 ? [(0, 1)] : [])
        let layout = map.layout()
        for p in layout.positions { #expect(p.x.isFinite && p.y.isFinite) }
        // Markers that share a point are spread apart.
        for i in layout.positions.indices {
            for j in layout.positions.indices where j > i {
                let (a, b) = (layout.positions[i], layout.positions[j])
                #expect(((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() > 10)
            }
        }
        let timeline = MapTimeline(
            map: map, agents: [.init(short: "A", name: "A")], days: 0, dayLabels: ["2030-01-01"],
            forces: [.init(day: 0, agent: 0, place: 0, strength: 10)], moves: [], clashes: [], label: "map")
        let svg = try svg(timeline.html)
        #expect(XMLWellFormedness.problem(in: svg) == nil)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        for name in places.map(\.label) { #expect(svg.contains(">\(name)</text>")) }
    }

    @Test func aCapitalWhereNothingHappensIsPinnedToTheEdgeInItsDirection() throws {
        var map = MapChart(
            places: [
                MapChart.Place(name: "Gao", latitude: 16.27, longitude: -0.04),
                MapChart.Place(name: "Kidal", latitude: 18.44, longitude: 1.41),
                MapChart.Place(name: "Moscow", latitude: 55.76, longitude: 37.62),
            ], links: [(0, 1)])
        map.focus = [true, true, false]
        let layout = map.layout()
        let box = layout.projection
        #expect(layout.outside == [false, false, true])
        #expect(box.north < 30, "the area is drawn around Gao and Kidal, not Moscow")
        let moscow = layout.positions[2]
        #expect(moscow.x > box.left && moscow.x < box.left + box.width && moscow.y > box.top)
        var doc = SVGDocument(width: map.width, height: 800, label: "map")
        map.drawPlaces(into: &doc, layout: layout, clearance: [])
        #expect(doc.markup.contains(">Moscow ↗</text>"))
        #expect(doc.markup.contains("<title>Moscow (outside the area shown, in this direction)</title>"))
    }
}
