// BatchCommandTests+Calibration: `--accept` end to end — calibration by rejection recovers the
// closed-form Beta posterior of a coin's bias, the rows say which runs were accepted, the bytes do
// not depend on --jobs or shards, and the flag is refused with exit 64 where it cannot work.
import Foundation
import Testing

extension BatchCommandTests {
    static let flips = SimrunCLI.fixture("batch/flips.lua")

    /// The Beta(a, b) distribution's mean, sd and 5%, 50%, 95% quantiles, by bisection on its CDF.
    private struct Beta {
        let a: Double, b: Double
        var mean: Double { a / (a + b) }
        var sd: Double { (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot() }
        /// The CDF for whole a and b: P(at least a successes in a + b − 1 trials of chance x).
        func cdf(_ x: Double) -> Double {
            let n = Int(a + b) - 1
            var total = 0.0, choose = 1.0
            for k in 0...n {
                if k > 0 { choose = choose * Double(n - k + 1) / Double(k) }
                if k >= Int(a) { total += choose * pow(x, Double(k)) * pow(1 - x, Double(n - k)) }
            }
            return total
        }
        func quantile(_ q: Double) -> Double {
            var (lo, hi) = (0.0, 1.0)
            for _ in 0..<60 { (lo, hi) = cdf((lo + hi) / 2) < q ? ((lo + hi) / 2, hi) : (lo, (lo + hi) / 2) }
            return lo
        }
        /// The density, for the standard error of a sample quantile.
        func density(_ x: Double) -> Double {
            let logB = lgamma(a) + lgamma(b) - lgamma(a + b)
            return exp((a - 1) * log(x) + (b - 1) * log(1 - x) - logB)
        }
    }

