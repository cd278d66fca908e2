// BatchDesign: what a Monte Carlo batch runs — its design points (a full factorial of sweeps or a
// Latin hypercube sample), how run indices map to points, replicates and seeds, and which runs a
// shard takes. See docs/batch.md.

import Foundation
import SimCore
import SimSupport

/// A batch flag that cannot be used, as one line naming the flag and its text.
public struct DesignError: Error, Sendable {
    /// For example `--sweep haftar_day=5,x: 'x' is not an integer`.
    public var message: String

    public init(message: String) { self.message = message }
}

/// One factor of a design: a param and the values it takes.
public struct Sweep: Sendable, Equatable {
    /// More values than this in one sweep is a typo, not a design.
    public static let maxValues = 100_000

    public var name: String
    public var values: [ScalarValue]

    public init(name: String, values: [ScalarValue]) {
        self.name = name
        self.values = values
    }

    /// Parses `NAME=v1,v2,...` or, for a numeric param, `NAME=start:stop:step`, typed like the
    /// param's `defaultValue`: an integer param takes integers only, a number param numbers, a
    /// boolean `true`/`false`, a string the texts as given.
    ///
    /// A range goes from start by step and includes stop when some `start + k × step` reaches it
    /// within `1e-9 × |step|`; the step must lead from start towards stop. Each number of a range is
    /// rounded to the decimals written in start and step, so `0:1:0.1` gives 0.3, not
    /// 0.30000000000000004: the same values as typing them out.
    public static func parse(_ text: String, defaultValue: ScalarValue) throws(DesignError) -> Sweep {
        let (name, spec) = try split(text)
        let fail = { (detail: String) in DesignError(message: "--sweep \(text): \(detail)") }
        guard !spec.isEmpty else { throw fail("no values") }
        let items = spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var values: [ScalarValue] = []
        switch defaultValue {
        case .integer:
            if spec.contains(":") { return Sweep(name: name, values: try integerRange(String(spec), fail)) }
            for item in items {
                guard let i = Int(item) else { throw fail("'\(item)' is not an integer") }
                values.append(.integer(i))
            }
        case .number:
            if spec.contains(":") { return Sweep(name: name, values: try numberRange(String(spec), fail)) }
            for item in items {
                guard let x = decimal(item) else { throw fail("'\(item)' is not a number") }
                values.append(.number(x))
            }
        case .boolean:
            for item in items {
                guard let b = ["false": false, "true": true][item] else { throw fail("'\(item)' is not true or false") }
                values.append(.boolean(b))
            }
        case .string:
            values = items.map(ScalarValue.string)
        }
        guard values.count <= maxValues else { throw fail("\(values.count) values, at most \(maxValues)") }
        return Sweep(name: name, values: values)
    }

    /// The NAME before `=` in a `--sweep` text, to find the param before parsing its values.
    public static func name(of text: String) throws(DesignError) -> String {
        try split(text).name
    }

