// BatchDesign: what a Monte Carlo batch runs — its design points (a full factorial of sweeps or a
// Latin hypercube sample), how run indices map to points, replicates and seeds, and which runs a
// shard takes. See docs/batch.md.

import Foundation
import SimCore
import SimSupport

/// The design of a batch: its points, `runsPerPoint` replicates at each, and their seeds.
///
/// Runs are numbered `0 ..< totalRuns`; run `i` belongs to point `i / runsPerPoint` and is replicate
/// `i % runsPerPoint` there. By default a replicate has the same seed at every point (common random
/// numbers); with `seeding` `.independent` every run has a seed of its own.
package struct BatchDesign: Sendable {
    /// How runs get their seeds.
    package enum Seeding: String, Sendable, CaseIterable {
        /// Replicate r has the same seed at every point: differences between points are not noise.
        case common
        /// Every run its own seed: each run an independent draw, as calibration by rejection needs.
        case independent
    }

    /// The most design points a batch has (the product of its sweeps, a sample's K): the runs file's
    /// header lists every point, and a summary keeps each one's statistics.
    package static let maxPoints = 1_000_000
    /// The most runs a batch has (runs per point × points): every one is numbered and planned ahead,
    /// and a summary keeps every value an outcome took.
    package static let maxRuns = 100_000_000

    package var runsPerPoint: Int
    package var seed: UInt64
    package var seeding = Seeding.common
    /// With `--accept`: the facts of the record (`sim.observed`) a run must reproduce to be accepted.
    package var accept: [String]?
    package var steps: Int?
    /// The `--param` values, applied to every run.
    package var fixed: [(String, ScalarValue)]
    package var sweeps: [Sweep]
    /// The Latin hypercube sample, with `--sample lhs:K`.
    package var sample: (size: Int, ranges: [ParamRange])?
    /// With `--precision`: the precision to run each point to, `runsPerPoint` being the cap.
    package var precision: Precision?
    /// Each point's swept or sampled values, in sweep (or range) order.
    package private(set) var points: [[(String, ScalarValue)]]

    /// A full factorial design over `sweeps`, the first varying slowest; without sweeps, one point
    /// with no values of its own.
    package init(runsPerPoint: Int, seed: UInt64, steps: Int?, fixed: [(String, ScalarValue)], sweeps: [Sweep]) {
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
    package init(
        runsPerPoint: Int, seed: UInt64, steps: Int?, fixed: [(String, ScalarValue)],
        latinHypercube size: Int, ranges: [ParamRange]
    ) {
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
                points[p].append((range.name, range.value(at: (Double(strata[p]) + random.uniform()) / Double(size))))
            }
        }
    }

    /// One run at each of `points`, all with replicate 0's seed: the design of a sensitivity
    /// analysis, whose points the analysis itself lays out.
    package init(seed: UInt64, steps: Int?, fixed: [(String, ScalarValue)], points: [[(String, ScalarValue)]]) {
        runsPerPoint = 1
        self.seed = seed
        self.steps = steps
        self.fixed = fixed
        sweeps = []
        sample = nil
        self.points = points
    }

    package var totalRuns: Int { points.count * runsPerPoint }

    /// Runs per point × points, checked against `maxPoints` and `maxRuns` before any point is laid
    /// out: a message naming the flags when the design is too large.
    package static func checkSize(runsPerPoint: Int, sweeps: [Sweep], sample: Int?) throws(DesignError) {
        var points = sample ?? 1
        for sweep in sweeps {
            // At most maxPoints × Sweep.maxValues: the running product cannot overflow before the check.
            points *= sweep.values.count
            guard points <= maxPoints else {
                let names = sweeps.map { "--sweep \($0.name)" }.joined(separator: " × ")
                throw DesignError(message: "\(names): more than \(maxPoints) design points")
            }
        }
        guard points <= maxPoints else {
            throw DesignError(message: "--sample lhs:\(points): more than \(maxPoints) design points")
        }
        guard runsPerPoint <= maxRuns / points else {
            throw DesignError(
                message: "--runs \(runsPerPoint) at \(points) design points: more than \(maxRuns) runs in all")
        }
    }

    /// The params the design sets in every run, in the order runs are given them: the fixed ones,
    /// then the swept or sampled ones.
    package var paramNames: [String] {
        fixed.map(\.0) + sweeps.map(\.name) + (sample?.ranges.map(\.name) ?? [])
    }

    package func point(ofRun run: Int) -> Int { run / runsPerPoint }

    package func replicate(ofRun run: Int) -> Int { run % runsPerPoint }

    /// SplitMix64(batch XOR (replicate × 0x9E3779B97F4A7C15)).next(): depends on the batch seed and
    /// the replicate only.
    package static func seed(batch: UInt64, replicate: Int) -> UInt64 {
        var mixer = SplitMix64(seed: batch ^ (UInt64(replicate) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }

    /// SplitMix64(batch XOR 0x494E_4400_0000_0000 XOR (run × 0x9E3779B97F4A7C15)).next(): a seed of
    /// the run's own, from the batch seed and the run index; the constant keeps run r apart from
    /// replicate r of a common-seeded design.
    package static func seed(batch: UInt64, independentRun run: Int) -> UInt64 {
        var mixer = SplitMix64(seed: batch ^ 0x494E_4400_0000_0000 ^ (UInt64(run) &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }

    /// The seed a run is started with.
    package func seed(ofRun run: Int) -> UInt64 {
        switch seeding {
        case .common: return BatchDesign.seed(batch: seed, replicate: replicate(ofRun: run))
        case .independent: return BatchDesign.seed(batch: seed, independentRun: run)
        }
    }

    /// Whether a run is accepted by `accept`: it finished ok and reproduced every fact named; nil
    /// without `accept`.
    package func accepts(status: RunRecord.Status, observed: [(String, Bool)]) -> Bool? {
        accept.map { facts in
            status == .ok && facts.allSatisfy { fact in observed.first { $0.0 == fact }?.1 == true }
        }
    }

    /// The params a run overrides: the fixed ones, then its point's values.
    package func overrides(forRun run: Int) -> [(String, ScalarValue)] {
        fixed + points[point(ofRun: run)]
    }

    /// The design as it goes in a runs file's header and the summary: `{"runs": N, "steps": S|null,
    /// "params": {fixed}, "sweeps": [{"name", "values"}], "sample": null | {"method": "lhs", "size": K,
    /// "ranges": {name: [min, max]}}, "points": count}`, then only when they apply: `"seeds":
    /// "independent"`, `"accept": [facts]` and `"precision"`.
    package func json() -> JSONValue {
        let sampleJSON: JSONValue =
            sample.map { sample in
                let ranges = sample.ranges.filter { $0.choices == nil }.map { range -> (String, JSONValue) in
                    (range.name, [.number(range.min), .number(range.max)])
                }
                let fields: [(String, JSONValue)] = [
                    ("method", .string("lhs")), ("size", .int(sample.size)), ("ranges", .object(ranges)),
                ]
                return JSONValue.object(fields + BatchDesign.choicesJSON(sample.ranges))
            } ?? .null
        var fields: [(String, JSONValue)] = [
            ("runs", .int(runsPerPoint)),
            ("steps", steps.map(JSONValue.int) ?? .null),
            ("params", .object(fixed.map { ($0.0, JSONValue($0.1)) })),
            (
                "sweeps",
                .array(
                    sweeps.map { sweep in
                        ["name": .string(sweep.name), "values": .array(sweep.values.map(JSONValue.init))]
                    })
            ),
            ("sample", sampleJSON),
            ("points", .int(points.count)),
        ]
        if seeding != .common { fields.append(("seeds", .string(seeding.rawValue))) }
        if let accept { fields.append(("accept", .array(accept.map(JSONValue.string)))) }
        if let precision { fields.append(("precision", precision.json())) }
        return .object(fields)
    }

    /// `"choices": {name: [values]}` for the sampled params that take choices; nothing when none
    /// does, so designs without them keep their bytes.
    private static func choicesJSON(_ ranges: [ParamRange]) -> [(String, JSONValue)] {
        let chosen = ranges.compactMap { range in
            range.choices.map { (range.name, JSONValue.array($0.map(JSONValue.init))) }
        }
        return chosen.isEmpty ? [] : [("choices", .object(chosen))]
    }
}