    @Test(
        "--accept recovers the Beta posterior of a coin's bias: three heads of four gives Beta(4, 2), none Beta(1, 5)",
        arguments: [("three_heads", 4.0, 2.0), ("no_heads", 1.0, 5.0)])
    func acceptRecoversTheBetaPosterior(fact: String, a: Double, b: Double) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            [
                Self.flips, "--sample", "lhs:4000", "--runs", "1", "--seed", "5", "--accept", fact, "--jobs", "2",
                "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json"),
            ], timeout: 120)
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(runs.header["design"]?["seeds"]?.string == "independent")
        // Every row's flag is its fact, and the posterior is the accepted rows' p.
        for row in runs.rows { #expect(row["accepted"]?.bool == row["observed"]?[fact]?.bool) }
        let accepted = runs.rows.filter { $0["accepted"]?.bool == true }.compactMap { $0["params"]?["p"]?.double }
        let n = accepted.count
        #expect(summary["accepted"]?.int == n)
        // Under a uniform prior each of the five head counts is equally likely: n ≈ 800 ± 4 sd.
        #expect(abs(Double(n) - 800) <= 4 * (4000 * 0.2 * 0.8).squareRoot(), "\(n) accepted")
        let posterior = try #require(summary["posterior"]?["p"])
        #expect(posterior["n"]?.int == n)
        let mean = try #require(posterior["mean"]?.double)
        #expect(abs(mean - accepted.reduce(0, +) / Double(n)) < 1e-12)
        // The closed form, within four standard errors.
        let beta = Beta(a: a, b: b)
        let root = Double(n).squareRoot()
        #expect(abs(mean - beta.mean) <= 4 * beta.sd / root, "mean \(mean) against \(beta.mean)")
        let sd = try #require(posterior["sd"]?.double)
        #expect(abs(sd - beta.sd) <= 0.12 * beta.sd, "sd \(sd) against \(beta.sd)")
        for (key, q) in [("p5", 0.05), ("p50", 0.5), ("p95", 0.95)] {
            let exact = beta.quantile(q)
            let se = (q * (1 - q)).squareRoot() / (beta.density(exact) * root)
            let value = try #require(posterior[key]?.double)
            #expect(abs(value - exact) <= 4 * se, "\(key) \(value) against \(exact) ± \(4 * se)")
        }
        // The prior is the design: uniform over [0, 1].
        #expect(abs((summary["prior"]?["p"]?["mean"]?.double ?? 0) - 0.5) < 0.001)
        // A fifth flip over the accepted runs: heads with the posterior mean's chance.
        let fifth = try #require(summary["predictive"]?["fifth_heads"])
        #expect(fifth["n"]?.int == n)
        let share = Double(fifth["true"]?.int ?? 0) / Double(n)
        #expect(abs(share - beta.mean) <= 4 * (beta.mean * (1 - beta.mean) / Double(n)).squareRoot())
    }

    @Test("an accepting batch is the same bytes for --jobs 1 and 2, and merged from shards; CSV has the column")
    func acceptIsDeterministic() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let common = [Self.flips, "--sample", "lhs:60", "--runs", "2", "--seed", "9", "--accept", "observed"]
        for jobs in ["1", "2"] {
            let result = try BatchFixture.batch(
                common + ["--jobs", jobs, "--out", dir.path("r\(jobs).jsonl"), "--summary", dir.path("s\(jobs).json")])
            #expect(result.exited(0), "\(result)")
        }
        #expect(try dir.bytes("r1.jsonl") == dir.bytes("r2.jsonl"))
        #expect(try dir.bytes("s1.json") == dir.bytes("s2.json"))
        for k in 1...2 {
            let result = try BatchFixture.batch(common + ["--shard", "\(k)/2", "--out", dir.path("shard\(k).jsonl")])
            #expect(result.exited(0), "\(result)")
        }
        let merged = try SimrunCLI.run(
            [
                "merge", dir.path("shard1.jsonl"), dir.path("shard2.jsonl"), "--out", dir.path("m.jsonl"),
                "--summary", dir.path("m.json"),
            ], timeout: 30)
        #expect(merged.exited(0), "\(merged)")
        #expect(try dir.bytes("m.jsonl") == dir.bytes("r1.jsonl"))
        #expect(try dir.bytes("m.json") == dir.bytes("s1.json"))
        // Both facts at once cannot hold (three heads and none): nothing is accepted, nothing breaks.
        let summary = try JSON.parse(try dir.bytes("s1.json"))
        #expect(summary["accepted"]?.int == 0 && summary["posterior"]?["p"]?["n"]?.int == 0)
        #expect(summary["design"]?["accept"] == .array([.string("three_heads"), .string("no_heads")]))
        // Independent seeds: the two replicates of point 0 and of point 1 all differ.
        let rows = try BatchRunsText(dir.text("r1.jsonl")).rows
        #expect(Set(rows.prefix(4).compactMap { $0["seed"]?.double }).count == 4)
        let csv = try BatchFixture.batch(common + ["--format", "csv", "--out", dir.path("r.csv")])
        #expect(csv.exited(0), "\(csv)")
        let lines = try dir.text("r.csv").split(separator: "\n")
        #expect(
            lines[1]
                == "run,seed,point,status,error,p,heads,fifth_heads,observed.three_heads,observed.no_heads,accepted")
        #expect(lines[2].hasSuffix(",false"))
    }

    @Test(
        "--accept and --seeds are refused with exit 64 where they cannot work",
        arguments: [
            (["--accept", "observed"], "coin", "--accept: ", "declares no fact of the record (sim.observed)"),
            (
                ["--accept", "two_heads"], "flips", "--accept two_heads: the scenario declares no such fact",
                "three_heads, no_heads"
            ),
            (
                ["--accept", "observed", "--seeds", "common"], "flips", "--accept needs --seeds independent",
                "conditioned"
            ),
            (
                ["--accept", "observed", "--precision", "0.1"], "flips", "--accept cannot be combined with --precision",
                "accepted ones"
            ),
            (["--seeds", "shared"], "flips", "--seeds takes common or independent", "got 'shared'"),
        ])
    func acceptRefusals(flags: [String], scenario: String, message: String, detail: String) throws {
        let file = scenario == "coin" ? Self.coin : Self.flips
        let result = try BatchFixture.batch([file, "--runs", "2", "--out", "/dev/null"] + flags)
        #expect(result.exited(64), "\(result)")
        #expect(result.errLines.first?.contains(message) == true && result.err.contains(detail), "\(result)")
    }
}
