// Sensitivity: a global sensitivity analysis of a scenario's outcomes — the runs of a Sobol or Morris
// design turned into one output column per outcome (a boolean as 0/1, a category as one indicator per
// value, metrics' final values), each column's indices, and the JSON `simrun sensitivity` writes.
// See docs/analysis.md, "Sensitivity".
import SimCore
import SimSupport

/// The indices of every outcome of a sensitivity design's runs.
package struct Sensitivity: Sendable {
    /// One output analysed: its indices (Sobol or Morris, by the design's method), or a note why none.
    package struct Output: Sendable {
        package var name: String
        package var sobol: [SobolIndices]?
        package var morris: [MorrisEffects]?
        package var note: String?
    }

    /// The provenance: simrun, scenario, seed and the design.
    package let header: [(String, JSONValue)]
    package let design: SensitivityDesign
    /// The runs that failed (status `error` or `limit`), by index.
    package let failedRuns: [Int]
    package let outputs: [Output]

    /// The analysis of `records` (one per run of `design`, in run order). `outcomes` and `metrics`
    /// name the columns; a column some run lacks (a failed run, a missing or NaN value) gets a note
    /// and no indices. Bootstrap draws come from `seed`.
    package init(
        header: [(String, JSONValue)], design: SensitivityDesign, records: [RunRecord], outcomes: [String],
        metrics: [String], seed: UInt64
    ) {
        self.header = header
        self.design = design
        failedRuns = records.filter { $0.status != .ok }.map(\.run)
        var columns: [(String, [Double?])] = []
        for name in outcomes {
            columns += Sensitivity.columns(
                name,
                values: records.map { record in
                    record.status == .ok ? record.outcomes.first { $0.0.isBytewise(name) }?.1 : nil
                })
        }
        for name in metrics {
            let values = records.map { record in
                record.status == .ok ? record.metrics?.first { $0.0.isBytewise(name) }?.1 : nil
            }
            columns.append(("metric." + name, values.map { $0.flatMap { $0.isNaN ? nil : $0 } }))
        }
        outputs = columns.map { name, values in
            let missing = values.filter { $0 == nil }.count
            var output = Output(name: name)
            guard missing == 0 else {
                output.note = "no value in \(missing) of \(values.count) runs"
                return output
            }
            let numbers = values.compactMap { $0 }
            switch design.method {
            case .sobol:
                output.sobol = SobolIndices.estimate(outputs: numbers, params: design.ranges.count, seed: seed)
                if output.sobol == nil { output.note = "does not vary over the design" }
            case .morris:
                output.morris = MorrisEffects.estimate(outputs: numbers, design: design)
            }
            return output
        }
    }

    /// An outcome's columns: itself for numbers (and booleans, as 0 and 1), or `NAME=VALUE` for each
    /// value of a category, sorted, as 1 where the run's value is it. A value of another kind than the
    /// first run's, or NaN, counts as missing.
    private static func columns(_ name: String, values: [ScalarValue?]) -> [(String, [Double?])] {
        let categories = Set(
            values.compactMap { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            }
        ).sorted()
        let isCategory = values.compactMap { $0 }.first.map { if case .string = $0 { true } else { false } }
        guard isCategory == true else {
            return [
                (
                    name,
                    values.map { value in
                        switch value {
                        case .number(let x): x.isNaN ? nil : x
                        case .integer(let n): Double(n)
                        case .boolean(let flag): flag ? 1 : 0
                        case .string, nil: nil
                        }
                    }
                )
            ]
        }
        return categories.map { category in
            (
                name + "=" + category,
                values.map { value in
                    guard case .string(let text) = value else { return nil }
                    return text == category ? 1 : 0
                }
            )
        }
    }

    /// The result as pretty JSON: the provenance, the method, the runs and each output's indices by param.
    package func json() -> String {
        var fields = header
        fields.append(("method", .string(design.method.rawValue)))
        fields.append(
            (
                "runs",
                [
                    "total": .int(design.totalRuns), "failed": .int(failedRuns.count),
                    "failed_runs": .array(failedRuns.map(JSONValue.int)),
                ]
            ))
        let names = design.ranges.map(\.name)
        fields.append(
            (
                "outcomes",
                .object(
                    outputs.map { output in
                        if let sobol = output.sobol {
                            return (output.name, .object(zip(names, sobol).map { ($0, Sensitivity.json($1)) }))
                        }
                        if let morris = output.morris {
                            return (output.name, .object(zip(names, morris).map { ($0, Sensitivity.json($1)) }))
                        }
                        return (output.name, .object(names.map { ($0, .null) }))
                    })
            ))
        let notes = outputs.compactMap { output in output.note.map { (output.name, JSONValue.string($0)) } }
        if !notes.isEmpty { fields.append(("notes", .object(notes))) }
        return JSONValue.object(fields).serialized()
    }

    private static func json(_ indices: SobolIndices) -> JSONValue {
        [
            "first": .number(indices.first),
            "first_ci": [.number(indices.firstInterval.lowerBound), .number(indices.firstInterval.upperBound)],
            "total": .number(indices.total),
            "total_ci": [.number(indices.totalInterval.lowerBound), .number(indices.totalInterval.upperBound)],
        ]
    }

    private static func json(_ effects: MorrisEffects) -> JSONValue {
        [
            "mu_star": .number(effects.muStar), "mu": .number(effects.mu),
            "sigma": effects.sigma.map(JSONValue.number) ?? .null,
        ]
    }
}
