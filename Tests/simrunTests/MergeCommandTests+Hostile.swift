// MergeCommandTests+Hostile: runs files whose header or rows claim what no batch wrote — sizes past
// any batch, rows outside the design — are refused with exit 65 and one line naming the file and the
// field, never a crash or an allocation the size of the claim (issue 13).
import Foundation
import Testing

extension MergeCommandTests {
    /// A three-run batch of coin.lua, its header line edited by `edit` and its rows by `editRows`.
    private func edited(
        _ dir: BatchScratch, header edit: (String) -> String, rows editRows: ([String]) -> [String] = { $0 }
    ) throws -> String {
        let result = try BatchFixture.batch(Self.coin, "--runs", "3", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let lines = try dir.text("runs.jsonl").split(separator: "\n").map(String.init)
        let text = ([edit(lines[0])] + editRows(Array(lines.dropFirst()))).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir.path("edited.jsonl")))
        return dir.path("edited.jsonl")
    }

    @Test(
        "a header claiming runs per point past the limit, or none, is refused: 65 naming design.runs",
        arguments: ["9223372036854775807", "1000000000000", "-1", "0", "100000001", "\"3\""])
    func hostileRunsPerPoint(runs: String) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try edited(dir, header: { $0.replacingOccurrences(of: "\"runs\":3", with: "\"runs\":\(runs)") })
        let result = try SimrunCLI.run(
            ["merge", file, "--summary", dir.path("summary.json"), "--out", dir.path("merged.jsonl")])
        #expect(result.exited(65), "\(result)")
        #expect(
            result.errLines == [
                "simrun: error: \(file):1: design.runs is \(runs), not a whole number from 1 to 100000000"
            ])
        #expect(!FileManager.default.fileExists(atPath: dir.path("merged.jsonl")))
    }

    @Test("a header at the limit of runs is read; the runs it lacks are counted without allocating for each")
    func runsAtTheLimit() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try edited(dir, header: { $0.replacingOccurrences(of: "\"runs\":3", with: "\"runs\":100000000") })
        let result = try SimrunCLI.run(["merge", file, "--out", dir.path("merged.jsonl")])
        #expect(result.exited(65), "\(result)")
        #expect(result.err.contains("99999997 runs missing (3, 4, 5, 6, 7, 8, 9, 10, …)"), "\(result)")
        #expect(result.seconds < 10, "\(result)")
    }

    @Test(
        "rows outside the design are refused, with --summary too: 65 naming the file and line",
        arguments: [
            ("\"point\":0", "\"point\":5", "run 0 is at point 5, but the design puts it at point 0"),
            ("\"run\":0", "\"run\":7", "run 7 is outside the batch's 3 runs"),
            // One past the last run: a range check with ... instead of ..< would take it.
            ("\"run\":0", "\"run\":3", "run 3 is outside the batch's 3 runs"),
            ("\"run\":0", "\"run\":-1", "not a run (a run line's \"run\" is ill-typed)"),
        ])
    func rowOutsideTheDesign(from: String, to: String, message: String) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try edited(dir, header: { $0 }, rows: { rows in [rows[0].replacingOccurrences(of: from, with: to)] })
        let result = try SimrunCLI.run(["merge", file, "--summary", dir.path("summary.json")])
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines == ["simrun: error: \(file):2: \(message)"], "\(result)")
    }

    @Test(
        "point_params that list no point, or not as many as design.points says, are refused",
        arguments: [
            (
                "\"point_params\":[{}]", "\"point_params\":[]",
                "point_params is not a list of 1 to 1000000 design points"
            ),
            ("\"point_params\":[{}]", "\"point_params\":[{},{}]", "design.points is 1, but point_params lists 2"),
        ])
    func hostilePoints(from: String, to: String, message: String) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try edited(dir, header: { $0.replacingOccurrences(of: from, with: to) })
        let result = try SimrunCLI.run(["merge", file])
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines == ["simrun: error: \(file):1: \(message)"], "\(result)")
    }
}
