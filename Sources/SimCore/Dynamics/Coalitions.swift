// Coalitions: the two-bloc partition that minimises Axelrod & Bennett's landscape energy
// E = Σ_{i≠j} s_i·s_j·p_ij·d_ij — found exactly by Gray-code enumeration for small systems and by
// local search from seeded random starts beyond.

/// A predicted split of the agents into two blocs.
package struct Coalitions: Sendable, Equatable {
    /// Agent indices by bloc, each sorted: the bloc holding agent 0 first; the second bloc is empty
    /// when one bloc holding everyone has the least energy.
    package var blocs: [[Int]]
    /// The landscape energy of the split.
    package var energy: Double
    /// Whether the split is proven optimal (every split was tried) rather than found by local search.
    package var exact: Bool

    package init(blocs: [[Int]], energy: Double, exact: Bool) {
        self.blocs = blocs
        self.energy = energy
        self.exact = exact
    }
}

/// A two-bloc split as signs σ = ±1 with the local fields g_a = Σ_b W_ab·σ_b, so the energy change
/// of moving one agent costs O(1) and the move O(m). W is symmetric with a zero diagonal.
private struct Split {
    let coupling: [Double]
    let count: Int
    private(set) var sign: [Double]
    private var field: [Double]

    init(coupling: [Double], count: Int, sign: [Double]) {
        self.coupling = coupling
        self.count = count
        self.sign = sign
        field = (0..<count).map { a in (0..<count).reduce(0.0) { $0 + coupling[a * count + $1] * sign[$1] } }
    }

    /// Energy change when agent a changes bloc: E = Σ_{a≠b} W_ab·(1 − σ_a·σ_b)/2, so
    /// ΔE = 2·σ_a·g_a.
    func moveCost(_ a: Int) -> Double { 2 * sign[a] * field[a] }

    mutating func move(_ a: Int) {
        sign[a] = -sign[a]
        let change = 2 * sign[a]
        for b in 0..<count { field[b] += change * coupling[b * count + a] }
    }

    /// The energy summed afresh, free of the rounding the incremental updates accumulate.
    var energy: Double {
        var sum = 0.0
        for a in 0..<count {
            for b in 0..<count where sign[a] != sign[b] { sum += coupling[a * count + b] }
        }
        return sum
    }
}

extension World {
    /// Largest number of weighed agents whose splits are all enumerated.
    static let exactCoalitionLimit = 20
    /// Random starts of the local search beyond that.
    private static let coalitionSearchStarts = 16
    /// Seed of the local search's own generator: predicting blocs must not disturb the run's stream.
    private static let coalitionSearchSeed: UInt64 = 0xB10C_5EED

    /// The two-bloc split minimising E = Σ_{i≠j} s_i·s_j·p_ij·d_ij over ordered pairs, with
    /// p_ij = (A_ij + A_ji)/2 and d_ij = 1 across blocs. `sizes` (one per agent) weigh the agents;
    /// sizes at or below 0 count as 0, and such an agent joins the bloc toward whose weighed members
    /// its p sums higher (the first bloc on a tie). Exact up to `exactCoalitionLimit` weighed agents;
    /// beyond, the best local minimum of single moves from seeded random starts. Among splits of
    /// equal energy the first in enumeration order wins.
    package func coalitions(sizes: [Double]) -> Coalitions {
        precondition(sizes.count == agentCount, "coalitions: one size per agent")
        let n = agentCount
        let p = symmetrizedAlignment()
        let weighed = (0..<n).filter { sizes[$0] > 0 }
        let m = weighed.count
        var coupling = [Double](repeating: 0, count: m * m)
        for (a, i) in weighed.enumerated() {
            for (b, j) in weighed.enumerated() where a != b {
                coupling[a * m + b] = sizes[i] * sizes[j] * p[i * n + j]
            }
        }
        // Energies closer than this count as equal, so the incremental rounding cannot reorder ties.
        let tolerance = 1e-9 * coupling.reduce(0.0) { $0 + abs($1) }
        let exact = m <= World.exactCoalitionLimit
        let split =
            exact
            ? World.enumerateSplits(coupling, m, tolerance)
            : World.searchSplits(coupling, m, tolerance)

        var bloc = [Int](repeating: 0, count: n)
        for (a, i) in weighed.enumerated() where split.sign[a] < 0 { bloc[i] = 1 }
        for i in 0..<n where !(sizes[i] > 0) {
            var pull = [0.0, 0.0]
            for j in weighed { pull[bloc[j]] += p[i * n + j] }
            bloc[i] = pull[1] > pull[0] ? 1 : 0
        }
        let first = n > 0 ? bloc[0] : 0
        let blocs = [(0..<n).filter { bloc[$0] == first }, (0..<n).filter { bloc[$0] != first }]
        return Coalitions(blocs: blocs, energy: split.energy, exact: exact)
    }

    /// Every split with the first weighed agent in the first bloc, in Gray-code order so each
    /// differs from the last by one move; the first of least energy.
    private static func enumerateSplits(_ coupling: [Double], _ m: Int, _ tolerance: Double) -> Split {
        let start = [Double](repeating: 1, count: m)
        guard m > 1 else { return Split(coupling: coupling, count: m, sign: start) }
        var split = Split(coupling: coupling, count: m, sign: start)
        var energy = 0.0, best = 0.0, bestCode = 0
        for step in 1..<(1 << (m - 1)) {
            let a = step.trailingZeroBitCount + 1
            energy += split.moveCost(a)
            split.move(a)
            if energy < best - tolerance {
                best = energy
                bestCode = step ^ (step >> 1)
            }
        }
        let sign = (0..<m).map { a in a > 0 && bestCode & (1 << (a - 1)) != 0 ? -1.0 : 1.0 }
        return Split(coupling: coupling, count: m, sign: sign)
    }

    /// Local search: from each seeded random start, move single agents (in index order, sweep after
    /// sweep) while a move lowers the energy; the first of least energy among one bloc holding
    /// everyone and the local minima.
    private static func searchSplits(_ coupling: [Double], _ m: Int, _ tolerance: Double) -> Split {
        var random = RandomSource(seed: coalitionSearchSeed)
        // One bloc holding everyone (energy 0) comes first, as in the enumeration.
        var best = Split(coupling: coupling, count: m, sign: [Double](repeating: 1, count: m))
        var bestEnergy = 0.0
        for _ in 0..<coalitionSearchStarts {
            let sign = (0..<m).map { _ in random.uniform() < 0.5 ? 1.0 : -1.0 }
            var split = Split(coupling: coupling, count: m, sign: sign)
            var improved = true
            while improved {
                improved = false
                for a in 0..<m where split.moveCost(a) < -tolerance {
                    split.move(a)
                    improved = true
                }
            }
            let energy = split.energy
            if energy < bestEnergy - tolerance {
                best = split
                bestEnergy = energy
            }
        }
        return best
    }
}
