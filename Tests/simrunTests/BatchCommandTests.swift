// BatchCommandTests: `simrun batch` end to end — the runs file is the same bytes for any --jobs, a
// row is reproduced by `simrun run`, killed and interrupted batches resume to the same bytes,
// failed runs are isolated, the summary's statistics, sweeps, Latin hypercubes, CSV, and the exit
// codes. The helpers at the bottom are shared with MergeCommandTests.
import Foundation
import Testing

@Suite("simrun batch")
struct BatchCommandTests {
    static let coin = BatchFixture.coin
    static let flaky = BatchFixture.flaky

    // MARK: Determinism

    @Test("the runs file and summary are the same bytes for --jobs 1, 2 and 3")
    func jobsDoNotChangeTheBytes() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        for jobs in 1...3 {
            let result = try BatchFixture.batch(Self.coin, "--runs", "15", "--seed", "11", "--sweep", "a=1,4",
                                                "--metrics", "--jobs", String(jobs), "--out", dir.path("jobs-\(jobs).jsonl"),
                                                "--summary", dir.path("summary-\(jobs).json"))
            #expect(result.exited(0), "\(result)")
        }
        let one = try dir.bytes("jobs-1.jsonl")
        #expect(try BatchRunsText(one).rows.count == 30)
        #expect(try dir.bytes("jobs-2.jsonl") == one, "--jobs 2 changes the runs file")
        #expect(try dir.bytes("jobs-3.jsonl") == one, "--jobs 3 changes the runs file")
        #expect(try dir.bytes("summary-2.json") == dir.bytes("summary-1.json"))
        #expect(try dir.bytes("summary-3.json") == dir.bytes("summary-1.json"))
    }

    @Test("simrun run with a row's seed and params gives the row's outcomes")
    func rowReproducedByRun() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(Self.coin, "--runs", "3", "--seed", "99", "--sweep", "b=0.25,0.75",
                                            "--param", "label=x y", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.rows.count == 6)
        for row in runs.rows {
            let seed = try #require(row["seed"]?.batchUnsigned)
            let params = try #require(row["params"])
            var arguments = ["run", Self.coin, "--seed", String(seed), "--format", "json"]
            for name in params.keys { arguments += ["--param", "\(name)=\(BatchFixture.paramText(params[name]!))"] }
            let single = try SimrunCLI.run(arguments)
            #expect(single.exited(0), "\(single)")
            let report = try JSON.parse(single.stdout)
            #expect(report["seed"]?.batchUnsigned == seed)
            let outcomes = try #require(report["outcomes"])
            let rowOutcomes = try #require(row["outcomes"])
            #expect(outcomes.keys == rowOutcomes.keys, "run \(row["run"]?.int ?? -1)")
            for name in rowOutcomes.keys {
                #expect(BatchFixture.sameValue(outcomes[name], rowOutcomes[name]),
                        "run \(row["run"]?.int ?? -1) outcome \(name): run gives \(String(describing: outcomes[name])), the batch row \(String(describing: rowOutcomes[name]))")
            }
            for name in params.keys {
                #expect(BatchFixture.sameValue(report["params"]?[name], params[name]), "param \(name)")
            }
        }
    }

    @Test("replicate r's seed is SplitMix64(seed XOR r × 0x9E3779B97F4A7C15).next() at every point")
    func seedsFollowTheDocumentedFormula() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let batchSeed: UInt64 = 0xDEAD_BEEF_1234
        let result = try BatchFixture.batch(Self.coin, "--runs", "4", "--seed", String(batchSeed),
                                            "--sweep", "a=0,5", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.header["seed"]?.batchUnsigned == batchSeed)
        for row in runs.rows {
            let run = try #require(row["run"]?.int)
            #expect(row["seed"]?.batchUnsigned == BatchFixture.replicateSeed(batch: batchSeed, replicate: run % 4), "run \(run)")
        }
    }

    // MARK: Stopping and resuming

    @Test("a batch killed with SIGKILL, its file cut mid-line, resumes to the bytes of an uninterrupted batch")
    func resumeAfterKill() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let total = 2000
        let common = [Self.coin, "--runs", String(total), "--seed", "5", "--metrics"]
        let reference = try BatchFixture.batch(common + ["--jobs", "2", "--out", dir.path("reference.jsonl"),
                                                         "--summary", dir.path("reference-summary.json")], timeout: 60)
        #expect(reference.exited(0), "\(reference)")
        let referenceText = try dir.text("reference.jsonl")

        let arguments = common + ["--jobs", "1", "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json")]
        let process = try BatchProcess.start(["batch"] + arguments, stderr: dir.url.appendingPathComponent("stderr"))
        let seen = BatchProcess.waitForLines(dir.path("runs.jsonl"), atLeast: 60, timeout: 20, while: process)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(seen >= 60, "the batch wrote no rows before it was killed")

        var killed = try dir.text("runs.jsonl")
        // Header, whole rows, then what follows the last newline (nothing, or a row cut short).
        let lines = killed.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.count - 2
        #expect(kept > 0 && kept < total, "the kill should leave some but not all \(total) rows: \(kept)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("summary.json")), "a killed batch writes no summary")
        #expect(referenceText.hasPrefix(lines.dropLast().joined(separator: "\n") + "\n"),
                "the rows written before the kill are the reference's")
        // A write cut short: half of the next row, no newline.
        if killed.hasSuffix("\n") {
            let lines = referenceText.split(separator: "\n")
            let next = lines[kept + 1]
            killed += next.prefix(next.count / 2)
            try Data(killed.utf8).write(to: URL(fileURLWithPath: dir.path("runs.jsonl")))
        }

        let resumed = try BatchFixture.batch(arguments + ["--resume"], timeout: 60)
        #expect(resumed.exited(0), "\(resumed)")
        #expect(try dir.text("runs.jsonl") == referenceText, "the resumed file differs from an uninterrupted batch")
        #expect(try dir.bytes("summary.json") == dir.bytes("reference-summary.json"),
                "the resumed batch's summary differs from an uninterrupted batch's")
    }

    @Test("Ctrl-C and SIGTERM stop a batch cleanly: exit 130, whole rows, a resume command that works",
          arguments: [BatchInterrupt(signal: SIGINT, label: "two words"), BatchInterrupt(signal: SIGTERM, label: "it's")])
    func interruptSaysHowToResume(_ interrupt: BatchInterrupt) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let total = 2000
        let common = [Self.coin, "--runs", String(total), "--seed", "8", "--param", "label=\(interrupt.label)"]
        let reference = try BatchFixture.batch(common + ["--jobs", "2", "--out", dir.path("reference.jsonl")], timeout: 60)
        #expect(reference.exited(0), "\(reference)")

        let errURL = dir.url.appendingPathComponent("stderr")
        let arguments = common + ["--jobs", "2", "--out", dir.path("runs.jsonl")]
        let process = try BatchProcess.start(["batch"] + arguments, stderr: errURL)
        let seen = BatchProcess.waitForLines(dir.path("runs.jsonl"), atLeast: 60, timeout: 20, while: process)
        #expect(seen >= 60, "the batch wrote no rows")
        kill(process.processIdentifier, interrupt.signal)
        let exited = BatchProcess.wait(process, timeout: 20)
        try #require(exited, "the batch did not stop after the signal")
        #expect(process.terminationReason == .exit && process.terminationStatus == 130,
                "status \(process.terminationStatus), reason \(process.terminationReason.rawValue)")
        let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        #expect(err.contains("--resume"), "stderr: \(err)")
        #expect(err.contains("interrupted"), "stderr: \(err)")

        let text = try dir.text("runs.jsonl")
        #expect(text.hasSuffix("\n"), "an interrupted batch leaves whole lines")
        let runs = try BatchRunsText(text)
        #expect(runs.rows.count < total, "the signal came too late to interrupt anything")
        #expect(runs.rows.map { $0["run"]?.int } == Array(0..<runs.rows.count), "rows in run order, none missing")
        #expect(try dir.text("reference.jsonl").hasPrefix(text))

        // The hint is a shell command that completes the batch.
        let hint = try #require(err.range(of: "Resume with: simrun ")).upperBound
        let command = String(err[hint...].prefix { $0 != "\n" })
        #expect(command.hasPrefix("batch ") && command.hasSuffix(" --resume"), "\(command)")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" " + command, SimrunCLI.binary.path]
        shell.currentDirectoryURL = SimrunCLI.root
        shell.standardInput = FileHandle.nullDevice
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        let shellDone = BatchProcess.wait(shell, timeout: 60)
        #expect(shellDone && shell.terminationStatus == 0, "sh -c '\(command)' exited \(shell.terminationStatus)")

        #expect(try dir.bytes("runs.jsonl") == dir.bytes("reference.jsonl"))
    }

    @Test("--resume refuses the file of another batch with a usage error and leaves it alone")
    func resumeRefusesAnotherBatch() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let first = try BatchFixture.batch(Self.coin, "--runs", "6", "--seed", "1", "--out", dir.path("runs.jsonl"))
        #expect(first.exited(0), "\(first)")
        let before = try dir.bytes("runs.jsonl")
        let other = try BatchFixture.batch(Self.coin, "--runs", "6", "--seed", "2", "--out", dir.path("runs.jsonl"), "--resume")
        #expect(other.exited(64), "\(other)")
        #expect(other.err.contains("another batch"), "\(other)")
        #expect(try dir.bytes("runs.jsonl") == before, "a refused --resume must not touch the file")

        // No file yet (a job requeued before it wrote anything): --resume starts the batch.
        let missing = try BatchFixture.batch(Self.coin, "--runs", "6", "--seed", "1", "--out", dir.path("none.jsonl"), "--resume")
        #expect(missing.exited(0), "\(missing)")
        #expect(try dir.bytes("none.jsonl") == before)

        // The same batch, already complete: nothing to run, nothing changes.
        let again = try BatchFixture.batch(Self.coin, "--runs", "6", "--seed", "1", "--out", dir.path("runs.jsonl"), "--resume")
        #expect(again.exited(0), "\(again)")
        #expect(try dir.bytes("runs.jsonl") == before)
    }

    @Test("a resumed batch counts the failed runs it kept: exit 65 and the whole batch's count")
    func resumeCountsKeptFailures() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let arguments = [Self.flaky, "--runs", "50", "--seed", "9", "--out", dir.path("runs.jsonl")]
        let full = try BatchFixture.batch(arguments)
        #expect(full.exited(65), "\(full)")
        let complete = try dir.text("runs.jsonl")
        let failed = try BatchRunsText(complete).rows.filter { $0["status"]?.string == "error" }.count
        try #require(failed > 0 && failed < 50, "flaky.lua should fail some runs: \(failed)")
        #expect(full.err.contains("\(failed) of 50 runs failed"), "\(full)")

        // Cut to its first 30 rows, as a killed batch would leave it, and resume.
        let prefix = complete.split(separator: "\n").prefix(31).joined(separator: "\n") + "\n"
        try Data(prefix.utf8).write(to: URL(fileURLWithPath: dir.path("runs.jsonl")))
        let resumed = try BatchFixture.batch(arguments + ["--resume"])
        #expect(try dir.text("runs.jsonl") == complete)
        let nothingLeft = try BatchFixture.batch(arguments + ["--resume"])
        #expect(resumed.exited(65), "\(resumed)")
        #expect(resumed.err.contains("\(failed) of 50 runs failed"), "\(resumed)")
        #expect(nothingLeft.exited(65), "a complete file with \(failed) failed runs resumed: \(nothingLeft)")
    }

    @Test("a CSV batch whose outcome holds a line break resumes")
    func csvResumeWithLineBreak() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let arguments = [BatchFixture.newline, "--runs", "8", "--seed", "3", "--format", "csv", "--out", dir.path("runs.csv")]
        let first = try BatchFixture.batch(arguments)
        #expect(first.exited(0), "\(first)")
        let complete = try dir.text("runs.csv")
        #expect(complete.contains("\"two\nlines\""), "the line break is quoted, RFC 4180")
        let records = try BatchCSV.parse(complete)
        #expect(records.count == 1 + 8, "the column row and 8 rows")
        let resumed = try BatchFixture.batch(arguments + ["--resume"])
        #expect(resumed.exited(0), "\(resumed)")
        #expect(try dir.text("runs.csv") == complete)
    }

    // MARK: Failures

    @Test("failed runs are recorded with their message and the batch goes on: exit 65 and the count")
    func failuresAreIsolated() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(Self.flaky, "--runs", "50", "--seed", "4", "--jobs", "2", "--out", dir.path("runs.jsonl"))
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
            let result = try BatchFixture.batch(Self.flaky, "--runs", "50", "--seed", "4", "--jobs", jobs, "--fail-fast",
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

    // MARK: Summary

    @Test("the summary's statistics match those computed from the rows")
    func summaryStatistics() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(Self.coin, "--runs", "50", "--seed", "21", "--sweep", "b=0.3,0.7",
                                            "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(summary["runs"]?.int == 100)
        #expect(summary["failed"]?.int == 0)
        #expect(summary["failures"]?.array?.isEmpty == true)
        #expect(summary["scenario"] == runs.header["scenario"], "the summary carries the provenance")
        #expect(summary["seed"]?.int == 21)
        let points = try #require(summary["points"]?.array)
        #expect(points.count == 2)
        let t49 = 2.009575237, z = 1.959963984540054

        for (p, point) in points.enumerated() {
            #expect(point["point"]?.int == p)
            #expect(point["runs"]?.int == 50)
            #expect(point["params"]?["b"]?.double == [0.3, 0.7][p])
            let rows = runs.rows.filter { $0["point"]?.int == p }
            try #require(rows.count == 50)
            let outcomes = try #require(point["outcomes"])

            for name in ["total", "heads"] {
                let stats = try #require(outcomes[name], "outcome \(name)")
                let xs = rows.compactMap { $0["outcomes"]?[name]?.double }.sorted()
                try #require(xs.count == 50)
                let n = Double(xs.count)
                let mean = xs.reduce(0, +) / n
                let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
                let half = t49 * sd / n.squareRoot()
                #expect(stats["type"]?.string == "number")
                #expect(stats["n"]?.int == 50)
                let expected: [(String, Double)] = [
                    ("mean", mean), ("sd", sd), ("min", xs[0]), ("max", xs[49]),
                    ("p5", BatchFixture.type7(xs, 0.05)), ("p25", BatchFixture.type7(xs, 0.25)),
                    ("median", BatchFixture.type7(xs, 0.5)), ("p75", BatchFixture.type7(xs, 0.75)),
                    ("p95", BatchFixture.type7(xs, 0.95)),
                ]
                for (key, value) in expected {
                    let got = stats[key]?.double
                    #expect(got.map { BatchFixture.close($0, value) } == true, "point \(p) \(name).\(key): \(String(describing: got)) vs \(value)")
                }
                // The median of 50 values is the mean of the 25th and 26th.
                #expect(BatchFixture.close(stats["median"]?.double ?? .nan, (xs[24] + xs[25]) / 2))
                let ci = stats["ci95"]?.array?.compactMap(\.double) ?? []
                #expect(ci.count == 2 && BatchFixture.close(ci[0], mean - half, tolerance: 1e-9)
                        && BatchFixture.close(ci[1], mean + half, tolerance: 1e-9),
                        "point \(p) \(name).ci95: \(ci) vs \([mean - half, mean + half])")
            }

            let won = try #require(outcomes["won"])
            let trues = rows.filter { $0["outcomes"]?["won"]?.bool == true }.count
            #expect(won["type"]?.string == "boolean")
            #expect(won["n"]?.int == 50)
            #expect(won["true"]?.int == trues)
            #expect(BatchFixture.close(won["p"]?.double ?? .nan, Double(trues) / 50))
            let wilson = BatchFixture.wilson(trues, 50, z: z)
            let wonCI = won["ci95"]?.array?.compactMap(\.double) ?? []
            #expect(wonCI.count == 2 && BatchFixture.close(wonCI[0], wilson.0) && BatchFixture.close(wonCI[1], wilson.1),
                    "won.ci95 \(wonCI) vs \(wilson)")

            let side = try #require(outcomes["side"])
            #expect(side["type"]?.string == "category")
            #expect(side["n"]?.int == 50)
            var counts: [String: Int] = [:]
            for row in rows { counts[row["outcomes"]?["side"]?.string ?? "?", default: 0] += 1 }
            let categories = try #require(side["categories"])
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            #expect(categories.keys == ranked.map(\.key), "categories most frequent first, ties in byte order")
            for (name, count) in counts {
                let category = try #require(categories[name], "category \(name)")
                #expect(category["count"]?.int == count)
                #expect(BatchFixture.close(category["p"]?.double ?? .nan, Double(count) / 50))
                let interval = BatchFixture.wilson(count, 50, z: z)
                let got = category["ci95"]?.array?.compactMap(\.double) ?? []
                #expect(got.count == 2 && BatchFixture.close(got[0], interval.0) && BatchFixture.close(got[1], interval.1),
                        "\(name).ci95 \(got) vs \(interval)")
            }
            // The string outcome that never varies is one category at p = 1 with Wilson's exact upper bound.
            #expect(outcomes["tag"]?["categories"]?["plain"]?["ci95"]?.array?.last?.double == 1)
        }
    }

    @Test("the summary groups the failures by message with their counts")
    func summaryFailures() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(Self.flaky, "--runs", "50", "--seed", "4", "--out", dir.path("runs.jsonl"),
                                            "--summary", dir.path("summary.json"))
        #expect(result.exited(65), "\(result)")
        let rows = try BatchRunsText(dir.text("runs.jsonl")).rows
        let failedRows = rows.filter { $0["status"]?.string == "error" }
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        #expect(summary["runs"]?.int == 50)
        #expect(summary["failed"]?.int == failedRows.count)
        let failures = try #require(summary["failures"]?.array)
        #expect(failures.count == 1, "one message: \(failures)")
        #expect(failures.first?["message"]?.string == failedRows.first?["error"]?.string)
        #expect(failures.first?["message"]?.string?.hasSuffix("flaky.lua:9: unlucky") == true)
        #expect(failures.first?["count"]?.int == failedRows.count)
        let point = try #require(summary["points"]?[0])
        #expect(point["failed"]?.int == failedRows.count)
        #expect(point["outcomes"]?["luck"]?["n"]?.int == 50 - failedRows.count, "failed runs' outcomes are left out")
    }

    // MARK: Designs

    @Test("two sweeps make a full factorial, the first slowest, with common random numbers")
    func sweeps() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(Self.coin, "--runs", "3", "--seed", "13", "--sweep", "a=1,2,3",
                                            "--sweep", "b=0:1:0.5", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let expected: [(Int, Double)] = [(1, 0), (1, 0.5), (1, 1), (2, 0), (2, 0.5), (2, 1), (3, 0), (3, 0.5), (3, 1)]
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 9)
        #expect(runs.header["design"]?["points"]?.int == 9)
        for (p, (a, b)) in expected.enumerated() where p < points.count {
            #expect(points[p]["a"]?.int == a && points[p]["b"]?.double == b, "point \(p): \(points[p])")
            #expect(points[p].keys == ["a", "b"])
        }
        #expect(runs.rows.count == 27)
        var seeds: [Int: UInt64] = [:]
        for row in runs.rows {
            let run = try #require(row["run"]?.int)
            let point = run / 3, replicate = run % 3
            #expect(row["point"]?.int == point, "run \(run)")
            #expect(row["params"]?["a"]?.int == expected[point].0, "run \(run)")
            #expect(row["params"]?["b"]?.double == expected[point].1, "run \(run)")
            #expect(row["params"]?["label"]?.string == "plain", "unswept params keep their defaults")
            let seed = try #require(row["seed"]?.batchUnsigned)
            if let first = seeds[replicate] {
                #expect(seed == first, "replicate \(replicate) has one seed at every point")
            } else {
                seeds[replicate] = seed
            }
        }
        #expect(Set(seeds.values).count == 3)
        for p in 0..<9 { #expect(runs.rows.filter { $0["point"]?.int == p }.count == 3, "point \(p) has --runs rows") }
    }

    @Test("sweep values are typed like the param's default; a range gives the decimals written")
    func sweepTyping() throws {
        let result = try BatchFixture.batch(Self.coin, "--runs", "1", "--sweep", "b=0:1:0.1", "--sweep", "loud=true,false",
                                            "--sweep", "label=x,y z")
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(result.out)
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 11 * 2 * 2)
        let bs = stride(from: 0, to: points.count, by: 4).map { points[$0]["b"] }
        #expect(bs == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"].map { JSON.number($0) },
                "\(bs)")
        #expect(points.prefix(4).map { $0["loud"] } == [.bool(true), .bool(true), .bool(false), .bool(false)])
        #expect(points.prefix(4).map { $0["label"] } == [.string("x"), .string("y z"), .string("x"), .string("y z")])
        for row in runs.rows {
            let p = try #require(row["point"]?.int)
            for name in ["b", "loud", "label"] { #expect(row["params"]?[name] == points[p][name], "run \(p) \(name)") }
            #expect(row["outcomes"]?["tag"]?.string == (points[p]["loud"] == .bool(true) ? "\(points[p]["label"]?.string ?? "")!"
                                                                                        : points[p]["label"]?.string),
                    "the run sees its point's values")
        }
        let badType = try BatchFixture.batch(Self.coin, "--runs", "1", "--sweep", "a=1,2.5")
        #expect(badType.exited(64), "an integer param takes integers: \(badType)")
        #expect(badType.err.contains("2.5"), "\(badType.err)")
    }

    @Test("--sweep of an unknown param or out of the param's range is a usage error")
    func sweepErrors() throws {
        let unknown = try BatchFixture.batch(Self.coin, "--runs", "2", "--sweep", "nope=1,2")
        #expect(unknown.exited(64), "\(unknown)")
        #expect(unknown.err.contains("nope") && unknown.err.contains("a, b, loud, label"), "lists the known params: \(unknown.err)")
        #expect(unknown.out.isEmpty, "nothing runs")

        for sweep in ["a=1,9", "a=-1,2", "b=0:2:0.5"] {
            let outside = try BatchFixture.batch(Self.coin, "--runs", "2", "--sweep", sweep)
            #expect(outside.exited(64), "\(outside)")
            #expect(outside.err.contains("--sweep") && (outside.err.contains("max") || outside.err.contains("min")), "\(outside.err)")
            #expect(outside.out.isEmpty)
        }
    }

    @Test("--sample lhs:10 puts each param's 10 values one in each of its 10 strata")
    func latinHypercube() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try BatchFixture.batch(Self.coin, "--runs", "2", "--seed", "17", "--sample", "lhs:10",
                                            "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        let points = try #require(runs.header["point_params"]?.array)
        #expect(points.count == 10)
        #expect(runs.header["design"]?["sample"]?["method"]?.string == "lhs")
        #expect(points.allSatisfy { $0.keys == ["a", "b"] }, "only the numeric params with min and max are sampled")

        // b: a number in [0, 1]: one value in each stratum [k/10, (k+1)/10).
        let bs = points.compactMap { $0["b"]?.double }
        #expect(bs.count == 10)
        #expect(Set(bs.map { min(Int($0 * 10), 9) }) == Set(0..<10), "b values \(bs)")
        #expect(bs.allSatisfy { (0...1).contains($0) })

        // a: an integer in [0, 5]: 10 strata 0.5 wide; each value is an integer, the rounding of a
        // draw in its own stratum, so some assignment of values to strata puts each within 0.5.
        let aValues = points.map { $0["a"] }
        #expect(aValues.allSatisfy { $0?.int != nil }, "a holds integers: \(aValues)")
        let ints = aValues.compactMap { $0?.int }
        #expect(ints.allSatisfy { (0...5).contains($0) })
        let strata = (0..<10).map { k in (0.5 * Double(k), 0.5 * Double(k + 1)) }
        #expect(BatchFixture.matches(ints.map(Double.init), strata: strata, slack: 0.5), "a values \(ints)")

        #expect(runs.rows.count == 20)
        for row in runs.rows {
            let p = try #require(row["point"]?.int)
            #expect(row["params"]?["a"] == points[p]["a"] && BatchFixture.sameValue(row["params"]?["b"], points[p]["b"]),
                    "run \(row["run"]?.int ?? -1) has its point's values")
        }

        // --param fixes a param: it is not sampled.
        let fixed = try BatchFixture.batch(Self.coin, "--runs", "1", "--sample", "lhs:4", "--param", "a=3", "--out", dir.path("fixed.jsonl"))
        #expect(fixed.exited(0), "\(fixed)")
        let fixedRuns = try BatchRunsText(dir.text("fixed.jsonl"))
        #expect(fixedRuns.header["point_params"]?.array?.allSatisfy { $0.keys == ["b"] } == true)
        #expect(fixedRuns.rows.allSatisfy { $0["params"]?["a"]?.int == 3 })
    }

    // MARK: Formats

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
        #expect(columns == ["run", "seed", "point", "status", "error"] + params + outcomes + metrics.map { "metric." + $0 })
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
                #expect(BatchFixture.csvCell(cells[5 + offset], equals: row["params"]?[name]), "run \(run) param \(name): \(cells[5 + offset])")
            }
            for (offset, name) in outcomes.enumerated() {
                #expect(BatchFixture.csvCell(cells[9 + offset], equals: row["outcomes"]?[name]), "run \(run) outcome \(name): \(cells[9 + offset])")
            }
            for (offset, name) in metrics.enumerated() {
                #expect(BatchFixture.csvCell(cells[14 + offset], equals: row["metrics"]?[name]), "run \(run) metric \(name): \(cells[14 + offset])")
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
        #expect(try BatchRunsText(bare.out).rows.first?.keys == ["run", "seed", "point", "params", "status", "outcomes"])
    }

    // MARK: Exit codes

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
        let result = try BatchFixture.batch(Self.coin, "--runs", "3", "--out", dir.path("runs.jsonl"),
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
        #expect(!FileManager.default.fileExists(atPath: dir.path("runs.jsonl")), "no runs file for a batch that never ran")
    }
}

