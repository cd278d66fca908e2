// RunReport+HTMLTests: the run's HTML page — well-formed, self-contained, every text escaped, and
// its charts drawn from the report's data (a metric's values are the points of its line).
import Foundation
import SimCore
import SimSupport
import SimTestSupport
import Testing

@testable import SimReports

struct RunReportHTMLTests {
    private let fixture = RunReportTests()

    private func page(_ configure: (inout RunReport) -> Void = { _ in }) -> String {
        var report = fixture.makeReport(fixture.makeWorld())
        configure(&report)
        return report.html()
    }

    @Test func pageAndEverySVGAreWellFormedXML() throws {
        let html = page()
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(XMLWellFormedness.problem(in: html) == nil)
        let charts = XMLWellFormedness.svgElements(in: html)
        // The map, two metrics, moved alignments, heat map, network, timeline.
        #expect(charts.count == 7)
        for chart in charts { #expect(XMLWellFormedness.problem(in: chart) == nil, "\(chart.prefix(200))") }
    }

    @Test func pageIsSelfContained() {
        let html = page()
        // The map's data and its inline script, nothing loaded.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.contains("<script type=\"application/json\" id=\"map-data\">"))
        #expect(html.contains("<script>//<![CDATA["))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        // The only address is the SVG namespace, which is a name, not a fetch.
        let addresses = html.components(separatedBy: "http").count - 1
        #expect(addresses == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }

    @Test func metricValuesAreThePointsOfTheirLines() throws {
        let report = fixture.makeReport(fixture.makeWorld())
        let html = report.html()
        let lines = XMLWellFormedness.svgElements(in: html).filter { $0.contains("<polyline") }
        #expect(lines.count == report.metricNames.count)
        for (name, values) in zip(report.metricNames, report.metrics) {
            let chart = try #require(lines.first { $0.contains("data-series=\"\(name)\"") })
            let written = try #require(XMLWellFormedness.attributeValues("data-values", in: chart).first)
            #expect(written.split(separator: " ").compactMap { Double($0) } == values)
            let points = try #require(XMLWellFormedness.attributeValues("points", in: chart).first)
                .split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
            #expect(points.count == values.count)
            // x grows with the day; y (downward on screen) shrinks as the value grows.
            for (a, b) in zip(points.indices, points.indices.dropFirst()) {
                #expect(points[a][0] < points[b][0])
                if values[a] < values[b] { #expect(points[a][1] > points[b][1]) }
            }
        }
    }

    @Test func sectionsShowTheRunsData() {
        let html = page()
        for text in [
            "Sahel Intelligence, 2024-08-02", "Outcomes", "wagner_losses", "Metrics over time",
            "Alignments that moved most", "Russia → Algeria", "+0.50 → -0.30  (-0.80)",
            "Final alignment matrix", "Alignment network and predicted blocs", "Event timeline (5 events)",
            "stopped: ceasefire", "sim.align: 1.5 clamped to 1", "Wagner asks for reinforcements",
        ] {
            #expect(html.contains(text), "page shows \(text)")
        }
        // The heat map colours every ordered pair of its four agents and names each in its tooltip.
        #expect(html.contains("<title>Russia → Algeria: -0.30</title>"))
        let cells = html.components(separatedBy: "<title>Wagner Group → ").dropFirst().filter {
            $0.prefix { $0 != "<" }.contains(": ")
        }
        #expect(cells.count == 3)
        // Friendly and hostile edges are drawn differently.
        #expect(html.contains("class=\"friendly\""))
        #expect(html.contains("class=\"hostile\" stroke-dasharray"))
    }

    @Test func hostileTextComesOutInert() throws {
        let hostile = "<script>alert('x')</script> & \"q\" \u{1B}[31m\u{FFFF}"
        let html = page { report in
            report.scenario.name = hostile
            report.scenario.source = hostile
            report.outcomes = [(hostile, .string(hostile))]
            report.metricNames[0] = hostile
        }
        // Only the map's own two script elements.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; \\u{1b}[31m\\u{ffff}"))
        #expect(XMLWellFormedness.problem(in: html) == nil)
    }

    @Test func sameReportSameBytes() {
        #expect(page() == page())
    }

    @Test func chartsNameAgentsByTheirShortLabelsAndTooltipsInFull() {
        let long = "Malian Armed Forces and their Wagner Group instructors"
        let html = page { report in
            report.world.agents[1] = Agent(id: "wag", name: long, kind: "pmc", short: "FAMa+Wagner")
        }
        #expect(!html.contains("Malian Armed Forces and their…"), "no name cut with …")
        #expect(html.contains(">FAMa+Wagner</text>"))
        #expect(html.contains("<title>\(long) → "))
        #expect(html.contains("<td>\(long)</td>"), "the forces table has room for the full name")
    }
}
