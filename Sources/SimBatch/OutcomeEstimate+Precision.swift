// OutcomeEstimate+Precision: how precisely a batch knows an outcome — the half-width of its 95%
// interval, the quantity an adaptive batch (`--precision`) runs until it is small enough.
extension OutcomeEstimate {
    /// Half the width of the 95% interval: Student's t·sd/√n for a mean, (upper − lower)/2 of Wilson's
    /// interval for a proportion, the largest such Wilson half-width over the categories' shares.
    /// Nil when there is no interval: fewer than two numbers, a NaN among them, or no values.
    package var halfWidth: Double? {
        switch self {
        case .number, .proportion:
            guard let (lo, hi) = interval, !lo.isNaN, !hi.isNaN else { return nil }
            return (hi - lo) / 2
        case .categories(let n, let counts):
            guard n > 0 else { return nil }
            return counts.values.map { count in
                let (lo, hi) = Statistics.wilson(successes: count, trials: n)
                return (hi - lo) / 2
            }.max()
        case .none:
            return nil
        }
    }
}