/// A signal sent to a running batch, and the label param it runs with (to see the resume hint quoted).
struct BatchInterrupt: Sendable, CustomTestStringConvertible {
    var signal: Int32
    var label: String

    var testDescription: String { "\(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : String(signal)), label \(label)" }
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
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--shard", "5/4"], code: 64, message: "--shard 5/4"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--shard", "0/4"], code: 64, message: "--shard"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--sample", "lhs:0"], code: 64, message: "lhs:0"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--sample", "lhs:3", "--sweep", "a=1,2"], code: 64, message: "--sample"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--format", "xml"], code: 64, message: "--format"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--param", "nope=1"], code: 64, message: "nope"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--param", "a=9"], code: 64, message: "--param a=9 is above its max"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--resume"], code: 64, message: "--resume"),
        BatchErrorCase(arguments: [SimrunCLI.fixture("batch/no_such_scenario.lua"), "--runs", "2"], code: 66, message: "no_such_scenario.lua"),
        BatchErrorCase(arguments: [BatchFixture.coin, "--runs", "2", "--out", "/nonexistent-simrun-folder/runs.jsonl"],
                       code: 74, message: "/nonexistent-simrun-folder/runs.jsonl"),
    ]
}

// MARK: - Shared helpers (also used by MergeCommandTests)

