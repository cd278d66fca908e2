// ScenarioLoaderTests: what loading gives back besides the world — the overridden params typed as
// the scenario declares them, in the order the request gave them, ready for a batch design.
import Foundation
import SimCore
import Testing

@testable import LuaBridge

@Suite("ScenarioLoader")
struct ScenarioLoaderTests {
    static let params =
        header(steps: 0) + """
            sim.param("count", 3)
            sim.param("rate", 0.5)
            sim.param("flag", false)

            """

    @Test("check gives the overridden params typed, in the order given, whatever the declaration order")
    func typedOverrides() throws {
        let summary = try ScenarioRunnerCheck.summary(
            Self.params,
            params: [
                ("flag", "yes"), ("rate", "2"),
                ("count", "7"),
            ])
        #expect(summary.overrides.map(\.0) == ["flag", "rate", "count"])
        #expect(summary.overrides.map(\.1) == [.boolean(true), .number(2), .integer(7)])
        #expect(try ScenarioRunnerCheck.summary(Self.params).overrides.isEmpty)
    }

    @Test("typed overrides come back as the values given")
    func typedOverridesFromValues() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", Self.params)
        let summary = try ScenarioRunner.check(
            RunRequest(
                file: fixture.path("main.lua"),
                overrides: [("rate", .value(.integer(2))), ("count", .value(.integer(4)))]
            )
        ).get()
        #expect(summary.overrides.map(\.1) == [.number(2), .integer(4)])
    }

    @Test("a rate pinned with --param dynamics.NAME holds against sim.dynamics in setup and in hooks")
    func pinnedRates() throws {
        let lua =
            header(steps: 3) + """
                sim.dynamics{decay = 0.5, speed = 10}
                sim.agent{id = "a", kind = "state"}
                sim.agent{id = "b", kind = "state"}
                sim.align("a", "b", 0.5)
                sim.at(0, function() sim.shift("a", "b", -1) end)
                sim.at(1, function() sim.dynamics{decay = 1, speed = 20} end)
                sim.metric("ab", function() return sim.alignment("a", "b") end)
                """
        let pinned = try completed(run(lua, params: [("dynamics.decay", "0")]))
        // With decay pinned at 0 the shift stays; speed, not pinned, follows the hook.
        #expect(pinned.metric("ab") == [0.5, -0.5, -0.5, -0.5])
        #expect(pinned.world.dynamics.decay == 0 && pinned.world.dynamics.speed == 20)
        #expect(pinned.params.last.map { $0.0 } == "dynamics.decay")
        #expect(pinned.params.last?.1 == .number(0))
        let free = try completed(run(lua))
        #expect(free.metric("ab")[3] > -0.5)
    }

    @Test(
        "a pin names a rate the engine has and a number it allows",
        arguments: [
            ("dynamics.bogus", "1", "--param dynamics.bogus: no such built-in rate (known: dynamics.speed,"),
            ("dynamics.decay", "fast", "--param dynamics.decay=fast: expected a number"),
            ("dynamics.hostility", "-2", "--param dynamics.hostility=-2 is outside [-1, 1]"),
            ("dynamics.war_days", "3651", "--param dynamics.war_days=3651 is outside [0, 3650]"),
        ])
    func pinRefused(_ name: String, _ value: String, _ expected: String) {
        let message = usageMessage(run(header(steps: 1), params: [(name, value)])) ?? ""
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
