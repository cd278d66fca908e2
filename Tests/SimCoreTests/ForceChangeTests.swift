// ForceChangeTests: a report's run keeps the force history sparse — every force at tick 0, then
// only what changed — charges it as it grows, and the history replays to the forces of any day.
import Testing

@testable import SimCore

/// Hooks that deploy `deploys[t]` (agent, region, strength added) at the start of tick t.
private final class Deployments: ScenarioHooks {
    let deploys: [Int: [(Int, Int, Double)]]
    let metricNames: [String] = []

    init(_ deploys: [Int: [(Int, Int, Double)]]) { self.deploys = deploys }

    func fireScheduled(in world: World) throws(RunFailure) {
        for (a, r, s) in deploys[world.tick] ?? [] { world.setForce(of: a, in: r, to: world.force(of: a, in: r) + s) }
    }
    func dispatchEvents(in world: World) throws(RunFailure) {}
    func checkTriggers(in world: World) throws(RunFailure) {}
    func sampleMetrics(in world: World) throws(RunFailure) -> [Double] { [] }
    func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)] { [] }
}

@Suite struct ForceChangeTests {
    /// Two agents at peace, two regions, no dynamic that moves a force by itself.
    private func world() -> World {
        let world = World(seed: 1)
        world.addAgent(Agent(id: "a", name: "A", kind: "state"))
        world.addAgent(Agent(id: "b", name: "B", kind: "state"))
        world.addRegion(Region(id: "x", name: "X", latitude: 0, longitude: 0))
        world.addRegion(Region(id: "y", name: "Y", latitude: 1, longitude: 1))
        world.dynamics.balance = 0
        world.dynamics.decay = 0
        world.setForce(of: 0, in: 0, to: 100)
        return world
    }

    @Test func theHistoryHoldsTheStartThenOnlyTheChanges() {
        let simulation = Simulation(world: world(), hooks: Deployments([3: [(1, 1, 50)], 5: [(0, 0, -100)]]))
        simulation.recordsForceChanges = true
        #expect(simulation.run(steps: 8) == .completed)
        // A hook at the start of tick 3 deploys; the state after 4 ticks has it, as a metric would.
        // Tick 5's withdrawal leaves a 0.
        #expect(
            simulation.forceChanges == [
                ForceChange(tick: 0, agent: 0, region: 0, strength: 100),
                ForceChange(tick: 4, agent: 1, region: 1, strength: 50),
                ForceChange(tick: 6, agent: 0, region: 0, strength: 0),
            ])
        // Replayed to a day, the history gives the forces of that day.
        let replay = { (tick: Int) -> [Double] in
            var forces = [Double](repeating: 0, count: 4)
            for change in simulation.forceChanges where change.tick <= tick {
                forces[change.agent * 2 + change.region] = change.strength
            }
            return forces
        }
        #expect(replay(3) == [100, 0, 0, 0])
        #expect(replay(5) == [100, 0, 0, 50])
        #expect(replay(8) == [0, 0, 0, 50])
    }

    @Test func aBatchRunKeepsNoHistory() {
        let simulation = Simulation(world: world(), hooks: Deployments([3: [(1, 1, 50)]]))
        #expect(simulation.run(steps: 5) == .completed)
        #expect(simulation.forceChanges.isEmpty)
    }

    @Test func everyByteKeptIsChargedAndAFailedChargeEndsTheRun() {
        let simulation = Simulation(world: world(), hooks: Deployments([2: [(1, 0, 5)], 4: [(1, 1, 5)]]))
        simulation.recordsForceChanges = true
        var charged: [Int] = []
        simulation.chargeForceChanges = { bytes throws(RunFailure) in
            charged.append(bytes)
            if charged.count == 4 { throw RunFailure(.limit, "cap") }
        }
        let status = simulation.run(steps: 6)
        // The snapshot of the forces, tick 0's force, tick 2's change; tick 4's change fails, at the
        // end of tick 5, where the run stops.
        let entry = MemoryLayout<ForceChange>.stride
        #expect(charged == [4 * MemoryLayout<Double>.stride, entry, entry, entry])
        #expect(status == .failed(RunFailure(.limit, "cap")))
        #expect(simulation.world.tick == 5)
    }
}
