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
}
