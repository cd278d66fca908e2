// BatchSummaryTests: the batch summary's JSON layout and counts, failure grouping, category ranking,
// outcomes of mixed types, and the same bytes whatever order runs are added in.
import Foundation
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

/// Summaries of small batches built by hand.
struct BatchSummaryTests {
    private func ok(_ run: Int, point: Int = 0, _ outcomes: [(String, ScalarValue)]) -> RunRecord {
        RunRecord(
            run: run, seed: UInt64(run) &* 7919, point: point, params: [], status: .ok,
            outcomes: outcomes)
    }

    private func failed(
        _ run: Int, point: Int = 0, _ message: String?,
        status: RunRecord.Status = .error
    ) -> RunRecord {
        RunRecord(run: run, seed: UInt64(run), point: point, params: [], status: status, error: message)
    }

    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The outcome statistics of `point` in a parsed summary.
    private func outcomes(_ document: [String: Any], point: Int = 0) throws -> [String: [String: Any]] {
        let points = try #require(document["points"] as? [[String: Any]])
        return try #require(points[point]["outcomes"] as? [String: [String: Any]])
    }

    @Test func jsonLayoutKeepsHeaderThenCountsThenPointsInDeclaredOrder() {
        var summary = BatchSummary(
            outcomeNames: ["loss", "won", "side", "never"],
            points: [[("x", .integer(5))]])
        summary.add(ok(0, [("loss", .number(1)), ("won", .boolean(true)), ("side", .string("a"))]))
        summary.add(ok(1, [("side", .string("b")), ("won", .boolean(false)), ("loss", .integer(3))]))
        summary.add(failed(2, "boom"))
        summary.add(ok(3, [("loss", .number(2)), ("won", .boolean(true)), ("side", .string("a"))]))

        let losses = [1.0, 2, 3]
        let q = { (p: Double) in Statistics.quantile(sorted: losses, p) }
        let t = Statistics.meanInterval(losses)!
        let won = Statistics.wilson(successes: 2, trials: 3)
        let a = Statistics.wilson(successes: 2, trials: 3), b = Statistics.wilson(successes: 1, trials: 3)
        #expect(
            summary.json(header: [("simrun", .string("test")), ("seed", .int(42))]) == """
                {
                  "simrun": "test",
                  "seed": 42,
                  "runs": 4,
                  "failed": 1,
                  "failures": [
                    {
                      "message": "boom",
                      "count": 1
                    }
                  ],
                  "points": [
                    {
                      "point": 0,
                      "params": {
                        "x": 5
                      },
                      "runs": 4,
                      "failed": 1,
                      "outcomes": {
                        "loss": {
                          "type": "number",
                          "n": 3,
                          "mean": 2.0,
                          "sd": 1.0,
                          "min": 1.0,
                          "p5": \(q(0.05)),
                          "p25": \(q(0.25)),
                          "median": 2.0,
                          "p75": \(q(0.75)),
                          "p95": \(q(0.95)),
                          "max": 3.0,
                          "ci95": [\(t.0), \(t.1)],
                          "histogram": {
                            "edges": [1.0, 2.0, 3.0, 4.0],
                            "counts": [1, 1, 1]
                          }
                        },
                        "won": {
                          "type": "boolean",
                          "n": 3,
                          "true": 2,
                          "p": \(2.0 / 3),
                          "ci95": [\(won.0), \(won.1)]
                        },
                        "side": {
                          "type": "category",
                          "n": 3,
                          "categories": {
                            "a": {
                              "count": 2,
                              "p": \(2.0 / 3),
                              "ci95": [\(a.0), \(a.1)]
                            },
                            "b": {
                              "count": 1,
                              "p": \(1.0 / 3),
                              "ci95": [\(b.0), \(b.1)]
                            }
                          }
                        },
                        "never": {
                          "type": "none",
                          "n": 0
                        }
                      }
                    }
                  ]
                }

                """)
    }

    @Test func failuresAreGroupedMostFrequentFirstThenByMessage() throws {
        var summary = BatchSummary(outcomeNames: ["x"], points: [[], []])
        let messages = ["a.lua:3: boom", "b", "a.lua:9: x", "a.lua:3: boom", "a.lua:9: x", "a.lua:3: boom"]
        for (run, message) in messages.enumerated() { summary.add(failed(run, point: run % 2, message)) }
        summary.add(failed(6, point: 1, nil, status: .limit))
        summary.add(ok(7, point: 1, [("x", .number(1))]))

        let document = try parse(summary.json(header: []))
        #expect(document["runs"] as? Int == 8)
        #expect(document["failed"] as? Int == 7)
        let failures = try #require(document["failures"] as? [[String: Any]])
        #expect(failures.map { $0["message"] as? String } == ["a.lua:3: boom", "a.lua:9: x", "b", "limit"])
        #expect(failures.map { $0["count"] as? Int } == [3, 2, 1, 1])
        let points = try #require(document["points"] as? [[String: Any]])
        #expect(points.map { $0["runs"] as? Int } == [3, 5])
        #expect(points.map { $0["failed"] as? Int } == [3, 4])
        // Point 0 only failed: the outcome is a number (from point 1) with no values here.
        let x0 = try outcomes(document, point: 0)["x"]
        #expect(x0?["type"] as? String == "number" && x0?["n"] as? Int == 0 && x0?["mean"] == nil)
    }

    @Test func failedRunsContributeNoOutcomes() throws {
        var summary = BatchSummary(outcomeNames: ["x"], points: [[]])
        summary.add(ok(0, [("x", .number(1))]))
        summary.add(
            RunRecord(
                run: 1, seed: 1, point: 0, params: [], status: .error, error: "late",
                outcomes: [("x", .number(100))]))
        let x = try outcomes(parse(summary.json(header: [])))["x"]
        #expect(x?["n"] as? Int == 1 && x?["max"] as? Double == 1)
    }

    @Test func categoriesAreCountedAndRankedByCountThenName() throws {
        var summary = BatchSummary(outcomeNames: ["winner"], points: [[]])
        let winners = ["lna", "gna", "gna", "tie", "lna", "gna", "none", "tie"]
        for (run, w) in winners.enumerated() { summary.add(ok(run, [("winner", .string(w))])) }
        let text = summary.json(header: [])
        // Key order in the text: gna (3), then lna and tie (2 each) by name, then none (1).
        let positions = ["\"gna\"", "\"lna\"", "\"tie\"", "\"none\""].map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())

        let winner = try #require(outcomes(parse(text))["winner"])
        #expect(winner["type"] as? String == "category" && winner["n"] as? Int == 8)
        let categories = try #require(winner["categories"] as? [String: [String: Any]])
        #expect(categories.mapValues { $0["count"] as? Int } == ["gna": 3, "lna": 2, "tie": 2, "none": 1])
        #expect(categories["gna"]?["p"] as? Double == 3.0 / 8)
        // Checked in the text: Foundation's parser may be off in the last bit.
        let wilson = Statistics.wilson(successes: 1, trials: 8)
        #expect(text.contains("\"ci95\": [\(wilson.0), \(wilson.1)]"))
    }

    @Test func canonicallyEquivalentStringsStayDistinctCategories() throws {
        // Lua strings are bytes: é composed and decomposed are two categories, in byte order on a tie.
        let composed = ok(0, [("c", .string("caf\u{E9}"))]), decomposed = ok(1, [("c", .string("cafe\u{301}"))])
        var one = BatchSummary(outcomeNames: ["c"], points: [[]]), other = one
        one.add(composed)
        one.add(decomposed)
        other.add(decomposed)
        other.add(composed)
        let text = one.json(header: [])
        #expect(text == other.json(header: []))
        // Found by bytes: String's own search would match either spelling.
        let bytes = Array(text.utf8)
        func offset(_ key: String) -> Int? {
            let pattern = Array("\"\(key)\"".utf8)
            return bytes.indices.first { bytes[$0...].starts(with: pattern) }
        }
        let d = try #require(offset("cafe\u{301}")), c = try #require(offset("caf\u{E9}"))
        #expect(d < c)
    }

    @Test func integersAndNumbersSummarizeTogether() throws {
        var summary = BatchSummary(outcomeNames: ["k"], points: [[]])
        summary.add(ok(0, [("k", .integer(1))]))
        summary.add(ok(1, [("k", .number(2.5))]))
        let k = try #require(outcomes(parse(summary.json(header: [])))["k"])
        #expect(k["type"] as? String == "number" && k["n"] as? Int == 2 && k["mean"] as? Double == 1.75)
        #expect(k["mixed"] == nil)
    }

    @Test func valuesOfAnotherTypeAreCountedAsMixedByTheFirstRunsType() throws {
        let records = [
            ok(3, [("v", .string("x"))]),
            ok(0, [("v", .number(1))]),
            ok(1, [("v", .boolean(true))]),
            ok(2, [("v", .number(3))]),
        ]
        // Added out of run order, the type is still run 0's.
        var summary = BatchSummary(outcomeNames: ["v"], points: [[]])
        for record in records { summary.add(record) }
        let v = try #require(outcomes(parse(summary.json(header: [])))["v"])
        #expect(v["type"] as? String == "number" && v["n"] as? Int == 2 && v["mixed"] as? Int == 2)
        #expect(v["mean"] as? Double == 2)
        #expect(summary.table().contains("(+2 of another type)"))
    }

    @Test func undeclaredOutcomesAreIgnored() throws {
        var summary = BatchSummary(outcomeNames: ["a"], points: [[]])
        summary.add(ok(0, [("a", .number(1)), ("b", .number(2))]))
        let all = try outcomes(parse(summary.json(header: [])))
        #expect(Set(all.keys) == ["a"])
    }

    @Test func sameRecordsInAnyOrderGiveTheSameBytes() {
        // Values whose floating-point sums depend on order, ties of −0 and 0, and a NaN of each sign.
        var records: [RunRecord] = []
        for run in 0..<300 {
            let value: Double
            switch run % 50 {
            case 7: value = -0.0
            case 8: value = 0.0
            case 9: value = run % 100 == 9 ? .nan : -Double.nan
            default: value = Double(run * 7919 % 1009) / 3 + 1e10 * Double(run % 3)
            }
            if run % 37 == 5 {
                records.append(failed(run, point: run % 3, "x.lua:\(run % 2): fail"))
            } else {
                records.append(
                    ok(
                        run, point: run % 3,
                        [
                            ("value", .number(value)),
                            ("flag", .boolean(run % 5 < 2)),
                            ("side", .string(["a", "b", "c", "d"][run * 13 % 4])),
                        ]))
            }
        }
        let points: [[(String, ScalarValue)]] = [0, 0.5, 1].map { [("w", .number($0))] }
        func summary(_ order: [RunRecord]) -> BatchSummary {
            var s = BatchSummary(outcomeNames: ["value", "flag", "side"], points: points)
            for record in order { s.add(record) }
            return s
        }
        let forward = summary(records)
        let reversed = summary(records.reversed())
        // A fixed permutation: stride 101 through 300 records visits each once.
        let strided = summary((0..<300).map { records[$0 * 101 % 300] })
        let header: [(String, JSONValue)] = [("seed", .int(1))]
        #expect(forward.json(header: header) == reversed.json(header: header))
        #expect(forward.json(header: header) == strided.json(header: header))
        #expect(forward.table() == reversed.table())
        #expect(forward.table() == strided.table())
    }

    @Test func tableShowsEachPointsOutcomesAndTheFailures() {
        var summary = BatchSummary(
            outcomeNames: ["loss", "held", "winner", "unused"],
            points: [[("day", .integer(5))], [("day", .integer(10))]])
        for run in 0..<40 {
            summary.add(
                ok(
                    run, point: run / 20,
                    [
                        ("loss", .number(Double(run % 20))),
                        ("held", .boolean(run % 4 == 0)),
                        ("winner", .string(run % 3 == 0 ? "gna" : "lna")),
                    ]))
        }
        summary.add(failed(40, point: 1, "s.lua:4: bad \u{1B}[31mred"))
        let lines = summary.table(width: 80).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        #expect(lines[0] == "BATCH SUMMARY  41 runs, 1 failed")
        #expect(lines.contains("point 0  day=5  (20 runs, 0 failed)"))
        #expect(lines.contains("point 1  day=10  (21 runs, 1 failed)"))

        let xs = (0..<20).map(Double.init)
        let (lo, hi) = Statistics.meanInterval(xs)!
        // t(0.975, 19) · √35 / √20 = 2.7689…
        #expect(abs((hi - lo) / 2 - 2.7689) < 1e-4)
        #expect(lines.contains("  loss    n=20  9.5 ± 2.77  [0.95, 18.05]"))
        let (plo, phi) = Statistics.wilson(successes: 5, trials: 20)
        #expect(lines.contains(String(format: "  held    n=20  p = 0.250 [%.3f, %.3f]", plo, phi)))
        #expect(lines.contains("  winner  n=20  lna 65.0%, gna 35.0%"))
        #expect(lines.contains("  unused   n=0  no values"))
        // Failures last, escape sequences from the script made harmless.
        let failures = lines.firstIndex(of: "FAILURES")!
        #expect(lines[failures + 1] == "  1  s.lua:4: bad \\u{1b}[31mred")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.last == "")
    }

    @Test func longCategoryListsAreCut() {
        var summary = BatchSummary(outcomeNames: ["c"], points: [[]])
        for run in 0..<8 { summary.add(ok(run, [("c", .string("k\(run)"))])) }
        #expect(summary.table().contains("c  n=8  k0 12.5%, k1 12.5%, k2 12.5%, k3 12.5%, k4 12.5%, +3 more"))
    }

    @Test func observedFactsAreSharesPerPointWithTheShareConsistentWithAll() throws {
        var summary = BatchSummary(outcomeNames: [], observedNames: ["cut", "calm"], points: [[], []])
        let facts: [(point: Int, [(String, Bool)])] = [
            (0, [("cut", true), ("calm", true)]), (0, [("cut", true), ("calm", false)]),
            (0, [("cut", false), ("calm", true)]), (0, [("cut", true), ("calm", true)]),
            // A run that reported one fact only is not consistent with the whole record.
            (1, [("cut", true)]),
        ]
        for (run, (point, observed)) in facts.enumerated() {
            summary.add(RunRecord(run: run, seed: 1, point: point, params: [], status: .ok, observed: observed))
        }
        summary.add(failed(9, point: 1, "boom"))
        let points = try #require(try parse(summary.json(header: []))["points"] as? [[String: Any]])
        let observed = try #require(points[0]["observed"] as? [String: [String: Any]])
        #expect(observed.keys.sorted() == ["calm", "cut"])
        #expect(observed["cut"]?["n"] as? Int == 4 && observed["cut"]?["true"] as? Int == 3)
        #expect(observed["cut"]?["p"] as? Double == 0.75)
        let wilson = Statistics.wilson(successes: 3, trials: 4)
        // Foundation's parser may miss the last bit of a double.
        let ci = try #require(observed["cut"]?["ci95"] as? [Double])
        #expect(abs(ci[0] - wilson.0) <= 1e-15 && abs(ci[1] - wilson.1) <= 1e-15)
        let consistent = try #require(points[0]["consistent"] as? [String: Any])
        #expect(consistent["n"] as? Int == 4 && consistent["true"] as? Int == 2)
        let second = try #require(points[1]["consistent"] as? [String: Any])
        #expect(second["n"] as? Int == 1 && second["true"] as? Int == 0)
        #expect((points[1]["observed"] as? [String: [String: Any]])?["calm"]?["n"] as? Int == 0)
        // Scenarios without facts keep the summary they had.
        let plain = BatchSummary(outcomeNames: ["x"], points: [[]])
        let plainPoints = try #require(try parse(plain.json(header: []))["points"] as? [[String: Any]])
        #expect(plainPoints[0].keys.sorted() == ["failed", "outcomes", "params", "point", "runs"])
    }

    @Test func observedFactsRideInRowsAndComeBack() throws {
        let record = RunRecord(
            run: 3, seed: 5, point: 0, params: [], status: .ok, outcomes: [("x", .integer(1))],
            observed: [("cut", true), ("calm", false)])
        let line = record.jsonLine()
        #expect(line.contains("\"outcomes\":{\"x\":1},\"observed\":{\"cut\":true,\"calm\":false}"))
        let back = try RunRecord(json: JSONValue.parse(line))
        #expect(back.observed.map(\.0) == ["cut", "calm"] && back.observed.map(\.1) == [true, false])
        #expect(
            RunRecord.csvHeader(params: [], outcomes: ["x"], observed: ["cut"], metrics: ["m"])
                == "run,seed,point,status,error,x,observed.cut,metric.m")
        #expect(
            record.csvRow(params: [], outcomes: ["x"], observed: ["cut", "calm"], metrics: [])
                == "3,5,0,ok,,1,true,false")
        // No facts, no key: runs files of scenarios without them keep their bytes.
        #expect(!RunRecord(run: 0, seed: 1, point: 0, params: [], status: .ok).jsonLine().contains("observed"))
    }
}

