import SimCore
import SimReports
import SimSupport
import SimTestSupport
// Statistics+DifferencesTests: the difference intervals against published values (Newcombe 1998),
// scipy's Welch interval, and the coverage of the paired intervals on simulated pairs.
import Testing

@testable import SimBatch

struct StatisticsDifferencesTests {
    @Test("Newcombe's hybrid score interval: 56/70 − 48/80 is 0.2000 [0.0524, 0.3339] (Newcombe 1998, method 10)")
    func newcombePublished() throws {
        let d = try #require(Statistics.newcombe(a: (48, 80), b: (56, 70)))
        #expect(abs(d.estimate - 0.2) < 1e-12)
        #expect(abs(d.low - 0.0524) < 5e-5)
        #expect(abs(d.high - 0.3339) < 5e-5)
        #expect(d.excludesZero)
        // Swapping the sides mirrors the interval.
        let back = try #require(Statistics.newcombe(a: (56, 70), b: (48, 80)))
        #expect(abs(back.low + d.high) < 1e-12 && abs(back.high + d.low) < 1e-12)
    }

    @Test("Welch's interval matches scipy.stats.ttest_ind(equal_var=False) at 92.3 degrees of freedom")
    func welchAgainstScipy() throws {
        let a = (0..<40).map { Double($0 % 7) + 0.5 * Double($0 % 3) }
        let b = (0..<55).map { Double(($0 * 3) % 11) * 0.8 }
        let d = try #require(
            Statistics.welch(
                a: (a.count, Statistics.mean(a), Statistics.standardDeviation(a)),
                b: (b.count, Statistics.mean(b), Statistics.standardDeviation(b))))
        // scipy 1.17: estimate 0.6375, interval (-0.29357934396785335, 1.5685793439678537), df 92.349.
        #expect(abs(d.estimate - 0.6375) < 1e-12)
        #expect(abs(d.low - -0.29357934396785335) < 1e-8)
        #expect(abs(d.high - 1.5685793439678537) < 1e-8)
        #expect(!d.excludesZero)
    }

    @Test("below 30 degrees of freedom Welch's interval errs on the wide side")
    func welchSmallSamplesAreConservative() throws {
        // scipy: 5 against 6 values, df 7.9916, interval (-0.5800786125354414, 6.380078612535441).
        let a = [1.0, 2, 3, 4, 5.5], b = [2.0, 4, 4, 7, 9, 10]
        let d = try #require(
            Statistics.welch(
                a: (5, Statistics.mean(a), Statistics.standardDeviation(a)),
                b: (6, Statistics.mean(b), Statistics.standardDeviation(b))))
        #expect(d.low <= -0.5800786125354414 && d.high >= 6.380078612535441)
        #expect(d.width < 1.05 * (6.380078612535441 + 0.5800786125354414))
        #expect(Statistics.welch(a: (1, 3, 0), b: (5, 3, 1)) == nil)
    }

    @Test("the paired mean interval is Student's t on the per-run differences")
    func pairedMean() throws {
        let differences = [0.5, 1.5, 1.0, 2.0, 0.0, 1.0]
        let d = try #require(Statistics.pairedMean(differences))
        let half = 2.5705818356363155 * Statistics.standardDeviation(differences) / 6.0.squareRoot()
        #expect(abs(d.estimate - 1) < 1e-12)
        #expect(abs(d.low - (1 - half)) < 1e-12 && abs(d.high - (1 + half)) < 1e-12)
    }

    @Test("Newcombe's paired interval with uncorrelated pairs is the unpaired one; correlation narrows it")
    func newcombePairedReduces() throws {
        // a·d = b·c makes φ = 0: 10·40 = 20·20.
        let paired = try #require(Statistics.newcombePaired(both: 10, onlyB: 20, onlyA: 20, neither: 40))
        let unpaired = try #require(Statistics.newcombe(a: (30, 90), b: (30, 90)))
        #expect(abs(paired.low - unpaired.low) < 1e-12 && abs(paired.high - unpaired.high) < 1e-12)
        let correlated = try #require(Statistics.newcombePaired(both: 28, onlyB: 2, onlyA: 2, neither: 58))
        #expect(correlated.width < 0.5 * unpaired.width)
        #expect(abs(correlated.estimate) < 1e-12)
    }

    @Test("paired intervals cover the true difference about 95% of the time")
    func pairedCoverage() {
        var random = RandomSource(seed: 2024)
        var meanCovered = 0, proportionCovered = 0
        let trials = 2000, n = 150
        for _ in 0..<trials {
            // Numbers: a shared part plus a small own part; true difference 0.3.
            var differences: [Double] = []
            // Proportions: base true with p 0.3; the variant flips a base false to true with p 0.1:
            // true difference 0.7 · 0.1 = 0.07.
            var counts = (both: 0, onlyB: 0, onlyA: 0, neither: 0)
            for _ in 0..<n {
                let shared = random.normal(), base = shared + 0.3 * random.normal()
                let variant = shared + 0.3 + 0.3 * random.normal()
                differences.append(variant - base)
                let a = random.uniform() < 0.3
                let b = a || random.uniform() < 0.1
                switch (a, b) {
                case (true, true): counts.both += 1
                case (false, true): counts.onlyB += 1
                case (true, false): counts.onlyA += 1
                case (false, false): counts.neither += 1
                }
            }
            if let d = Statistics.pairedMean(differences), d.low <= 0.3, 0.3 <= d.high { meanCovered += 1 }
            if let d = Statistics.newcombePaired(
                both: counts.both, onlyB: counts.onlyB, onlyA: counts.onlyA,
                neither: counts.neither),
                d.low <= 0.07, 0.07 <= d.high
            {
                proportionCovered += 1
            }
        }
        // Binomial(2000, 0.95) has a standard deviation of 0.005: ±0.02 is four of them.
        #expect(abs(Double(meanCovered) / Double(trials) - 0.95) < 0.02)
        #expect(Double(proportionCovered) / Double(trials) > 0.93)
        #expect(Double(proportionCovered) / Double(trials) < 0.99)
    }

    @Test("Welch's interval of spreads so small their df is infinite takes the normal quantile, not a trap")
    func welchInfiniteDegreesOfFreedom() throws {
        // va = sd²/n = 1e-159: va² / (n − 1) underflows to 0 while (va + vb)² does not.
        let sample = (n: 100_000_001, mean: 0.0, sd: (1e-159 * 100_000_001).squareRoot())
        let difference = try #require(Statistics.welch(a: sample, b: sample))
        #expect(difference.estimate == 0)
        #expect(difference.high > 0 && difference.high.isFinite)
    }
}