    private static func split(_ text: String) throws(DesignError) -> (name: String, spec: Substring) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw DesignError(message: "--sweep \(text): expected NAME=v1,v2,... or NAME=start:stop:step")
        }
        return (String(text[..<equals]), text[text.index(after: equals)...])
    }

    private static func integerRange(_ spec: String,
                                     _ fail: (String) -> DesignError) throws(DesignError) -> [ScalarValue] {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw fail("expected start:stop:step") }
        var bounds: [Int] = []
        for part in parts {
            guard let i = Int(part) else { throw fail("'\(part)' is not an integer") }
            bounds.append(i)
        }
        let (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        try checkDirection(start: Double(start), stop: Double(stop), step: Double(step), fail)
        let (span, overflow) = stop.subtractingReportingOverflow(start)
        guard !overflow, span / step < maxValues else { throw fail("more than \(maxValues) values") }
        return (0...(span / step)).map { .integer(start + $0 * step) }
    }

    private static func numberRange(_ spec: String,
                                    _ fail: (String) -> DesignError) throws(DesignError) -> [ScalarValue] {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw fail("expected start:stop:step") }
        var bounds: [Double] = []
        for part in parts {
            guard let x = decimal(part) else { throw fail("'\(part)' is not a number") }
            bounds.append(x)
        }
        let (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        try checkDirection(start: start, stop: stop, step: step, fail)
        let last = ((stop - start) / step + 1e-9).rounded(.down)
        guard last < Double(maxValues) else { throw fail("more than \(maxValues) values") }
        let places = max(decimals(parts[0]), decimals(parts[2]))
        return (0...Int(last)).map { k in
            // Rounding to the decimals written gives the double nearest the decimal value meant.
            .number(Double(String(format: "%.*f", places, start + Double(k) * step))!)
        }
    }

    private static func checkDirection(start: Double, stop: Double, step: Double,
                                       _ fail: (String) -> DesignError) throws(DesignError) {
        guard step != 0 else { throw fail("the step is 0") }
        guard step > 0 ? start <= stop : start >= stop else { throw fail("the step leads away from stop") }
    }

    /// A finite number written in decimal (no hex, `inf` or `nan`).
    private static func decimal(_ text: String) -> Double? {
        guard text.allSatisfy({ "0123456789+-.eE".contains($0) }), let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// How many decimal places a decimal number's text spells out: 2 for `0.25`, 3 for `1e-3`.
    private static func decimals(_ text: String) -> Int {
        let parts = text.split(whereSeparator: { $0 == "e" || $0 == "E" })
        let fraction = parts.first.flatMap { $0.firstIndex(of: ".").map { parts[0][$0...].count - 1 } } ?? 0
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        // Below 10^-340 every double is 0, so more places change nothing.
        return min(max(0, fraction - exponent), 340)
    }
}

/// A numeric param's declared bounds, sampled by `--sample lhs:K`.
public struct ParamRange: Sendable, Equatable {
    public var name: String
    public var min: Double
    public var max: Double
    /// The param takes integers: samples are rounded.
    public var isInteger: Bool

    public init(name: String, min: Double, max: Double, isInteger: Bool) {
        self.name = name
        self.min = min
        self.max = max
        self.isInteger = isInteger
    }
}

/// The design of a batch: its points, `runsPerPoint` replicates at each, and their seeds.
///
/// Runs are numbered `0 ..< totalRuns`; run `i` belongs to point `i / runsPerPoint` and is replicate
/// `i % runsPerPoint` there. A replicate has the same seed at every point (common random numbers).
public struct BatchDesign: Sendable {
    public var runsPerPoint: Int
    public var seed: UInt64
    public var steps: Int?
    /// The `--param` values, applied to every run.
    public var fixed: [(String, ScalarValue)]
    public var sweeps: [Sweep]
    /// The Latin hypercube sample, with `--sample lhs:K`.
    public var sample: (size: Int, ranges: [ParamRange])?
    /// Each point's swept or sampled values, in sweep (or range) order.
    public private(set) var points: [[(String, ScalarValue)]]

    /// A full factorial design over `sweeps`, the first varying slowest; without sweeps, one point
    /// with no values of its own.
    public init(runsPerPoint: Int, seed: UInt64, steps: Int?, fixed: [(String, ScalarValue)], sweeps: [Sweep]) {
        self.runsPerPoint = runsPerPoint
        self.seed = seed
        self.steps = steps
        self.fixed = fixed
        self.sweeps = sweeps
        sample = nil
        points = sweeps.reduce([[]]) { partial, sweep in
            partial.flatMap { point in sweep.values.map { point + [(sweep.name, $0)] } }
        }
    }

