// SobolIndices: first-order and total Sobol indices from the outputs of Saltelli's design, by the
// estimators SALib's sobol.analyze uses, with bootstrap intervals. Pure arithmetic.
import SimCore

/// One param's first-order and total indices, each with a 95% bootstrap interval.
package struct SobolIndices: Sendable, Equatable {
    package var first: Double
    package var firstInterval: ClosedRange<Double>
    package var total: Double
    package var totalInterval: ClosedRange<Double>

    /// The resamples of the bootstrap.
    package static let resamples = 1000

    /// The indices of each of the k params from `outputs` in the design's run order (blocks of k + 2:
    /// f_A, f_ABi for each i, f_B), as SALib computes them: outputs centred on their mean, V the
    /// variance of f_A and f_B together, S1 = mean(f_B·(f_ABi − f_A)) / V (Saltelli 2010),
    /// ST = ½·mean((f_A − f_ABi)²) / V (Jansen 1999). The interval is the index ± 1.96 standard
    /// deviations of it over `resamples` resamples of the N rows with replacement, drawn from `seed`
    /// (SALib's normal bootstrap interval). Nil when f_A and f_B do not vary.
    package static func estimate(outputs: [Double], params k: Int, seed: UInt64) -> [SobolIndices]? {
        let n = outputs.count / (k + 2)
        let mean = outputs.reduce(0, +) / Double(outputs.count)
        let y = outputs.map { $0 - mean }
        let a = (0..<n).map { y[$0 * (k + 2)] }
        let b = (0..<n).map { y[$0 * (k + 2) + k + 1] }
        let ab = (0..<k).map { i in (0..<n).map { y[$0 * (k + 2) + 1 + i] } }
        let rows = Array(0..<n)
        guard let point = indices(a: a, b: b, ab: ab, rows: rows) else { return nil }
        var mixer = SplitMix64(seed: seed ^ 0x424F_4F54_5354_5250)
        var random = RandomSource(seed: mixer.next())
        var firsts = Array(repeating: [Double](), count: k)
        var totals = Array(repeating: [Double](), count: k)
        for _ in 0..<resamples {
            let drawn = rows.map { _ in Int(random.integer(in: 0...Int64(n - 1))) }
            // A resample whose f_A and f_B are all equal says nothing: it is left out.
            guard let resampled = indices(a: a, b: b, ab: ab, rows: drawn) else { continue }
            for i in 0..<k {
                firsts[i].append(resampled[i].first)
                totals[i].append(resampled[i].total)
            }
        }
        return (0..<k).map { i in
            let (first, total) = point[i]
            let firstHalf = 1.96 * standardDeviation(firsts[i])
            let totalHalf = 1.96 * standardDeviation(totals[i])
            return SobolIndices(
                first: first, firstInterval: (first - firstHalf)...(first + firstHalf), total: total,
                totalInterval: (total - totalHalf)...(total + totalHalf))
        }
    }

    /// S1 and ST of each param over the given rows (repeats allowed); nil when f_A and f_B take one
    /// value over them.
    private static func indices(
        a: [Double], b: [Double], ab: [[Double]], rows: [Int]
    ) -> [(first: Double, total: Double)]? {
        // Compared exactly, not through V: the mean of equal values may differ from them in the last
        // bit, and a V of 1e-38 made of rounding would turn a rare boolean's indices into 1e30.
        guard let first = rows.first, rows.contains(where: { a[$0] != a[first] || b[$0] != a[first] }) else {
            return nil
        }
        let count = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += a[j] + b[j] }
        let mean = sum / (2 * count)
        var squares = 0.0
        for j in rows { squares += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean) }
        let variance = squares / (2 * count)
        guard variance > 0 else { return nil }
        return ab.map { abi in
            var first = 0.0
            var total = 0.0
            for j in rows {
                first += b[j] * (abi[j] - a[j])
                total += (a[j] - abi[j]) * (a[j] - abi[j])
            }
            return (first / count / variance, 0.5 * total / count / variance)
        }
    }

    /// The sample standard deviation (n − 1); 0 for fewer than two values.
    private static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
