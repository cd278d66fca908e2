import Foundation
import SimCore
import SimReports
import Testing

@testable import LuaBridge

/// A loaded scenario's run: what the engine records outside the Lua heap counts against the cap.
@Suite("Running a loaded scenario")
struct LoadedScenarioTests {
    /// A scenario with `metrics` metrics that allocate nothing when sampled.
    private func scenario(metrics: Int) -> String {
        header(steps: 10) + "sim.agent{id='a', kind='state'}\n"
            + "for i = 1, \(metrics) do sim.metric('m' .. i, function() return 0 end) end\n"
    }

    @Test("20,000 metrics over 10^7 ticks under a 32 MiB cap fail at once, naming what they would record")
    func recordingPastTheCapFailsBeforeTheFirstTick() throws {
        let report = try report(
            run(scenario(metrics: 20_000), limits: ScenarioLimits(maxMemory: 32 << 20), steps: 10_000_000))
        guard case .failed(let failure) = report.status else {
            Issue.record("the run did not fail: \(report.status)")
            return
        }
        #expect(failure.kind == .limit)
        #expect(
            failure.message.contains(
                "memory limit of 33554432 bytes reached (--max-memory): recording 20000 "
                    + "metrics over 10000000 ticks"), "\(failure.message)")
        let recorded = report.metrics.map(\.count).reduce(0, +)
        #expect(recorded == 0, "no tick was recorded")
    }

    @Test("the recording is charged to the byte: the steps that just fit run, one tick more fails")
    func recordingChargeIsExact() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", scenario(metrics: 500))
        let cap = 2 << 20
        let limits = ScenarioLimits(maxMemory: cap)
        // Setup leaves the same bytes in use whatever the steps: measure them once.
        let loaded = try ScenarioLoader.load(RunRequest(file: fixture.path("main.lua"), steps: 1, limits: limits))
        let used = loaded.context.lua.memoryUsed
        // 500 values and one digest a tick (counted in a batch row too), for ticks 0 ... steps.
        let perTick = 500 * 8 + MemoryLayout<StateDigest>.stride
        let fits = (cap - used) / perTick - 1
        #expect(fits > 10, "room for \(fits) ticks")
        let ok = try report(fixture.run(limits: limits, steps: fits))
        #expect(ok.status == .completed, "\(ok.status)")
        #expect(ok.metrics.first?.count == fits + 1)
        let over = try report(fixture.run(limits: limits, steps: fits + 1))
        guard case .failed(let failure) = over.status else {
            Issue.record("one tick more did not fail: \(over.status)")
            return
        }
        #expect(failure.kind == .limit && failure.message.contains("recording 500 metrics over \(fits + 1) ticks"))
    }

    @Test("a report's force history counts against the cap: the run that keeps it stops sooner than a batch row")
    func forceHistoryIsCharged() throws {
        let fixture = ScenarioFixture()
        fixture.write(
            "main.lua",
            header(steps: 200_000)
                + """
                sim.agent{id="a", kind="state"}
                sim.region{id="r", lat=0, lon=0}
                sim.every(1, function() sim.deploy("a", "r", 1) end)
                """)
        let request = RunRequest(
            file: fixture.path("main.lua"), steps: 200_000, limits: ScenarioLimits(maxMemory: 8 << 20))
        var ticks: [Bool: Int] = [:]
        for keeps in [false, true] {
            let loaded = try ScenarioLoader.load(request)
            let (simulation, status) = loaded.run(forReport: keeps)
            guard case .failed(let failure) = status else {
                Issue.record("the run did not fail: \(status)")
                return
            }
            #expect(failure.kind == .limit)
            #expect(simulation.forceChanges.isEmpty != keeps)
            ticks[keeps] = loaded.world.tick
        }
        let (row, report) = (try #require(ticks[false]), try #require(ticks[true]))
        #expect(report < row, "a batch row reached tick \(row), the report's run \(report)")
    }
}
