// RunRecord: one run of a batch as it is kept — a line of `runs.jsonl` (written and read back, for
// merge and resume) and a row of the CSV form.
import SimCore
import SimReports
import SimSupport

/// One run of a batch: which run, its seed and params, how it ended, and what it produced.
package struct RunRecord: Sendable {
    /// How a run ended: finished (`ok`, also when stopped by `sim.stop`), failed with an error, or
    /// stopped by a resource limit.
    package enum Status: String, Sendable {
        case ok, error, limit
    }

    package var run: Int
    package var seed: UInt64
    package var point: Int
    /// Every param in force, in declaration order.
    package var params: [(String, ScalarValue)]
    package var status: Status
    /// The reason given when the run was ended by `sim.stop`.
    package var stopped: String?
    /// The message of a failed run.
    package var error: String?
    /// The outcomes the run computed (a failed run lacks those it could not compute).
    package var outcomes: [(String, ScalarValue)]
    /// Each fact of the record the scenario declares (`sim.observed`) and whether the run reproduced it.
    package var observed: [(String, Bool)]
    /// Clashes the run had in each region where it had any (region id → count), in declaration order.
    package var clashes: [(String, Int)]
    /// With `--accept`: whether the run reproduced the facts the batch accepts on.
    package var accepted: Bool?
    /// Each metric's final value, with `--metrics`.
    package var metrics: [(String, Double)]?
    /// Each metric's whole series, with `--trace`.
    package var trace: [(String, [Double])]?

    package init(
        run: Int, seed: UInt64, point: Int, params: [(String, ScalarValue)], status: Status,
        stopped: String? = nil, error: String? = nil, outcomes: [(String, ScalarValue)] = [],
        observed: [(String, Bool)] = [], clashes: [(String, Int)] = [], metrics: [(String, Double)]? = nil,
        trace: [(String, [Double])]? = nil
    ) {
        self.run = run
        self.seed = seed
        self.point = point
        self.params = params
        self.status = status
        self.stopped = stopped
        self.error = error
        self.outcomes = outcomes
        self.observed = observed
        self.clashes = clashes
        self.metrics = metrics
        self.trace = trace
    }

    /// The record as one compact JSON line without its newline. Keys in order: run, seed, point,
    /// params, status, stopped, error, outcomes, observed, clashes, accepted, metrics, trace; an optional field
    /// that is nil (observed, clashes: empty) is left out. Non-finite numbers are written `null`.
    package func jsonLine() -> String {
        var fields: [(String, JSONValue)] = [
            ("run", .int(run)),
            ("seed", .unsigned(seed)),
            ("point", .int(point)),
            ("params", .object(params.map { ($0.0, JSONValue($0.1)) })),
            ("status", .string(status.rawValue)),
        ]
        if let stopped { fields.append(("stopped", .string(stopped))) }
        if let error { fields.append(("error", .string(error))) }
        fields.append(("outcomes", .object(outcomes.map { ($0.0, JSONValue($0.1)) })))
        if !observed.isEmpty { fields.append(("observed", .object(observed.map { ($0.0, .bool($0.1)) }))) }
        if !clashes.isEmpty { fields.append(("clashes", .object(clashes.map { ($0.0, .int($0.1)) }))) }
        if let accepted { fields.append(("accepted", .bool(accepted))) }
        if let metrics { fields.append(("metrics", .object(metrics.map { ($0.0, .number($0.1)) }))) }
        if let trace {
            fields.append(("trace", .object(trace.map { ($0.0, .array($0.1.map(JSONValue.number))) })))
        }
        return JSONValue.object(fields).compact()
    }

    /// Reads a record back from a parsed `jsonLine()`. A `null` where a number belongs (the written
    /// form of NaN and infinities) comes back as NaN. A missing or ill-typed field is an error naming it.
    package init(json: JSONValue) throws(JSONParseError) {
        guard json.object != nil else { throw RunRecord.invalid("a run line is not an object") }
        run = try RunRecord.typed("run", RunRecord.required("run", in: json), RunRecord.count)
        seed = try RunRecord.typed("seed", RunRecord.required("seed", in: json)) { $0.uint64 }
        point = try RunRecord.typed("point", RunRecord.required("point", in: json), RunRecord.count)
        params = try RunRecord.pairs("params", RunRecord.required("params", in: json), RunRecord.scalar)
        status = try RunRecord.typed("status", RunRecord.required("status", in: json)) {
            $0.string.flatMap(Status.init(rawValue:))
        }
        stopped = try json["stopped"].map { (v) throws(JSONParseError) in
            try RunRecord.typed("stopped", v) { $0.string }
        }
        error = try json["error"].map { (v) throws(JSONParseError) in try RunRecord.typed("error", v) { $0.string } }
        outcomes = try RunRecord.pairs("outcomes", RunRecord.required("outcomes", in: json), RunRecord.scalar)
        observed =
            try json["observed"].map { (v) throws(JSONParseError) in
                try RunRecord.pairs("observed", v) { $0.bool }
            } ?? []
        // Rows written before clashes were counted have none.
        clashes =
            try json["clashes"].map { (v) throws(JSONParseError) in
                try RunRecord.pairs("clashes", v, RunRecord.count)
            } ?? []
        accepted = try json["accepted"].map { (v) throws(JSONParseError) in
            try RunRecord.typed("accepted", v) { $0.bool }
        }
        metrics = try json["metrics"].map { (v) throws(JSONParseError) in
            try RunRecord.pairs("metrics", v, RunRecord.number)
        }
        trace = try json["trace"].map { (v) throws(JSONParseError) in
            try RunRecord.pairs("trace", v) { series in
                series.array.flatMap { elements in
                    let numbers = elements.compactMap(RunRecord.number)
                    return numbers.count == elements.count ? numbers : nil
                }
            }
        }
    }

    /// The CSV column row: `run,seed,point,status,error`, then the given params, outcomes, observed
    /// facts, `accepted` when the batch accepts runs, and metrics, quoted per RFC 4180 where needed;
    /// no newline.
    /// Metric columns are named `metric.NAME` and facts `observed.NAME`, so that they and an outcome
    /// of one name stay columns a reader can tell apart.
    package static func csvHeader(
        params: [String], outcomes: [String], observed: [String] = [], accepting: Bool = false, metrics: [String]
    ) -> String {
        (["run", "seed", "point", "status", "error"] + params + outcomes + observed.map { "observed." + $0 }
            + (accepting ? ["accepted"] : []) + metrics.map { "metric." + $0 })
            .map(csvField).joined(separator: ",")
    }

    /// The record as a CSV row in the columns of `csvHeader` with the same names; no newline. A value
    /// the record lacks is an empty cell. Numbers are written so they read back to the same bits
    /// (integral ones without `.0`; NaN and infinities as R and pandas spell them: `NaN`, `Inf`,
    /// `-Inf`), booleans `true`/`false`.
    package func csvRow(
        params: [String], outcomes: [String], observed: [String] = [], accepting: Bool = false, metrics: [String]
    ) -> String {
        var cells = [String(run), String(seed), String(point), status.rawValue, error.map(RunRecord.csvField) ?? ""]
        for name in params {
            cells.append(self.params.first { $0.0.isBytewise(name) }.map { RunRecord.csvCell($0.1) } ?? "")
        }
        for name in outcomes {
            cells.append(self.outcomes.first { $0.0.isBytewise(name) }.map { RunRecord.csvCell($0.1) } ?? "")
        }
        for name in observed {
            cells.append(self.observed.first { $0.0.isBytewise(name) }.map { $0.1 ? "true" : "false" } ?? "")
        }
        if accepting { cells.append(accepted.map { $0 ? "true" : "false" } ?? "") }
        for name in metrics {
            cells.append(self.metrics?.first { $0.0.isBytewise(name) }.map { RunRecord.csvNumber($0.1) } ?? "")
        }
        return cells.joined(separator: ",")
    }

    // MARK: CSV

    private static func csvCell(_ value: ScalarValue) -> String {
        switch value {
        case .integer(let i): return String(i)
        case .number(let x): return csvNumber(x)
        case .boolean(let b): return b ? "true" : "false"
        case .string(let s): return csvField(s)
        }
    }

    private static func csvNumber(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Inf" : "Inf" }
        let text = x.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A text quoted per RFC 4180 when it holds a comma, quote, CR or LF — or `#`, which R and pandas
    /// would otherwise take for the start of a comment when reading with a comment character.
    private static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A || $0 == 0x23 })
        else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    // MARK: Reading JSON

    private static func invalid(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: 0)
    }

    private static func required(_ key: String, in json: JSONValue) throws(JSONParseError) -> JSONValue {
        guard let value = json[key] else { throw invalid("a run line has no \"\(key)\"") }
        return value
    }

    private static func typed<T>(
        _ key: String, _ value: JSONValue,
        _ read: (JSONValue) -> T?
    ) throws(JSONParseError) -> T {
        guard let result = read(value) else { throw invalid("a run line's \"\(key)\" is ill-typed") }
        return result
    }

    /// An object's pairs with each value read by `read`; the error names the first entry refused.
    private static func pairs<T>(
        _ key: String, _ value: JSONValue,
        _ read: (JSONValue) -> T?
    ) throws(JSONParseError) -> [(String, T)] {
        guard let object = value.object else { throw invalid("a run line's \"\(key)\" is not an object") }
        var result: [(String, T)] = []
        result.reserveCapacity(object.count)
        for (name, element) in object {
            guard let item = read(element) else { throw invalid("a run line's \"\(key)\".\"\(name)\" is ill-typed") }
            result.append((name, item))
        }
        return result
    }

    /// A run or point index: a non-negative integer.
    private static func count(_ value: JSONValue) -> Int? {
        value.int.flatMap { $0 >= 0 ? $0 : nil }
    }

    /// A param or outcome value, NaN for `null`.
    private static func scalar(_ value: JSONValue) -> ScalarValue? {
        if case .null = value { return .number(.nan) }
        return value.scalar
    }

    /// A number, NaN for `null`.
    private static func number(_ value: JSONValue) -> Double? {
        if case .null = value { return .nan }
        return value.double
    }
}
