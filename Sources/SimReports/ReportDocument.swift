// ReportDocument: a run report read back from its JSON — the parts `compare` and `diff` look at:
// final alignments, resources and forces, outcomes, metric series, the event timeline and the
// per-tick state digests.
import SimCore
import SimSupport

/// One run's JSON report, parsed.
package struct ReportDocument: Sendable {
    /// One timeline entry; `data` is kept as compact JSON, enough to tell two events apart.
    package struct TimelineEvent: Sendable, Equatable {
        package var tick: Int
        package var type: String
        package var agents: [String]
        package var region: String?
        package var data: String

        /// `type agents@region`: what an event is, whenever it happened and whatever its data.
        package var kind: String {
            type + " " + agents.joined(separator: ",") + (region.map { " @" + $0 } ?? "")
        }

        package var description: String { "tick \(tick): \(kind) \(data)" }
    }

    /// What the user named on the command line.
    package var label: String
    /// The whole report as read, for the writers that show more than a comparison needs.
    package var json: JSONValue
    package var scenario: String
    package var seed: UInt64?
    package var start: String
    package var ticks: Int
    package var agents: [String]
    // Keyed by the ids' bytes: two ids Swift finds canonically equivalent are two agents or regions.
    /// `alignments[from][to]`.
    package var alignments: [ExactKey: [ExactKey: Double]]
    /// `resources[agent]`: resource name → value, in report order.
    package var resources: [ExactKey: [(String, Double)]]
    /// `forces[agent]`: region id → strength where above 0.
    package var forces: [ExactKey: [ExactKey: Double]]
    package var outcomes: [(String, ScalarValue)]
    package var metrics: [(String, [Double])]
    package var events: [TimelineEvent]
    /// Digest part name → one hex digest per tick; empty for reports written before digests.
    package var digests: [(String, [String])]

    package init(label: String, json: JSONValue) throws(ComparisonInputError) {
        typealias K = RunReportKey
        guard json[K.simrun] != nil, let agentList = json[K.agents]?.array, json[K.alignments] != nil else {
            throw ComparisonInputError("\(label): not a simrun run report (no agents or alignments)")
        }
        self.label = label
        self.json = json
        scenario = json[K.scenario]?[K.name]?.string ?? "?"
        seed = json[K.seed]?.uint64
        start = json[K.start]?.string ?? "?"
        ticks = json[K.ticks]?.int ?? 0
        agents = agentList.compactMap { $0[K.id]?.string }
        alignments = [:]
        for (from, row) in json[K.alignments]?.object ?? [] {
            alignments[ExactKey(from)] = Dictionary(
                (row.object ?? []).compactMap { to, v in v.double.map { (ExactKey(to), $0) } },
                uniquingKeysWith: { first, _ in first })
        }
        resources = [:]
        forces = [:]
        for agent in agentList {
            guard let id = agent[K.id]?.string else { continue }
            resources[ExactKey(id)] = (agent[K.resources]?.object ?? []).compactMap { name, v in
                v.double.map { (name, $0) }
            }
            forces[ExactKey(id)] = Dictionary(
                (agent[K.forces]?.object ?? []).compactMap { r, v in v.double.map { (ExactKey(r), $0) } },
                uniquingKeysWith: { first, _ in first })
        }
        outcomes = (json[K.outcomes]?.object ?? []).compactMap { name, v in v.scalar.map { (name, $0) } }
        metrics = (json[K.metrics]?.object ?? []).map { name, series in
            (name, (series.array ?? []).map { $0.double ?? .nan })
        }
        events = (json[K.events]?.array ?? []).map { event in
            TimelineEvent(
                tick: event[K.tick]?.int ?? 0, type: event[K.type]?.string ?? "?",
                agents: (event[K.agents]?.array ?? []).compactMap(\.string),
                region: event[K.region]?.string,
                data: (event[K.data] ?? .object([])).compact())
        }
        digests = (json[K.digests]?.object ?? []).map { part, series in
            (part, (series.array ?? []).compactMap(\.string))
        }
        .filter { !$0.1.isEmpty }
    }

    /// Parses `text` as a run report.
    package init(label: String, text: String) throws(ComparisonInputError) {
        let json: JSONValue
        do throws(JSONParseError) {
            json = try JSONValue.parse(text)
        } catch {
            throw ComparisonInputError("\(label): not JSON: \(error)")
        }
        try self.init(label: label, json: json)
    }

    /// The alignment of `from` toward `to`, if both are in the report.
    package func alignment(_ from: String, _ to: String) -> Double? { alignments[ExactKey(from)]?[ExactKey(to)] }
}
