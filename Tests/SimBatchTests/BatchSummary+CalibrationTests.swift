// BatchSummary+CalibrationTests: a summary with `--accept` — the estimates over accepted runs only,
// each param's prior over every run and posterior over the accepted ones, the predictive, and the
// JSON of a summary without `--accept` unchanged.
import Foundation
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

struct BatchSummaryCalibrationTests {
    /// Five points of p, two runs each; `accepted` says which runs reproduced the record.
    private func summary(accepting facts: [String]?) -> BatchSummary {
        let ps = [0.1, 0.3, 0.5, 0.7, 0.9]
        var summary = BatchSummary(
            outcomeNames: ["heads", "won"], observedNames: ["three_heads"], accepting: facts,
            points: ps.map { [("p", .number($0)), ("loud", .boolean($0 > 0.4))] })
        // run → (heads, accepted); run 9 fails.
        let rows: [(Int, Bool)] = [
            (0, false), (1, false), (3, true), (2, false), (3, true), (1, false), (3, true), (3, true), (4, false),
            (0, false),
        ]
        for (run, row) in rows.enumerated() {
            var record = RunRecord(
                run: run, seed: UInt64(run), point: run / 2, params: [], status: run == 9 ? .error : .ok,
                error: run == 9 ? "boom" : nil,
                outcomes: run == 9 ? [] : [("heads", .integer(row.0)), ("won", .boolean(row.0 > 2))],
                observed: run == 9 ? [] : [("three_heads", row.0 == 3)])
            if facts != nil { record.accepted = row.1 }
            summary.add(record)
        }
        return summary
    }

    private func document(_ summary: BatchSummary) throws -> JSONValue {
        try JSONValue.parse(summary.json(header: [("design", ["accept": .array([.string("three_heads")])])]))
    }

    @Test("posterior over accepted runs, prior over every run (the failed one too), on shared bins")
    func posteriorAndPrior() throws {
        let json = try document(summary(accepting: ["three_heads"]))
        #expect(json["accepted"]?.int == 4)
        let posterior = try #require(json["posterior"]?["p"])
        // Accepted runs 2, 4, 6, 7 sit at p = 0.3, 0.5, 0.7, 0.7.
        let accepted = [0.3, 0.5, 0.7, 0.7]
        #expect(posterior["n"]?.int == 4)
        #expect(posterior["mean"]?.double == Statistics.mean(accepted))
        #expect(posterior["sd"]?.double == Statistics.standardDeviation(accepted))
        #expect(posterior["p5"]?.double == Statistics.quantile(sorted: accepted, 0.05))
        #expect(posterior["p50"]?.double == 0.6)
        #expect(posterior["p95"]?.double == Statistics.quantile(sorted: accepted, 0.95))
        let prior = try #require(json["prior"]?["p"])
        #expect(prior["n"]?.int == 10 && prior["mean"]?.double == 0.5)
        let edges = prior["histogram"]?["edges"]?.array?.compactMap(\.double) ?? []
        #expect(edges.count == 17 && edges.first == 0.1 && edges.last == 0.9, "0.05 apart over the prior")
        #expect(posterior["histogram"]?["edges"]?.array?.compactMap(\.double) == edges)
        #expect(prior["histogram"]?["counts"]?.array?.compactMap(\.int).reduce(0, +) == 10)
        #expect(posterior["histogram"]?["counts"]?.array?.compactMap(\.int).reduce(0, +) == 4)
        // A boolean param gives its share true: loud is true at 0.5, 0.7, 0.9.
        #expect(json["posterior"]?["loud"]?["true"]?.int == 3 && json["posterior"]?["loud"]?["n"]?.int == 4)
        #expect(json["prior"]?["loud"]?["true"]?.int == 6)
    }

    @Test("a point's estimates are over its accepted runs; the facts' shares over all its ok runs")
    func estimatesOverAcceptedRuns() throws {
        let json = try document(summary(accepting: ["three_heads"]))
        let point1 = try #require(json["points"]?.array?[1])
        #expect(point1["runs"]?.int == 2 && point1["accepted"]?.int == 1)
        #expect(point1["outcomes"]?["heads"]?["n"]?.int == 1 && point1["outcomes"]?["heads"]?["mean"]?.double == 3)
        #expect(point1["observed"]?["three_heads"]?["n"]?.int == 2)
        let point4 = try #require(json["points"]?.array?[4])
        #expect(point4["accepted"]?.int == 0 && point4["outcomes"]?["heads"]?["n"]?.int == 0)
        let predictive = try #require(json["predictive"])
        #expect(predictive["heads"]?["n"]?.int == 4 && predictive["heads"]?["mean"]?.double == 3)
        #expect(predictive["won"]?["true"]?.int == 4)
    }

    @Test("no accepted run: counts of zero and no statistics, not a division by zero")
    func nothingAccepted() throws {
        var summary = BatchSummary(
            outcomeNames: ["x"], observedNames: ["f"], accepting: ["f"], points: [[("p", .number(0.5))]])
        var record = RunRecord(
            run: 0, seed: 1, point: 0, params: [], status: .ok, outcomes: [("x", .number(1))], observed: [("f", false)])
        record.accepted = false
        summary.add(record)
        let json = try document(summary)
        #expect(json["accepted"]?.int == 0)
        #expect(json["posterior"]?["p"]?.compact() == #"{"type":"number","n":0}"#)
        #expect(json["prior"]?["p"]?["n"]?.int == 1)
        #expect(summary.table().contains("CALIBRATION  0 of 1 runs accepted (0.0%), reproducing f"))
    }

    @Test("without --accept the summary has none of it, and every ok run counts")
    func withoutAcceptNothingChanges() throws {
        let json = try document(summary(accepting: nil))
        for key in ["accepted", "posterior", "prior", "predictive"] { #expect(json[key] == nil, "\(key)") }
        #expect((json["points"]?.array?[1])?["accepted"] == nil)
        #expect((json["points"]?.array?[1])?["outcomes"]?["heads"]?["n"]?.int == 2)
        #expect(!summary(accepting: nil).table().contains("CALIBRATION"))
    }

    @Test("the table gives the posterior beside the prior, and each point's accepted runs")
    func tableLines() {
        let table = summary(accepting: ["three_heads"]).table(width: 120)
        #expect(table.contains("(2 runs, 0 failed, 1 accepted)"))
        #expect(table.contains("CALIBRATION  4 of 10 runs accepted (40.0%), reproducing three_heads"))
        #expect(table.contains("posterior 0.55"))
        #expect(table.contains("prior 0.5"))
    }
}
