// RunsFile: the runs file of a batch — its provenance header and one row per run, as JSON lines or
// CSV — written as runs complete, and read back to resume a batch or to merge shards.
import Foundation
import SimCore
import SimReports
import SimSupport

/// The format of a runs file.
package enum RunsFormat: String {
    case jsonl, csv
}

/// The columns and provenance every runs file starts with.
package struct RunsHeader {
    /// `{"simrun", "scenario", "seed", "design", "columns", "point_params"}` and, in a shard's file, `"shard"`.
    package var fields: [(String, JSONValue)]

    package static let schema = 1
    /// How a CSV runs file begins: its provenance rides in a comment line.
    package static let csvMark = "# simrun batch "

    package init(fields: [(String, JSONValue)]) { self.fields = fields }

    package init(
        version: String, scenario: ScenarioInfo, design: BatchDesign, params: [String], outcomes: [String],
        observed: [String] = [], metrics: [String], shard: Shard?
    ) {
        // A scenario without facts of the record keeps the columns it always had.
        var columns: [(String, JSONValue)] = [
            ("params", .array(params.map(JSONValue.string))),
            ("outcomes", .array(outcomes.map(JSONValue.string))),
        ]
        if !observed.isEmpty { columns.append(("observed", .array(observed.map(JSONValue.string)))) }
        columns.append(("metrics", .array(metrics.map(JSONValue.string))))
        fields = [
            (BatchProvenance.Key.simrun, ["version": .string(version), "schema": .int(RunsHeader.schema)]),
            (BatchProvenance.Key.scenario, RunsHeader.scenario(scenario)),
            (BatchProvenance.Key.seed, .unsigned(design.seed)),
            (BatchProvenance.Key.design, design.json()),
            (BatchProvenance.Key.columns, .object(columns)),
            (
                BatchProvenance.Key.pointParams,
                .array(design.points.map { point in .object(point.map { ($0.0, JSONValue($0.1)) }) })
            ),
        ]
        if let shard { fields.append((BatchProvenance.Key.shard, .string(shard.description))) }
    }

    /// The scenario's name and sha256, then its regions and links (for the summary page's clash map)
    /// when it has any.
    private static func scenario(_ scenario: ScenarioInfo) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(scenario.name)), ("sha256", .string(scenario.sha256))]
        if !scenario.regions.isEmpty {
            fields.append(
                (
                    "regions",
                    .array(
                        scenario.regions.map {
                            [
                                "id": .string($0.id), "name": .string($0.name), "lat": .number($0.latitude),
                                "lon": .number($0.longitude),
                            ]
                        })
                ))
            let ids = scenario.regions.map(\.id)
            fields.append(("links", .array(scenario.links.map { [.string(ids[$0.a]), .string(ids[$0.b])] })))
        }
        return .object(fields)
    }

    /// The header without the shard: what every shard of one batch shares, and what a merged file holds.
    package var unsharded: RunsHeader { RunsHeader(fields: fields.filter { $0.0 != BatchProvenance.Key.shard }) }

    package subscript(key: String) -> JSONValue? { fields.first { $0.0 == key }?.1 }

    /// What the header says, read as every reader of batch files reads it.
    package var provenance: BatchProvenance { BatchProvenance(json) }

    /// Read for every CSV row: straight from the `columns` field, not through the whole provenance.
    package func strings(_ column: String) -> [String] {
        BatchProvenance.names(column, in: self[BatchProvenance.Key.columns]) ?? []
    }

    /// Each point's swept or sampled params, for the summary.
    package var points: [[(String, ScalarValue)]] {
        provenance.pointParams ?? []
    }

    package var json: JSONValue { .object(fields) }

    /// The header as the file's first line(s), newline included.
    package func text(_ format: RunsFormat) -> String {
        switch format {
        case .jsonl: return json.compact() + "\n"
        case .csv:
            return RunsHeader.csvMark + json.compact() + "\n"
                + RunRecord.csvHeader(
                    params: strings("params"), outcomes: strings("outcomes"), observed: strings("observed"),
                    accepting: accepts, metrics: strings("metrics")) + "\n"
        }
    }

    /// Whether the batch accepts runs on facts of the record (`--accept`): its rows then say which.
    package var accepts: Bool { self[BatchProvenance.Key.design]?["accept"] != nil }

    /// The facts a run of the batch must reproduce to be accepted; nil without `--accept`.
    package var acceptedFacts: [String]? {
        self[BatchProvenance.Key.design]?["accept"]?.array.map { $0.compactMap(\.string) }
    }

    /// One run's row, newline included.
    package func row(_ record: RunRecord, _ format: RunsFormat) -> String {
        switch format {
        case .jsonl: return record.jsonLine() + "\n"
        case .csv:
            return record.csvRow(
                params: strings("params"), outcomes: strings("outcomes"), observed: strings("observed"),
                accepting: accepts, metrics: strings("metrics")) + "\n"
        }
    }
}

