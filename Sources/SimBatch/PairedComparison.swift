// PairedComparison: two sets of runs made with the same seeds (common random numbers), compared run
// by run: the mean of the per-run differences with its interval, next to the interval the same runs
// would give if they were independent — the gain pairing buys.
import SimCore
import SimReports
import SimSupport

/// The paired comparison of variant runs with base runs, matched by run index.
package struct PairedComparison: Sendable {
    /// One outcome (or one category of it) at one design point.
    package struct Row: Sendable {
        package var point: Int
        package var outcome: String
        package var category: String?
        package var kind: OutcomeKind?
        /// Pairs where both runs gave the outcome a value of the row's type.
        package var pairs: Int
        package var baseMean: Double
        package var variantMean: Double
        /// Variant − base from the per-run differences.
        package var paired: Difference?
        /// The same difference as if the two sets were independent (Welch or Newcombe).
        package var independent: Difference?
    }

    package private(set) var rows: [Row] = []
    /// Pairs left out because a run failed on either side.
    package private(set) var failedPairs = 0
    package let pairCount: Int

    /// `base[i]` and `variant[i]` must be runs with the same seed (and design point).
    package init(base: [RunRecord], variant: [RunRecord], outcomes: [String]) {
        pairCount = base.count
        let points = (base.map(\.point).max() ?? -1) + 1
        // Grouped by point in one pass: a file's points may be many, each with few runs.
        var ok = [[(RunRecord, RunRecord)]](repeating: [], count: points)
        for (b, v) in zip(base, variant) {
            if b.status == .ok && v.status == .ok { ok[b.point].append((b, v)) } else { failedPairs += 1 }
        }
        for (p, pairs) in ok.enumerated() {
            for name in outcomes {
                let values = pairs.compactMap { b, v -> (ScalarValue, ScalarValue)? in
                    guard let x = b.outcome(name), let y = v.outcome(name) else { return nil }
                    return (x, y)
                }
                rows += PairedComparison.rows(point: p, outcome: name, values)
            }
        }
    }

    private static func rows(point: Int, outcome: String, _ values: [(ScalarValue, ScalarValue)]) -> [Row] {
        switch values.first?.0 {
        case .integer?, .number?:
            let numbers = values.compactMap { b, v -> (Double, Double)? in
                guard let x = b.numeric, let y = v.numeric else { return nil }
                return (x, y)
            }
            let xs = numbers.map(\.0), ys = numbers.map(\.1)
            return [
                Row(
                    point: point, outcome: outcome, kind: .number, pairs: numbers.count,
                    baseMean: Statistics.mean(xs), variantMean: Statistics.mean(ys),
                    paired: Statistics.pairedMean(numbers.map { $1 - $0 }),
                    independent: Statistics.welch(
                        a: (xs.count, Statistics.mean(xs), Statistics.standardDeviation(xs)),
                        b: (ys.count, Statistics.mean(ys), Statistics.standardDeviation(ys))))
            ]
        case .boolean?:
            let flags = values.compactMap { b, v -> (Bool, Bool)? in
                guard case .boolean(let x) = b, case .boolean(let y) = v else { return nil }
                return (x, y)
            }
            return [row(point: point, outcome: outcome, category: nil, kind: .boolean, flags)]
        case .string?:
            let texts = values.compactMap { b, v -> (String, String)? in
                guard case .string(let x) = b, case .string(let y) = v else { return nil }
                return (x, y)
            }
            var totals: [ExactKey: Int] = [:]
            for (x, y) in texts { totals[ExactKey(x), default: 0] += 1; totals[ExactKey(y), default: 0] += 1 }
            return totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { category, _ in
                row(
                    point: point, outcome: outcome, category: category.text, kind: .category,
                    texts.map { ($0.0.isBytewise(category.text), $0.1.isBytewise(category.text)) })
            }
        default:
            return [Row(point: point, outcome: outcome, kind: nil, pairs: 0, baseMean: .nan, variantMean: .nan)]
        }
    }

    /// A proportion's row from (base, variant) flags of every pair.
    private static func row(point: Int, outcome: String, category: String?, kind: OutcomeKind, _ flags: [(Bool, Bool)])
        -> Row
    {
        var both = 0, onlyBase = 0, onlyVariant = 0, neither = 0
        for (x, y) in flags {
            switch (x, y) {
            case (true, true): both += 1
            case (true, false): onlyBase += 1
            case (false, true): onlyVariant += 1
            case (false, false): neither += 1
            }
        }
        let n = flags.count
        return Row(
            point: point, outcome: outcome, category: category, kind: kind, pairs: n,
            baseMean: Double(both + onlyBase) / Double(n), variantMean: Double(both + onlyVariant) / Double(n),
            paired: Statistics.newcombePaired(both: both, onlyB: onlyVariant, onlyA: onlyBase, neither: neither),
            independent: Statistics.newcombe(a: (both + onlyBase, n), b: (both + onlyVariant, n)))
    }

    package func tables() -> [TextTable] {
        let points = (rows.map(\.point).max() ?? 0) + 1
        return (0..<points).map { p in
            TextTable(
                title: "PAIRED (same seeds; variant − base, 95% intervals)" + (points > 1 ? ", point \(p)" : ""),
                columns: ["outcome", "base", "variant", "paired difference", "", "width", "if independent"],
                rightAligned: [5],
                rows: rows.filter { $0.point == p }.map { row in
                    let r: (Double) -> String = ReadableNumber.text
                    return [
                        row.category.map { "\(row.outcome) = \($0)" } ?? row.outcome,
                        r(row.baseMean), r(row.variantMean),
                        row.paired.map(BatchComparison.text) ?? "-",
                        row.paired?.excludesZero == true ? "*" : "",
                        row.paired.map { r($0.width) } ?? "-",
                        row.independent.map { "width \(r($0.width))" } ?? "-",
                    ]
                },
                footnote:
                    "\(pairCount) pairs\(failedPairs > 0 ? ", \(failedPairs) left out (a run failed)" : ""). "
                    + "* the paired interval excludes zero. Numbers: t on per-run differences; proportions: "
                    + "Newcombe's paired score interval. 'if independent': the interval's width were the two sets "
                    + "independent (Welch / Newcombe)."
            )
        }
    }

    package func json() -> JSONValue {
        [
            "pairs": .int(pairCount),
            "failed_pairs": .int(failedPairs),
            "outcomes": .array(
                rows.map { row in
                    var fields: [(String, JSONValue)] = [("point", .int(row.point)), ("outcome", .string(row.outcome))]
                    if let category = row.category { fields.append(("category", .string(category))) }
                    fields += [
                        ("type", .string(OutcomeKind.name(row.kind))), ("pairs", .int(row.pairs)),
                        ("base_mean", .number(row.baseMean)), ("variant_mean", .number(row.variantMean)),
                        ("difference", row.paired.map(\.json) ?? .null),
                        ("independent", row.independent.map(\.json) ?? .null),
                    ]
                    return .object(fields)
                }),
        ]
    }
}

extension RunRecord {
    /// The value of outcome `name`, if the run computed it.
    func outcome(_ name: String) -> ScalarValue? {
        outcomes.first { $0.0.isBytewise(name) }?.1
    }
}
