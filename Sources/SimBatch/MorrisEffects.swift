// MorrisEffects: the elementary effects of Morris's trajectories and their summaries μ*, μ and σ, as
// SALib's morris.analyze computes them. Pure arithmetic.

/// One param's elementary effects summarised: the mean of their absolute values, their mean, and
/// their standard deviation.
package struct MorrisEffects: Sendable, Equatable {
    package var muStar: Double
    package var mu: Double
    /// Nil with one trajectory.
    package var sigma: Double?

    /// The effects of each param from `outputs` in the design's run order, whose `unitPoints` say
    /// which param each step moved and which way. An elementary effect is the output's change over a
    /// step divided by the step in the unit cube, +Δ or −Δ — so μ* of y = c·x over [lo, hi] is
    /// |c|·(hi − lo). σ divides by r − 1, as SALib's does.
    package static func estimate(outputs: [Double], design: SensitivityDesign) -> [MorrisEffects] {
        let k = design.ranges.count
        var effects = Array(repeating: [Double](), count: k)
        for t in 0..<design.samples {
            for s in 0..<k {
                let before = t * (k + 1) + s
                let from = design.unitPoints[before]
                let to = design.unitPoints[before + 1]
                guard let i = (0..<k).first(where: { from[$0] != to[$0] }) else { continue }
                effects[i].append((outputs[before + 1] - outputs[before]) / (to[i] - from[i]))
            }
        }
        return effects.map { values in
            let r = Double(values.count)
            let mu = values.reduce(0, +) / r
            let muStar = values.reduce(0) { $0 + abs($1) } / r
            let sigma =
                values.count > 1
                ? (values.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (r - 1)).squareRoot() : nil
            return MorrisEffects(muStar: muStar, mu: mu, sigma: sigma)
        }
    }
}
