// BatchCommandTests: `simrun batch` end to end. This file holds the suite and its determinism
// tests (the runs file is the same bytes for any --jobs, a row is reproduced by `simrun run`); the
// others are by concern in BatchCommandTests+Resume, +Errors, +Summary, +Designs and +Formats. The
// fixtures and readers they share with MergeCommandTests are BatchFixture, BatchScratch,
// BatchRunsText, BatchCSV and BatchProcess.
import Foundation
import Testing

@Suite("simrun batch")
struct BatchCommandTests {
    static let coin = BatchFixture.coin
    static let flaky = BatchFixture.flaky

    @Test("the runs file and summary are the same bytes for --jobs 1, 2 and 3")
    func jobsDoNotChangeTheBytes() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        for jobs in 1...3 {
            let result = try BatchFixture.batch(
                Self.coin, "--runs", "15", "--seed", "11", "--sweep", "a=1,4",
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
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "3", "--seed", "99", "--sweep", "b=0.25,0.75",
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
                let (single, batch) = (String(describing: outcomes[name]), String(describing: rowOutcomes[name]))
                #expect(
                    BatchFixture.sameValue(outcomes[name], rowOutcomes[name]),
                    "run \(row["run"]?.int ?? -1) outcome \(name): run gives \(single), the batch row \(batch)")
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
        let result = try BatchFixture.batch(
            Self.coin, "--runs", "4", "--seed", String(batchSeed),
            "--sweep", "a=0,5", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        let runs = try BatchRunsText(dir.text("runs.jsonl"))
        #expect(runs.header["seed"]?.batchUnsigned == batchSeed)
        for row in runs.rows {
            let run = try #require(row["run"]?.int)
            #expect(
                row["seed"]?.batchUnsigned == BatchFixture.replicateSeed(batch: batchSeed, replicate: run % 4),
                "run \(run)")
        }
    }
}
