// RunReport+DynamicsTests: the report's `dynamics` object — every rate of the table in its order, the
// thresholds in force, and the rates after setup where a hook changed them before the end.
import SimCore
import SimSupport
import Testing

@testable import SimReports

extension RunReportTests {
    /// The report's `dynamics` object as name → value, in the order written.
    private func dynamicsObject(_ report: RunReport) throws -> [(String, JSONValue)] {
        try #require(try JSONValue.parse(report.json())["dynamics"]?.object)
    }

    @Test("dynamics lists every rate of Dynamics.rates in table order, then the thresholds in force")
    func dynamicsInTableOrder() throws {
        let world = makeWorld()
        world.dynamics.balance = 0.25
        world.dynamics.decay = 0
        let object = try dynamicsObject(makeReport(world))
        #expect(object.map(\.0) == Dynamics.rates.map(\.name) + ["thresholds"])
        for (rate, (_, value)) in zip(Dynamics.rates, object) {
            #expect(value.double == world.dynamics[keyPath: rate.path], "\(rate.name)")
        }
        #expect(object.last?.1.array?.compactMap(\.double) == [world.dynamics.hostility], "hostility by default")

        world.dynamics.thresholds = [-0.2, 0.4]
        let thresholds = try dynamicsObject(makeReport(world)).last?.1
        #expect(thresholds?.array?.compactMap(\.double) == [-0.2, 0.4])
    }

    @Test("the rates given as those after setup are the report's, not the final world's")
    func dynamicsAfterSetup() throws {
        let world = makeWorld()
        var setup = world.dynamics
        setup.speed = 120
        world.dynamics.speed = 0  // as a hook's sim.dynamics{speed = 0} leaves it
        var report = makeReport(world)
        #expect(report.dynamics == world.dynamics, "without them, the world's")
        report = RunReport(
            simrunVersion: report.simrunVersion, scenario: report.scenario, seed: report.seed,
            params: report.params, steps: report.steps, status: report.status, world: world, dynamics: setup,
            metricNames: report.metricNames, metrics: report.metrics, outcomes: report.outcomes, log: report.log)
        #expect(report.dynamics == setup)
        #expect(report.world.dynamics.speed == 0)
        let speed = try dynamicsObject(report).first { $0.0 == "speed" }?.1
        #expect(speed?.double == 120)
    }
}
