// SensitivityTests: the Sobol and Morris estimators on functions evaluated here in Swift, whose indices
// are known in closed form, and the shape of the designs they read.
import SimCore
import Testing

@testable import SimBatch

struct SensitivityTests {
    private let unit = [
        ParamRange(name: "x1", min: 0, max: 1, isInteger: false),
        ParamRange(name: "x2", min: 0, max: 1, isInteger: false),
    ]

    /// `f` at every point of the design, the params as numbers in range order.
    private func outputs(_ design: SensitivityDesign, _ f: ([Double]) -> Double) -> [Double] {
        design.points.map { point in f(point.map { $0.1.numeric ?? .nan }) }
    }

    @Test("Saltelli's design: N·(k+2) runs in blocks A, A_B^1 … A_B^k, B; A_B^i is A with B's column i")
    func sobolDesignShape() {
        let design = SensitivityDesign(method: .sobol, samples: 5, ranges: unit + [unit[0]], seed: 3)
        #expect(design.totalRuns == 5 * 5)
        for j in 0..<5 {
            let block = Array(design.unitPoints[(j * 5)..<(j * 5 + 5)])
            let (a, b) = (block[0], block[4])
            for i in 0..<3 {
                #expect(block[1 + i].indices.allSatisfy { c in block[1 + i][c] == (c == i ? b[c] : a[c]) })
            }
            #expect(a.allSatisfy { $0 >= 0 && $0 < 1 } && b.allSatisfy { $0 >= 0 && $0 < 1 })
        }
    }

    @Test("Morris's design: r trajectories of k+1 grid points, each step moves one param by ±Δ = 2/3 (p = 4)")
    func morrisDesignShape() {
        let design = SensitivityDesign(method: .morris, samples: 20, ranges: unit + [unit[0]], seed: 9)
        #expect(design.totalRuns == 20 * 4)
        let grid: Set<Double> = [0, 1.0 / 3, 2.0 / 3, 1]
        for t in 0..<20 {
            var moved: Set<Int> = []
            for s in 0..<3 {
                let (from, to) = (design.unitPoints[t * 4 + s], design.unitPoints[t * 4 + s + 1])
                let changed = (0..<3).filter { from[$0] != to[$0] }
                #expect(changed.count == 1)
                #expect(abs(abs(to[changed[0]] - from[changed[0]]) - 2.0 / 3) < 1e-12)
                moved.formUnion(changed)
            }
            #expect(moved.count == 3)
            #expect(design.unitPoints[t * 4].allSatisfy { x in grid.contains { abs($0 - x) < 1e-12 } })
        }
    }

