// MergeCommandTests: `simrun batch --shard` and `simrun merge` — shards partition the batch, merge
// gives back the bytes (and summary) of one machine running everything, GNU parallel as the docs
// show it, and the mixes merge refuses.
import Foundation
import Testing

@Suite("simrun merge")
struct MergeCommandTests {
    static let coin = BatchFixture.coin

    /// Writes shards 1...count of a batch and the unsharded batch (`all.jsonl`, `all-summary.json`).
    private func shards(_ dir: BatchScratch, count: Int, _ arguments: [String], format: String = "jsonl") throws {
        let ext = format == "csv" ? "csv" : "jsonl"
        for k in 1...count {
            let result = try BatchFixture.batch(
                arguments + [
                    "--format", format, "--shard", "\(k)/\(count)",
                    "--out", dir.path("shard-\(k).\(ext)"),
                ])
            #expect(result.exited(0), "\(result)")
        }
        var whole = arguments + ["--format", format, "--out", dir.path("all.\(ext)")]
        if format == "jsonl" { whole += ["--summary", dir.path("all-summary.json")] }
        let result = try BatchFixture.batch(whole)
        #expect(result.exited(0), "\(result)")
    }

    @Test("shards K/3 hold exactly the runs i with i mod 3 = K − 1; merged, the bytes and summary of the whole batch")
    func shardsMergeToTheWholeBatch() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let arguments = [Self.coin, "--runs", "10", "--seed", "23", "--sweep", "a=1,4", "--jobs", "2"]
        try shards(dir, count: 3, arguments)
        let all = try BatchRunsText(dir.text("all.jsonl"))
        #expect(all.rows.count == 20)

        var union: [Int: String] = [:]
        for k in 1...3 {
            let shard = try BatchRunsText(dir.text("shard-\(k).jsonl"))
            #expect(shard.header["shard"]?.string == "\(k)/3")
            #expect(shard.header.keys == all.header.keys + ["shard"], "a shard's header is the batch's plus \"shard\"")
            for key in all.header.keys { #expect(shard.header[key] == all.header[key], "shard \(k) header \(key)") }
            let runs = shard.rows.compactMap { $0["run"]?.int }
            #expect(runs == Array(stride(from: k - 1, to: 20, by: 3)), "shard \(k)/3 runs \(runs)")
            for (run, line) in zip(runs, shard.rowLines) {
                #expect(union.updateValue(line, forKey: run) == nil, "run \(run) in two shards")
            }
        }
        #expect(union.keys.sorted() == Array(0..<20))
        for (run, line) in union {
            #expect(line == all.rowLines[run], "run \(run): a shard's row is the whole batch's")
        }

        let merged = try SimrunCLI.run([
            "merge", dir.path("shard-1.jsonl"), dir.path("shard-2.jsonl"), dir.path("shard-3.jsonl"),
            "--out", dir.path("merged.jsonl"), "--summary", dir.path("merged-summary.json"),
        ])
        #expect(merged.exited(0), "\(merged)")
        #expect(try dir.bytes("merged.jsonl") == dir.bytes("all.jsonl"), "merged shards differ from the whole batch")
        #expect(try dir.bytes("merged-summary.json") == dir.bytes("all-summary.json"), "the merged summary differs")

        // The order of the files does not matter.
        let reversed = try SimrunCLI.run([
            "merge", dir.path("shard-3.jsonl"), dir.path("shard-1.jsonl"), dir.path("shard-2.jsonl"),
            "--out", dir.path("reversed.jsonl"),
        ])
        #expect(reversed.exited(0), "\(reversed)")
        #expect(try dir.bytes("reversed.jsonl") == dir.bytes("all.jsonl"))
    }