/// The batch fixtures and small computations the batch tests check against.
enum BatchFixture {
    static let coin = SimrunCLI.fixture("batch/coin.lua")
    static let flaky = SimrunCLI.fixture("batch/flaky.lua")
    static let newline = SimrunCLI.fixture("batch/newline.lua")
    static let syntaxError = SimrunCLI.fixture("batch/syntax_error.lua")

    static func batch(_ arguments: String..., timeout: Double = 30) throws -> SimrunResult {
        try SimrunCLI.run(["batch"] + arguments, timeout: timeout)
    }

    static func batch(_ arguments: [String], timeout: Double = 30) throws -> SimrunResult {
        try SimrunCLI.run(["batch"] + arguments, timeout: timeout)
    }

    /// A param value as `--param NAME=VALUE` takes it.
    static func paramText(_ value: JSON) -> String {
        switch value {
        case .number(let text): return text
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        default: return ""
        }
    }

    /// The same JSON value, numbers compared by value (the text of one double may differ in form).
    static func sameValue(_ a: JSON?, _ b: JSON?) -> Bool {
        switch (a, b) {
        case (.number(let x)?, .number(let y)?): return Double(x) == Double(y) && x.contains(".") == y.contains(".")
        default: return a == b
        }
    }

    /// A CSV cell against the JSON value of the same row.
    static func csvCell(_ cell: String, equals value: JSON?) -> Bool {
        switch value {
        case nil: return cell.isEmpty
        case .number(let text)?: return Double(cell) == Double(text)
        case .bool(let b)?: return cell == (b ? "true" : "false")
        case .string(let s)?: return cell == s
        default: return false
        }
    }

