import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

/// Batch designs: sweeps, factorial and Latin hypercube points, seeds and shards.
struct BatchDesignTests {
    private func values(_ text: String, _ defaultValue: ScalarValue) throws -> [ScalarValue] {
        try Sweep.parse(text, defaultValue: defaultValue).values
    }

    private func message(_ body: () throws(DesignError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func sweepLists() throws {
        let sweep = try Sweep.parse("haftar_day=5,10,20", defaultValue: .integer(1))
        #expect(sweep == Sweep(name: "haftar_day", values: [.integer(5), .integer(10), .integer(20)]))
        #expect(try values("w=0.5,1,2e-3", .number(0)) == [.number(0.5), .number(1), .number(0.002)])
        #expect(try values("b=true,false", .boolean(false)) == [.boolean(true), .boolean(false)])
        #expect(try values("side=gna,lna,a:b", .string("")) == [.string("gna"), .string("lna"), .string("a:b")])
        #expect(try values("n=-3", .integer(0)) == [.integer(-3)])
        #expect(try Sweep.name(of: "pressure_weight=0:1:0.25") == "pressure_weight")
    }

    @Test("sweep items are read as --param reads a value")
    func sweepItemsShareTheParamGrammar() throws {
        #expect(
            try values("b=yes,NO,1,0,True", .boolean(false))
                == [.boolean(true), .boolean(false), .boolean(true), .boolean(false), .boolean(true)])
        #expect(try values("w=0x10,1e2", .number(0)) == [.number(16), .number(100)])
        for (text, defaultValue) in [
            ("d=3,-4", ScalarValue.integer(0)), ("w=0.5,2e-3", .number(0)),
            ("b=yes,false", .boolean(true)), ("s=a b,yes", .string("")),
        ] {
            let items = text.split(separator: "=")[1].split(separator: ",").map(String.init)
            #expect(try values(text, defaultValue) == items.compactMap { ScalarValue.parse($0, like: defaultValue) })
        }
    }

    @Test func rangesIncludeStop() throws {
        #expect(try values("w=0:1:0.25", .number(0)) == [0, 0.25, 0.5, 0.75, 1].map(ScalarValue.number))
        #expect(try values("w=0:0.3:0.1", .number(0)) == [0, 0.1, 0.2, 0.3].map(ScalarValue.number))
        #expect(try values("w=0:1:0.1", .number(0)).count == 11)
        #expect(try values("w=0:1:0.1", .number(0))[3] == .number(0.3))
        #expect(try values("w=0:0.95:0.25", .number(0)) == [0, 0.25, 0.5, 0.75].map(ScalarValue.number))
        #expect(try values("w=1:0:-0.5", .number(0)) == [1, 0.5, 0].map(ScalarValue.number))
        #expect(try values("w=1e-3:3e-3:1e-3", .number(0)) == [0.001, 0.002, 0.003].map(ScalarValue.number))
        #expect(try values("w=0.1234567890123:0.2:1", .number(0)) == [.number(0.1234567890123)])
        #expect(try values("w=2:2:1", .number(0)) == [.number(2)])
        #expect(try values("d=5:20:5", .integer(0)) == [5, 10, 15, 20].map(ScalarValue.integer))
        #expect(try values("d=5:21:5", .integer(0)) == [5, 10, 15, 20].map(ScalarValue.integer))
        #expect(try values("d=3:-3:-3", .integer(0)) == [3, 0, -3].map(ScalarValue.integer))
    }

    @Test(arguments: [
        ("haftar_day=5,x", ScalarValue.integer(1), "--sweep haftar_day=5,x: 'x' is not an integer"),
        ("haftar_day=5.5", .integer(1), "--sweep haftar_day=5.5: '5.5' is not an integer"),
        ("d=1:5:0.5", .integer(1), "--sweep d=1:5:0.5: '0.5' is not an integer"),
        ("w=0.5,abc", .number(0), "--sweep w=0.5,abc: 'abc' is not a number"),
        ("w=nan", .number(0), "--sweep w=nan: 'nan' is not a number"),
        ("w=1,", .number(0), "--sweep w=1,: '' is not a number"),
        ("b=maybe", .boolean(true), "--sweep b=maybe: 'maybe' is not true or false"),
        ("w=inf", .number(0), "--sweep w=inf: 'inf' is not a number"),
        ("w=0x10:0x20:1", .number(0), "--sweep w=0x10:0x20:1: '0x10': a range is written in decimals"),
        ("w=", .number(0), "--sweep w=: no values"),
        ("w", .number(0), "--sweep w: expected NAME=v1,v2,... or NAME=start:stop:step"),
        ("=1,2", .number(0), "--sweep =1,2: expected NAME=v1,v2,... or NAME=start:stop:step"),
        ("w=0:1", .number(0), "--sweep w=0:1: expected start:stop:step"),
        ("w=0:1:0", .number(0), "--sweep w=0:1:0: the step is 0"),
        ("w=1:0:0.5", .number(0), "--sweep w=1:0:0.5: the step leads away from stop"),
        ("d=0:10:-1", .integer(0), "--sweep d=0:10:-1: the step leads away from stop"),
        ("d=0:1000000000:1", .integer(0), "--sweep d=0:1000000000:1: more than 100000 values"),
        ("w=0:1:1e-9", .number(0), "--sweep w=0:1:1e-9: more than 100000 values"),
        ("d=0:100000:1", .integer(0), "--sweep d=0:100000:1: more than 100000 values"),
        // Int.min / −1 overflows; a span past Int.max overflows; bounds 2^62 + 1 and 2^62 are one double.
        ("d=0:-9223372036854775808:-1", .integer(0), "--sweep d=0:-9223372036854775808:-1: more than 100000 values"),
        (
            "d=-9223372036854775808:9223372036854775807:1", .integer(0),
            "--sweep d=-9223372036854775808:9223372036854775807:1: more than 100000 values"
        ),
        (
            "d=4611686018427387905:4611686018427387904:1", .integer(0),
            "--sweep d=4611686018427387905:4611686018427387904:1: the step leads away from stop"
        ),
    ])
    func sweepErrorsNameTheFlag(text: String, defaultValue: ScalarValue, expected: String) {
        #expect(message { () throws(DesignError) in _ = try Sweep.parse(text, defaultValue: defaultValue) } == expected)
    }

    @Test func factorialOrderAndCount() throws {
        let a = Sweep(name: "a", values: [.integer(1), .integer(2)])
        let b = Sweep(name: "b", values: [.string("x"), .string("y"), .string("z")])
        let design = BatchDesign(runsPerPoint: 4, seed: 42, steps: 100, fixed: [("f", .boolean(true))], sweeps: [a, b])
        #expect(design.points.count == 6)
        #expect(design.totalRuns == 24)
        let labels = design.points.map { $0.map { "\($0.0)=\($0.1)" }.joined(separator: " ") }
        #expect(labels == ["a=1 b=x", "a=1 b=y", "a=1 b=z", "a=2 b=x", "a=2 b=y", "a=2 b=z"])
        #expect(design.point(ofRun: 9) == 2 && design.replicate(ofRun: 9) == 1)
        let overrides = design.overrides(forRun: 9)
        #expect(overrides.map(\.0) == ["f", "a", "b"])
        #expect(overrides.map(\.1) == [.boolean(true), .integer(1), .string("z")])

        let plain = BatchDesign(runsPerPoint: 7, seed: 1, steps: nil, fixed: [], sweeps: [])
        #expect(plain.points.count == 1 && plain.points[0].isEmpty)
        #expect(plain.totalRuns == 7)
        #expect(plain.overrides(forRun: 6).isEmpty)
    }

    @Test func designJSON() {
        let design = BatchDesign(
            runsPerPoint: 500, seed: 7, steps: nil, fixed: [("f", .integer(3))],
            sweeps: [Sweep(name: "w", values: [.number(0), .number(0.5)])])
        #expect(
            design.json().compact()
                == #"{"runs":500,"steps":null,"params":{"f":3},"sweeps":[{"name":"w","values":[0.0,0.5]}],"#
                + #""sample":null,"points":2}"#
        )
        let lhs = BatchDesign(
            runsPerPoint: 10, seed: 7, steps: 30, fixed: [], latinHypercube: 4,
            ranges: [ParamRange(name: "d", min: 1, max: 30, isInteger: true)])
        #expect(
            lhs.json().compact()
                == #"{"runs":10,"steps":30,"params":{},"sweeps":[],"#
                + #""sample":{"method":"lhs","size":4,"ranges":{"d":[1.0,30.0]}},"points":4}"#
        )
    }

    @Test(arguments: [10, 7])
    func latinHypercubeHitsEveryStratumOnce(k: Int) throws {
        let ranges = [
            ParamRange(name: "w", min: 0, max: 1, isInteger: false),
            ParamRange(name: "t", min: -5, max: 15, isInteger: false),
            // Strata 10 wide with bounds halfway between integers: rounding keeps a value in its stratum.
            ParamRange(name: "d", min: 0.5, max: 0.5 + Double(k) * 10, isInteger: true),
        ]
        let design = BatchDesign(runsPerPoint: 3, seed: 42, steps: nil, fixed: [], latinHypercube: k, ranges: ranges)
        #expect(design.points.count == k)
        #expect(design.totalRuns == 3 * k)
        #expect(design.sweeps.isEmpty && design.sample?.size == k)
        for (index, range) in ranges.enumerated() {
            var strata: [Int] = []
            for point in design.points {
                #expect(point.map(\.0) == ranges.map(\.name))
                let x: Double
                switch point[index].1 {
                case .number(let v): x = v; #expect(!range.isInteger)
                case .integer(let v): x = Double(v); #expect(range.isInteger)
                default: Issue.record("not numeric"); continue
                }
                #expect(x >= range.min && x <= range.max)
                strata.append(Int((x - range.min) / (range.max - range.min) * Double(k)))
            }
            #expect(strata.sorted() == Array(0..<k), "\(range.name)")
        }
    }

    @Test func latinHypercubeIsReproducibleAndClampsIntegers() {
        let ranges = [
            ParamRange(name: "a", min: 0, max: 1, isInteger: false),
            ParamRange(name: "n", min: 2, max: 4, isInteger: true),
        ]
        let one = BatchDesign(runsPerPoint: 1, seed: 9, steps: nil, fixed: [], latinHypercube: 50, ranges: ranges)
        let two = BatchDesign(runsPerPoint: 1, seed: 9, steps: nil, fixed: [], latinHypercube: 50, ranges: ranges)
        let other = BatchDesign(runsPerPoint: 1, seed: 10, steps: nil, fixed: [], latinHypercube: 50, ranges: ranges)
        #expect(one.points.map { $0.map(\.1) } == two.points.map { $0.map(\.1) })
        #expect(one.points.map { $0.map(\.1) } != other.points.map { $0.map(\.1) })
        let counts = Dictionary(grouping: one.points.map { $0[1].1 }, by: { $0.description }).mapValues(\.count)
        #expect(Set(counts.keys) == ["2", "3", "4"])
        // 3 takes the middle half of [2, 4], 2 and 4 a quarter each (give or take the stratum across 2.5 or 3.5).
        #expect((12...13).contains(counts["2"] ?? 0) && (12...13).contains(counts["4"] ?? 0))
    }

    @Test func seedsDependOnlyOnBatchSeedAndReplicate() {
        let sweep = Sweep(name: "a", values: [.integer(1), .integer(2), .integer(3)])
        let design = BatchDesign(runsPerPoint: 5, seed: 42, steps: nil, fixed: [], sweeps: [sweep])
        for run in 0..<design.totalRuns {
            #expect(design.seed(ofRun: run) == design.seed(ofRun: run % 5))
            #expect(design.seed(ofRun: run) == BatchDesign.seed(batch: 42, replicate: run % 5))
        }
        #expect(Set((0..<5).map { design.seed(ofRun: $0) }).count == 5)
        // SplitMix64(batch XOR (replicate × 0x9E3779B97F4A7C15)).next(), computed in Python.
        #expect(BatchDesign.seed(batch: 42, replicate: 0) == 13_679_457_532_755_275_413)
        #expect(BatchDesign.seed(batch: 42, replicate: 3) == 7_297_471_543_603_743_092)
        #expect(BatchDesign.seed(batch: 7, replicate: 1000) == 14_923_677_183_700_768_202)
        #expect(BatchDesign.seed(batch: 42, replicate: 0) != BatchDesign.seed(batch: 43, replicate: 0))
    }

    @Test(arguments: [1, 3, 16])
    func shardsPartitionTheRuns(n: Int) throws {
        let total = 101
        var owners = Array(repeating: [Int](), count: total)
        for k in 1...n {
            let shard = try Shard.parse("\(k)/\(n)")
            #expect(shard == Shard(index: k, count: n))
            #expect(shard.description == "\(k)/\(n)")
            for run in 0..<total where shard.contains(run: run) { owners[run].append(k) }
            #expect((0..<total).filter { shard.contains(run: $0) } == Array(stride(from: k - 1, to: total, by: n)))
        }
        #expect(owners.allSatisfy { $0.count == 1 })
    }

    @Test(arguments: [
        ("0/4", "--shard 0/4: K must be between 1 and N"),
        ("5/4", "--shard 5/4: K must be between 1 and N"),
        ("1/0", "--shard 1/0: K must be between 1 and N"),
        ("a/b", "--shard a/b: expected K/N, as in 3/16"),
        ("3", "--shard 3: expected K/N, as in 3/16"),
        ("1/2/3", "--shard 1/2/3: expected K/N, as in 3/16"),
    ])
    func shardErrors(text: String, expected: String) {
        #expect(message { () throws(DesignError) in _ = try Shard.parse(text) } == expected)
    }

    @Test("a sweep of exactly Sweep.maxValues values is taken")
    func sweepAtItsLimit() throws {
        #expect(try values("d=0:99999:1", .integer(0)).count == Sweep.maxValues)
    }

    @Test("a design's size is checked against maxPoints and maxRuns at the limit and one past it")
    func designSizeLimits() {
        let check = { (runs: Int, sweeps: [Int], sample: Int?) -> String? in
            let laid = sweeps.enumerated().map {
                Sweep(name: "p\($0.0)", values: Array(repeating: .integer(0), count: $0.1))
            }
            return message { () throws(DesignError) in
                try BatchDesign.checkSize(runsPerPoint: runs, sweeps: laid, sample: sample)
            }
        }
        #expect(check(BatchDesign.maxRuns, [], nil) == nil)
        #expect(check(100, [1000, 1000], nil) == nil)
        #expect(check(1, [1000, 1001], nil) == "--sweep p0 × --sweep p1: more than 1000000 design points")
        #expect(
            check(1, [100_000, 100_000, 100_000], nil)
                == "--sweep p0 × --sweep p1 × --sweep p2: more than 1000000 design points")
        #expect(check(1, [], BatchDesign.maxPoints) == nil)
        #expect(check(1, [], BatchDesign.maxPoints + 1) == "--sample lhs:1000001: more than 1000000 design points")
        #expect(check(100, [], 1_000_000) == nil)
        #expect(check(101, [], 1_000_000) == "--runs 101 at 1000000 design points: more than 100000000 runs in all")
        #expect(
            check(Int.max, [2], nil) == "--runs 9223372036854775807 at 2 design points: more than 100000000 runs in all"
        )
    }
}

