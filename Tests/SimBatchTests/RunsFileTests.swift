import Foundation
import Testing

@testable import SimBatch

/// Reading a runs file back: its header's sizes and its rows' runs are checked against a batch's limits.
struct RunsFileTests {
    /// A JSON lines runs file of `runs` per point at `points` points, with `rows` as its run lines.
    private func file(runs: String, points: Int = 1, rows: [String] = []) -> Data {
        let pointParams = Array(repeating: "{}", count: points).joined(separator: ",")
        let header =
            #"{"simrun":{"version":"0","schema":1},"design":{"runs":\#(runs),"points":\#(points)},"#
            + #""columns":{"params":[],"outcomes":[],"metrics":[]},"point_params":[\#(pointParams)]}"#
        return Data(([header] + rows).map { $0 + "\n" }.joined().utf8)
    }

    private func row(run: Int, point: Int) -> String {
        #"{"run":\#(run),"seed":1,"point":\#(point),"params":{},"status":"ok","outcomes":{}}"#
    }

    private func message(_ data: Data) -> String? {
        do {
            _ = try RunsFileContents.read(data, path: "r.jsonl")
            return nil
        } catch {
            return error.message
        }
    }

    @Test("runs per point from 1 to maxRuns are read; 0, one past the limit and Int.max are refused")
    func runsPerPoint() throws {
        #expect(message(file(runs: "1")) == nil)
        #expect(message(file(runs: "100000000")) == nil)
        for runs in ["0", "100000001", "9223372036854775807", "-1", "null"] {
            #expect(
                message(file(runs: runs))
                    == "r.jsonl:1: design.runs is \(runs), not a whole number from 1 to 100000000")
        }
    }

    @Test("runs per point × points may reach maxRuns, not pass it")
    func product() {
        #expect(message(file(runs: "100", points: 1_000_000)) == nil)
        #expect(
            message(file(runs: "101", points: 1_000_000))
                == "r.jsonl:1: design.runs 101 at 1000000 points is more than 100000000 runs")
    }

    @Test("a row's run lies in the batch, at the point the design puts it")
    func rows() throws {
        let contents = try RunsFileContents.read(
            file(runs: "2", points: 2, rows: [row(run: 0, point: 0), row(run: 3, point: 1)]), path: "r.jsonl")
        #expect(contents.totalRuns == 4 && contents.rows.map(\.run) == [0, 3])
        #expect(
            message(file(runs: "2", points: 2, rows: [row(run: 4, point: 2)]))
                == "r.jsonl:2: run 4 is outside the batch's 4 runs")
        #expect(
            message(file(runs: "2", points: 2, rows: [row(run: 1, point: 1)]))
                == "r.jsonl:2: run 1 is at point 1, but the design puts it at point 0")
        // A point below the design's is as wrong as one above it.
        #expect(
            message(file(runs: "2", points: 2, rows: [row(run: 3, point: 0)]))
                == "r.jsonl:2: run 3 is at point 0, but the design puts it at point 1")
    }
}
