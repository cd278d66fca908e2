// BatchSummary+ZeroCategoriesTests: a category some design point never gave is listed there with
// count 0 and the Wilson interval of 0 in n, in the summary and on its page alike; a batch where
// every point gives every category is written as before.
import Foundation
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

struct BatchSummaryZeroCategoriesTests {
    /// Two sweep points of 200 runs: "gnu" at both, "lna" only at the first (50 of 200).
    private func sweptSummary() -> BatchSummary {
        var summary = BatchSummary(
            outcomeNames: ["held_by"], points: [[("alert", .number(0))], [("alert", .number(1))]])
        for run in 0..<400 {
            let point = run / 200
            let holder = point == 0 && run % 4 == 0 ? "lna" : "gnu"
            summary.add(
                RunRecord(
                    run: run, seed: 1, point: point, params: [], status: .ok,
                    outcomes: [("held_by", .string(holder))]))
        }
        return summary
    }

    /// Wilson's upper bound for 0 successes in n, in closed form: z² / (n + z²).
    private func wilsonUpperOfNone(_ n: Double) -> Double {
        let z2 = Statistics.z975 * Statistics.z975
        return z2 / (n + z2)
    }

    @Test func wilsonOfNoneIn200IsAbout0Point0188() {
        let (lo, hi) = Statistics.wilson(successes: 0, trials: 200)
        #expect(lo == 0)
        #expect(abs(hi - wilsonUpperOfNone(200)) < 1e-15)
        #expect(abs(hi - 0.018845) < 5e-6)
    }

    @Test func aCategoryAbsentAtAPointIsListedThereWithCountZero() throws {
        let text = sweptSummary().json(header: [])
        let document = try JSONValue.parse(text)
        let second = try #require(document["points"]?.array?[1]["outcomes"]?["held_by"])
        #expect(second["n"]?.int == 200)
        let lna = try #require(second["categories"]?["lna"])
        #expect(lna["count"]?.int == 0 && lna["p"]?.double == 0)
        let ci = try #require(lna["ci95"]?.array).compactMap(\.double)
        #expect(ci.count == 2 && ci[0] == 0 && abs(ci[1] - wilsonUpperOfNone(200)) < 1e-15)
        // Ranked last, after the categories the point gave.
        #expect(second["categories"]?.object?.map(\.0) == ["gnu", "lna"])
        // The first point is unchanged: lna 50 of 200.
        let first = try #require(document["points"]?.array?[0]["outcomes"]?["held_by"]?["categories"]?["lna"])
        #expect(first["count"]?.int == 50)
    }

    @Test func everyCategoryAtEveryPointKeepsTheFormerLayout() throws {
        var summary = BatchSummary(outcomeNames: ["w"], points: [[("a", .integer(1))], [("a", .integer(2))]])
        for (run, w) in ["x", "y", "y", "x"].enumerated() {
            summary.add(
                RunRecord(run: run, seed: 1, point: run / 2, params: [], status: .ok, outcomes: [("w", .string(w))]))
        }
        let text = summary.json(header: [])
        #expect(!text.contains("\"count\": 0"))
        let wilson = Statistics.wilson(successes: 1, trials: 2)
        #expect(text.components(separatedBy: "\"ci95\": [\(wilson.0), \(wilson.1)]").count - 1 == 4)
    }

    @Test func thePageDrawsTheSameIntervalAndAChartUnderEveryHeading() throws {
        let document = try JSONValue.parse(sweptSummary().json(header: []))
        let html = BatchSummary.html(summary: document)
        #expect(XMLWellFormedness.problem(in: html) == nil)
        #expect(html.contains(String(format: "0.000 [0.000, %.3f]  n=200", wilsonUpperOfNone(200))))
        #expect(!html.contains("[0.000, 1.000]"))
        let charts = XMLWellFormedness.svgElements(in: html)
        for category in ["gnu", "lna"] {
            let chart = try #require(charts.first { $0.contains("aria-label=\"P(\(category)) against alert\"") })
            let values = XMLWellFormedness.attributeValues("data-values", in: chart).first
            #expect(values == (category == "lna" ? "0.25 0.0" : "0.75 1.0"))
        }
    }

    @Test func aSummaryWithoutTheZeroCountsGetsTheSameIntervalsOnThePage() throws {
        // As written before zero counts were listed: point 1 does not name lna.
        let old = try JSONValue.parse(
            """
            {"design": {"sweeps": ["alert=0,1"]}, "columns": {"outcomes": ["held_by"]}, "points": [
             {"point": 0, "params": {"alert": 0}, "outcomes": {"held_by": {"type": "category", "n": 200,
              "categories": {"gnu": {"count": 150}, "lna": {"count": 50}}}}},
             {"point": 1, "params": {"alert": 1}, "outcomes": {"held_by": {"type": "category", "n": 200,
              "categories": {"gnu": {"count": 200}}}}}]}
            """)
        let html = BatchSummary.html(summary: old)
        #expect(html.contains(String(format: "0.000 [0.000, %.3f]  n=200", wilsonUpperOfNone(200))))
        #expect(!html.contains("[0.000, 1.000]"))
    }

    @Test func observedFactsAreChartedAgainstTheParams() throws {
        var summary = BatchSummary(
            outcomeNames: [], observedNames: ["cut"], points: [[("alert", .number(0))], [("alert", .number(1))]])
        for run in 0..<4 {
            summary.add(
                RunRecord(run: run, seed: 1, point: run / 2, params: [], status: .ok, observed: [("cut", run == 0)]))
        }
        let html = BatchSummary.html(summary: try JSONValue.parse(summary.json(header: [])))
        let charts = XMLWellFormedness.svgElements(in: html)
        #expect(charts.contains { $0.contains("aria-label=\"P(cut) against alert\"") })
        #expect(charts.contains { $0.contains("aria-label=\"P(consistent with the record) against alert\"") })
    }
}