/// The histogram bins the summary JSON keeps for numeric outcomes.
struct BatchSummaryHistogramTests {
    @Test func binsAreRoundAndCoverTheValues() {
        let values = [0.13, 0.5, 0.77, 2.41]
        let edges = BatchSummary.binEdges(values)
        #expect(edges.first! <= 0.13 && edges.last! >= 2.41)
        #expect((10...25).contains(edges.count - 1))
        // Round steps: written as short decimals.
        #expect(edges.allSatisfy { $0.description.count <= 5 })
        let counts = BatchSummary.binCounts(values, edges: edges)
        #expect(counts.reduce(0, +) == values.count)
    }

    @Test func wholeNumbersGetABinEach() {
        let edges = BatchSummary.binEdges([0, 3, 3, 5])
        #expect(edges == [0, 1, 2, 3, 4, 5, 6])
        #expect(BatchSummary.binCounts([0, 3, 3, 5], edges: edges) == [1, 0, 0, 2, 0, 1])
    }

    @Test func theLastBinIsClosedAndNaNIsLeftOut() {
        #expect(BatchSummary.binCounts([0, 0.5, 1, .nan], edges: [0, 0.5, 1]) == [1, 2])
        #expect(BatchSummary.binEdges([.nan, .infinity]).isEmpty)
    }

    @Test func pointsShareTheirOutcomesBins() throws {
        var summary = BatchSummary(outcomeNames: ["x"], points: [[("p", .integer(0))], [("p", .integer(1))]])
        for (run, value) in [1.0, 2, 50, 60].enumerated() {
            summary.add(
                RunRecord(run: run, seed: 0, point: run / 2, params: [], status: .ok, outcomes: [("x", .number(value))])
            )
        }
        let document = try JSONValue.parse(summary.json(header: []))
        let histograms = try #require(document["points"]?.array?.map { $0["outcomes"]?["x"]?["histogram"] })
        #expect(histograms[0]?["edges"]?.compact() == histograms[1]?["edges"]?.compact())
        #expect(histograms[0]?["counts"]?.array?.compactMap(\.int).reduce(0, +) == 2)
    }

}
