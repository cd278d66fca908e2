// Statistics+Differences: 95% intervals for the difference between two batches' outcomes — Welch's
// for means, Newcombe's hybrid score interval for proportions — and for paired runs (common random
// numbers): Student's t on the per-run differences and Newcombe's paired score interval.

extension Statistics {
    /// Welch's interval for mean(b) − mean(a) from each sample's size, mean and standard deviation:
    /// Student's t at the Welch–Satterthwaite degrees of freedom. Nil when either sample has fewer
    /// than two values.
    package static func welch(
        a: (n: Int, mean: Double, sd: Double),
        b: (n: Int, mean: Double, sd: Double)
    ) -> Difference? {
        guard a.n >= 2, b.n >= 2 else { return nil }
        let va = a.sd * a.sd / Double(a.n), vb = b.sd * b.sd / Double(b.n)
        let estimate = b.mean - a.mean
        let se = (va + vb).squareRoot()
        guard se > 0 else { return Difference(estimate: estimate, low: estimate, high: estimate) }
        let df = (va + vb) * (va + vb) / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        let t = studentT975(degreesOfFreedom: max(1, df))
        return Difference(estimate: estimate, low: estimate - t * se, high: estimate + t * se)
    }

    /// Newcombe's hybrid score interval (1998, method 10) for p(b) − p(a) of two independent
    /// samples, built from each proportion's Wilson interval.
    package static func newcombe(a: (successes: Int, trials: Int), b: (successes: Int, trials: Int)) -> Difference? {
        guard a.trials > 0, b.trials > 0 else { return nil }
        let pa = Double(a.successes) / Double(a.trials), pb = Double(b.successes) / Double(b.trials)
        let (la, ua) = wilson(successes: a.successes, trials: a.trials)
        let (lb, ub) = wilson(successes: b.successes, trials: b.trials)
        let d = pb - pa
        return Difference(
            estimate: d,
            low: d - ((pb - lb) * (pb - lb) + (ua - pa) * (ua - pa)).squareRoot(),
            high: d + ((ub - pb) * (ub - pb) + (pa - la) * (pa - la)).squareRoot())
    }

    /// The mean of paired differences with Student's t interval; nil for fewer than two pairs.
    package static func pairedMean(_ differences: [Double]) -> Difference? {
        guard let (low, high) = meanInterval(differences) else { return nil }
        return Difference(estimate: mean(differences), low: low, high: high)
    }

    /// Newcombe's score interval for the difference of paired proportions (1998b, method 10):
    /// p(b) − p(a) where `both` pairs have the event in both runs, `onlyB` in b's run only, `onlyA`
    /// in a's only and `neither` in none. The Wilson intervals of the two proportions are combined
    /// with the correlation φ of the pairs (continuity-corrected when positive, as Newcombe does).
    package static func newcombePaired(both: Int, onlyB: Int, onlyA: Int, neither: Int) -> Difference? {
        let n = both + onlyB + onlyA + neither
        guard n > 0 else { return nil }
        let pb = Double(both + onlyB) / Double(n), pa = Double(both + onlyA) / Double(n)
        let (lb, ub) = wilson(successes: both + onlyB, trials: n)
        let (la, ua) = wilson(successes: both + onlyA, trials: n)
        let a = Double(both), b = Double(onlyB), c = Double(onlyA), d = Double(neither)
        let denominator = ((a + b) * (c + d) * (a + c) * (b + d)).squareRoot()
        var phi = 0.0
        if denominator > 0 {
            let cross = a * d - b * c
            phi = (cross > 0 ? max(cross - Double(n) / 2, 0) : cross) / denominator
        }
        let estimate = pb - pa
        let lowSquare = (pb - lb) * (pb - lb) - 2 * phi * (pb - lb) * (ua - pa) + (ua - pa) * (ua - pa)
        let highSquare = (ub - pb) * (ub - pb) - 2 * phi * (ub - pb) * (pa - la) + (pa - la) * (pa - la)
        return Difference(
            estimate: estimate,
            low: estimate - max(0, lowSquare).squareRoot(),
            high: estimate + max(0, highSquare).squareRoot())
    }
}