    @Test("y = x1 + 2·x2 on [0, 1]²: S1 = ST = (0.2, 0.8) within 0.03 and inside the intervals")
    func sobolLinear() throws {
        let design = SensitivityDesign(method: .sobol, samples: 2048, ranges: unit, seed: 11)
        let indices = try #require(
            SobolIndices.estimate(outputs: outputs(design) { $0[0] + 2 * $0[1] }, params: 2, seed: 11))
        for (s, expected) in zip(indices, [0.2, 0.8]) {
            #expect(abs(s.first - expected) < 0.03, "\(s)")
            #expect(abs(s.total - expected) < 0.03, "\(s)")
            #expect(s.firstInterval.contains(expected) && s.totalInterval.contains(expected), "\(s)")
        }
    }

    @Test("the same seed gives the same indices and intervals; a constant output has none")
    func sobolDeterministicAndConstant() {
        let design = SensitivityDesign(method: .sobol, samples: 64, ranges: unit, seed: 5)
        let y = outputs(design) { $0[0] * $0[1] }
        #expect(
            SobolIndices.estimate(outputs: y, params: 2, seed: 5)
                == SobolIndices.estimate(outputs: y, params: 2, seed: 5))
        #expect(SobolIndices.estimate(outputs: y.map { _ in 4 }, params: 2, seed: 5) == nil)
    }

    @Test("f_A and f_B all equal while f_AB varies: no indices, not the 1e30 a rounding V would give")
    func sobolConstantBaseRowsWithVaryingMixedRows() {
        // k = 2, n = 11: blocks of (f_A, f_AB1, f_AB2, f_B); 0.1 is inexact, and the centred values'
        // mean differs from each of them in the last bit (V was 1e-35 and S1 of x1 −1.4e32).
        var y: [Double] = []
        for row in 0..<11 { y += [0.1, row == 1 ? 1 : 0.1, 0.1, 0.1] }
        #expect(SobolIndices.estimate(outputs: y, params: 2, seed: 1) == nil)
    }

    @Test("a rare boolean (one true f_A in 50 rows): the indices by hand, and resamples without it left out")
    func sobolRareBoolean() throws {
        var y: [Double] = []
        for row in 0..<50 { y += [row == 5 ? 1 : 0, row == 5 ? 1 : 0, 0, 0] }
        let indices = try #require(SobolIndices.estimate(outputs: y, params: 2, seed: 3))
        for s in indices {
            #expect(s.first.isFinite && s.total.isFinite, "\(s)")
            #expect(s.firstInterval.lowerBound > -2 && s.firstInterval.upperBound < 3, "\(s)")
        }
        // Bootstrap resamples that miss the one true row say nothing and are left out, as documented;
        // before, their V of rounding noise made them count as indices of 0, and x2's total interval
        // was [0.04, 1.98].
        #expect(indices[1].totalInterval.lowerBound > 0.9 && indices[1].totalInterval.upperBound < 1.1)
        // Row 5 keeps its f_A when x1 takes B's value and loses it when x2 does: x2 carries it all. By
        // hand, centred on the mean 0.01: V = (0.99² + 99·0.01²)/100 = 0.0099, ST2 = ½·(1/50)/V = 100/99,
        // S1 of x2 = (0.01/50)/V = 2/99.
        #expect(indices[0].first == 0 && indices[0].total == 0)
        #expect(abs(indices[1].total - 100.0 / 99) < 1e-12 && abs(indices[1].first - 2.0 / 99) < 1e-12)
    }

    @Test("Morris on y = 3·x1 − 2·x2 over [0, 2] × [−1, 1]: mu* = |c|·range = 6 and 4, mu = 6 and −4, sigma 0")
    func morrisLinear() {
        let ranges = [
            ParamRange(name: "x1", min: 0, max: 2, isInteger: false),
            ParamRange(name: "x2", min: -1, max: 1, isInteger: false),
        ]
        let design = SensitivityDesign(method: .morris, samples: 10, ranges: ranges, seed: 2)
        let effects = MorrisEffects.estimate(outputs: outputs(design) { 3 * $0[0] - 2 * $0[1] }, design: design)
        #expect(abs(effects[0].muStar - 6) < 1e-9 && abs(effects[0].mu - 6) < 1e-9)
        #expect(abs(effects[1].muStar - 4) < 1e-9 && abs(effects[1].mu + 4) < 1e-9)
        #expect(effects.allSatisfy { ($0.sigma ?? 1) < 1e-9 })
    }

    @Test("integer ranges take rounded values within their bounds")
    func integerRounding() {
        let design = SensitivityDesign(
            method: .sobol, samples: 50, ranges: [ParamRange(name: "n", min: 1, max: 5, isInteger: true)], seed: 1)
        let values = design.points.map { point -> Int in
            guard case .integer(let n) = point[0].1 else { return -1 }
            return n
        }
        #expect(values.allSatisfy { (1...5).contains($0) })
        #expect(Set(values).count == 5)
    }

    @Test("a design's runs are bounded by BatchDesign.maxPoints, at the limit and one sample past it")
    func runsLimit() {
        #expect(SensitivityDesign.runs(method: .sobol, samples: 250_000, params: 2) == 1_000_000)
        #expect(SensitivityDesign.runs(method: .sobol, samples: 250_001, params: 2) == nil)
        #expect(SensitivityDesign.runs(method: .morris, samples: 250_000, params: 3) == 1_000_000)
        #expect(SensitivityDesign.runs(method: .morris, samples: Int.max, params: 3) == nil)
    }

    @Test("Morris on y = x1² + x2 over [0, 1]²: sigma is the effects' sample deviation (divisor r − 1)")
    func morrisSigma() throws {
        let design = SensitivityDesign(method: .morris, samples: 10, ranges: unit, seed: 4)
        let effects = MorrisEffects.estimate(outputs: outputs(design) { $0[0] * $0[0] + $0[1] }, design: design)
        // x1's effects by hand: ((x + Δ)² − x²)/Δ = 2x + Δ for each step of x1, whichever way.
        var byHand: [Double] = []
        for t in 0..<10 {
            for s in 0..<2 {
                let (from, to) = (design.unitPoints[t * 3 + s], design.unitPoints[t * 3 + s + 1])
                guard from[0] != to[0] else { continue }
                byHand.append(from[0] + to[0])
            }
        }
        #expect(byHand.count == 10)
        let mean = byHand.reduce(0, +) / 10
        let sigma = (byHand.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 9).squareRoot()
        #expect(sigma > 0.1)
        #expect(abs(effects[0].mu - mean) < 1e-12)
        #expect(abs(try #require(effects[0].sigma) - sigma) < 1e-12)
        #expect(abs(try #require(effects[1].sigma)) < 1e-12)
    }

    @Test("Sobol intervals: each index ± 1.96 deviations of its own bootstrap, resampled as documented")
    func sobolBootstrapIntervals() throws {
        // y = x1·x2 + x1, so S1 and ST differ and so do their spreads. The bootstrap is redone here
        // from its description: rows drawn with replacement from RandomSource(SplitMix64(seed XOR
        // "BOOTSTRP").next()), the indices recomputed from the centred outputs over them.
        let (n, k, seed): (Int, Int, UInt64) = (64, 2, 5)
        let design = SensitivityDesign(method: .sobol, samples: n, ranges: unit, seed: seed)
        let y = outputs(design) { $0[0] * $0[1] + $0[0] }
        let indices = try #require(SobolIndices.estimate(outputs: y, params: k, seed: seed))
        let mean = y.reduce(0, +) / Double(y.count)
        let c = y.map { $0 - mean }
        func estimate(_ rows: [Int]) -> [(first: Double, total: Double)] {
            let a = rows.map { c[$0 * (k + 2)] }, b = rows.map { c[$0 * (k + 2) + k + 1] }
            let m = Double(rows.count)
            let center = (a + b).reduce(0, +) / (2 * m)
            let v = (a + b).reduce(0.0) { $0 + ($1 - center) * ($1 - center) } / (2 * m)
            return (0..<k).map { i in
                let ab = rows.map { c[$0 * (k + 2) + 1 + i] }
                var first = 0.0, total = 0.0
                for j in rows.indices {
                    first += b[j] * (ab[j] - a[j])
                    total += (a[j] - ab[j]) * (a[j] - ab[j])
                }
                return (first / m / v, 0.5 * total / m / v)
            }
        }
        func deviation(_ xs: [Double]) -> Double {
            let m = xs.reduce(0, +) / Double(xs.count)
            return (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
        }
        var mixer = SplitMix64(seed: seed ^ 0x424F_4F54_5354_5250)
        var random = RandomSource(seed: mixer.next())
        var firsts = [[Double]](repeating: [], count: k), totals = firsts
        for _ in 0..<SobolIndices.resamples {
            let rows = (0..<n).map { _ in Int(random.integer(in: 0...Int64(n - 1))) }
            for (i, s) in estimate(rows).enumerated() {
                firsts[i].append(s.first)
                totals[i].append(s.total)
            }
        }
        let point = estimate(Array(0..<n))
        for i in 0..<k {
            let firstHalf = 1.96 * deviation(firsts[i]), totalHalf = 1.96 * deviation(totals[i])
            #expect(abs(firstHalf - totalHalf) > 1e-3, "the test tells the two spreads apart")
            #expect(abs(indices[i].first - point[i].first) < 1e-12)
            #expect(abs(indices[i].total - point[i].total) < 1e-12)
            #expect(abs(indices[i].firstInterval.lowerBound - (point[i].first - firstHalf)) < 1e-12)
            #expect(abs(indices[i].firstInterval.upperBound - (point[i].first + firstHalf)) < 1e-12)
            #expect(abs(indices[i].totalInterval.lowerBound - (point[i].total - totalHalf)) < 1e-12)
            #expect(abs(indices[i].totalInterval.upperBound - (point[i].total + totalHalf)) < 1e-12)
        }
    }
}