    /// SplitMix64(batch XOR (replicate × 0x9E3779B97F4A7C15)).next(), written out from the docs.
    static func replicateSeed(batch: UInt64, replicate: Int) -> UInt64 {
        var state = batch ^ (UInt64(replicate) &* 0x9E37_79B9_7F4A_7C15)
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// R's type 7 quantile of ascending values.
    static func type7(_ xs: [Double], _ p: Double) -> Double {
        let h = Double(xs.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, xs.count - 1)
        return xs[lo] + (h - Double(lo)) * (xs[hi] - xs[lo])
    }

    /// Wilson's score interval.
    static func wilson(_ successes: Int, _ n: Int, z: Double) -> (Double, Double) {
        let n = Double(n), p = Double(successes) / n, z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (center - half, center + half)
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    /// Whether the values can be given one stratum each so that each lies within `slack` of its
    /// stratum's [low, high] (a small bipartite matching, by backtracking).
    static func matches(_ values: [Double], strata: [(Double, Double)], slack: Double) -> Bool {
        guard values.count == strata.count else { return false }
        var used = Array(repeating: false, count: strata.count)
        func place(_ i: Int) -> Bool {
            if i == values.count { return true }
            for s in strata.indices where !used[s] && values[i] >= strata[s].0 - slack && values[i] <= strata[s].1 + slack {
                used[s] = true
                if place(i + 1) { return true }
                used[s] = false
            }
            return false
        }
        return place(0)
    }
}

/// A scratch folder for one test's files. A struct, so it lives until the test's `defer` removes it.
struct BatchScratch {
    let url: URL

    init() throws { url = try SimrunCLI.temporaryDirectory(prefix: "simrun-batch") }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }

    func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }
}