/// Independent seeding and acceptance on facts of the record (`--seeds`, `--accept`).
struct BatchDesignCalibrationTests {
    private let sweep = Sweep(name: "a", values: [.integer(1), .integer(2), .integer(3)])

    @Test("independent seeds follow the documented formula: reference values computed outside Swift")
    func independentSeedsArePinned() {
        // SplitMix64(batch ^ 0x494E_4400_0000_0000 ^ (run × 0x9E3779B97F4A7C15)).next(), computed in Python.
        #expect(BatchDesign.seed(batch: 42, independentRun: 0) == 13_307_922_018_030_013_754)
        #expect(BatchDesign.seed(batch: 42, independentRun: 7) == 11_697_865_575_639_026_452)
        #expect(BatchDesign.seed(batch: 5, independentRun: 123_456) == 14_435_236_402_284_014_472)
    }

    @Test("with independent seeds no two runs share a seed; with common seeds a replicate keeps its seed")
    func independentSeedsDifferAcrossPoints() {
        var design = BatchDesign(runsPerPoint: 4, seed: 42, steps: nil, fixed: [], sweeps: [sweep])
        #expect(design.seeding == .common)
        #expect(design.seed(ofRun: 1) == design.seed(ofRun: 5))
        design.seeding = .independent
        let seeds = (0..<design.totalRuns).map(design.seed(ofRun:))
        #expect(Set(seeds).count == 12)
        #expect(seeds[5] == BatchDesign.seed(batch: 42, independentRun: 5))
        // Run r is not replicate r of a common-seeded design.
        #expect(seeds[1] != BatchDesign.seed(batch: 42, replicate: 1))
    }

