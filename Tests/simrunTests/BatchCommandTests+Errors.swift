// BatchCommandTests+Errors: failed runs and refused batches — a failed run is recorded and the
// batch goes on (or stops with --fail-fast), and each usage, file and write error exits with its code.
import Foundation
import Testing

extension BatchCommandTests {
    @Test("failed runs are recorded with their message and the batch goes on: exit 65 and the count")
    func failuresAreIsolated() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.flaky, "--runs", "50", "--seed", "4", "--jobs", "2", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(65), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.rows.count == 50, "every run has its row")
        #expect(runs.rows.map { $0["run"]?.int } == Array(0..<50))
        let failed = runs.rows.filter { $0["status"]?.string == "error" }
        #expect(failed.count > 0 && failed.count < 50, "flaky.lua fails about one run in five: \(failed.count)")
        #expect(result.err.contains("\(failed.count) of 50 runs failed"), "\(result)")
        for row in failed {
            let error = row["error"]?.string ?? ""
            #expect(error.contains("unlucky") && error.contains("flaky.lua:9"), "error \(error)")
            #expect(!error.contains("\n"))
            #expect(row["outcomes"]?["luck"] == nil, "a failed run has no outcome it could not compute")
        }
        for row in runs.rows where row["status"]?.string == "ok" {
            #expect(row["error"] == nil)
            #expect(row["outcomes"]?["luck"]?.double != nil)
        }
        let statuses = Set(runs.rows.compactMap { $0["status"]?.string })
        #expect(statuses.isSubset(of: ["ok", "error"]), "\(statuses)")
    }

    @Test("--fail-fast stops at the first failure and still exits 65")
    func failFast() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let full = try BatchFixture.batch(Self.flaky, "--runs", "50", "--seed", "4", "--out", dir.path("all.jsonl"))
        #expect(full.exited(65))
        let all = try BatchRunsText(dir.text("all.jsonl"))
        let firstFailure = try #require(all.rows.firstIndex { $0["status"]?.string == "error" })
        try #require(firstFailure < 30, "the fixture's first failure comes too late to see an early stop")

        for jobs in ["1", "2"] {
            let result = try BatchFixture.batch(
                Self.flaky, "--runs", "50", "--seed", "4", "--jobs", jobs, "--fail-fast",
                "--out", dir.path("ff-\(jobs).jsonl"))
            #expect(result.exited(65), "\(result)")
            #expect(result.err.contains("--fail-fast"), "\(result)")
            let text = try dir.text("ff-\(jobs).jsonl")
            let rows = try BatchRunsText(text).rows
            #expect(rows.count < 50, "--jobs \(jobs): \(rows.count) rows")
            #expect(rows.count > firstFailure, "the failure itself is written")
            #expect(all.text.hasPrefix(text), "--jobs \(jobs): the rows written are the whole batch's first rows")
            if jobs == "1" { #expect(rows.count == firstFailure + 1, "one worker stops right after the failure") }
        }
    }

    @Test("usage, file and write errors exit with their codes", arguments: BatchErrorCase.all)
    func exitCodes(_ error: BatchErrorCase) throws {
        let result = try SimrunCLI.run(["batch"] + error.arguments)
        #expect(result.exited(error.code), "\(result)")
        #expect(result.err.contains(error.message), "\(result)")
        #expect(result.out.isEmpty, "no rows: \(result)")
    }

    @Test("a summary that cannot be written exits 74 after the runs")
    func unwritableSummary() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "3", "--out", dir.path("runs.jsonl"),
            "--summary", dir.path("missing-folder/summary.json"))
        #expect(result.exited(74), "\(result)")
        #expect(result.err.contains("missing-folder/summary.json"), "\(result)")
        #expect(try BatchRunsText(dir.text("runs.jsonl")).rows.count == 3, "the rows are kept")
    }

    @Test("a scenario that does not load stops the batch before any run: 65, one line with file:line")
    func syntaxErrorStopsBeforeAnyRun() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(BatchFixture.syntaxError, "--runs", "5", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines.count == 1, "\(result)")
        #expect(result.err.contains("syntax_error.lua:5:"), "\(result)")
        #expect(
            !FileManager.default.fileExists(atPath: dir.path("runs.jsonl")), "no runs file for a batch that never ran")
    }
}

/// One refused batch command line and what it exits with.
struct BatchErrorCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var code: Int32
    var message: String

    var testDescription: String { arguments.joined(separator: " ") }

    static let all: [BatchErrorCase] = [
        BatchErrorCase(arguments: [BatchFixture.coin], code: 64, message: "--runs"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "0"], code: 64, message: "--runs"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "2", "--shard", "5/4"], code: 64, message: "--shard 5/4"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--shard", "0/4"], code: 64, message: "--shard"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--sample", "lhs:0"], code: 64, message: "lhs:0"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "2", "--sample", "lhs:3", "--sweep", "a=1,2"], code: 64,
            message: "--sample"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "2", "--format", "xml"], code: 64, message: "--format"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--param", "nope=1"], code: 64, message: "nope"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "2", "--param", "a=9"], code: 64,
            message: "--param a=9 is above its max"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--resume"], code: 64, message: "--resume"),
        BatchErrorCase(
            arguments: [SimrunCLI.fixture("batch/no_such_scenario.lua"), "--runs", "2"], code: 66,
            message: "no_such_scenario.lua"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "2", "--out", "/nonexistent-simrun-folder/runs.jsonl"],
            code: 74, message: "/nonexistent-simrun-folder/runs.jsonl"),
        // Numbers past the design's limits are refused before anything is laid out (issue 13).
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "9223372036854775807", "--sweep", "a=1,2"], code: 64,
            message: "--runs takes a whole number from 1 to 100000000"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "100000001"], code: 64,
            message: "--runs takes a whole number from 1 to 100000000, got '100000001'"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "100000000", "--sweep", "a=1,2"], code: 64,
            message: "--runs 100000000 at 2 design points: more than 100000000 runs in all"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "1", "--sample", "lhs:1000000000000"], code: 64,
            message: "--sample takes lhs:K with K a whole number from 1 to 1000000"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "1", "--sample", "lhs:1000001"], code: 64,
            message: "lhs:1000001"),
        BatchErrorCase(
            arguments: [
                BatchFixture.coin, "--runs", "1", "--sweep", "a=0:5:1", "--sweep", "b=0:0.99999:0.00001",
                "--sweep", "loud=false,true",
            ], code: 64, message: "--sweep a × --sweep b × --sweep loud: more than 1000000 design points"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "1", "--jobs", "9223372036854775807"], code: 64,
            message: "--jobs takes a whole number from 1 to 1024"),
        BatchErrorCase(
            arguments: [BatchFixture.coin, "--runs", "1", "--precision", "0.1", "--round", "100000001"], code: 64,
            message: "--round takes a whole number from 1 to 100000000"),
    ]
}