/// A JSON lines runs file: its header and rows, each line parsed.
struct BatchRunsText {
    var text: String
    var header: JSON
    var rows: [JSON]
    /// Each row's line, without its newline.
    var rowLines: [String]

    init(_ data: Data) throws { try self.init(String(decoding: data, as: UTF8.self)) }

    init(_ text: String) throws {
        self.text = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines.last == "" else {
            throw JSON.ParseError(description: "a runs file ends with a newline after its header and rows")
        }
        lines.removeLast()
        header = try JSON.parse(lines[0])
        rowLines = Array(lines.dropFirst())
        rows = try rowLines.map { try JSON.parse($0) }
    }
}

extension JSON {
    /// A non-negative integer up to 2^64 − 1 (a seed), when written as one.
    var batchUnsigned: UInt64? {
        if case .number(let text) = self { return UInt64(text) }
        return nil
    }
}

/// An RFC 4180 reader: records of fields, quoted fields with commas, quotes and line breaks;
/// lines starting with `#` outside a record are comments.
enum BatchCSV {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = [], field = ""
        var quoted = false, atRecordStart = true, inComment = false, wasQuoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if inComment {
                if c == "\n" { inComment = false }
                continue
            }
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "#" where atRecordStart:
                inComment = true
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw ParseError(description: "a quote inside an unquoted field") }
                quoted = true
                wasQuoted = true
                atRecordStart = false
            case ",":
                record.append(field)
                field = ""
                wasQuoted = false
                atRecordStart = false
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
                atRecordStart = true
            case "\r":
                guard characters.first == "\n" else { throw ParseError(description: "a lone CR") }
            default:
                guard !wasQuoted else { throw ParseError(description: "text after a closing quote") }
                field.unicodeScalars.append(c)
                atRecordStart = false
            }
        }
        guard !quoted else { throw ParseError(description: "an unterminated quoted field") }
        guard record.isEmpty, field.isEmpty else { throw ParseError(description: "the last record has no newline") }
        return records
    }
}

/// A simrun process the test starts and signals itself.
enum BatchProcess {
    static func start(_ arguments: [String], stderr: URL) throws -> Process {
        let process = Process()
        process.executableURL = SimrunCLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = SimrunCLI.root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return process
    }

    /// Polls `path` until it holds at least `atLeast` newlines (header included), the process
    /// ends, or `timeout` seconds pass; returns the newlines seen.
    static func waitForLines(_ path: String, atLeast: Int, timeout: Double, while process: Process) -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = 0
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: path) {
                seen = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if seen >= atLeast { return seen }
            }
            if !process.isRunning { return seen }
            usleep(10_000)
        }
        return seen
    }

    /// Waits for the process to end; kills it and returns false after `timeout` seconds.
    static func wait(_ process: Process, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return false
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return true
    }
}
