// BatchSummary+HTMLTests: the batch summary page read back from the summary JSON — well-formed,
// histograms from the JSON's bins, probability bars with intervals, and along a sweep each outcome
// against the swept param with the points' means as the points of its line.
import Foundation
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

struct BatchSummaryHTMLTests {
    /// Two sweep points of three runs each: a number, a boolean and a category.
    private func summaryDocument() throws -> JSONValue {
        var summary = BatchSummary(
            outcomeNames: ["loss", "won", "side"],
            points: [[("alert", .number(0))], [("alert", .number(0.5))]])
        let rows: [(Int, Double, Bool, String)] = [
            (0, 1, true, "a"), (0, 2, false, "b"), (0, 4, true, "a"),
            (1, 10, false, "<b>"), (1, 12, false, "a"), (1, 13, true, "<b>"),
        ]
        for (run, row) in rows.enumerated() {
            summary.add(
                RunRecord(
                    run: run, seed: 1, point: row.0, params: [], status: .ok,
                    outcomes: [("loss", .number(row.1)), ("won", .boolean(row.2)), ("side", .string(row.3))]))
        }
        let header = try #require(
            try JSONValue.parse(
                """
                {"simrun": {"version": "0.1.0", "schema": 1}, "scenario": {"name": "border <i>", "sha256": "ab"},
                 "seed": 42, "design": {"runs": 3, "steps": null, "params": {}, "sweeps": ["alert=0,0.5"],
                 "sample": null, "points": 2}, "columns": {"params": ["alert"], "outcomes": ["loss", "won", "side"]}}
                """
            ).object)
        return try JSONValue.parse(summary.json(header: header))
    }

    @Test func pageIsWellFormedAndSelfContained() throws {
        let html = BatchSummary.html(summary: try summaryDocument())
        #expect(XMLWellFormedness.problem(in: html) == nil)
        for chart in XMLWellFormedness.svgElements(in: html) { #expect(XMLWellFormedness.problem(in: chart) == nil) }
        #expect(!html.contains("<script"))
        #expect(html.contains("Batch summary: border &lt;i&gt;"))
        #expect(html.contains("&lt;b&gt;"))
    }

    @Test func theRecordIsASectionOfShares() throws {
        var summary = BatchSummary(outcomeNames: [], observedNames: ["cut <ties>"], points: [[]])
        for (run, value) in [true, true, false].enumerated() {
            summary.add(
                RunRecord(run: run, seed: 1, point: 0, params: [], status: .ok, observed: [("cut <ties>", value)]))
        }
        let html = BatchSummary.html(summary: try JSONValue.parse(summary.json(header: [])))
        #expect(XMLWellFormedness.problem(in: html) == nil)
        #expect(html.contains("The historical record"))
        #expect(html.contains("observed: cut &lt;ties&gt;"))
        #expect(html.contains("consistent with every fact"))
        // Without facts, no such section.
        let plain = BatchSummary.html(summary: try summaryDocument())
        #expect(!plain.contains("The historical record"))
    }

    @Test func histogramsDrawTheSummarysBins() throws {
        let document = try summaryDocument()
        let html = BatchSummary.html(summary: document)
        let histogram = try #require(document["points"]?.array?[0]["outcomes"]?["loss"]?["histogram"])
        let counts = try #require(histogram["counts"]?.array?.compactMap { $0.int })
        #expect(counts.reduce(0, +) == 3)
        let charts = XMLWellFormedness.svgElements(in: html).filter { $0.contains("aria-label=\"histogram of loss\"") }
        #expect(charts.count == 2)
        // One bar per non-empty bin, its run count in its tooltip.
        #expect(charts[0].components(separatedBy: "runs</title></rect>").count - 1 == counts.filter { $0 > 0 }.count)
    }

    @Test func sweepChartsPlotEachPointsStatisticAgainstTheParam() throws {
        let html = BatchSummary.html(summary: try summaryDocument())
        let charts = XMLWellFormedness.svgElements(in: html)
        let means = try #require(charts.first { $0.contains("aria-label=\"mean of loss against alert\"") })
        let values = XMLWellFormedness.attributeValues("data-values", in: means).first?.split(separator: " ")
        #expect(values?.compactMap { Double($0) } == [Statistics.mean([1, 2, 4]), Statistics.mean([10, 12, 13])])
        let won = try #require(charts.first { $0.contains("aria-label=\"P(won) against alert\"") })
        #expect(XMLWellFormedness.attributeValues("data-values", in: won).first == "\(2.0 / 3) \(1.0 / 3)")
        // Probability bars with Wilson intervals, one per point.
        let (lo, hi) = Statistics.wilson(successes: 2, trials: 3)
        #expect(html.contains(String(format: "0.667 [%.3f, %.3f]  n=3", lo, hi)))
    }

    @Test func lenientWithMissingFields() throws {
        let html = BatchSummary.html(summary: try JSONValue.parse(#"{"design": {}, "points": []}"#))
        #expect(XMLWellFormedness.problem(in: html) == nil)
    }
}