    @Test("shards of a failing scenario merge to the whole batch and its summary, failures included")
    func failingShardsMerge() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        for k in 1...2 {
            let result = try BatchFixture.batch(
                BatchFixture.flaky, "--runs", "30", "--seed", "4", "--shard", "\(k)/2",
                "--out", dir.path("shard-\(k).jsonl"))
            #expect(result.status == 0 || result.status == 65, "\(result)")
        }
        let whole = try BatchFixture.batch(
            BatchFixture.flaky, "--runs", "30", "--seed", "4", "--out", dir.path("all.jsonl"),
            "--summary", dir.path("all-summary.json"))
        #expect(whole.exited(65), "\(whole)")
        let merged = try SimrunCLI.run([
            "merge", dir.path("shard-1.jsonl"), dir.path("shard-2.jsonl"),
            "--out", dir.path("merged.jsonl"), "--summary", dir.path("merged-summary.json"),
        ])
        #expect(merged.exited(0), "\(merged)")
        #expect(try dir.bytes("merged.jsonl") == dir.bytes("all.jsonl"))
        #expect(try dir.bytes("merged-summary.json") == dir.bytes("all-summary.json"))
    }

    @Test("CSV shards merge to the bytes of the whole CSV batch")
    func csvShardsMerge() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        try shards(dir, count: 2, [Self.coin, "--runs", "9", "--seed", "2", "--metrics"], format: "csv")
        let merged = try SimrunCLI.run([
            "merge", dir.path("shard-1.csv"), dir.path("shard-2.csv"), "--out", dir.path("merged.csv"),
        ])
        #expect(merged.exited(0), "\(merged)")
        #expect(try dir.bytes("merged.csv") == dir.bytes("all.csv"))

        let summary = try SimrunCLI.run([
            "merge", dir.path("shard-1.csv"), dir.path("shard-2.csv"), "--out", dir.path("m2.csv"),
            "--summary", dir.path("summary.json"),
        ])
        #expect(summary.exited(64), "a summary needs JSON lines: \(summary)")
    }

    @Test("CSV shards whose values hold line breaks merge")
    func csvShardsWithLineBreaksMerge() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        try shards(dir, count: 2, [BatchFixture.newline, "--runs", "6", "--seed", "3"], format: "csv")
        #expect(try dir.text("all.csv").contains("\"two\nlines\""))
        let merged = try SimrunCLI.run([
            "merge", dir.path("shard-1.csv"), dir.path("shard-2.csv"), "--out", dir.path("merged.csv"),
        ])
        let mergedBytes = try? dir.bytes("merged.csv")
        let wholeBytes = try dir.bytes("all.csv")
        #expect(merged.exited(0), "\(merged)")
        #expect(mergedBytes == wholeBytes)
    }

    @Test("GNU parallel runs 4 shards as docs/batch.md shows; merged, the whole batch's bytes")
    func gnuParallel() throws {
        let parallel = "/usr/bin/parallel"
        guard FileManager.default.isExecutableFile(atPath: parallel) else {
            Issue.record("GNU parallel is not installed at \(parallel): this test needs it (make test installs it)")
            return
        }
        let dir = try BatchScratch()
        defer { dir.remove() }
        let batch = [Self.coin, "--runs", "30", "--seed", "42"]
        let whole = try BatchFixture.batch(batch + ["--out", dir.path("all.jsonl")])
        #expect(whole.exited(0), "\(whole)")

        // parallel -j 4 simrun batch model.lua --runs N --seed 42 --jobs 1 --shard {}/4 \
        //     --out shard-{}.jsonl ::: 1 2 3 4
        let process = Process()
        process.executableURL = URL(fileURLWithPath: parallel)
        process.arguments =
            ["-j", "4", SimrunCLI.binary.path, "batch"] + batch
            + ["--jobs", "1", "--shard", "{}/4", "--out", dir.path("shard-{}.jsonl"), ":::", "1", "2", "3", "4"]
        process.currentDirectoryURL = SimrunCLI.root
        process.standardInput = FileHandle.nullDevice
        let errURL = dir.url.appendingPathComponent("parallel.err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let finished = BatchProcess.wait(process, timeout: 60)
        try #require(finished, "parallel did not finish")
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "parallel exited \(process.terminationStatus): \(stderr)")

        // simrun merge shard-*.jsonl --out runs.jsonl
        let shardFiles = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
            .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".jsonl") }.sorted()
        #expect(shardFiles == ["shard-1.jsonl", "shard-2.jsonl", "shard-3.jsonl", "shard-4.jsonl"])
        let merged = try SimrunCLI.run(["merge"] + shardFiles.map(dir.path) + ["--out", dir.path("runs.jsonl")])
        #expect(merged.exited(0), "\(merged)")
        #expect(try dir.bytes("runs.jsonl") == dir.bytes("all.jsonl"))
    }

    @Test("merge refuses shards of different scenarios, seeds or designs, naming the field")
    func refusesMixedBatches() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let base = [Self.coin, "--runs", "6", "--seed", "3"]
        let variants: [(String, [String])] = [
            ("coin-1", base + ["--shard", "1/2"]),
            ("coin-2", base + ["--shard", "2/2"]),
            ("flaky-2", [BatchFixture.flaky, "--runs", "6", "--seed", "3", "--shard", "2/2"]),
            ("seed-2", [Self.coin, "--runs", "6", "--seed", "4", "--shard", "2/2"]),
            ("runs-2", [Self.coin, "--runs", "8", "--seed", "3", "--shard", "2/2"]),
            ("steps-2", base + ["--steps", "5", "--shard", "2/2"]),
        ]
        for (name, arguments) in variants {
            let result = try BatchFixture.batch(arguments + ["--out", dir.path("\(name).jsonl")])
            #expect(result.status == 0 || result.status == 65, "\(result)")
        }
        let sane = try SimrunCLI.run([
            "merge", dir.path("coin-1.jsonl"), dir.path("coin-2.jsonl"), "--out", dir.path("ok.jsonl"),
        ])
        #expect(sane.exited(0), "\(sane)")

        for (other, field) in [
            ("flaky-2", "scenario"), ("seed-2", "seed"), ("runs-2", "design"), ("steps-2", "design"),
        ] {
            let result = try SimrunCLI.run([
                "merge", dir.path("coin-1.jsonl"), dir.path("\(other).jsonl"),
                "--out", dir.path("merged-\(other).jsonl"),
            ])
            #expect(result.exited(65), "\(result)")
            #expect(result.err.contains("its \(field) differs"), "\(other): \(result.err)")
            #expect(result.err.contains("\(other).jsonl"), "names the file: \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: dir.path("merged-\(other).jsonl")), "nothing written")
        }
    }

    @Test("merge reports missing runs and runs given twice with different rows; identical duplicates are fine")
    func missingAndDuplicatedRuns() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        try shards(dir, count: 3, [Self.coin, "--runs", "9", "--seed", "6"])
        let s = (1...3).map { dir.path("shard-\($0).jsonl") }

        let missing = try SimrunCLI.run(["merge", s[0], s[2], "--out", dir.path("missing.jsonl")])
        #expect(missing.exited(65), "\(missing)")
        #expect(missing.err.contains("3 runs missing"), "\(missing.err)")
        #expect(missing.err.contains("1, 4, 7"), "names the missing runs: \(missing.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.jsonl")))

        let twice = try SimrunCLI.run(["merge", s[0], s[1], s[1], s[2], "--out", dir.path("twice.jsonl")])
        #expect(twice.exited(0), "the same shard twice is the same rows twice: \(twice)")
        #expect(try dir.bytes("twice.jsonl") == dir.bytes("all.jsonl"))

        // Shard 2 again with one row changed: run 4's outcome "heads" altered.
        var altered = try dir.text("shard-2.jsonl")
        let rows = altered.split(separator: "\n").map(String.init)
        let row4 = try #require(rows.first { $0.hasPrefix("{\"run\":4,") })
        let changed = try #require(row4.range(of: "\"heads\":"))
        let digitsEnd = row4[changed.upperBound...].firstIndex { !$0.isNumber } ?? row4.endIndex
        let value = Int(row4[changed.upperBound..<digitsEnd]) ?? 0
        altered = altered.replacingOccurrences(
            of: row4,
            with: row4.replacingCharacters(
                in: changed.upperBound..<digitsEnd,
                with: String(value + 1)))
        try Data(altered.utf8).write(to: URL(fileURLWithPath: dir.path("shard-2b.jsonl")))
        let conflict = try SimrunCLI.run([
            "merge", s[0], s[1], dir.path("shard-2b.jsonl"), s[2], "--out", dir.path("conflict.jsonl"),
        ])
        #expect(conflict.exited(65), "\(conflict)")
        #expect(
            conflict.err.contains("given twice with different rows") && conflict.err.contains("(4)"), "\(conflict.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("conflict.jsonl")))
    }

    @Test("merge of a file that is not there exits 66; of files of two formats, 64")
    func fileErrors() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        try shards(dir, count: 2, [Self.coin, "--runs", "4", "--seed", "1"])
        let absent = try SimrunCLI.run([
            "merge", dir.path("shard-1.jsonl"), dir.path("shard-9.jsonl"), "--out", dir.path("m.jsonl"),
        ])
        #expect(absent.exited(66), "\(absent)")
        #expect(absent.err.contains("shard-9.jsonl"))

        let csv = try BatchFixture.batch(
            Self.coin, "--runs", "4", "--seed", "1", "--format", "csv", "--shard", "2/2",
            "--out", dir.path("shard-2.csv"))
        #expect(csv.exited(0), "\(csv)")
        let mixed = try SimrunCLI.run([
            "merge", dir.path("shard-1.jsonl"), dir.path("shard-2.csv"), "--out", dir.path("m.jsonl"),
        ])
        #expect(mixed.exited(64), "\(mixed)")
        #expect(mixed.err.contains("csv") && mixed.err.contains("jsonl"), "\(mixed.err)")

        let none = try SimrunCLI.run(["merge"])
        #expect(none.exited(64), "\(none)")
    }
}
