// AdaptiveRounds: the rounds of an adaptive batch (`--precision`) — which runs each round holds, and
// at each design point, after every complete round, whether the point has reached the precision asked
// or its cap. Decided on complete rounds in run order only, so the rounds are the same for any
// number of workers and for a resumed batch.
import SimCore

/// The state of an adaptive batch between rounds.
///
/// Round `r` gives every point still running its replicates `r × R ..< min((r + 1) × R, N)` (R runs a
/// round, N the cap, `--runs`), under the design's own run numbers. After the round, a point stops
/// with `precision` when every targeted outcome's 95% half-width over its ok runs so far is at most
/// its target, else with `cap` when it has run N replicates.
package struct AdaptiveRounds: Sendable {
    /// Why a point stopped taking runs.
    package enum Stop: String, Sendable {
        case precision
        case cap
    }

    package let design: BatchDesign
    /// The outcomes to reach a half-width, with theirs.
    package let targets: [(name: String, width: Double)]
    /// The round under way (0 first).
    package private(set) var round = 0
    /// Per point, why it stopped; nil while it runs.
    package private(set) var stopped: [Stop?]
    /// Per point, the targeted outcomes' values of its ok runs, in run order.
    private var values: [[ExactKey: [ScalarValue]]]

    package init(design: BatchDesign, targets: [(name: String, width: Double)]) {
        self.design = design
        self.targets = targets
        stopped = Array(repeating: nil, count: design.points.count)
        values = Array(repeating: [:], count: design.points.count)
    }

    package var roundSize: Int { design.precision?.round ?? design.runsPerPoint }

    /// Every point has stopped.
    package var isFinished: Bool { stopped.allSatisfy { $0 != nil } }

    /// The runs of the round under way, ascending: each running point's replicates of the round.
    package var runs: [Int] {
        let n = design.runsPerPoint
        let replicates = min(round * roundSize, n)..<min((round + 1) * roundSize, n)
        return stopped.indices.filter { stopped[$0] == nil }.flatMap { p in replicates.map { p * n + $0 } }
    }

    /// Counts a finished run of the round under way; a failed run's outcomes are left out.
    package mutating func add(_ record: RunRecord) {
        guard record.status == .ok else { return }
        for (name, value) in record.outcomes where targets.contains(where: { $0.name.isBytewise(name) }) {
            values[record.point][ExactKey(name), default: []].append(value)
        }
    }

    /// The targeted outcomes' estimates at `point` from its runs so far.
    package func estimates(atPoint point: Int) -> [(name: String, width: Double, estimate: OutcomeEstimate)] {
        targets.map { ($0.name, $0.width, OutcomeEstimate(values: values[point][ExactKey($0.name)] ?? [])) }
    }

    /// Ends the round under way, all of whose runs have been added: each running point stops with
    /// `precision` or `cap`, or runs on in the next round.
    package mutating func closeRound() {
        let reachedCap = (round + 1) * roundSize >= design.runsPerPoint
        for p in stopped.indices where stopped[p] == nil {
            let precise = estimates(atPoint: p).allSatisfy { target in
                target.estimate.halfWidth.map { $0 <= target.width } ?? false
            }
            if precise {
                stopped[p] = .precision
            } else if reachedCap {
                stopped[p] = .cap
            }
        }
        round += 1
    }
}
