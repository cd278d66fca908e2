// PRIM: the Patient Rule Induction Method (Friedman & Fisher 1999, "Bump hunting in
// high-dimensional data"), as scenario discovery uses it: a box in param space where the cases of
// interest are dense, found by peeling thin slices off the whole data, then pasting some back.
// See docs/analysis.md, "Scenario discovery".

/// PRIM over numeric inputs and a case indicator: peeling trajectory, choice of box, pasting.
///
/// Peeling starts from the box of the data's ranges. At each step every param offers two candidates:
/// its low slice or its high slice removed. A slice is the `k = max(1, ⌊alpha·n⌋)` runs of the box
/// (`n` runs) lowest (or highest) in that param, together with every run tied with the k-th, so that
/// equal values are never split. The candidate leaving the highest density wins; ties go to the one
/// leaving more runs, then to the earlier param, low side first. Peeling stops when the winner's mass
/// would fall below `minMass` or no param can be cut any more. A box's new limit is the nearest
/// value left inside it.
///
/// Pasting widens a box again: each param's limit on either side may take in the `k` runs (with
/// their ties) outside it that lie nearest and within all the other limits, `k` computed from the
/// box's size as in peeling. The widening that raises density most is kept (ties: more runs, then
/// the earlier param, low side first), until none raises it.
package struct PRIM: Sendable {
    /// The input params, in order.
    package let names: [String]
    /// `columns[p][i]`: param `p` in run `i`.
    package let columns: [[Double]]
    /// Whether run `i` is a case of interest.
    package let isCase: [Bool]
    /// The share of a box's runs one peel or paste moves, in (0, 0.5).
    package let alpha: Double
    /// The smallest mass a peeled box may have.
    package let minMass: Double
    package let totalCases: Int

    /// EMA Workbench's default minimum mass.
    package static let defaultMinMass = 0.05

    /// PRIM over `columns` (one array per param, each with a value per run) and `isCase` (per run).
    package init(
        names: [String], columns: [[Double]], isCase: [Bool], alpha: Double,
        minMass: Double = PRIM.defaultMinMass
    ) {
        precondition(names.count == columns.count && columns.allSatisfy { $0.count == isCase.count })
        self.names = names
        self.columns = columns
        self.isCase = isCase
        self.alpha = alpha
        self.minMass = minMass
        totalCases = isCase.count { $0 }
    }

    package var totalRuns: Int { isCase.count }

    /// Each param's smallest and largest value over all runs.
    package var ranges: [ClosedRange<Double>] {
        columns.map { column in (column.min() ?? 0)...(column.max() ?? 0) }
    }

    /// The box holding `members` with `limits`.
    package func box(_ limits: [ClosedRange<Double>], _ members: [Int]) -> PrimBox {
        PrimBox(
            limits: limits, members: members, cases: members.count { isCase[$0] }, totalCases: totalCases,
            totalRuns: totalRuns)
    }

    /// The peeling trajectory: the whole data's box first, then the box after each peel.
    package func peel() -> [PrimBox] {
        var trajectory = [box(ranges, Array(0..<totalRuns))]
        while let next = bestPeel(of: trajectory[trajectory.count - 1]),
            Double(next.members.count) >= minMass * Double(totalRuns)
        {
            trajectory.append(next)
        }
        return trajectory
    }

    /// The index of the trajectory's box of highest density among those covering at least
    /// `minCoverage` of the cases; ties go to the higher coverage, then to the earlier box. The first
    /// box covers every case, so there is always one.
    package static func chosen(_ trajectory: [PrimBox], minCoverage: Double) -> Int {
        var best = 0
        for (i, box) in trajectory.enumerated() where box.coverage >= minCoverage {
            let current = trajectory[best]
            if box.density > current.density || (box.density == current.density && box.coverage > current.coverage) {
                best = i
            }
        }
        return best
    }

    /// The box widened while a widening raises its density.
    package func paste(_ start: PrimBox) -> PrimBox {
        var current = start
        while let next = bestPaste(of: current) { current = next }
        return current
    }

    /// The params whose limits in `box` are tighter than the data's range.
    package func restricted(_ box: PrimBox) -> [String] {
        let ranges = ranges
        return names.indices.filter {
            box.limits[$0].lowerBound > ranges[$0].lowerBound || box.limits[$0].upperBound < ranges[$0].upperBound
        }.map { names[$0] }
    }

    /// How many runs one peel or paste moves from or to a box of `count` runs (ties aside).
    private func sliceSize(_ count: Int) -> Int {
        max(1, Int(alpha * Double(count)))
    }

    /// Whether `candidate` beats `best`: higher density, then more runs. Equal ones keep the earlier.
    private static func better(_ candidate: PrimBox, than best: PrimBox?) -> Bool {
        guard let best else { return true }
        if candidate.density != best.density { return candidate.density > best.density }
        return candidate.members.count > best.members.count
    }

    /// The best box one peel leaves, nil when no param can be cut.
    private func bestPeel(of current: PrimBox) -> PrimBox? {
        let k = sliceSize(current.members.count)
        var best: PrimBox?
        for p in names.indices {
            let column = columns[p]
            let values = current.members.map { column[$0] }.sorted()
            // Low side: drop every run up to the k-th lowest value; high side: from the k-th highest.
            let lowCut = values[k - 1]
            let highCut = values[values.count - k]
            for low in [true, false] {
                let kept = current.members.filter { low ? column[$0] > lowCut : column[$0] < highCut }
                guard let first = kept.first else { continue }
                var limits = current.limits
                let nearest = kept.reduce(column[first]) { low ? min($0, column[$1]) : max($0, column[$1]) }
                limits[p] = low ? nearest...limits[p].upperBound : limits[p].lowerBound...nearest
                let candidate = box(limits, kept)
                if PRIM.better(candidate, than: best) { best = candidate }
            }
        }
        return best
    }

    /// The best widening of `current` that raises its density, nil when none does.
    private func bestPaste(of current: PrimBox) -> PrimBox? {
        let k = sliceSize(current.members.count)
        let inside = Set(current.members)
        var best: PrimBox?
        for p in names.indices {
            let column = columns[p]
            // Runs outside the box only through param p.
            let others = (0..<totalRuns).filter { i in
                !inside.contains(i)
                    && names.indices.allSatisfy { q in q == p || current.limits[q].contains(columns[q][i]) }
            }
            for low in [true, false] {
                let limit = low ? current.limits[p].lowerBound : current.limits[p].upperBound
                let beyond = others.filter { low ? column[$0] < limit : column[$0] > limit }
                guard !beyond.isEmpty else { continue }
                // Nearest first: the k-th nearest value, and every run up to it, joins the box.
                let nearest = beyond.map { column[$0] }.sorted { low ? $0 > $1 : $0 < $1 }
                let cut = nearest[min(k, nearest.count) - 1]
                let added = beyond.filter { low ? column[$0] >= cut : column[$0] <= cut }
                var limits = current.limits
                limits[p] = low ? cut...limits[p].upperBound : limits[p].lowerBound...cut
                let candidate = box(limits, (current.members + added).sorted())
                if candidate.density > current.density, PRIM.better(candidate, than: best) { best = candidate }
            }
        }
        return best
    }
}
