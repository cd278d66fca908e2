// BatchCommandTests+Formats: what a row holds — CSV against JSON lines, and the metrics and traces
// added by --metrics and --trace.
import Foundation
import Testing

extension BatchCommandTests {
    @Test("--format csv: a provenance line, the column row, and the JSON lines' values")
    func csvMatchesJSONLines() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let common = [Self.coin, "--runs", "12", "--seed", "31", "--sweep", "a=0,5", "--metrics"]
        let json = try BatchFixture.batch(common + ["--out", dir.path("runs.jsonl")])
        let csv = try BatchFixture.batch(common + ["--format", "csv", "--out", dir.path("runs.csv")])
        #expect(json.exited(0), "\(json)")
        #expect(csv.exited(0), "\(csv)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let text = try dir.text("runs.csv")
        let firstLine = String(text.prefix { $0 != "\n" })
        #expect(firstLine.hasPrefix("# simrun batch {"))
        let provenance = try JSON.parse(String(firstLine.dropFirst("# simrun batch ".count)))
        #expect(provenance == runs.header, "the CSV's provenance is the JSON lines' header")

        let records = try BatchCSV.parse(text)
        let columns = try #require(records.first)
        let params = ["a", "b", "loud", "label"], outcomes = ["total", "heads", "won", "side", "tag"]
        let metrics = ["running_total", "heads_so_far"]
        #expect(
            columns == ["run", "seed", "point", "status", "error"] + params + outcomes + metrics.map { "metric." + $0 })
        #expect(records.count == 1 + runs.rows.count)
        #expect(text.contains("\"edge, upright\""), "a comma in a value is quoted")
        for (cells, row) in zip(records.dropFirst(), runs.rows) {
            try #require(cells.count == columns.count, "row \(cells)")
            let run = row["run"]?.int ?? -1
            #expect(cells[0] == String(run))
            #expect(UInt64(cells[1]) == row["seed"]?.batchUnsigned, "run \(run) seed")
            #expect(Int(cells[2]) == row["point"]?.int)
            #expect(cells[3] == row["status"]?.string)
            #expect(cells[4] == (row["error"]?.string ?? ""))
            for (offset, name) in params.enumerated() {
                #expect(
                    BatchFixture.csvCell(cells[5 + offset], equals: row["params"]?[name]),
                    "run \(run) param \(name): \(cells[5 + offset])")
            }
            for (offset, name) in outcomes.enumerated() {
                #expect(
                    BatchFixture.csvCell(cells[9 + offset], equals: row["outcomes"]?[name]),
                    "run \(run) outcome \(name): \(cells[9 + offset])")
            }
            for (offset, name) in metrics.enumerated() {
                #expect(
                    BatchFixture.csvCell(cells[14 + offset], equals: row["metrics"]?[name]),
                    "run \(run) metric \(name): \(cells[14 + offset])")
            }
        }
        // Without --metrics, no metric columns.
        let plain = try BatchFixture.batch(Self.coin, "--runs", "2", "--format", "csv")
        #expect(plain.exited(0), "\(plain)")
        #expect(try BatchCSV.parse(plain.out).first == ["run", "seed", "point", "status", "error"] + params + outcomes)
    }

    @Test("--metrics adds each metric's final value, --trace its whole series of steps + 1 values")
    func metricsAndTrace() throws {
        let result = try BatchFixture.batch(Self.coin, "--runs", "3", "--steps", "7", "--metrics", "--trace")
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(result.out)
        #expect(runs.header["design"]?["steps"]?.int == 7)
        #expect(runs.rows.count == 3)
        for row in runs.rows {
            #expect(row.keys == ["run", "seed", "point", "params", "status", "outcomes", "metrics", "trace"])
            let trace = try #require(row["trace"])
            #expect(trace.keys == ["running_total", "heads_so_far"])
            for name in trace.keys {
                let series = trace[name]?.array?.compactMap(\.double) ?? []
                #expect(series.count == 8, "\(name): steps + 1 values")
                #expect(series.first == 0)
                #expect(series.last == row["metrics"]?[name]?.double, "the final value is the metric's")
            }
            #expect(trace["running_total"]?.array?.last?.double == row["outcomes"]?["total"]?.double)
        }
        let bare = try BatchFixture.batch(Self.coin, "--runs", "1")
        #expect(
            try BatchRunsText(bare.out).rows.first?.keys == ["run", "seed", "point", "params", "status", "outcomes"])
    }
}
