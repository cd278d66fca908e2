// SummaryReading+AgainstParamsTests: outcomes against the params on the summary page — one mark per
// point for a small design, bins of pooled points for a large sample, the pooled statistics equal to
// those of all the runs together, and tables that list a bounded number of points.
import SimCore
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

struct SummaryReadingAgainstParamsTests {
    /// The summary page of a Latin hypercube of `points` points over x in [0, 1), two runs a point:
    /// `y` is x and x + 1, `hit` is x ≥ 0.5.
    private func page(points count: Int) throws -> String {
        let xs = (0..<count).map { Double($0) / Double(count) }
        var summary = BatchSummary(outcomeNames: ["y", "hit"], points: xs.map { [("x", .number($0))] })
        for (p, x) in xs.enumerated() {
            for r in 0..<2 {
                summary.add(
                    RunRecord(
                        run: 2 * p + r, seed: 1, point: p, params: [], status: .ok,
                        outcomes: [("y", .number(x + Double(r))), ("hit", .boolean(x >= 0.5))]))
            }
        }
        let design = try JSONValue.parse(
            #"{"runs": 2, "sample": {"method": "lhs", "size": \#(count), "ranges": {"x": [0, 1]}}, "points": \#(count)}"#
        )
        return BatchSummary.html(summary: try JSONValue.parse(summary.json(header: [("design", design)])))
    }

    private func chart(_ html: String, _ label: String) throws -> String {
        try #require(XMLWellFormedness.svgElements(in: html).first { $0.contains("aria-label=\"\(label)\"") })
    }

    @Test("a design of at most 60 points marks each point; one of 61 pools them into 20 bins")
    func binsPastTheCap() throws {
        let small = try page(points: SummaryReading.pointCap)
        #expect(try chart(small, "mean of y against x").components(separatedBy: "<circle").count - 1 == 60)
        #expect(!small.contains("The first 60 of"))
        let large = try page(points: SummaryReading.pointCap + 1)
        #expect(XMLWellFormedness.problem(in: large) == nil)
        #expect(try chart(large, "mean of y against x").components(separatedBy: "<circle").count - 1 == 20)
        #expect(try chart(large, "P(hit) against x").components(separatedBy: "<circle").count - 1 == 20)
        #expect(large.contains("pooled in 20 equal bins of x"))
        #expect(large.contains("The first 60 of 61 design points; the JSON summary has them all."))
    }

    @Test("pooled points give the mean, t interval and Wilson interval of all their runs together")
    func pooledStatisticsAreThoseOfAllRuns() throws {
        let runs: [[Double]] = [[1, 2, 4], [10, 11], [5]]
        let stats: [JSONValue?] = try runs.map { values in
            var summary = BatchSummary(outcomeNames: ["v", "b"], points: [[]])
            for (run, v) in values.enumerated() {
                summary.add(
                    RunRecord(
                        run: run, seed: 1, point: 0, params: [], status: .ok,
                        outcomes: [("v", .number(v)), ("b", .boolean(v > 3))]))
            }
            return try JSONValue.parse(summary.json(header: []))["points"]?.array?.first?["outcomes"]
        }
        let all = runs.flatMap { $0 }
        let (mean, interval) = try #require(SummaryReading.pooledMean(stats.map { $0?["v"] }))
        let expected = try #require(Statistics.meanInterval(all))
        #expect(abs(mean - Statistics.mean(all)) < 1e-12)
        #expect(abs((interval?.0 ?? 0) - expected.0) < 1e-9 && abs((interval?.1 ?? 0) - expected.1) < 1e-9)
        let (p, wilson) = try #require(SummaryReading.pooledProportion(stats.map { $0?["b"] }))
        #expect(p == 4.0 / 6.0)
        #expect(
            wilson.map { [$0.0, $0.1] } == [
                Statistics.wilson(successes: 4, trials: 6).0, Statistics.wilson(successes: 4, trials: 6).1,
            ])
        // One point is its own statistic; no point with values is no statistic.
        #expect(SummaryReading.pooledMean([stats[1]?["v"]])?.0 == 10.5)
        #expect(SummaryReading.pooledMean([nil, nil]) == nil)
        #expect(SummaryReading.pooledProportion([]) == nil)
    }

    @Test("counts that overflow when pooled give no statistic rather than a trap")
    func overflowingCounts() throws {
        let huge = try JSONValue.parse(#"{"type": "boolean", "n": 9223372036854775807, "true": 1}"#)
        #expect(SummaryReading.pooledProportion([huge, huge]) == nil)
    }
}
