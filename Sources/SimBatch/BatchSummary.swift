// BatchSummary: what a batch came to at each design point — per declared outcome the statistics of
// the values its ok runs gave, and the failed runs with their messages grouped — as JSON for tools
// and as a table for a terminal. It keeps every number an outcome took, so quantiles are exact, and
// the summary is the same bytes whatever order the runs were added in.
import Foundation
import SimCore
import SimReports
import SimSupport

/// The statistics of a batch's runs, per design point and outcome.
///
/// An outcome's type is that of its first value in run order across the batch; integers and numbers
/// both count as numbers. Values of another type (a scenario returning a number in one run and a
/// string in another) are left out of the statistics and counted in the outcome's `"mixed"`, which
/// appears only when it is not 0. At a point where an outcome has no value of its type, only its
/// `"type"` and `"n": 0` are given; an outcome with no value anywhere is `{"type": "none", "n": 0}`.
/// A NaN among an outcome's numbers sorts last: its mean, sd, max, ci95 and the quantiles that reach
/// it are then `null`.
package struct BatchSummary: Sendable {
    /// The outcome names declared by the scenario, in column order.
    package let outcomeNames: [String]
    /// The facts of the historical record the scenario declares (`sim.observed`), in order.
    package let observedNames: [String]
    /// Runs added, ok or failed.
    package private(set) var runs = 0
    /// Runs added that ended in an error or a limit.
    package private(set) var failed = 0
    /// With `--accept`: the facts a run must reproduce to count in the estimates.
    package let acceptedFacts: [String]?
    /// Runs added that were accepted.
    package private(set) var accepted = 0
    /// With `--accept`: per design param (in the points' order), its values over every run (the
    /// prior) and over the accepted ones (the posterior).
    var draws: [(name: String, prior: Values, posterior: Values)] = []
    /// With `--accept`: per outcome, its values over every accepted run (the posterior predictive).
    var predictive: [Values] = []

    private let outcomeIndex: [ExactKey: Int]
    var points: [Point]
    /// Where the ok runs clashed, for the page's map.
    var clashes = ClashTally()
    /// Failure message → the number of runs that failed with it.
    var failures: [ExactKey: Int] = [:]
    /// Per outcome, the lowest run that gave it a value of each kind: the outcome's kind does not
    /// depend on the order runs arrive in.
    private var firstRun: [[OutcomeKind: Int]]

    /// An empty summary for a scenario's declared outcomes and each design point's swept or sampled
    /// params (index = point); with `accepting`, the estimates are over the runs that reproduce
    /// those facts and the summary gives the posterior of the design's params.
    package init(
        outcomeNames: [String], observedNames: [String] = [], accepting: [String]? = nil,
        points: [[(String, ScalarValue)]]
    ) {
        self.outcomeNames = outcomeNames
        self.observedNames = observedNames
        acceptedFacts = accepting
        if accepting != nil {
            draws = (points.first ?? []).map { (name: $0.0, prior: Values(), posterior: Values()) }
            predictive = Array(repeating: Values(), count: outcomeNames.count)
        }
        outcomeIndex = Dictionary(zip(outcomeNames.map { ExactKey($0) }, outcomeNames.indices)) { first, _ in first }
        let empty = Array(repeating: Values(), count: outcomeNames.count)
        let facts = Array(repeating: Values(), count: observedNames.count)
        self.points = points.map { Point(params: $0, outcomes: empty, observed: facts) }
        firstRun = Array(repeating: [:], count: outcomeNames.count)
    }

    /// Counts one run at its point: a failed run by its message (by its status, `error` or `limit`,
    /// when it has none), an ok run by its declared outcomes; a failed run's outcomes are left out.
    package mutating func add(_ record: RunRecord) {
        let p = record.point
        precondition(points.indices.contains(p), "run \(record.run) is at point \(p), outside the design")
        runs += 1
        points[p].runs += 1
        let isAccepted = acceptedFacts != nil && record.accepted == true
        if acceptedFacts != nil {
            for (d, (_, value)) in zip(draws.indices, points[p].params) {
                draws[d].prior.add(value)
                if isAccepted { draws[d].posterior.add(value) }
            }
        }
        guard record.status == .ok else {
            failed += 1
            points[p].failed += 1
            failures[ExactKey(record.error ?? record.status.rawValue), default: 0] += 1
            return
        }
        countFacts(record, at: p)
        clashes.add(record)
        if acceptedFacts != nil {
            guard isAccepted else { return }
            accepted += 1
            points[p].accepted += 1
        }
        for (name, value) in record.outcomes {
            guard let o = outcomeIndex[ExactKey(name)] else { continue }
            let kind = points[p].outcomes[o].add(value)
            if acceptedFacts != nil { predictive[o].add(value) }
            firstRun[o][kind] = min(firstRun[o][kind] ?? .max, record.run)
        }
    }

    /// Counts which facts of the record an ok run reproduced, and whether it reproduced them all.
    private mutating func countFacts(_ record: RunRecord, at p: Int) {
        guard !observedNames.isEmpty else { return }
        // A fact the run did not report counts against consistency with the record, not in its own share.
        var consistent = true
        for (f, name) in observedNames.enumerated() {
            guard let reproduced = record.observed.first(where: { $0.0.isBytewise(name) })?.1 else {
                consistent = false
                continue
            }
            points[p].observed[f].trues += reproduced ? 1 : 0
            points[p].observed[f].falses += reproduced ? 0 : 1
            consistent = consistent && reproduced
        }
        points[p].consistent.trues += consistent ? 1 : 0
        points[p].consistent.falses += consistent ? 0 : 1
    }

    /// Records why each point of an adaptive batch stopped taking runs (index = point).
    package mutating func record(stops: [AdaptiveRounds.Stop?]) {
        for (p, stop) in zip(points.indices, stops) { points[p].stopped = stop }
    }

    /// The summary as pretty JSON: the caller's `header` pairs (the provenance) first, then the run
    /// and failure counts, the grouped failures and each point's outcome statistics.
    package func json(header: [(String, JSONValue)]) -> String {
        // One set of bins per outcome across the points, so that a sweep's histograms compare.
        let edges = outcomeNames.indices.map { o in
            kind(ofOutcome: o) == .number ? BatchSummary.binEdges(points.flatMap { $0.outcomes[o].numbers }) : []
        }
        // Every category an outcome took anywhere, so that each point gives each one its share, 0 included.
        let seen = outcomeNames.indices.map { o in Set(points.flatMap { $0.outcomes[o].categories.keys }) }
        let pointValues: [JSONValue] = points.enumerated().map { p, point in
            var fields: [(String, JSONValue)] = [
                ("point", .int(p)),
                ("params", .object(point.params.map { ($0.0, JSONValue($0.1)) })),
                ("runs", .int(point.runs)),
                ("failed", .int(point.failed)),
            ]
            if acceptedFacts != nil { fields.append(("accepted", .int(point.accepted))) }
            if let stopped = point.stopped { fields.append(("stopped", .string(stopped.rawValue))) }
            fields.append(
                (
                    "outcomes",
                    .object(
                        outcomeNames.indices.map { o in
                            (
                                outcomeNames[o],
                                statistics(
                                    point.outcomes[o], as: kind(ofOutcome: o), edges: edges[o], categories: seen[o])
                            )
                        })
                ))
            if !observedNames.isEmpty {
                fields.append(
                    (
                        "observed",
                        .object(
                            observedNames.indices.map { f in
                                (observedNames[f], statistics(point.observed[f], as: .boolean, edges: []))
                            })
                    ))
                fields.append(("consistent", statistics(point.consistent, as: .boolean, edges: [])))
            }
            return .object(fields)
        }
        let failureValues: [JSONValue] = BatchSummary.ranked(failures).map {
            ["message": .string($0.text), "count": .int($0.count)]
        }
        let counts: [(String, JSONValue)] =
            [("runs", .int(runs)), ("failed", .int(failed))]
            + (acceptedFacts != nil ? [("accepted", .int(accepted))] : [])
        let document = JSONValue.object(
            header + counts + [("failures", .array(failureValues)), ("points", .array(pointValues))]
                + calibrationJSON() + (clashes.json.map { [("clashes", $0)] } ?? []))
        return document.serialized()
    }

    // MARK: - Accumulation

    /// Everything one outcome took at one point, by kind.
    struct Values: Sendable {
        var numbers: [Double] = []
        var trues = 0
        var falses = 0
        var categories: [ExactKey: Int] = [:]

        /// Adds one value under its kind (integers count as numbers) and returns that kind.
        @discardableResult
        mutating func add(_ value: ScalarValue) -> OutcomeKind {
            switch value {
            case .integer(let v):
                numbers.append(Double(v))
                return .number
            case .number(let v):
                numbers.append(v)
                return .number
            case .boolean(let v):
                trues += v ? 1 : 0
                falses += v ? 0 : 1
                return .boolean
            case .string(let v):
                categories[ExactKey(v), default: 0] += 1
                return .category
            }
        }

        func count(_ kind: OutcomeKind) -> Int {
            switch kind {
            case .number: return numbers.count
            case .boolean: return trues + falses
            case .category: return categories.values.reduce(0, +)
            }
        }

        /// Values of every kind but `kind`.
        func mixed(besides kind: OutcomeKind) -> Int {
            OutcomeKind.allCases.filter { $0 != kind }.map(count).reduce(0, +)
        }
    }

    /// One design point's params, run counts and outcome values.
    struct Point: Sendable {
        var params: [(String, ScalarValue)]
        var runs = 0
        var failed = 0
        /// With `--accept`: the ok runs that reproduced the facts.
        var accepted = 0
        /// Why the point stopped taking runs, in an adaptive batch.
        var stopped: AdaptiveRounds.Stop?
        var outcomes: [Values]
        /// Per fact of the record, the ok runs that reproduced it or not.
        var observed: [Values]
        /// The ok runs that reproduced every fact, or not.
        var consistent = Values()
    }

    /// The kind of the outcome's first value in run order, nil when it never had one.
    func kind(ofOutcome o: Int) -> OutcomeKind? {
        var best: (kind: OutcomeKind, run: Int)?
        for kind in OutcomeKind.allCases {
            if let run = firstRun[o][kind], run < best?.run ?? .max { best = (kind, run) }
        }
        return best?.kind
    }

    /// Texts with their counts, most frequent first, ties in byte order.
    static func ranked(_ counts: [ExactKey: Int]) -> [(text: String, count: Int)] {
        counts.map { (text: $0.key.text, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.text.precedesBytewise($1.text)
        }
    }

    /// The numbers ascending, −0 before 0 and every NaN last whatever its sign (a NaN read back from
    /// a merged file has lost it), so the statistics come out the same to the bit in any order of adding.
    static func ascending(_ numbers: [Double]) -> [Double] {
        numbers.sorted { a, b in
            if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN }
            return a < b || (a == b && a.sign == .minus && b.sign == .plus)
        }
    }

    // MARK: - JSON

    /// One outcome's statistics at one point as JSON; numbers are counted in the bins between `edges`,
    /// and each of `categories` the point did not give is listed with count 0 (ranked last).
    func statistics(
        _ values: Values, as kind: OutcomeKind?, edges: [Double], categories: Set<ExactKey> = []
    ) -> JSONValue {
        guard let kind else { return ["type": .string(OutcomeKind.name(nil)), "n": .int(0)] }
        let n = values.count(kind)
        var pairs: [(String, JSONValue)] = [("type", .string(kind.rawValue)), ("n", .int(n))]
        if n > 0 {
            switch kind {
            case .number:
                let sorted = BatchSummary.ascending(values.numbers)
                pairs += [
                    ("mean", .number(Statistics.mean(sorted))),
                    ("sd", .number(Statistics.standardDeviation(sorted))),
                    ("min", .number(sorted[0])),
                ]
                pairs += [("p5", 0.05), ("p25", 0.25), ("median", 0.5), ("p75", 0.75), ("p95", 0.95)].map {
                    ($0.0, .number(Statistics.quantile(sorted: sorted, $0.1)))
                }
                pairs += [
                    ("max", .number(sorted[n - 1])),
                    ("ci95", Statistics.meanInterval(sorted).map(BatchSummary.interval) ?? .null),
                ]
                if let histogram = BatchSummary.histogram(sorted, edges: edges) {
                    pairs.append(("histogram", histogram))
                }
            case .boolean:
                pairs += [
                    ("true", .int(values.trues)),
                    ("p", .number(Double(values.trues) / Double(n))),
                    ("ci95", BatchSummary.interval(Statistics.wilson(successes: values.trues, trials: n))),
                ]
            case .category:
                pairs.append(
                    (
                        "categories",
                        .object(
                            BatchSummary.ranked(
                                values.categories.merging(categories.map { ($0, 0) }) { count, _ in count }
                            ).map { name, count in
                                (
                                    name,
                                    [
                                        "count": .int(count),
                                        "p": .number(Double(count) / Double(n)),
                                        "ci95": BatchSummary.interval(Statistics.wilson(successes: count, trials: n)),
                                    ]
                                )
                            })
                    ))
            }
        }
        let mixed = values.mixed(besides: kind)
        if mixed > 0 { pairs.append(("mixed", .int(mixed))) }
        return .object(pairs)
    }

    /// Round bin edges (1, 2 or 5 × 10^k apart, about 20 bins) covering the finite values; for
    /// whole numbers spanning fewer than 20, one bin per number. Empty when no value is finite.
    static func binEdges(_ values: [Double]) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return [] }
        let edges = RoundSteps(covering: low, high, count: 20).values
        if finite.allSatisfy({ $0 == $0.rounded() }), edges.count >= 2, edges[1] - edges[0] < 1 {
            return (0...Int(high - low + 1)).map { low + Double($0) }
        }
        return edges
    }

    /// How many of the ascending values fall in each bin [edges[i], edges[i+1]) — the last bin
    /// closed; values outside and NaNs are not counted.
    static func binCounts(_ sorted: [Double], edges: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: edges.count - 1)
        var bin = 0
        for value in sorted where value >= edges[0] && value <= edges[edges.count - 1] {
            while bin < counts.count - 1 && value >= edges[bin + 1] { bin += 1 }
            counts[bin] += 1
        }
        return counts
    }

    /// `{"edges", "counts"}` of the ascending values over the bins between `edges`; nil without a bin.
    static func histogram(_ sorted: [Double], edges: [Double]) -> JSONValue? {
        guard edges.count >= 2 else { return nil }
        return [
            "edges": .array(edges.map(JSONValue.number)),
            "counts": .array(BatchSummary.binCounts(sorted, edges: edges).map(JSONValue.int)),
        ]
    }

    static func interval(_ bounds: (Double, Double)) -> JSONValue {
        [.number(bounds.0), .number(bounds.1)]
    }
}