    @Test("a run is accepted when it ended ok and reproduced every fact named")
    func acceptanceNeedsEveryFactAndAnOkRun() {
        var design = BatchDesign(runsPerPoint: 1, seed: 1, steps: nil, fixed: [], sweeps: [])
        #expect(design.accepts(status: .ok, observed: [("a", true)]) == nil)
        design.accept = ["a", "b"]
        #expect(design.accepts(status: .ok, observed: [("a", true), ("b", true), ("c", false)]) == true)
        #expect(design.accepts(status: .ok, observed: [("a", true), ("b", false)]) == false)
        #expect(design.accepts(status: .ok, observed: [("a", true)]) == false, "a fact not reported")
        #expect(design.accepts(status: .limit, observed: [("a", true), ("b", true)]) == false)
        design.accept = []
        #expect(design.accepts(status: .ok, observed: []) == true, "no fact to reproduce")
    }

    @Test("the design's JSON names its seeding and facts only when they are not the default")
    func designJSONAddsSeedsAndAcceptOnlyWhenSet() {
        var design = BatchDesign(runsPerPoint: 2, seed: 1, steps: nil, fixed: [], sweeps: [sweep])
        let plain = design.json().compact()
        #expect(!plain.contains("seeds") && !plain.contains("accept"))
        design.seeding = .independent
        design.accept = ["three_heads"]
        #expect(design.json().compact() == plain.dropLast() + #","seeds":"independent","accept":["three_heads"]}"#)
    }
}
