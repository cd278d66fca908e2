// Statistics: the descriptive statistics and 95% intervals of a batch summary — mean, standard
// deviation, quantiles, Student's t interval for a mean and Wilson's interval for a proportion.
// Arithmetic and square roots only, so a summary is the same bytes on every machine.

/// Sample statistics and 95% confidence intervals.
package enum Statistics {
    /// The standard normal's 0.975 quantile, the z of every 95% interval here.
    package static let z975 = 1.959963984540054

    /// The arithmetic mean; NaN for no values.
    package static func mean(_ values: [Double]) -> Double {
        sum(values) / Double(values.count)
    }

    /// The sample standard deviation (divisor n − 1); 0 for fewer than two values.
    package static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let m = mean(values)
        // Two passes: squaring deviations from the mean avoids the cancellation of Σx² − n·m².
        return (sum(values.lazy.map { ($0 - m) * ($0 - m) }) / Double(values.count - 1)).squareRoot()
    }

    /// The `p` quantile (0 ≤ p ≤ 1) of ascending values, interpolating linearly between order
    /// statistics: R's type 7, numpy's default. NaN for no values.
    package static func quantile(sorted values: [Double], _ p: Double) -> Double {
        precondition((0...1).contains(p), "a quantile's p must be within 0...1")
        guard !values.isEmpty else { return .nan }
        let h = Double(values.count - 1) * p
        let below = Int(h)
        let t = h - Double(below)
        guard below + 1 < values.count, t > 0 else { return values[below] }
        let a = values[below], b = values[below + 1]
        // As numpy does, from the nearer end: the result stays within [a, b] and is exact at both ends.
        return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t)
    }

    /// The 0.975 quantile of Student's t with `degreesOfFreedom` ≥ 1, within 1e-9.
    package static func studentT975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "Student's t needs at least one degree of freedom")
        if df <= t975Table.count { return t975Table[df - 1] }
        return studentT975(degreesOfFreedom: Double(df))
    }

    /// z + g1/ν + g2/ν² + … for the 0.975 quantile, `v` = 1/ν.
    private static func cornishFisher(v: Double) -> Double {
        let z = z975, z2 = z * z
        let g1 = z * (z2 + 1) / 4
        let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
        let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
        let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
        let g5 = z * (((((27 * z2 + 339) * z2 + 930) * z2 - 1782) * z2 - 765) * z2 + 17955) / 368640
        return z + v * (g1 + v * (g2 + v * (g3 + v * (g4 + v * g5))))
    }

    /// The 0.975 quantile of Student's t at a fractional `degreesOfFreedom` ≥ 1 (Welch's): the
    /// expansion from 30 on; below 30 the tabled value at the whole degrees below, which is larger,
    /// so a short batch's interval errs on the wide side.
    package static func studentT975(degreesOfFreedom df: Double) -> Double {
        precondition(df >= 1, "Student's t needs at least one degree of freedom")
        // Compared as a double: Welch's df of a summary's extreme spreads may be infinite.
        if df < Double(t975Table.count) { return t975Table[Int(df) - 1] }
        // Cornish–Fisher expansion in 1/ν (Abramowitz & Stegun 26.7.5); its error past ν = 30 is
        // below 1e-9.
        return cornishFisher(v: 1 / df)
    }

    /// The mean's 95% interval, mean ± t·sd/√n with Student's t at n − 1 degrees of freedom; nil for
    /// fewer than two values.
    package static func meanInterval(_ values: [Double]) -> (Double, Double)? {
        guard values.count >= 2 else { return nil }
        let m = mean(values)
        let half =
            studentT975(degreesOfFreedom: values.count - 1) * standardDeviation(values)
            / Double(values.count).squareRoot()
        return (m - half, m + half)
    }

    /// Wilson's 95% score interval for a proportion of `successes` in `trials`; (0, 1) for no trials.
    package static func wilson(successes: Int, trials: Int) -> (Double, Double) {
        precondition(successes >= 0 && successes <= trials, "successes must be within 0...trials")
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials), p = Double(successes) / n, z2 = z975 * z975
        let scale = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / scale
        let half = z975 * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / scale
        // At 0 and n the bound is exactly 0 or 1; computed, it would be off by rounding.
        return (successes == 0 ? 0 : center - half, successes == trials ? 1 : center + half)
    }

    /// Neumaier's compensated sum: a batch's thousands of values lose no digits to rounding.
    private static func sum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var total = 0.0, compensation = 0.0
        for x in values {
            let t = total + x
            compensation += abs(total) >= abs(x) ? (total - t) + x : (x - t) + total
            total = t
        }
        return total + compensation
    }

    /// t(0.975, ν) for ν = 1…30, from the inverse regularized incomplete beta at 40 digits.
    private static let t975Table: [Double] = [
        12.706204736174705, 4.3026527297494639, 3.1824463052837096, 2.7764451051977944,
        2.5705818356363155, 2.44691185114497, 2.3646242515927853, 2.3060041352041667,
        2.2621571627982055, 2.2281388519862747, 2.2009851600916399, 2.1788128296672289,
        2.1603686564627925, 2.1447866879178038, 2.1314495455597757, 2.1199052992212547,
        2.1098155778333171, 2.1009220402410385, 2.0930240544083098, 2.0859634472658648,
        2.0796138447276804, 2.0738730679040262, 2.0686576104190487, 2.0638985616280258,
        2.0595385527532977, 2.0555294386428732, 2.0518305164802856, 2.0484071417952452,
        2.0452296421327043, 2.0422724563012383,
    ]
}
