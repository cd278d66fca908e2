import Testing

@testable import SimCore

/// Hooks that record when the engine calls them and sample one alignment as a metric.
private final class RecordingHooks: ScenarioHooks {
    var calls: [String] = []
    var failAtTick: Int?
    let metricNames = ["a_b"]

    func fireScheduled(in world: World) throws(RunFailure) {
        calls.append("fire \(world.tick)")
        if world.tick == failAtTick { throw RunFailure(.error, "boom at \(world.tick)") }
        if world.tick == 1 { world.setAlignment(0, toward: 1, to: -0.9) }
    }
    func dispatchEvents(in world: World) throws(RunFailure) {}
    func checkTriggers(in world: World) throws(RunFailure) { calls.append("triggers \(world.tick)") }
    func sampleMetrics(in world: World) throws(RunFailure) -> [Double] {
        calls.append("metrics \(world.tick)")
        return [world.alignment(0, toward: 1)]
    }
    func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)] {
        calls.append("outcomes")
        return [("ticks", .integer(world.tick))]
    }
}

@Suite struct SimulationTests {
    private func world() -> World {
        let world = World(seed: 1)
        world.addAgent(Agent(id: "a", name: "A", kind: "state"))
        world.addAgent(Agent(id: "b", name: "B", kind: "state"))
        world.dynamics.balance = 0
        world.dynamics.decay = 0
        return world
    }

    @Test func aTickFiresHooksThenAdvancesThenChecksAndRecords() {
        let hooks = RecordingHooks()
        let simulation = Simulation(world: world(), hooks: hooks)
        #expect(simulation.run(steps: 2) == .completed)
        #expect(
            hooks.calls == [
                "metrics 0", "fire 0", "triggers 1", "metrics 1", "fire 1", "triggers 2",
                "metrics 2", "outcomes",
            ])
        // steps + 1 values; value t is the state after t days.
        #expect(simulation.metrics == [[0, 0, -0.9]])
        #expect(simulation.outcomes.first?.1 == .integer(2))
    }

    @Test func crossingTheHostilityThresholdIsAnEvent() {
        let simulation = Simulation(world: world(), hooks: RecordingHooks())
        _ = simulation.run(steps: 3)
        let crossings = simulation.world.events.filter { $0.type == "threshold" }
        #expect(crossings.count == 1)
        #expect(crossings.first?.agents == [0, 1])
        #expect(crossings.first?.tick == 2)
        #expect(crossings.first?.value("direction") == .string("down"))
    }

    @Test func aFailureKeepsWhatWasComputed() {
        let hooks = RecordingHooks()
        hooks.failAtTick = 2
        let simulation = Simulation(world: world(), hooks: hooks)
        #expect(simulation.run(steps: 5) == .failed(RunFailure(.error, "boom at 2")))
        #expect(simulation.metrics == [[0, 0, -0.9]])
        #expect(simulation.outcomes.isEmpty)
    }

    @Test func stopEndsTheRunAtTheEndOfTheTick() {
        final class Stopper: ScenarioHooks {
            let metricNames: [String] = []
            func fireScheduled(in world: World) throws(RunFailure) {
                if world.tick == 1 { world.stop(reason: "enough") }
            }
            func dispatchEvents(in world: World) throws(RunFailure) {}
            func checkTriggers(in world: World) throws(RunFailure) {}
            func sampleMetrics(in world: World) throws(RunFailure) -> [Double] { [] }
            func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)] { [] }
        }
        let simulation = Simulation(world: world(), hooks: Stopper())
        #expect(simulation.run(steps: 10) == .stopped(reason: "enough"))
        #expect(simulation.world.tick == 2)
    }
}
