// BatchCommandTests+Designs: the designs of a batch — sweeps (a full factorial with common random
// numbers, values typed like the param), sweeps refused, and Latin hypercube samples.
import Foundation
import Testing

extension BatchCommandTests {
    @Test("two sweeps make a full factorial, the first slowest, with common random numbers")
    func sweeps() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "3", "--seed", "13", "--sweep", "a=1,2,3",
            "--sweep", "b=0:1:0.5", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let expected: [(Int, Double)] = [(1, 0), (1, 0.5), (1, 1), (2, 0), (2, 0.5), (2, 1), (3, 0), (3, 0.5), (3, 1)]
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 9)
        #expect(runs.header["design"]?["points"]?.int == 9)
        for (p, (a, b)) in expected.enumerated() where p < points.count {
            #expect(points[p]["a"]?.int == a && points[p]["b"]?.double == b, "point \(p): \(points[p])")
            #expect(points[p].keys == ["a", "b"])
        }
        #expect(runs.rows.count == 27)
        var seeds: [Int: UInt64] = [:]
        for row in runs.rows {
            let run = try #require(row["run"]?.int)
            let point = run / 3, replicate = run % 3
            #expect(row["point"]?.int == point, "run \(run)")
            #expect(row["params"]?["a"]?.int == expected[point].0, "run \(run)")
            #expect(row["params"]?["b"]?.double == expected[point].1, "run \(run)")
            #expect(row["params"]?["label"]?.string == "plain", "unswept params keep their defaults")
            let seed = try #require(row["seed"]?.batchUnsigned)
            if let first = seeds[replicate] {
                #expect(seed == first, "replicate \(replicate) has one seed at every point")
            } else {
                seeds[replicate] = seed
            }
        }
        #expect(Set(seeds.values).count == 3)
        for p in 0..<9 { #expect(runs.rows.filter { $0["point"]?.int == p }.count == 3, "point \(p) has --runs rows") }
    }

    @Test("sweep values are typed like the param's default; a range gives the decimals written")
    func sweepTyping() throws {
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "1", "--sweep", "b=0:1:0.1", "--sweep", "loud=true,false",
            "--sweep", "label=x,y z")
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(result.out)
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 11 * 2 * 2)
        let bs = stride(from: 0, to: points.count, by: 4).map { points[$0]["b"] }
        let tenths = ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"]
        #expect(bs == tenths.map { JSON.number($0) }, "\(bs)")
        #expect(points.prefix(4).map { $0["loud"] } == [.bool(true), .bool(true), .bool(false), .bool(false)])
        #expect(points.prefix(4).map { $0["label"] } == [.string("x"), .string("y z"), .string("x"), .string("y z")])
        for row in runs.rows {
            let p = try #require(row["point"]?.int)
            for name in ["b", "loud", "label"] { #expect(row["params"]?[name] == points[p][name], "run \(p) \(name)") }
            #expect(
                row["outcomes"]?["tag"]?.string
                    == (points[p]["loud"] == .bool(true)
                        ? "\(points[p]["label"]?.string ?? "")!"
                        : points[p]["label"]?.string),
                "the run sees its point's values")
        }
        let badType = try BatchFixture.batch(Self.coin, "--runs", "1", "--sweep", "a=1,2.5")
        #expect(badType.exited(64), "an integer param takes integers: \(badType)")
        #expect(badType.err.contains("2.5"), "\(badType.err)")
    }

    @Test("--sweep of an unknown param or out of the param's range is a usage error")
    func sweepErrors() throws {
        let unknown = try BatchFixture.batch(Self.coin, "--runs", "2", "--sweep", "nope=1,2")
        #expect(unknown.exited(64), "\(unknown)")
        #expect(
            unknown.err.contains("nope") && unknown.err.contains("a, b, loud, label"),
            "lists the known params: \(unknown.err)")
        #expect(unknown.out.isEmpty, "nothing runs")

        for sweep in ["a=1,9", "a=-1,2", "b=0:2:0.5"] {
            let outside = try BatchFixture.batch(Self.coin, "--runs", "2", "--sweep", sweep)
            #expect(outside.exited(64), "\(outside)")
            #expect(
                outside.err.contains("--sweep") && (outside.err.contains("max") || outside.err.contains("min")),
                "\(outside.err)")
            #expect(outside.out.isEmpty)
        }
    }

    @Test("--sample lhs:10 puts each param's 10 values one in each of its 10 strata")
    func latinHypercube() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "2", "--seed", "17", "--sample", "lhs:10",
            "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 10)
        #expect(runs.header["design"]?["sample"]?["method"]?.string == "lhs")
        #expect(
            points.allSatisfy { $0.keys == ["a", "b", "loud"] },
            "the numbers with min and max and the boolean are sampled, the string without choices is not")
        // loud: a boolean, false and true each taking half the strata: 5 and 5.
        let louds = points.compactMap { $0["loud"]?.bool }
        #expect(louds.count == 10 && louds.filter { $0 }.count == 5, "loud values \(louds)")

        // b: a number in [0, 1]: one value in each stratum [k/10, (k+1)/10).
        let bs = points.compactMap { $0["b"]?.double }
        #expect(bs.count == 10)
        #expect(Set(bs.map { min(Int($0 * 10), 9) }) == Set(0..<10), "b values \(bs)")
        #expect(bs.allSatisfy { (0...1).contains($0) })

        // a: an integer in [0, 5]: 10 strata 0.5 wide; each value is an integer, the rounding of a
        // draw in its own stratum, so some assignment of values to strata puts each within 0.5.
        let aValues = points.map { $0["a"] }
        #expect(aValues.allSatisfy { $0?.int != nil }, "a holds integers: \(aValues)")
        let ints = aValues.compactMap { $0?.int }
        #expect(ints.allSatisfy { (0...5).contains($0) })
        let strata = (0..<10).map { k in (0.5 * Double(k), 0.5 * Double(k + 1)) }
        #expect(BatchFixture.matches(ints.map(Double.init), strata: strata, slack: 0.5), "a values \(ints)")

        #expect(runs.rows.count == 20)
        for row in runs.rows {
            let p = try #require(row["point"]?.int)
            #expect(
                row["params"]?["a"] == points[p]["a"] && BatchFixture.sameValue(row["params"]?["b"], points[p]["b"]),
                "run \(row["run"]?.int ?? -1) has its point's values")
        }

        // --param fixes a param: it is not sampled.
        let fixed = try BatchFixture.batch(
            Self.coin, "--runs", "1", "--sample", "lhs:4", "--param", "a=3", "--out", dir.path("fixed.jsonl"))
        #expect(fixed.exited(0), "\(fixed)")
        let fixedRuns = try BatchRunsText(dir.text("fixed.jsonl"))
        #expect(fixedRuns.header["point_params"]?.array?.allSatisfy { $0.keys == ["b", "loud"] } == true)
        #expect(fixedRuns.rows.allSatisfy { $0["params"]?["a"]?.int == 3 })
    }

    @Test("choices are sampled among their values, and a param declared fixed is left alone unless varied")
    func choicesAndFixed() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = dir.path("p.lua")
        try """
        sim.scenario{name = "p", start = "2024-01-01", steps = 0}
        local side = sim.param("side", "north", {choices = {"north", "south"}})
        local cut = sim.param("cut", 0.5, {min = 0, max = 1, fixed = true})
        sim.outcome("side", function() return side end)
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try BatchFixture.batch(file, "--runs", "1", "--sample", "lhs:6", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.allSatisfy { $0.keys == ["side"] })
        #expect(
            points.compactMap { $0["side"]?.string }.sorted() == ["north", "north", "north", "south", "south", "south"])
        #expect(
            runs.header["design"]?["sample"]?["choices"]?["side"]?.array?.compactMap(\.string) == ["north", "south"])
        let varied = try BatchFixture.batch(
            file, "--runs", "1", "--sample", "lhs:3", "--vary", "cut", "--out", dir.path("cut.jsonl"))
        #expect(varied.exited(0), "\(varied)")
        let cut = try BatchRunsText(dir.text("cut.jsonl"))
        #expect(cut.header["point_params"]?.array?.allSatisfy { $0.keys == ["cut"] } == true)
        let refused = try SimrunCLI.run(["run", file, "--param", "side=west"])
        #expect(refused.exited(64) && refused.err.contains("--param side=west is not one of north, south"))
    }
}
