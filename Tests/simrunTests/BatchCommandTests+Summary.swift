// BatchCommandTests+Summary: the statistical summary — its statistics against those computed from
// the rows, and its failures grouped by message.
import Foundation
import Testing

extension BatchCommandTests {
    @Test("the summary's statistics match those computed from the rows")
    func summaryStatistics() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "50", "--seed", "21", "--sweep", "b=0.3,0.7",
            "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(summary["runs"]?.int == 100)
        #expect(summary["failed"]?.int == 0)
        #expect(summary["failures"]?.array?.isEmpty == true)
        #expect(summary["scenario"] == runs.header["scenario"], "the summary carries the provenance")
        #expect(summary["seed"]?.int == 21)
        let points = try #require(summary["points"]?.array)
        #expect(points.count == 2)
        let t49 = 2.009575237, z = 1.959963984540054

        for (p, point) in points.enumerated() {
            #expect(point["point"]?.int == p)
            #expect(point["runs"]?.int == 50)
            #expect(point["params"]?["b"]?.double == [0.3, 0.7][p])
            let rows = runs.rows.filter { $0["point"]?.int == p }
            try #require(rows.count == 50)
            let outcomes = try #require(point["outcomes"])

            for name in ["total", "heads"] {
                let stats = try #require(outcomes[name], "outcome \(name)")
                let xs = rows.compactMap { $0["outcomes"]?[name]?.double }.sorted()
                try #require(xs.count == 50)
                let n = Double(xs.count)
                let mean = xs.reduce(0, +) / n
                let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
                let half = t49 * sd / n.squareRoot()
                #expect(stats["type"]?.string == "number")
                #expect(stats["n"]?.int == 50)
                let expected: [(String, Double)] = [
                    ("mean", mean), ("sd", sd), ("min", xs[0]), ("max", xs[49]),
                    ("p5", BatchFixture.type7(xs, 0.05)), ("p25", BatchFixture.type7(xs, 0.25)),
                    ("median", BatchFixture.type7(xs, 0.5)), ("p75", BatchFixture.type7(xs, 0.75)),
                    ("p95", BatchFixture.type7(xs, 0.95)),
                ]
                for (key, value) in expected {
                    let got = stats[key]?.double
                    #expect(
                        got.map { BatchFixture.close($0, value) } == true,
                        "point \(p) \(name).\(key): \(String(describing: got)) vs \(value)")
                }
                // The median of 50 values is the mean of the 25th and 26th.
                #expect(BatchFixture.close(stats["median"]?.double ?? .nan, (xs[24] + xs[25]) / 2))
                let ci = stats["ci95"]?.array?.compactMap(\.double) ?? []
                #expect(
                    ci.count == 2 && BatchFixture.close(ci[0], mean - half, tolerance: 1e-9)
                        && BatchFixture.close(ci[1], mean + half, tolerance: 1e-9),
                    "point \(p) \(name).ci95: \(ci) vs \([mean - half, mean + half])")
            }

            let won = try #require(outcomes["won"])
            let trues = rows.filter { $0["outcomes"]?["won"]?.bool == true }.count
            #expect(won["type"]?.string == "boolean")
            #expect(won["n"]?.int == 50)
            #expect(won["true"]?.int == trues)
            #expect(BatchFixture.close(won["p"]?.double ?? .nan, Double(trues) / 50))
            let wilson = BatchFixture.wilson(trues, 50, z: z)
            let wonCI = won["ci95"]?.array?.compactMap(\.double) ?? []
            #expect(
                wonCI.count == 2 && BatchFixture.close(wonCI[0], wilson.0) && BatchFixture.close(wonCI[1], wilson.1),
                "won.ci95 \(wonCI) vs \(wilson)")

            let side = try #require(outcomes["side"])
            #expect(side["type"]?.string == "category")
            #expect(side["n"]?.int == 50)
            var counts: [String: Int] = [:]
            for row in rows { counts[row["outcomes"]?["side"]?.string ?? "?", default: 0] += 1 }
            let categories = try #require(side["categories"])
            let ranked = counts.sorted {
                $0.value != $1.value
                    ? $0.value > $1.value : Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8))
            }
            #expect(categories.keys == ranked.map(\.key), "categories most frequent first, ties in byte order")
            for (name, count) in counts {
                let category = try #require(categories[name], "category \(name)")
                #expect(category["count"]?.int == count)
                #expect(BatchFixture.close(category["p"]?.double ?? .nan, Double(count) / 50))
                let interval = BatchFixture.wilson(count, 50, z: z)
                let got = category["ci95"]?.array?.compactMap(\.double) ?? []
                #expect(
                    got.count == 2 && BatchFixture.close(got[0], interval.0) && BatchFixture.close(got[1], interval.1),
                    "\(name).ci95 \(got) vs \(interval)")
            }
            // The string outcome that never varies is one category at p = 1 with Wilson's exact upper bound.
            #expect(outcomes["tag"]?["categories"]?["plain"]?["ci95"]?.array?.last?.double == 1)
        }
    }

    @Test("the summary groups the failures by message with their counts")
    func summaryFailures() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.flaky, "--runs", "50", "--seed", "4", "--out", dir.path("runs.jsonl"),
            "--summary", dir.path("summary.json"))
        #expect(result.exited(65), "\(result)")
        let rows = try BatchRunsText(dir.text("runs.jsonl")).rows
        let failedRows = rows.filter { $0["status"]?.string == "error" }
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(summary["runs"]?.int == 50)
        #expect(summary["failed"]?.int == failedRows.count)
        let failures = try #require(summary["failures"]?.array)
        #expect(failures.count == 1, "one message: \(failures)")
        #expect(failures.first?["message"]?.string == failedRows.first?["error"]?.string)
        #expect(failures.first?["message"]?.string?.hasSuffix("flaky.lua:9: unlucky") == true)
        #expect(failures.first?["count"]?.int == failedRows.count)
        let point = try #require(summary["points"]?[0])
        #expect(point["failed"]?.int == failedRows.count)
        #expect(point["outcomes"]?["luck"]?["n"]?.int == 50 - failedRows.count, "failed runs' outcomes are left out")
    }
}

extension BatchCommandTests {
    @Test("--table prints the summary table off a terminal: to standard output beside --out, else to standard error")
    func tableOffTerminal() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let rows = try BatchFixture.batch(Self.coin, "--runs", "5", "--out", dir.path("r.jsonl"), "--table")
        #expect(rows.exited(0), "\(rows)")
        #expect(rows.out.hasPrefix("BATCH SUMMARY  5 runs, 0 failed\n"), "\(rows.out)")
        #expect(try BatchRunsText(dir.text("r.jsonl")).rows.count == 5)
        // Rows on standard output: the table goes to standard error, the rows stay a clean stream.
        let piped = try BatchFixture.batch(Self.coin, "--runs", "5", "--table")
        #expect(piped.exited(0), "\(piped)")
        #expect(try BatchRunsText(piped.out).rows.count == 5)
        #expect(piped.err.hasPrefix("BATCH SUMMARY  5 runs, 0 failed\n"), "\(piped.err)")
        // Without it, no table where no one is looking.
        let plain = try BatchFixture.batch(Self.coin, "--runs", "5", "--out", dir.path("p.jsonl"))
        #expect(plain.exited(0) && plain.out.isEmpty && !plain.err.contains("BATCH SUMMARY"), "\(plain)")
    }
}
