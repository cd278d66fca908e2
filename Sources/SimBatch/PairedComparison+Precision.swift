// PairedComparison+Precision: whether a paired comparison knows its differences well enough — the
// test `simrun compare A.lua B.lua --precision` runs its rounds of pairs until.
extension PairedComparison {
    /// Every row of each target's outcome (each category's, for a categorical one) has a paired
    /// difference whose 95% interval's half-width is at most the target; an outcome without rows or
    /// without an interval is not precise.
    package func isPrecise(_ targets: [(name: String, width: Double)]) -> Bool {
        targets.allSatisfy { target in
            let own = rows.filter { $0.outcome == target.name }
            return !own.isEmpty && own.allSatisfy { row in row.paired.map { $0.width / 2 <= target.width } ?? false }
        }
    }
}
