// BatchComparison: two batches side by side — per design point and outcome, both estimates with
// their intervals and the difference with its 95% interval (Welch for means, Newcombe for
// proportions and category shares) — with warnings where the batches are not like for like.
import SimCore
import SimReports
import SimSupport

/// The comparison of a variant batch with a base batch.
package struct BatchComparison: Sendable {
    /// One outcome (or one category of it) at one design point.
    package struct Row: Sendable {
        package var point: Int
        package var outcome: String
        /// The category, for a categorical outcome.
        package var category: String?
        /// The kind of both sides' values, or `base/variant` when they differ (then no difference).
        package var type: String
        package var base: OutcomeEstimate
        package var variant: OutcomeEstimate
        /// Variant − base; nil when the types differ or a side has too few values.
        package var difference: Difference?
    }

    package let base: BatchEstimates
    package let variant: BatchEstimates
    package private(set) var rows: [Row] = []
    package private(set) var warnings: [String] = []
    /// The paired comparison, when both sides are runs files whose runs have the same seeds.
    package private(set) var paired: PairedComparison?

    package init(base: BatchEstimates, variant: BatchEstimates) {
        self.base = base
        self.variant = variant
        if base.runsPerPoint != variant.runsPerPoint {
            warnings.append(
                "the batches differ in run count: \(base.runsPerPoint.map(String.init) ?? "?") runs per point "
                    + "in \(base.label), \(variant.runsPerPoint.map(String.init) ?? "?") in \(variant.label)"
            )
        }
        if base.steps != variant.steps {
            warnings.append(
                "the batches differ in steps: \(base.steps.map(String.init) ?? "the scenario's") in \(base.label), "
                    + "\(variant.steps.map(String.init) ?? "the scenario's") in \(variant.label)"
            )
        }
        if base.points.count != variant.points.count {
            warnings.append(
                "the batches differ in design: \(base.points.count) points in \(base.label), \(variant.points.count) "
                    + "in \(variant.label); the first \(min(base.points.count, variant.points.count)) are compared"
            )
        }
        if let seed = base.seed, seed == variant.seed {
            warnings.append(
                "both batches use seed \(seed): their runs share random numbers, so these independent-sample "
                    + "intervals are conservative; the paired comparison is the sharper one"
            )
        } else if base.seed == nil || variant.seed == nil {
            warnings.append("a batch's seed design is unknown: the runs may not be independent")
        }
        let names = base.allOutcomeNames + variant.allOutcomeNames.filter { !base.allOutcomeNames.contains($0) }
        for p in 0..<min(base.points.count, variant.points.count) {
            for name in names {
                let b = base.points[p][ExactKey(name)] ?? .none, v = variant.points[p][ExactKey(name)] ?? .none
                rows += BatchComparison.rows(point: p, outcome: name, base: b, variant: v)
            }
        }
        for name in names where !base.allOutcomeNames.contains(name) || !variant.allOutcomeNames.contains(name) {
            let side = base.allOutcomeNames.contains(name) ? base.label : variant.label
            warnings.append("outcome '\(name)' is only in \(side)")
        }
        if let baseRuns = base.records, let variantRuns = variant.records, base.points.count == variant.points.count,
            baseRuns.count == variantRuns.count,
            zip(baseRuns, variantRuns).allSatisfy({ $0.seed == $1.seed && $0.point == $1.point })
        {
            paired = PairedComparison(
                base: baseRuns, variant: variantRuns,
                outcomes: names.filter { base.allOutcomeNames.contains($0) && variant.allOutcomeNames.contains($0) })
        }
    }

    private static func rows(point: Int, outcome: String, base: OutcomeEstimate, variant: OutcomeEstimate) -> [Row] {
        switch (base, variant) {
        case (.number(let nb, let mb, let sb), .number(let nv, let mv, let sv)):
            return [
                Row(
                    point: point, outcome: outcome, type: OutcomeKind.number.rawValue, base: base, variant: variant,
                    difference: Statistics.welch(a: (nb, mb, sb), b: (nv, mv, sv)))
            ]
        case (.proportion(let nb, let kb), .proportion(let nv, let kv)):
            return [
                Row(
                    point: point, outcome: outcome, type: OutcomeKind.boolean.rawValue, base: base, variant: variant,
                    difference: Statistics.newcombe(a: (kb, nb), b: (kv, nv)))
            ]
        case (.categories(let nb, let cb), .categories(let nv, let cv)):
            let names = Set(cb.keys).union(cv.keys).sorted {
                ((cb[$0] ?? 0) + (cv[$0] ?? 0), $1) > ((cb[$1] ?? 0) + (cv[$1] ?? 0), $0)
            }
            return names.map { name in
                let kb = cb[name] ?? 0, kv = cv[name] ?? 0
                return Row(
                    point: point, outcome: outcome, category: name.text, type: OutcomeKind.category.rawValue,
                    base: .proportion(n: nb, successes: kb), variant: .proportion(n: nv, successes: kv),
                    difference: Statistics.newcombe(a: (kb, nb), b: (kv, nv)))
            }
        default:
            let (b, v) = (OutcomeKind.name(base.kind), OutcomeKind.name(variant.kind))
            let type = b == v ? b : "\(b)/\(v)"
            return [Row(point: point, outcome: outcome, type: type, base: base, variant: variant, difference: nil)]
        }
    }

    /// One table per design point, then the paired table if there is one.
    package func tables() -> [TextTable] {
        let pointCount = min(base.points.count, variant.points.count)
        var tables: [TextTable] = (0..<pointCount).map { p in
            let params = base.pointParams.indices.contains(p) ? base.pointParams[p] : []
            let title =
                pointCount == 1 && params.isEmpty
                ? "OUTCOMES (variant − base, 95% intervals)"
                : "POINT \(p) \(params.map { "\($0.0)=\($0.1)" }.joined(separator: " "))"
                    + " (variant − base, 95% intervals)"
            return TextTable(
                title: title,
                columns: ["outcome", base.label, variant.label, "difference", ""],
                rows: rows.filter { $0.point == p }.map { row in
                    [
                        row.category.map { "\(row.outcome) = \($0)" } ?? row.outcome, row.base.text, row.variant.text,
                        row.difference.map(BatchComparison.text) ?? "-",
                        row.difference?.excludesZero == true ? "*" : "",
                    ]
                },
                footnote:
                    "* the difference's interval excludes zero. Numbers: Welch; proportions and category shares: "
                    + "Newcombe."
            )
        }
        if let paired { tables += paired.tables() }
        return tables
    }

    /// `estimate [low, high]` of a difference, signed.
    static func text(_ d: Difference) -> String {
        let r: (Double) -> String = ReadableNumber.text
        let sign = d.estimate > 0 ? "+" : ""
        return "\(sign)\(r(d.estimate)) [\(r(d.low)), \(r(d.high))]"
    }

    package func json() -> JSONValue {
        [
            "base": BatchComparison.json(base),
            "variant": BatchComparison.json(variant),
            "warnings": .array(warnings.map(JSONValue.string)),
            "outcomes": .array(
                rows.map { row in
                    var fields: [(String, JSONValue)] = [("point", .int(row.point)), ("outcome", .string(row.outcome))]
                    if let category = row.category { fields.append(("category", .string(category))) }
                    fields += [
                        ("type", .string(row.type)), ("base", row.base.json), ("variant", row.variant.json),
                        ("difference", row.difference.map(\.json) ?? .null),
                    ]
                    return .object(fields)
                }),
            "paired": paired?.json() ?? .null,
        ]
    }

    private static func json(_ side: BatchEstimates) -> JSONValue {
        [
            "file": .string(side.label), "scenario": .string(side.scenario),
            "seed": side.seed.map(JSONValue.unsigned) ?? .null, "runs": side.runsPerPoint.map(JSONValue.int) ?? .null,
            "points": .int(side.points.count),
        ]
    }
}

extension Difference {
    /// `{"estimate", "ci95": [low, high], "excludes_zero"}`.
    package var json: JSONValue {
        ["estimate": .number(estimate), "ci95": [.number(low), .number(high)], "excludes_zero": .bool(excludesZero)]
    }
}

extension OutcomeEstimate {
    /// `{n, mean, sd, ci95}`, `{n, p, ci95}` or `{n, categories}`; null for none.
    package var json: JSONValue {
        switch self {
        case .number(let n, let mean, let sd):
            var fields: [(String, JSONValue)] = [("n", .int(n)), ("mean", .number(mean)), ("sd", .number(sd))]
            if let (lo, hi) = interval { fields.append(("ci95", [.number(lo), .number(hi)])) }
            return .object(fields)
        case .proportion(let n, _):
            let (lo, hi) = interval ?? (0, 1)
            return ["n": .int(n), "p": .number(estimate), "ci95": [.number(lo), .number(hi)]]
        case .categories(let n, let counts):
            return [
                "n": .int(n),
                "categories": .object(counts.sorted { $0.key < $1.key }.map { ($0.key.text, .int($0.value)) }),
            ]
        case .none:
            return .null
        }
    }
}
