// SensitivityDesign: where a global sensitivity analysis runs the model — Saltelli's design for Sobol
// indices (A, B and the k matrices A_B^i) or Morris's trajectories on a p-level grid — as points in
// the unit cube and scaled to the params' ranges. See docs/analysis.md, "Sensitivity".
import SimCore
import SimSupport

/// The points of a Sobol or Morris analysis over `ranges`, in run order.
package struct SensitivityDesign: Sendable {
    package enum Method: String, Sendable, CaseIterable {
        case sobol, morris
    }

    package let method: Method
    /// N, the rows of A and B (Sobol), or r, the trajectories (Morris).
    package let samples: Int
    /// p, the levels of Morris's grid.
    package let levels: Int
    package let ranges: [ParamRange]
    /// The seed the design is drawn from, which also seeds the runs (as a batch's replicate 0).
    package let seed: UInt64
    /// Each run's point in the unit cube, one coordinate per range.
    package let unitPoints: [[Double]]

    /// The design drawn from `seed` with its own generator (SplitMix64 of the seed with a salt per
    /// method mixed in), apart from the runs' streams.
    ///
    /// Sobol: A and B are N × k plain uniform samples (row by row, A's row then B's). Runs come in
    /// blocks of k + 2 per row j, as SALib lays them out: A_j, A_B^1_j … A_B^k_j (A_j with column i
    /// from B_j), B_j. Morris: r trajectories of k + 1 points each; a trajectory starts at a random
    /// grid point whose levels leave room for Δ = p / (2(p − 1)) in a random direction per param,
    /// then moves one param at a time, in a random order, by ±Δ.
    package init(method: Method, samples: Int, levels: Int = 4, ranges: [ParamRange], seed: UInt64) {
        self.method = method
        self.samples = samples
        self.levels = levels
        self.ranges = ranges
        self.seed = seed
        let k = ranges.count
        var mixer = SplitMix64(seed: seed ^ (method == .sobol ? 0x534F_424F_4C00_0000 : 0x4D4F_5252_4953_0000))
        var random = RandomSource(seed: mixer.next())
        var points: [[Double]] = []
        switch method {
        case .sobol:
            points.reserveCapacity(samples * (k + 2))
            for _ in 0..<samples {
                let a = (0..<k).map { _ in random.uniform() }
                let b = (0..<k).map { _ in random.uniform() }
                points.append(a)
                for i in 0..<k {
                    var mixed = a
                    mixed[i] = b[i]
                    points.append(mixed)
                }
                points.append(b)
            }
        case .morris:
            let delta = SensitivityDesign.delta(levels: levels)
            let step = 1 / Double(levels - 1)
            for _ in 0..<samples {
                var point = (0..<k).map { _ in Double(random.integer(in: 0...Int64(levels / 2 - 1))) * step }
                let up = (0..<k).map { _ in random.integer(in: 0...1) == 1 }
                for i in 0..<k where !up[i] { point[i] += delta }
                var order = Array(0..<k)
                for i in order.indices.dropFirst().reversed() {
                    order.swapAt(i, Int(random.integer(in: 0...Int64(i))))
                }
                points.append(point)
                for i in order {
                    point[i] += up[i] ? delta : -delta
                    points.append(point)
                }
            }
        }
        unitPoints = points
    }

    /// The runs a design of `samples` over `params` params takes, N·(k + 2) or r·(k + 1), when it is
    /// at most `BatchDesign.maxPoints` (every run is a point of its own); nil past that.
    package static func runs(method: Method, samples: Int, params: Int) -> Int? {
        let (runs, overflow) = samples.multipliedReportingOverflow(by: params + (method == .sobol ? 2 : 1))
        return !overflow && runs <= BatchDesign.maxPoints ? runs : nil
    }

    /// Morris's step in the unit cube, p / (2(p − 1)).
    package static func delta(levels: Int) -> Double {
        Double(levels) / (2 * Double(levels - 1))
    }

    /// The runs the design takes: N·(k + 2) for Sobol, r·(k + 1) for Morris.
    package var totalRuns: Int { unitPoints.count }

    /// Each run's params, the unit points scaled to the ranges (integers rounded).
    package var points: [[(String, ScalarValue)]] {
        unitPoints.map { unit in zip(ranges, unit).map { ($0.name, $0.value(at: $1)) } }
    }

    /// The design as the output's header names it: method, samples, (levels,) runs, the seed every run
    /// has, steps, fixed params and the ranges.
    package func json(steps: Int?, fixed: [(String, ScalarValue)]) -> JSONValue {
        var fields: [(String, JSONValue)] = [("method", .string(method.rawValue)), ("samples", .int(samples))]
        if method == .morris { fields.append(("levels", .int(levels))) }
        fields += [
            ("runs", .int(totalRuns)),
            ("run_seed", .unsigned(BatchDesign.seed(batch: seed, replicate: 0))),
            ("steps", steps.map(JSONValue.int) ?? .null),
            ("params", .object(fixed.map { ($0.0, JSONValue($0.1)) })),
            (
                "ranges",
                .object(
                    ranges.map { range in
                        (
                            range.name,
                            range.choices.map { .array($0.map(JSONValue.init)) }
                                ?? [.number(range.min), .number(range.max)]
                        )
                    })
            ),
        ]
        return .object(fields)
    }
}
