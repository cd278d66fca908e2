// BatchRunnerTests: the runs of a batch on worker threads — records in run order whatever the
// number of workers, each the same as a single run with its seed and params, a stop request
// honoured, and nothing of one run left for the next by the worker's compiled-code cache.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BatchRunner")
struct BatchRunnerTests {
    static let coin = """
        sim.scenario{ name = "coin", start = "2024-01-01", steps = 12 }
        sim.agent{ id = "a", name = "Agent A", kind = "state" }
        sim.agent{ id = "b", name = "Agent B", kind = "state" }
        local a = sim.param("a", 2, { min = 0, max = 5 })
        local b = sim.param("b", 0.5, { min = 0, max = 1 })
        local total, heads = 0, 0
        sim.metric("total", function() return total end)
        sim.on("tick", function()
          total = total + (a + 1) * sim.random()
          if sim.chance(b) then heads = heads + 1 end
        end)
        sim.outcome("total", function() return total end)
        sim.outcome("heads", function() return heads end)
        sim.outcome("won", function() return heads * 2 > sim.tick() end)
        sim.outcome("side", function() return sim.random() < 0.5 and "heads" or "tails" end)
        """

    /// Runs the plan and returns the records in the order they were emitted.
    static func records(
        _ plan: BatchPlan, stop: BatchStop = BatchStop(),
        onEmit: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> (records: [RunRecord], emitted: Int) {
        let collector = RecordCollector()
        let emitted = BatchRunner.run(
            plan, stop: stop, tick: {},
            emit: { record in
                onEmit(collector.append(record))
            })
        return (collector.records, emitted)
    }

    static func design(runs: Int, seed: UInt64 = 5, steps: Int? = nil) -> BatchDesign {
        BatchDesign(
            runsPerPoint: runs, seed: seed, steps: steps, fixed: [],
            sweeps: [
                Sweep(name: "a", values: [.integer(1), .integer(4)]),
                Sweep(name: "b", values: [.number(0.25), .number(0.75)]),
            ])
    }

    @Test("jobs 1 and 3 emit the records in run order with the same content")
    func orderAndContentIndependentOfJobs() throws {
        let fixture = ScenarioFixture()
        let file = fixture.write("coin.lua", Self.coin)
        let design = Self.design(runs: 6)
        #expect(design.totalRuns == 24)
        var lines: [[String]] = []
        for jobs in [1, 3] {
            let plan = BatchPlan(
                file: file, design: design, limits: ScenarioLimits(), runs: Array(0..<24), jobs: jobs,
                keepMetrics: true, keepTrace: true)
            let (records, emitted) = Self.records(plan)
            #expect(emitted == 24)
            #expect(records.map(\.run) == Array(0..<24), "jobs \(jobs): emitted in run order")
            #expect(records.allSatisfy { $0.status == .ok })
            lines.append(records.map { $0.jsonLine() })
        }
        #expect(lines[0] == lines[1], "the records depend on the number of workers")

        // A shard's runs, less a resumed prefix: in the plan's order, the same records as above.
        let shardRuns = Array(stride(from: 2, to: 24, by: 3))
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: shardRuns, jobs: 3,
            keepMetrics: true, keepTrace: true)
        let (records, _) = Self.records(plan)
        #expect(records.map(\.run) == shardRuns)
        #expect(
            records.map { $0.jsonLine() } == shardRuns.map { lines[0][$0] },
            "a run's record does not depend on the runs before it")
    }

    @Test("a record holds what a single run with its seed and params gives")
    func recordEqualsSingleRun() throws {
        let fixture = ScenarioFixture()
        let file = fixture.write("coin.lua", Self.coin)
        let design = Self.design(runs: 3)
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: Array(0..<design.totalRuns), jobs: 2,
            keepMetrics: true, keepTrace: true)
        let (records, _) = Self.records(plan)
        #expect(records.count == 12)
        for record in records {
            #expect(record.seed == BatchDesign.seed(batch: 5, replicate: record.run % 3))
            #expect(record.point == record.run / 3)
            let overrides = design.overrides(forRun: record.run)
            let single = try completed(
                ScenarioRunner.run(
                    RunRequest(file: file, seed: record.seed, params: overrides.map { ($0.0, $0.1.description) }),
                    simrunVersion: "test"))
            #expect(record.outcomes.map(\.0) == single.outcomes.map(\.0))
            #expect(record.outcomes.map(\.1) == single.outcomes.map(\.1), "run \(record.run)")
            #expect(record.params.map(\.0) == single.params.map(\.0))
            #expect(record.params.map(\.1) == single.params.map(\.1), "run \(record.run)")
            #expect(
                record.trace?.map(\.1) == single.metricNames.indices.map { single.metrics[$0] },
                "run \(record.run) trace")
            #expect(record.metrics?.map(\.1) == single.metrics.map { $0.last! })
        }
    }

    @Test("a failed run is a record with its status and message; the others go on")
    func failedRunIsARecord() throws {
        let fixture = ScenarioFixture()
        let file = fixture.write(
            "flaky.lua",
            """
            sim.scenario{ name = "flaky", start = "2024-01-01", steps = 6 }
            sim.agent{ id = "a", name = "Agent A", kind = "state" }
            sim.agent{ id = "b", name = "Agent B", kind = "state" }
            sim.at(2, function()
              if sim.random() < 0.3 then error("unlucky") end
            end)
            sim.outcome("fine", function() return true end)
            """)
        let design = BatchDesign(runsPerPoint: 30, seed: 1, steps: nil, fixed: [], sweeps: [])
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: Array(0..<30), jobs: 2,
            keepMetrics: false, keepTrace: false)
        let (records, _) = Self.records(plan)
        #expect(records.map(\.run) == Array(0..<30))
        let failed = records.filter { $0.status == .error }
        #expect(!failed.isEmpty && failed.count < 30, "\(failed.count) failed")
        for record in failed {
            #expect(record.error?.hasSuffix("flaky.lua:5: unlucky") == true, "\(record.error ?? "no message")")
            #expect(record.outcomes.isEmpty)
            let single = ScenarioRunner.run(RunRequest(file: file, seed: record.seed), simrunVersion: "test")
            if case .success(let report) = single, case .failed(let failure) = report.status {
                #expect(failure.message == record.error)
            } else {
                Issue.record("run \(record.run) fails in the batch but not alone: \(single)")
            }
        }
        for record in records where record.status == .ok {
            #expect(record.error == nil)
            #expect(record.outcomes.first?.1 == .boolean(true))
        }
    }

    @Test("a stop request ends the batch after the runs in progress, records still in order", arguments: [1, 3])
    func stopRequest(jobs: Int) throws {
        let fixture = ScenarioFixture()
        let file = fixture.write("coin.lua", Self.coin)
        let design = BatchDesign(runsPerPoint: 200, seed: 2, steps: nil, fixed: [], sweeps: [])
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: Array(0..<200), jobs: jobs,
            keepMetrics: false, keepTrace: false)
        let stop = BatchStop()
        let (records, emitted) = Self.records(plan, stop: stop) { count in
            if count == 5 { stop.request() }
        }
        #expect(emitted == records.count)
        #expect(records.map(\.run) == Array(0..<records.count), "a prefix of the runs, in order")
        #expect(records.count >= 5 && records.count < 200, "\(records.count) records")
        if jobs == 1 { #expect(records.count == 5, "one worker has no run in progress when the stop comes") }
    }

    @Test("every run of a worker starts from a fresh sandbox: globals, libraries and included files do not leak")
    func noStateLeaksBetweenRuns() throws {
        let fixture = ScenarioFixture()
        fixture.write(
            "lib/counter.lua",
            """
            included = (included or 0) + 1
            return { loaded = included }
            """)
        let file = fixture.write(
            "leak.lua",
            """
            sim.scenario{ name = "leak", start = "2024-01-01", steps = 2 }
            sim.agent{ id = "a", name = "Agent A", kind = "state" }
            sim.agent{ id = "b", name = "Agent B", kind = "state" }
            first_seen = (first_seen == nil)
            runs = (runs or 0) + 1
            local lib = sim.include("lib/counter.lua")
            local math_leak = pcall(function() math.leaked = (math.leaked or 0) + 1 end) and math.leaked or 1
            local string_leak = pcall(function() string.leaked = (string.leaked or 0) + 1 end) and string.leaked or 1
            -- What earlier runs did to the libraries, the string methods and the base functions.
            local clean = ("ab"):upper() == "AB" and math.floor(1.5) == 1 and table.insert ~= nil
              and select("#", pairs({})) == 3
            pcall(function()
              string.upper = function() return "poisoned" end
              math.floor = function() return 42 end
              table.insert = nil
              pairs = function() return nil end
            end)
            sim.outcome("first", function() return first_seen end)
            sim.outcome("runs", function() return runs end)
            sim.outcome("included", function() return lib.loaded end)
            sim.outcome("math", function() return math_leak end)
            sim.outcome("string", function() return string_leak end)
            sim.outcome("draw", function() return sim.random() end)
            sim.outcome("clean", function() return clean end)
            """)
        let design = BatchDesign(runsPerPoint: 12, seed: 8, steps: nil, fixed: [], sweeps: [])
        // One worker: every run after the first uses its cache.
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: Array(0..<12), jobs: 1,
            keepMetrics: false, keepTrace: false)
        let (records, _) = Self.records(plan)
        #expect(records.count == 12)
        for record in records {
            #expect(record.status == .ok, "\(record.error ?? "")")
            let outcomes = Dictionary(record.outcomes, uniquingKeysWith: { a, _ in a })
            #expect(outcomes["first"] == .boolean(true), "run \(record.run) saw a global of an earlier run")
            #expect(outcomes["runs"] == .integer(1), "run \(record.run)")
            #expect(outcomes["included"] == .integer(1), "run \(record.run): the included file ran in a fresh state")
            #expect(outcomes["math"] == .integer(1), "run \(record.run)")
            #expect(outcomes["string"] == .integer(1), "run \(record.run)")
            #expect(outcomes["clean"] == .boolean(true), "run \(record.run) met a library an earlier run poisoned")
        }
        // And the draws are each run's own, as alone.
        for record in records.prefix(3) {
            let single = try completed(
                ScenarioRunner.run(RunRequest(file: file, seed: record.seed), simrunVersion: "test"))
            #expect(single.outcome("draw") == record.outcomes.first { $0.0 == "draw" }?.1)
        }
    }

    @Test("near the memory cap, a run from the worker's compiled cache ends as the same run alone")
    func memoryCapSameFromCache() throws {
        let fixture = ScenarioFixture()
        let file = fixture.write("coin.lua", Self.coin)
        let design = BatchDesign(runsPerPoint: 3, seed: 1, steps: nil, fixed: [], sweeps: [])
        var mismatches: [String] = []
        var limited = 0, passed = 0
        // Budgets around what the scenario needs: from every run failing to none.
        for kilobytes in stride(from: 40, through: 120, by: 1) {
            let limits = ScenarioLimits(
                maxInstructions: ScenarioLimits.defaultMaxInstructions, maxMemory: kilobytes << 10)
            // One worker: run 0 compiles the scenario, runs 1 and 2 start from the cache.
            let plan = BatchPlan(
                file: file, design: design, limits: limits, runs: [0, 1, 2], jobs: 1,
                keepMetrics: false, keepTrace: false)
            for record in Self.records(plan).records {
                let alone: String
                switch ScenarioRunner.run(
                    RunRequest(file: file, seed: record.seed, limits: limits), simrunVersion: "test")
                {
                case .success(let report):
                    switch report.status {
                    case .failed(let failure): alone = failure.kind == .limit ? "limit" : "error"
                    default: alone = "ok"
                    }
                case .failure(.scenario(let failure)): alone = failure.kind == .limit ? "limit" : "error"
                case .failure: alone = "error"
                }
                if record.status.rawValue != alone {
                    mismatches.append(
                        "\(kilobytes)K run \(record.run): \(record.status.rawValue) in the batch, \(alone) alone")
                }
                if record.status == .limit { limited += 1 } else if record.status == .ok { passed += 1 }
            }
        }
        #expect(limited > 0 && passed > 0, "the budgets should span the scenario's needs")
        #expect(mismatches.isEmpty, "\(mismatches.count) runs differ: \(mismatches.prefix(6).joined(separator: "; "))")
    }

    @Test("a worker's cache tells apart included files whose long paths shorten to the same chunk name")
    func longPathIncludesStayApart() throws {
        let fixture = ScenarioFixture()
        // Past Lua's chunk id size, a path is shown as "[n]" and the end of its file name: both
        // setups below are "[2]setup.lua" in their run.
        let folder = "a_rather_long_folder_name_that_goes_past_the_chunk_id_size"
        fixture.write("\(folder)/variant_low/setup.lua", "return \"low\"\n")
        fixture.write("\(folder)/variant_high/setup.lua", "return \"high\"\n")
        let file = fixture.write(
            "\(folder)/main.lua",
            """
            sim.scenario{ name = "variants", start = "2024-01-01", steps = 2 }
            sim.agent{ id = "a", name = "Agent A", kind = "state" }
            sim.agent{ id = "b", name = "Agent B", kind = "state" }
            local variant = sim.param("variant", "low")
            local got = sim.include("variant_" .. variant .. "/setup.lua")
            sim.outcome("variant", function() return got end)
            """)
        #expect(file.utf8.count > 60)
        let design = BatchDesign(
            runsPerPoint: 2, seed: 1, steps: nil, fixed: [],
            sweeps: [Sweep(name: "variant", values: [.string("low"), .string("high")])])
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: Array(0..<4), jobs: 1,
            keepMetrics: false, keepTrace: false)
        let (records, _) = Self.records(plan)
        #expect(records.count == 4)
        // Alone, each variant gives its own name.
        let alone = try completed(
            ScenarioRunner.run(RunRequest(file: file, params: [("variant", "high")]), simrunVersion: "test"))
        #expect(alone.outcome("variant") == .string("high"))
        for record in records {
            let variant = record.params.first { $0.0 == "variant" }?.1
            #expect(
                record.outcomes.first?.1 == variant,
                "run \(record.run): variant \(String(describing: variant)) ran \(record.outcomes)")
        }
    }

    @Test("a design's values reach the runs typed, with no text in between: -0.0 keeps its sign")
    func designValuesStayTyped() throws {
        let fixture = ScenarioFixture()
        let file = fixture.write(
            "signed.lua",
            """
            sim.scenario{ name = "signed", start = "2024-01-01", steps = 1 }
            local x = sim.param("x", 1.5)
            local n = sim.param("n", 2)
            sim.outcome("x", function() return x end)
            sim.outcome("inverse", function() return tostring(1 / x) end)
            sim.outcome("n", function() return n end)
            """)
        let huge = 9_007_199_254_740_993
        let design = BatchDesign(
            runsPerPoint: 1, seed: 1, steps: nil, fixed: [("n", .integer(huge))],
            sweeps: [Sweep(name: "x", values: [.number(-0.0), .number(0.1 + 0.2)])])
        let plan = BatchPlan(
            file: file, design: design, limits: ScenarioLimits(), runs: [0, 1], jobs: 1,
            keepMetrics: false, keepTrace: false)
        let (records, _) = Self.records(plan)
        #expect(records.map(\.status) == [.ok, .ok])
        #expect(records.first?.outcomes.first { $0.0 == "inverse" }?.1 == .string("-inf"))
        guard case .number(let zero) = records.first?.params.first(where: { $0.0 == "x" })?.1 else {
            Issue.record("param x of run 0: \(String(describing: records.first?.params))")
            return
        }
        #expect(zero.sign == .minus)
        #expect(records.last?.outcomes.first { $0.0 == "x" }?.1 == .number(0.1 + 0.2))
        #expect(records.map { $0.outcomes.first { $0.0 == "n" }?.1 } == [.integer(huge), .integer(huge)])
    }
}

/// Collects the records a batch emits, from whichever worker emits them.
private final class RecordCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RunRecord] = []

    /// Appends and returns how many records there are now.
    func append(_ record: RunRecord) -> Int {
        lock.withLock {
            stored.append(record)
            return stored.count
        }
    }

    var records: [RunRecord] { lock.withLock { stored } }
}
