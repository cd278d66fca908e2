// SetupSnapshotTests: a batch worker's runs of one request start from the end of its first setup —
// and end exactly as runs that set up afresh, counts of the limits included, each in a clean state;
// a setup that draws random numbers, or another request, sets up again.
import Foundation
import Testing

@testable import LuaBridge

@Suite("SetupSnapshot")
struct SetupSnapshotTests {
    /// A scenario whose setup draws nothing, with a policy that draws, a log line at setup, and a
    /// hook that poisons a global and a library function during the run.
    static let scenario = """
        sim.scenario{ name = "snap", start = "2024-01-01", steps = 6 }
        local gain = sim.param("gain", 0.01, { min = 0, max = 1 })
        sim.region{ id = "r", name = "R", lat = 0, lon = 0 }
        for _, id in ipairs({ "a", "b", "c" }) do sim.agent{ id = id, name = id, kind = "state" } end
        sim.deploy("a", "r", 100)
        sim.log("set up with gain " .. gain)
        local seen = 0
        sim.policy("a", function() sim.shift("a", "b", -gain * sim.random()); seen = seen + 1 end)
        sim.at(2, function() leaked = (leaked or 0) + 1; string.rep = nil end)
        sim.metric("ab", function() return sim.alignment("a", "b") end)
        sim.outcome("ab", function() return sim.alignment("a", "b") end)
        sim.outcome("leaked", function() return leaked end)
        sim.outcome("rep", function() return type(string.rep) end)
        sim.outcome("seen", function() return seen end)
        """

    /// Everything a run leaves that a restored setup could get wrong: the limits' counts after setup
    /// and at the end, the outcomes, metrics, log and events.
    static func trace(_ request: RunRequest, cache: ScenarioCache) -> String {
        let scenario = try! ScenarioLoader.load(request, cache: cache)
        let lua = scenario.context.lua
        let setup = [Int64(lua.memoryUsed), lua.instructionsUsed, lua.bytesAllocated]
        let (simulation, status) = scenario.run(forReport: false)
        let end = [Int64(lua.memoryUsed), lua.instructionsUsed, lua.bytesAllocated]
        let outcomes = simulation.outcomes.map { "\($0.0)=\($0.1.description)" }
        return "\(setup) \(end) \(status) \(outcomes) \(simulation.metrics) "
            + "\(scenario.context.log.map(\.text)) \(scenario.world.events.count)"
    }

    /// The traces of `requests` run one after another in one worker's cache, and each in a cache of
    /// its own, with the setup the worker kept at the end.
    static func worker(_ requests: [RunRequest]) -> (kept: [String], fresh: [String], heap: Int?, restored: Int) {
        LuaThread.run {
            let cache = ScenarioCache(keepsSetups: true)
            let kept = requests.map { trace($0, cache: cache) }
            let fresh = requests.map { trace($0, cache: ScenarioCache()) }
            return (kept, fresh, cache.setup?.heapBytes, cache.setupsRestored)
        }
    }

    @Test("runs restored from the setup end as runs that set up afresh, each in a clean state")
    func restoredRunsMatchFresh() {
        let fixture = ScenarioFixture()
        let file = fixture.write("main.lua", Self.scenario)
        let runs = Self.worker((1...5).map { RunRequest(file: file, seed: UInt64($0)) })
        #expect(runs.kept == runs.fresh)
        #expect((runs.heap ?? 0) > 10_000, "the setup was kept")
        #expect(runs.restored == 3, "kept after the second run, restored for the three after")
        // The hook's poison stayed in its run: every run saw one leak and the library restored.
        #expect(runs.kept.allSatisfy { $0.contains("leaked=1") && $0.contains("rep=nil") })
        #expect(Set(runs.kept).count == 5, "the seeds still differ")
    }

    @Test("another request sets up afresh, and the kept setup serves its own request again after")
    func anotherRequestSetsUpAgain() {
        let fixture = ScenarioFixture()
        let file = fixture.write("main.lua", Self.scenario)
        func request(_ seed: UInt64, gain: Double) -> RunRequest {
            RunRequest(file: file, seed: seed, overrides: [("gain", .value(.number(gain)))])
        }
        let runs = Self.worker([
            request(1, gain: 0.01), request(2, gain: 0.01), request(3, gain: 0.5), request(4, gain: 0.01),
            RunRequest(file: file, seed: 5, steps: 3),
        ])
        #expect(runs.kept == runs.fresh)
        #expect(runs.kept[2].contains("set up with gain 0.5") && runs.kept[3].contains("set up with gain 0.01"))
        #expect(runs.restored == 1, "only the fourth run's request was kept")
    }

    @Test("a setup that draws random numbers is run for every run")
    func aSetupThatDrawsIsNotKept() {
        let fixture = ScenarioFixture()
        let file = fixture.write(
            "main.lua",
            Self.scenario.replacingOccurrences(
                of: "local seen = 0", with: "local seen = 0\nsim.log(\"drew \" .. sim.random())"))
        let runs = Self.worker((1...3).map { RunRequest(file: file, seed: UInt64($0)) })
        #expect(runs.kept == runs.fresh)
        #expect(runs.heap == nil && runs.restored == 0)
        #expect(Set(runs.kept.map { $0.components(separatedBy: "drew ")[1].prefix(12) }).count == 3)
    }
}
