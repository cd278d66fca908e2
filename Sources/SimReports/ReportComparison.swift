// ReportComparison: two single runs side by side — outcomes and their change, the alignments that
// moved most between the two, resource and force differences, and the events one run has and the
// other does not.
import SimCore
import SimSupport

/// The comparison of a variant run's report with a base run's.
package struct ReportComparison: Sendable {
    /// An outcome in either report, with its change when both are numbers.
    package struct OutcomeRow: Sendable {
        package var name: String
        package var base: ScalarValue?
        package var variant: ScalarValue?

        package var change: Double? {
            guard let b = base?.numeric, let v = variant?.numeric else { return nil }
            return v - b
        }
        package var differs: Bool { base != variant }
    }

    /// A value held in both reports (an alignment, a resource, a force), base and variant.
    package struct ValueRow: Sendable {
        /// What it is: `algeria → lna`, `lna money`, `lna @ derj`.
        package var label: String
        package var base: Double
        package var variant: Double
        package var change: Double { variant - base }
    }

    /// A kind of event (type, agents, region) that happened a different number of times.
    package struct EventRow: Sendable {
        package var kind: String
        package var baseCount: Int
        package var variantCount: Int
        /// The first tick it happened in each run.
        package var baseFirst: Int?
        package var variantFirst: Int?
    }

    package let base: ReportDocument
    package let variant: ReportDocument
    package private(set) var outcomes: [OutcomeRow] = []
    /// Every pair held in both, largest |change| first; equal pairs left out.
    package private(set) var alignments: [ValueRow] = []
    package private(set) var resources: [ValueRow] = []
    package private(set) var forces: [ValueRow] = []
    package private(set) var events: [EventRow] = []
    package private(set) var warnings: [String] = []

    package init(base: ReportDocument, variant: ReportDocument) {
        self.base = base
        self.variant = variant
        if base.scenario != variant.scenario {
            warnings.append("different scenarios: '\(base.scenario)' and '\(variant.scenario)'")
        }
        if base.ticks != variant.ticks {
            warnings.append(
                "different lengths: \(base.ticks) ticks in \(base.label), \(variant.ticks) in \(variant.label)")
        }
        // Ids and names match by their bytes, as the scenario's Lua told them apart.
        let onlyAgents = Set(base.agents.map { ExactKey($0) }).symmetricDifference(variant.agents.map { ExactKey($0) })
        if !onlyAgents.isEmpty {
            warnings.append("agents in one report only: \(onlyAgents.sorted().map { $0.text }.joined(separator: ", "))")
        }

        var names = base.outcomes.map(\.0)
        names += variant.outcomes.map(\.0).filter { name in !names.contains(where: name.isBytewise) }
        outcomes = names.map { name in
            OutcomeRow(
                name: name, base: base.outcomes.first { $0.0.isBytewise(name) }?.1,
                variant: variant.outcomes.first { $0.0.isBytewise(name) }?.1)
        }

        let common = base.agents.filter { id in variant.agents.contains(where: id.isBytewise) }
        for from in common {
            for to in common where !to.isBytewise(from) {
                guard let b = base.alignment(from, to), let v = variant.alignment(from, to), b != v else { continue }
                alignments.append(ValueRow(label: "\(from) → \(to)", base: b, variant: v))
            }
            let variantResources = variant.resources[ExactKey(from)] ?? []
            for (name, b) in base.resources[ExactKey(from)] ?? [] {
                guard let v = variantResources.first(where: { $0.0.isBytewise(name) })?.1, v != b else { continue }
                resources.append(ValueRow(label: "\(from) \(name)", base: b, variant: v))
            }
            let baseForces = base.forces[ExactKey(from)] ?? [:], variantForces = variant.forces[ExactKey(from)] ?? [:]
            for region in Set(baseForces.keys).union(variantForces.keys).sorted() {
                let b = baseForces[region] ?? 0, v = variantForces[region] ?? 0
                if b != v { forces.append(ValueRow(label: "\(from) @ \(region)", base: b, variant: v)) }
            }
        }
        // Stable order: by size of change, then as listed.
        alignments = ReportComparison.largestFirst(alignments)
        resources = ReportComparison.largestFirst(resources)
        forces = ReportComparison.largestFirst(forces)

        // Per kind, in order of first appearance: each side's count and first tick.
        var rows: [EventRow] = []
        var row: [ExactKey: Int] = [:]
        for (side, list) in [base.events, variant.events].enumerated() {
            for event in list {
                let key = ExactKey(event.kind)
                let r = row[key] ?? rows.count
                if r == rows.count {
                    row[key] = r
                    rows.append(
                        EventRow(kind: event.kind, baseCount: 0, variantCount: 0, baseFirst: nil, variantFirst: nil))
                }
                if side == 0 {
                    rows[r].baseCount += 1
                    rows[r].baseFirst = rows[r].baseFirst ?? event.tick
                } else {
                    rows[r].variantCount += 1
                    rows[r].variantFirst = rows[r].variantFirst ?? event.tick
                }
            }
        }
        events = rows.filter { $0.baseCount != $0.variantCount }
    }

    private static func largestFirst(_ rows: [ValueRow]) -> [ValueRow] {
        rows.enumerated().sorted { x, y in
            abs(x.element.change) != abs(y.element.change)
                ? abs(x.element.change) > abs(y.element.change) : x.offset < y.offset
        }.map(\.element)
    }

    /// Outcomes, then the state tables, then events.
    package func tables(limit: Int = 10) -> [TextTable] {
        let r: (Double) -> String = ReadableNumber.text
        let outcomeTable = TextTable(
            title: "OUTCOMES", columns: ["outcome", base.label, variant.label, "change"], rightAligned: [3],
            rows: outcomes.map { row in
                [
                    row.name, row.base.map(ReadableNumber.text) ?? "-", row.variant.map(ReadableNumber.text) ?? "-",
                    !row.differs ? "same" : row.change.map { (0 < $0 ? "+" : "") + r($0) } ?? "changed",
                ]
            })
        let eventTable = TextTable(
            title: "EVENTS IN ONE RUN AND NOT THE OTHER (counts by type, agents and region)",
            columns: ["event", base.label, variant.label, "first tick"], rightAligned: [1, 2],
            rows: events.prefix(limit * 3).map { row in
                [
                    row.kind, String(row.baseCount), String(row.variantCount),
                    "\(row.baseFirst.map(String.init) ?? "-") / \(row.variantFirst.map(String.init) ?? "-")",
                ]
            },
            footnote: events.count > limit * 3 ? "\(events.count - limit * 3) more kinds differ" : nil)
        return [outcomeTable] + stateTables(limit: limit) + [eventTable]
    }

    /// The top `limit` alignments, resources and forces that differ.
    package func stateTables(limit: Int = 10) -> [TextTable] {
        let r: (Double) -> String = ReadableNumber.text
        func values(_ title: String, _ what: String, _ rows: [ValueRow]) -> TextTable {
            TextTable(
                title: title, columns: [what, base.label, variant.label, "change"], rightAligned: [1, 2, 3],
                rows: rows.prefix(limit).map {
                    [$0.label, r($0.base), r($0.variant), (0 < $0.change ? "+" : "") + r($0.change)]
                },
                footnote: rows.count > limit ? "\(rows.count - limit) more differ (--top N shows more)" : nil)
        }
        return [
            values("ALIGNMENTS THAT DIFFER MOST", "pair", alignments),
            values("RESOURCES THAT DIFFER", "agent resource", resources),
            values("FORCES THAT DIFFER (deployed)", "agent @ region", forces),
        ]
    }

    /// `alignments`, `resources`, `forces`: the top `limit` of each.
    package func stateJSON(limit: Int = 10) -> [(String, JSONValue)] {
        func values(_ rows: [ValueRow]) -> JSONValue {
            .array(
                rows.prefix(limit).map {
                    [
                        "what": .string($0.label), "base": .number($0.base),
                        "variant": .number($0.variant), "change": .number($0.change),
                    ]
                })
        }
        return [("alignments", values(alignments)), ("resources", values(resources)), ("forces", values(forces))]
    }

    package func json(limit: Int = 10) -> JSONValue {
        func side(_ report: ReportDocument) -> JSONValue {
            [
                "file": .string(report.label), "scenario": .string(report.scenario),
                "seed": report.seed.map(JSONValue.unsigned) ?? .null, "ticks": .int(report.ticks),
            ]
        }
        return .object(
            [
                ("base", side(base)),
                ("variant", side(variant)),
                ("warnings", .array(warnings.map(JSONValue.string))),
                (
                    "outcomes",
                    .array(
                        outcomes.map { row in
                            [
                                "name": .string(row.name), "base": row.base.map(JSONValue.init) ?? .null,
                                "variant": row.variant.map(JSONValue.init) ?? .null,
                                "change": row.change.map(JSONValue.number) ?? .null, "differs": .bool(row.differs),
                            ]
                        })
                ),
            ] + stateJSON(limit: limit) + [
                (
                    "events",
                    .array(
                        events.map { row in
                            [
                                "kind": .string(row.kind), "base": .int(row.baseCount),
                                "variant": .int(row.variantCount),
                                "base_first_tick": row.baseFirst.map(JSONValue.int) ?? .null,
                                "variant_first_tick": row.variantFirst.map(JSONValue.int) ?? .null,
                            ]
                        })
                )
            ])
    }
}
