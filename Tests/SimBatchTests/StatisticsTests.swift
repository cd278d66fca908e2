import SimCore
import SimReports
import SimSupport
import SimTestSupport
// StatisticsTests: the summary statistics against naive references written here and against
// published values of Student's t, Wilson's interval and numpy's quantiles.
import Testing

@testable import SimBatch

/// Means, deviations, quantiles, t quantiles and intervals.
struct StatisticsTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// The textbook formulas, summed left to right.
    private func naiveMean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    private func naiveSD(_ xs: [Double]) -> Double {
        let m = naiveMean(xs)
        return (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
    }

    @Test func meanAndStandardDeviationMatchTheTextbook() {
        let xs = [2.0, 4, 4, 4, 5, 5, 7, 9]
        #expect(Statistics.mean(xs) == 5)
        // Σ(x − 5)² = 32 over n − 1 = 7.
        #expect(close(Statistics.standardDeviation(xs), (32.0 / 7).squareRoot()))
        let ys = (1...1000).map { Double($0 * 37 % 101) / 7 + 0.1 }
        #expect(close(Statistics.mean(ys), naiveMean(ys)))
        #expect(close(Statistics.standardDeviation(ys), naiveSD(ys)))
    }

    @Test func standardDeviationIsZeroBelowTwoValuesAndMeanNaNForNone() {
        #expect(Statistics.standardDeviation([]) == 0)
        #expect(Statistics.standardDeviation([3.5]) == 0)
        #expect(Statistics.mean([]).isNaN)
        #expect(Statistics.mean([3.5]) == 3.5)
    }

    @Test func compensatedSumKeepsSmallTermsNextToLargeOnes() {
        // 1e16 + 1 + 1 − 1e16 is 2, but summed left to right it is 0.
        let xs = [1e16, 1, 1, -1e16]
        #expect(Statistics.mean(xs) == 0.5)
        // A term larger than the running total (Neumaier's case, which Kahan's sum gets wrong): the
        // 1 before 1e100 is kept too.
        #expect(Statistics.mean([1, 1e100, 1, -1e100]) == 0.5)
    }

    @Test func quantilesMatchNumpyDefault() {
        // numpy.quantile([3, 1, 4, 1, 5, 9, 2, 6], p): h = 7p into the sorted 1 1 2 3 4 5 6 9.
        let sorted = [1.0, 1, 2, 3, 4, 5, 6, 9]
        let expected: [(Double, Double)] = [
            (0, 1), (0.05, 1), (0.25, 1.75), (0.5, 3.5), (0.75, 5.25), (0.95, 7.95), (1, 9),
        ]
        for (p, q) in expected { #expect(close(Statistics.quantile(sorted: sorted, p), q), "p = \(p)") }
        // numpy.quantile([1, 2, 4, 7, 11], p): h = 4p.
        let odd = [1.0, 2, 4, 7, 11]
        for (p, q) in [(0.1, 1.4), (0.25, 2.0), (0.5, 4.0), (0.9, 9.4), (0.95, 10.2)] {
            #expect(close(Statistics.quantile(sorted: odd, p), q), "p = \(p)")
        }
        #expect(Statistics.quantile(sorted: [42], 0.3) == 42)
        #expect(Statistics.quantile(sorted: [], 0.5).isNaN)
    }

    @Test func quantileStaysWithinItsOrderStatistics() {
        // Interpolating between equal neighbours gives exactly their value.
        let sorted = [0.1, 0.1, 0.1, 0.7]
        #expect(Statistics.quantile(sorted: sorted, 0.6) == 0.1)
        #expect(Statistics.quantile(sorted: sorted, 0.99) <= 0.7)
    }

    @Test func studentTMatchesPublishedQuantiles() {
        let published: [(Int, Double)] = [
            (1, 12.706204736), (2, 4.302652730), (10, 2.228138852), (30, 2.042272456),
            (100, 1.983971519), (1000, 1.962339081),
        ]
        for (df, t) in published {
            #expect(abs(Statistics.studentT975(degreesOfFreedom: df) - t) < 1e-9, "df = \(df)")
        }
        // Closed forms: ν = 1 is tan(0.475π), 12.706204736174698; ν = 2 is (2p − 1)/√(2p(1 − p)).
        #expect(close(Statistics.studentT975(degreesOfFreedom: 2), 0.95 / (2 * 0.975 * 0.025).squareRoot()))
    }

    @Test func studentTFallsSmoothlyTowardTheNormal() {
        // Across the table's end and beyond, t decreases and stays above z.
        var previous = Double.infinity
        for df in [1, 5, 29, 30, 31, 32, 50, 200, 10_000, 1_000_000] {
            let t = Statistics.studentT975(degreesOfFreedom: df)
            #expect(t < previous && t > Statistics.z975, "df = \(df)")
            previous = t
        }
        // ν = 31 from the 40-digit inverse incomplete beta: 2.0395134463964086.
        #expect(abs(Statistics.studentT975(degreesOfFreedom: 31) - 2.0395134463964086) < 1e-9)
        #expect(abs(Statistics.studentT975(degreesOfFreedom: 1_000_000) - 1.959966356814107) < 1e-12)
    }

    @Test func meanIntervalIsMeanPlusMinusTStandardError() throws {
        let xs = [2.0, 4, 4, 4, 5, 5, 7, 9]
        let (lo, hi) = try #require(Statistics.meanInterval(xs))
        // t(0.975, 7) = 2.3646242515927853.
        let half = 2.3646242515927853 * naiveSD(xs) / 8.0.squareRoot()
        #expect(close(lo, 5 - half) && close(hi, 5 + half))
        #expect(Statistics.meanInterval([1]) == nil)
        #expect(Statistics.meanInterval([]) == nil)
        let constant = try #require(Statistics.meanInterval([3, 3, 3]))
        #expect(constant == (3, 3))
    }

    @Test func wilsonMatchesPublishedIntervals() {
        // Computed at 40 digits from the score formula; 81/263 is Newcombe (1998)'s example,
        // published as 0.2553 to 0.3662.
        let cases: [(Int, Int, Double, Double)] = [
            (0, 10, 0, 0.2775327998628892),
            (10, 10, 0.7224672001371108, 1),
            (5, 10, 0.236593090512564, 0.763406909487436),
            (81, 263, 0.25528851987827423, 0.36620957698280006),
        ]
        for (k, n, lo, hi) in cases {
            let (l, h) = Statistics.wilson(successes: k, trials: n)
            #expect(close(l, lo) && close(h, hi), "\(k)/\(n)")
        }
        let newcombe = Statistics.wilson(successes: 81, trials: 263)
        #expect(abs(newcombe.0 - 0.2553) < 5e-5 && abs(newcombe.1 - 0.3662) < 5e-5)
    }

    @Test func wilsonIsExactAtTheEndsAndWholeForNoTrials() {
        #expect(Statistics.wilson(successes: 0, trials: 10).0 == 0)
        #expect(Statistics.wilson(successes: 10, trials: 10).1 == 1)
        #expect(Statistics.wilson(successes: 0, trials: 0) == (0, 1))
        // Symmetric: k of n mirrors n − k of n.
        let (lo, hi) = Statistics.wilson(successes: 3, trials: 17)
        let (mlo, mhi) = Statistics.wilson(successes: 14, trials: 17)
        #expect(close(lo, 1 - mhi) && close(hi, 1 - mlo))
    }

    @Test func theTableServesEveryWholeDegreeUpToThirtyExactly() {
        // ν = 30 is the table's last row, bit for bit; ν = 31 is the expansion's first.
        #expect(Statistics.studentT975(degreesOfFreedom: 30) == 2.0422724563012383)
        #expect(Statistics.studentT975(degreesOfFreedom: 29) == 2.0452296421327043)
        // Welch's fractional ν below 30 takes the whole degrees below: 2.7 is ν = 2, 29.9 is ν = 29.
        #expect(Statistics.studentT975(degreesOfFreedom: 2.7) == 4.3026527297494639)
        #expect(Statistics.studentT975(degreesOfFreedom: 29.9) == 2.0452296421327043)
        #expect(abs(Statistics.studentT975(degreesOfFreedom: 30.0) - 2.0422724563012383) < 1e-9)
    }
}