/// What an existing runs file holds: its header and its complete rows, in file order.
package struct RunsFileContents {
    package var format: RunsFormat
    package var header: RunsHeader
    /// `design.runs`, checked: 1 to `BatchDesign.maxRuns`.
    package var runsPerPoint: Int
    /// Runs in the whole batch, runs per point × points, checked: at most `BatchDesign.maxRuns`.
    package var totalRuns: Int
    /// Run index and exact text (newline included) of every complete row.
    package var rows: [(run: Int, text: Substring)]
    /// Parsed rows (JSON lines only).
    package var records: [RunRecord]
    /// Rows whose run failed (status `error` or `limit`).
    package var failed: Int
    /// Bytes up to the end of the last complete row: a truncated last row lies beyond.
    package var validLength: Int

    package struct ReadError: Error {
        package var message: String
        /// The file ends before its header line: a batch killed before writing anything.
        package var beforeHeader = false
    }

    /// Reads the bytes of a runs file written by `simrun batch` or `simrun merge`; `path` names it in
    /// messages.
    package static func read(_ data: Data, path: String) throws(ReadError) -> RunsFileContents {
        let text = String(decoding: data, as: UTF8.self)
        let format: RunsFormat = text.hasPrefix(RunsHeader.csvMark) ? .csv : .jsonl
        var records = RunsFileContents.records(in: text, format: format)[...]
        guard let first = records.popFirst() else {
            throw ReadError(message: "\(path): no header line", beforeHeader: true)
        }
        let headerText = format == .csv ? first.dropFirst(RunsHeader.csvMark.count) : first
        let headerJSON: JSONValue
        do throws(JSONParseError) {
            headerJSON = try JSONValue.parse(String(headerText.dropLast()))
        } catch {
            throw ReadError(message: "\(path):1: not a simrun runs file (\(error.message))")
        }
        guard let fields = headerJSON.object, headerJSON[BatchProvenance.Key.simrun] != nil,
            headerJSON[BatchProvenance.Key.design] != nil
        else {
            throw ReadError(message: "\(path):1: not a simrun runs file")
        }
        let header = RunsHeader(fields: fields)
        let (runsPerPoint, totalRuns) = try RunsFileContents.size(of: header, path: path)
        var contents = RunsFileContents(
            format: format, header: header, runsPerPoint: runsPerPoint, totalRuns: totalRuns, rows: [],
            records: [], failed: 0, validLength: first.utf8.count)
        if format == .csv, let columns = records.popFirst() {
            contents.validLength += columns.utf8.count
        }
        for (offset, row) in records.enumerated() {
            let number = offset + (format == .csv ? 3 : 2)
            switch format {
            case .jsonl:
                let record: RunRecord
                do throws(JSONParseError) {
                    record = try RunRecord(json: try JSONValue.parse(String(row.dropLast())))
                } catch {
                    throw ReadError(message: "\(path):\(number): not a run (\(error.message))")
                }
                try contents.check(run: record.run, point: record.point, path: path, line: number)
                contents.rows.append((record.run, row))
                contents.records.append(record)
                if record.status != .ok { contents.failed += 1 }
            case .csv:
                // run,seed,point,status,...: none of the first four is ever quoted.
                let cells = row.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
                guard cells.count >= 4, let run = Int(cells[0]), let point = Int(cells[2]) else {
                    throw ReadError(message: "\(path):\(number): not a run row")
                }
                try contents.check(run: run, point: point, path: path, line: number)
                contents.rows.append((run, row))
                if cells[3] != "ok" { contents.failed += 1 }
            }
            contents.validLength += row.utf8.count
        }
        return contents
    }

    /// Runs per point and runs in all as the header's design gives them, each within the limits of
    /// a batch (`BatchDesign.maxRuns`, `maxPoints`): a header claiming more is not one simrun wrote.
    private static func size(of header: RunsHeader, path: String) throws(ReadError) -> (perPoint: Int, total: Int) {
        let design = header[BatchProvenance.Key.design]
        guard let runs = design?["runs"]?.int, (1...BatchDesign.maxRuns).contains(runs) else {
            let given = design?["runs"]?.compact() ?? "missing"
            throw ReadError(
                message: "\(path):1: design.runs is \(given), not a whole number from 1 to \(BatchDesign.maxRuns)")
        }
        guard let points = header[BatchProvenance.Key.pointParams]?.array?.count,
            (1...BatchDesign.maxPoints).contains(points)
        else {
            throw ReadError(
                message: "\(path):1: point_params is not a list of 1 to \(BatchDesign.maxPoints) design points")
        }
        if let declared = design?["points"], declared.int != points {
            throw ReadError(
                message: "\(path):1: design.points is \(declared.compact()), but point_params lists \(points)")
        }
        // Both factors are bounded above: the product cannot overflow.
        guard runs * points <= BatchDesign.maxRuns else {
            throw ReadError(
                message: "\(path):1: design.runs \(runs) at \(points) points is more than \(BatchDesign.maxRuns) runs")
        }
        return (runs, runs * points)
    }

    /// A row's run must lie in the batch and at the point the design puts it: merge, resume, compare
    /// and the summary index by both.
    private func check(run: Int, point: Int, path: String, line: Int) throws(ReadError) {
        guard (0..<totalRuns).contains(run) else {
            throw ReadError(message: "\(path):\(line): run \(run) is outside the batch's \(totalRuns) runs")
        }
        guard point == run / runsPerPoint else {
            throw ReadError(
                message: "\(path):\(line): run \(run) is at point \(point), but the design puts it at point "
                    + "\(run / runsPerPoint)")
        }
    }

    /// The complete records of a file, each with its newline: lines of JSON, or CSV records, whose
    /// quoted cells may hold newlines. A last record without its newline was cut short and is left out.
    private static func records(in text: String, format: RunsFormat) -> [Substring] {
        var records: [Substring] = []
        var start = text.startIndex
        var quoted = false
        var index = text.startIndex
        for byte in text.utf8 {
            let next = text.utf8.index(after: index)
            if format == .csv, byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: "\n"), !quoted {
                records.append(text[start..<next])
                start = next
            }
            index = next
        }
        return records
    }
}