    /// A Latin hypercube of `size` points over `ranges`: each param's `[min, max]` is cut into `size`
    /// equal strata and every stratum is used by exactly one point, at a uniform place inside it.
    /// Integer params take the rounded value, kept within their bounds.
    ///
    /// The draws come from their own generator, seeded from the batch seed through SplitMix64 with
    /// `0x4C48_5300_0000_0000` mixed in, so they never share the runs' streams: for each param in
    /// order, a Fisher–Yates permutation of the strata, then one uniform per point.
    public init(runsPerPoint: Int, seed: UInt64, steps: Int?, fixed: [(String, ScalarValue)],
                latinHypercube size: Int, ranges: [ParamRange]) {
        self.runsPerPoint = runsPerPoint
        self.seed = seed
        self.steps = steps
        self.fixed = fixed
        sweeps = []
        sample = (size, ranges)
        var mixer = SplitMix64(seed: seed ^ 0x4C48_5300_0000_0000)
        var random = RandomSource(seed: mixer.next())
        points = Array(repeating: [], count: size)
        for range in ranges {
            var strata = Array(0..<size)
            for i in strata.indices.dropFirst().reversed() {
                strata.swapAt(i, Int(random.integer(in: 0...Int64(i))))
            }
            for p in 0..<size {
                let x = range.min + (Double(strata[p]) + random.uniform()) / Double(size) * (range.max - range.min)
                let value: ScalarValue = range.isInteger
                    ? .integer(Int(Swift.min(Swift.max(x.rounded(), range.min.rounded(.up)), range.max.rounded(.down))))
                    : .number(x)
                points[p].append((range.name, value))
            }
        }
    }

    public var totalRuns: Int { points.count * runsPerPoint }

    public func point(ofRun run: Int) -> Int { run / runsPerPoint }

    public func replicate(ofRun run: Int) -> Int { run % runsPerPoint }

    /// SplitMix64(batch XOR (replicate × 0x9E3779B97F4A7C15)).next(): depends on the batch seed and
    /// the replicate only.
    public static func seed(batch: UInt64, replicate: Int) -> UInt64 {
        var mixer = SplitMix64(seed: batch ^ (UInt64(replicate) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }

    /// The seed a run is started with.
    public func seed(ofRun run: Int) -> UInt64 {
        BatchDesign.seed(batch: seed, replicate: replicate(ofRun: run))
    }

    /// The params a run overrides: the fixed ones, then its point's values.
    public func overrides(forRun run: Int) -> [(String, ScalarValue)] {
        fixed + points[point(ofRun: run)]
    }

    /// The design as it goes in a runs file's header and the summary: `{"runs": N, "steps": S|null,
    /// "params": {fixed}, "sweeps": [{"name", "values"}], "sample": null | {"method": "lhs", "size": K,
    /// "ranges": {name: [min, max]}}, "points": count}`.
    public func json() -> JSONValue {
        let sampleJSON: JSONValue = sample.map { sample in
            [
                "method": .string("lhs"),
                "size": .int(sample.size),
                "ranges": .object(sample.ranges.map { ($0.name, [.number($0.min), .number($0.max)]) }),
            ]
        } ?? .null
        return [
            "runs": .int(runsPerPoint),
            "steps": steps.map(JSONValue.int) ?? .null,
            "params": .object(fixed.map { ($0.0, JSONValue($0.1)) }),
            "sweeps": .array(sweeps.map { sweep in
                ["name": .string(sweep.name), "values": .array(sweep.values.map(JSONValue.init))]
            }),
            "sample": sampleJSON,
            "points": .int(points.count),
        ]
    }
}

/// One of N machines' share of a batch: the runs whose index is K − 1 modulo N.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// K, 1-based.
    public var index: Int
    /// N.
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public static func parse(_ text: String) throws(DesignError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw DesignError(message: "--shard \(text): expected K/N, as in 3/16")
        }
        guard n >= 1, (1...n).contains(k) else {
            throw DesignError(message: "--shard \(text): K must be between 1 and N")
        }
        return Shard(index: k, count: n)
    }

    public func contains(run: Int) -> Bool { run % count == index - 1 }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
