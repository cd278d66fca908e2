// BatchCommandTests+Precision: adaptive batches (`--precision`) — each point runs in rounds until its
// outcomes' 95% half-widths reach the target (checked against the rows and closed-form bounds) or
// the cap, the same bytes for any --jobs and after --resume, and the flags refused with exit 64.
import Foundation
import Testing

extension BatchCommandTests {
    static let draw = SimrunCLI.fixture("batch/draw.lua")
    private static let z = 1.959963984540054

    /// Half the width of Wilson's interval for `hits` in `n`.
    private static func wilsonHalfWidth(_ hits: Int, _ n: Int) -> Double {
        let (lo, hi) = BatchFixture.wilson(hits, n, z: z)
        return (hi - lo) / 2
    }

    @Test("a point stops at the first round whose Wilson half-width is at most W, within the closed-form bounds")
    func precisionStopsAtTheFirstPreciseRound() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let width = 0.03
        let result = try BatchFixture.batch(
            Self.draw, "--runs", "3000", "--seed", "7", "--sweep", "p=0.1,0.3", "--precision", "hit=\(width)",
            "--round", "100", "--jobs", "2", "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(runs.header["design"]?["precision"]?["outcomes"]?["hit"]?.double == width)
        #expect(summary["design"]?["precision"]?["round"]?.int == 100)
        for p in 0..<2 {
            let point = try #require(summary["points"]?[p])
            let rows = runs.rows.filter { $0["point"]?.int == p }
            let n = try #require(point["runs"]?.int)
            #expect(point["stopped"]?.string == "precision")
            #expect(rows.count == n && n % 100 == 0 && n < 3000)
            // Run numbering as documented, with N the cap: replicates 0 ..< n of point p.
            #expect(rows.compactMap { $0["run"]?.int }.sorted() == Array(p * 3000..<p * 3000 + n))
            let hits = rows.sorted { $0["run"]!.int! < $1["run"]!.int! }.map { $0["outcomes"]?["hit"]?.bool == true }
            let hitsBy = { (k: Int) in hits.prefix(k).filter { $0 }.count }
            #expect(point["outcomes"]?["hit"]?["true"]?.int == hitsBy(n))
            // The first round at which the half-width is at most W, by the formula on the rows themselves.
            #expect(Self.wilsonHalfWidth(hitsBy(n), n) <= width)
            for k in stride(from: 100, to: n, by: 100) { #expect(Self.wilsonHalfWidth(hitsBy(k), k) > width, "\(k)") }
        }
        // Closed form at p = 0.3: the half-width z·√(p̂q̂n + z²/4)/(n + z²) is at most z/(2√(n + z²)), so
        // every proportion is precise by n ≥ z²/(4W²) − z²; and with p̂ ≥ 0.25 not before
        // W²(n + z²)² ≥ z²(0.1875·n + z²/4).
        let z2 = Self.z * Self.z
        let n = try #require(summary["points"]?[1]?["runs"]?.int)
        let pHat = Double(try #require(summary["points"]?[1]?["outcomes"]?["hit"]?["true"]?.int)) / Double(n)
        #expect(pHat >= 0.25 && pHat <= 0.35)
        let upper = (z2 / (4 * width * width) - z2) / 100
        #expect(Double(n) <= upper.rounded(.up) * 100)
        let a = width * width, b = 2 * width * width * z2 - z2 * 0.1875, c = width * width * z2 * z2 - z2 * z2 / 4
        let lower = (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)
        #expect(Double(n) >= lower && lower > 700, "\(n) runs, the bound \(lower)")
    }

    @Test("an adaptive batch's rows and summary are the same bytes for --jobs 1 and 2, and after --resume")
    func precisionIsDeterministic() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let common = [
            Self.draw, "--runs", "1000", "--seed", "3", "--sweep", "p=0.2,0.5", "--precision", "0.06",
            "--round", "40",
        ]
        for jobs in ["1", "2"] {
            let result = try BatchFixture.batch(
                common + [
                    "--jobs", jobs, "--out", dir.path("runs\(jobs).jsonl"), "--summary", dir.path("s\(jobs).json"),
                ])
            #expect(result.exited(0), "\(result)")
        }
        let one = try dir.text("runs1.jsonl")
        #expect(one == (try dir.text("runs2.jsonl")))
        #expect(try dir.bytes("s1.json") == (try dir.bytes("s2.json")))
        let lines = one.split(separator: "\n")
        #expect(lines.count > 200, "several rounds at each point")
        // Cut in the middle of the third round, the last line half written; --resume completes it.
        let cut = lines.prefix(1 + 40 * 2 * 2 + 17).joined(separator: "\n") + "\n" + lines[98].prefix(20)
        try Data(cut.utf8).write(to: URL(fileURLWithPath: dir.path("runs1.jsonl")))
        let resumed = try BatchFixture.batch(
            common + ["--jobs", "2", "--out", dir.path("runs1.jsonl"), "--summary", dir.path("s1.json"), "--resume"])
        #expect(resumed.exited(0), "\(resumed)")
        #expect(try dir.text("runs1.jsonl") == one)
        #expect(try dir.bytes("s1.json") == (try dir.bytes("s2.json")))
    }

    @Test("without a name every outcome reaches W: Student's t for numbers, Wilson for booleans and each category")
    func precisionCoversEveryOutcome() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.draw, "--runs", "2000", "--precision", "0.05", "--out", dir.path("runs.jsonl"),
            "--summary", dir.path("summary.json"))
        #expect(result.exited(0), "\(result)")
        let point = try #require(try JSON.parse(try dir.bytes("summary.json"))["points"]?[0])
        #expect(point["stopped"]?.string == "precision")
        let halfWidth = { (stat: JSON?) -> Double in
            let ci = stat?["ci95"]?.array?.compactMap(\.double) ?? []
            return ci.count == 2 ? (ci[1] - ci[0]) / 2 : .infinity
        }
        #expect(halfWidth(point["outcomes"]?["x"]) <= 0.05)
        #expect(halfWidth(point["outcomes"]?["hit"]) <= 0.05)
        for category in ["low", "high"] {
            #expect(halfWidth(point["outcomes"]?["side"]?["categories"]?[category]) <= 0.05)
        }
        // x alone (sd ≈ 0.29) would be precise by 200 runs; the proportion near 0.3 needs more.
        let n = try #require(point["runs"]?.int)
        #expect(n >= 300 && n <= 400, "\(n)")
    }

    @Test("the cap stops a point that never reaches W; run seeds follow the replicate under N = the cap")
    func precisionRespectsTheCap() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.draw, "--runs", "150", "--seed", "9", "--sweep", "p=0.1,0.9", "--precision", "x=0.0001",
            "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.rows.count == 300)
        // Round by round: replicates 0..<100 of both points, then 100..<150 of both.
        let order = (0..<100).map { $0 } + (150..<250).map { $0 } + (100..<150).map { $0 } + (250..<300).map { $0 }
        #expect(runs.rows.map { $0["run"]?.int } == order)
        for row in runs.rows {
            let run = try #require(row["run"]?.int)
            #expect(row["seed"]?.batchUnsigned == BatchFixture.replicateSeed(batch: 9, replicate: run % 150))
        }
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        for p in 0..<2 {
            #expect(summary["points"]?[p]?["stopped"]?.string == "cap")
            #expect(summary["points"]?[p]?["runs"]?.int == 150)
        }
        let merged = try SimrunCLI.run("merge", dir.path("runs.jsonl"), "--out", dir.path("merged.jsonl"))
        #expect(merged.exited(64) && merged.err.contains("is an adaptive batch (--precision)"), "\(merged)")
    }

    @Test("--precision refuses W ≤ 0, an unknown outcome, --shard and --round alone, each on one line with exit 64")
    func precisionUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--precision", "0"], "--precision takes W or NAME=W with W a number above 0, got '0'"),
            (["--precision", "hit=-0.1"], "got 'hit=-0.1'"),
            (["--precision", "nope=0.1"], "--precision nope: the scenario has no such outcome (known: hit, x, side)"),
            (["--precision", "0.1", "--shard", "1/2"], "--precision cannot be combined with --shard"),
            (["--round", "10"], "--round needs --precision"),
            (["--precision", "0.1", "--format", "csv", "--resume"], "--precision with --resume needs --format jsonl"),
        ]
        for (flags, message) in cases {
            let result = try BatchFixture.batch([Self.draw, "--runs", "10", "--out", "/dev/null"] + flags)
            #expect(result.exited(64), "\(flags): \(result)")
            #expect(result.errLines.first?.contains(message) == true, "\(flags): \(result.err)")
        }
    }
}
