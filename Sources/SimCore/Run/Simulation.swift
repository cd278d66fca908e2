// Simulation: the clock of a run. It fires the scenario's hooks, applies the built-in dynamics in
// their documented order, checks thresholds and triggers, and records metrics and state digests, one
// tick at a time.

/// Steps one world with one scenario's hooks.
package final class Simulation {
    package let world: World
    private let hooks: ScenarioHooks
    /// `metrics[m]` holds metric m at tick 0, 1, ...: value t is the state after t days.
    package private(set) var metrics: [[Double]]
    package private(set) var outcomes: [(String, ScalarValue)] = []
    /// `digests[t]`: the state's fingerprint after t ticks, recorded with the metrics.
    package private(set) var digests: [StateDigest] = []
    /// Whether to record `digests`: a report needs them, a batch row does not, and hashing the
    /// whole state every tick is not free.
    package var recordsDigests = true
    private var lastAlignment: [Double]

    package init(world: World, hooks: ScenarioHooks) {
        self.world = world
        self.hooks = hooks
        metrics = hooks.metricNames.map { _ in [] }
        lastAlignment = world.alignment
    }

    /// Runs up to `steps` ticks, then evaluates the outcomes. Whatever was computed before a
    /// failure stays in `metrics` and `world`.
    package func run(steps: Int) -> RunStatus {
        do throws(RunFailure) {
            world.beginRun()
            lastAlignment = world.alignment
            try record()
            while world.tick < steps, world.stopReason == nil {
                try step()
            }
            outcomes = try hooks.evaluateOutcomes(in: world)
        } catch {
            return .failed(error)
        }
        if let reason = world.stopReason { return .stopped(reason: reason) }
        return .completed
    }

    /// One tick: hooks, dynamics, clock, events, thresholds, triggers, metrics.
    package func step() throws(RunFailure) {
        try hooks.fireScheduled(in: world)
        world.applyDynamics()
        world.tick += 1
        try hooks.dispatchEvents(in: world)
        recordThresholdCrossings()
        try hooks.dispatchEvents(in: world)
        try hooks.checkTriggers(in: world)
        try hooks.dispatchEvents(in: world)
        try record()
    }

    private func record() throws(RunFailure) {
        let values = try hooks.sampleMetrics(in: world)
        for (m, value) in values.enumerated() { metrics[m].append(value) }
        if recordsDigests { digests.append(world.stateDigest()) }
    }

    /// A `threshold` event for every ordered pair whose alignment crossed a threshold since the
    /// last check.
    private func recordThresholdCrossings() {
        let thresholds = world.dynamics.effectiveThresholds
        let n = world.agentCount
        var crossings: [(from: Int, to: Int, threshold: Double, down: Bool, value: Double)] = []
        // The previous values live in a buffer of their own, updated in place: sharing the world's
        // array would make its next change copy all N² values.
        lastAlignment.withUnsafeMutableBufferPointer { before in
            world.alignment.withUnsafeBufferPointer { after in
                for i in 0..<n {
                    for j in 0..<n where i != j {
                        let was = before[i * n + j], value = after[i * n + j]
                        guard was != value else { continue }
                        before[i * n + j] = value
                        for threshold in thresholds {
                            if was > threshold && value <= threshold {
                                crossings.append((i, j, threshold, true, value))
                            } else if was <= threshold && value > threshold {
                                crossings.append((i, j, threshold, false, value))
                            }
                        }
                    }
                }
            }
        }
        for crossing in crossings {
            world.record(
                Event(
                    tick: world.tick, type: .threshold, agents: [crossing.from, crossing.to],
                    data: [
                        ("threshold", .number(crossing.threshold)),
                        ("direction", .string(crossing.down ? "down" : "up")),
                        ("value", .number(crossing.value)),
                    ]))
        }
    }
}
