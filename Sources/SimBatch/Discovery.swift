// Discovery: scenario discovery on a runs file — which runs are cases of interest, which params the
// design varied, PRIM's peeling trajectory, the box chosen from it and pasted — and that result as
// the JSON `simrun discover` writes. See docs/analysis.md, "Scenario discovery".
import SimCore
import SimReports
import SimSupport

/// Scenario discovery on one outcome of a batch's runs.
package struct Discovery: Sendable {
    /// The runs file's provenance, less any shard, as summaries carry it.
    package let header: [(String, JSONValue)]
    package let outcome: String
    package let rule: CaseRule
    package let prim: PRIM
    /// Runs left out because they failed (status `error` or `limit`).
    package let failed: Int
    /// Finished runs left out because they have no value (or NaN) for the outcome.
    package let lacking: Int
    /// Varied params left out because some run's value is not a number.
    package let unusedParams: [String]
    package let minCoverage: Double
    package let trajectory: [PrimBox]
    /// The index in `trajectory` of the box chosen before pasting.
    package let chosenStep: Int
    /// The chosen box, pasted.
    package let box: PrimBox

    /// Discovery over the runs of `contents` (JSON lines) for `outcome`, cases by the flags given.
    package init(
        contents: RunsFileContents, outcome: String, value: String?, above: Double?, below: Double?,
        alpha: Double, minCoverage: Double
    ) throws(DiscoveryError) {
        let header = contents.header.unsharded
        let known = header.strings("outcomes")
        guard known.contains(outcome) else {
            throw .usage(
                "no outcome '\(outcome)' in the runs file ("
                    + (known.isEmpty ? "it has none" : known.joined(separator: ", "))
                    + ")")
        }
        let varied = Discovery.variedParams(header[BatchProvenance.Key.design])
        guard !varied.isEmpty else {
            throw .usage(
                "the runs file's design varies no param: discovery needs a batch with --sample or --sweep")
        }
        let finished = contents.records.filter { $0.status == .ok }
        var values: [ScalarValue] = []
        var included: [RunRecord] = []
        for record in finished {
            guard let value = record.outcomes.first(where: { $0.0.isBytewise(outcome) })?.1, !Discovery.isMissing(value)
            else {
                continue
            }
            values.append(value)
            included.append(record)
        }
        guard let kind = values.first.map(Discovery.kind) else {
            throw .data("no finished run has a value of \(outcome)")
        }
        var seen: Set<String> = []
        for case .string(let name) in values { seen.insert(name) }
        rule = try CaseRule.make(
            outcome: outcome, kind: kind, value: value, above: above, below: below, seen: seen.sorted())
        var names: [String] = []
        var columns: [[Double]] = []
        var unused: [String] = []
        for name in varied {
            let column = included.compactMap { record in
                record.params.first { $0.0.isBytewise(name) }.flatMap { CaseRule.number($0.1) }.flatMap {
                    $0.isNaN ? nil : $0
                }
            }
            if column.count == included.count {
                names.append(name)
                columns.append(column)
            } else {
                unused.append(name)
            }
        }
        guard !names.isEmpty else {
            throw .usage("no varied param takes numbers (\(varied.joined(separator: ", "))): nothing to peel")
        }
        let isCase = values.map(rule.matches)
        guard isCase.contains(true) else {
            throw .data("no run is a case (\(rule.text(outcome: outcome))) among the \(values.count) with a value")
        }
        self.header = header.fields
        self.outcome = outcome
        self.minCoverage = minCoverage
        failed = contents.records.count - finished.count
        lacking = finished.count - included.count
        unusedParams = unused
        prim = PRIM(names: names, columns: columns, isCase: isCase, alpha: alpha)
        trajectory = prim.peel()
        chosenStep = PRIM.chosen(trajectory, minCoverage: minCoverage)
        box = prim.paste(trajectory[chosenStep])
    }

    /// The params a design varies: its sample's ranges, then its sweeps, in the header's order.
    private static func variedParams(_ design: JSONValue?) -> [String] {
        let sampled = design?["sample"]?["ranges"]?.object?.map(\.0) ?? []
        let swept = design?["sweeps"]?.array?.compactMap { $0["name"]?.string } ?? []
        return sampled + swept.filter { !sampled.contains($0) }
    }

    /// The result as pretty JSON: the provenance, the cases, the chosen box (pasted) and the trajectory.
    package func json() -> String {
        var fields = header
        fields.append(("outcome", .string(outcome)))
        fields.append(
            (
                "cases",
                [
                    "rule": .string(rule.text(outcome: outcome)), "count": .int(prim.totalCases),
                    "of": .int(prim.totalRuns),
                ]
            ))
        fields.append(("left_out", ["failed": .int(failed), "lacking_outcome": .int(lacking)]))
        if !unusedParams.isEmpty { fields.append(("unused_params", .array(unusedParams.map(JSONValue.string)))) }
        fields.append(
            (
                "prim",
                [
                    "alpha": .number(prim.alpha), "min_mass": .number(prim.minMass),
                    "min_coverage": .number(minCoverage),
                ]
            ))
        fields.append(("ranges", limitsJSON(prim.ranges)))
        var chosen = boxFields(box)
        chosen.append(("runs", .int(box.members.count)))
        chosen.append(("cases", .int(box.cases)))
        chosen.append(("restricted", .array(prim.restricted(box).map(JSONValue.string))))
        chosen.append(("peeling_step", .int(chosenStep)))
        fields.append(("boxes", [.object(chosen)]))
        fields.append(("trajectory", .array(trajectory.map { .object(boxFields($0)) })))
        return JSONValue.object(fields).serialized()
    }

    private func boxFields(_ box: PrimBox) -> [(String, JSONValue)] {
        [
            ("limits", limitsJSON(box.limits)), ("coverage", .number(box.coverage)),
            ("density", .number(box.density)), ("mass", .number(box.mass)),
        ]
    }

    private func limitsJSON(_ limits: [ClosedRange<Double>]) -> JSONValue {
        .object(zip(prim.names, limits).map { ($0, [.number($1.lowerBound), .number($1.upperBound)]) })
    }

    /// A value that says nothing: NaN (a `null` in the runs file).
    private static func isMissing(_ value: ScalarValue) -> Bool {
        if case .number(let x) = value { return x.isNaN }
        return false
    }

    private static func kind(_ value: ScalarValue) -> OutcomeKind {
        switch value {
        case .integer, .number: .number
        case .boolean: .boolean
        case .string: .category
        }
    }
}
