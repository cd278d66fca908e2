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
    /// Every force's strength at tick 0, then each change at the tick it was seen: kept for a report's
    /// map when `recordsForceChanges` (a batch row does not need it).
    package private(set) var forceChanges: [ForceChange] = []
    package var recordsForceChanges = false
    /// Called with the bytes each tick's force changes take before they are kept: a host that caps
    /// the run's memory throws once they pass the cap.
    package var chargeForceChanges: (_ bytes: Int) throws(RunFailure) -> Void = { _ in }
    /// The forces at the last recorded tick, to find what changed since.
    private var recordedForces: [Double] = []
    /// The thresholds `thresholdSides` is kept for; a change of thresholds starts them afresh.
    private var watchedThresholds: [Double] = []
    /// `thresholdSides[(i * n + j) * T + k]`: where pair (i, j) stands against threshold k — ±1
    /// above or below since the start, ±2 since a crossing up or down, after which a crossing back
    /// must pass the threshold by `hysteresis`.
    private var thresholdSides: [Int8] = []
    /// `crossingBelow[p]`, `crossingAbove[p]`: pair p crosses some threshold down when its alignment
    /// is at or below the first, up when it is above the second (±∞ when it can cross none that way),
    /// from its sides and the margin `crossingMargin`. A tick compares each pair with these two
    /// values only, and looks at its thresholds one by one when one of them is passed.
    private var crossingBelow: [Double] = []
    private var crossingAbove: [Double] = []
    private var crossingMargin = 0.0

    package init(world: World, hooks: ScenarioHooks) {
        self.world = world
        self.hooks = hooks
        metrics = hooks.metricNames.map { _ in [] }
    }

    /// Makes room for the recording of `ticks` ticks at once, so the recording never holds more
    /// than it needs (arrays grown by doubling may hold twice that); for a host that bounds the
    /// recording before the run.
    package func reserveRecording(ticks: Int) {
        for m in metrics.indices { metrics[m].reserveCapacity(ticks + 1) }
        if recordsDigests { digests.reserveCapacity(ticks + 1) }
    }

    /// Runs up to `steps` ticks, then evaluates the outcomes. Whatever was computed before a
    /// failure stays in `metrics` and `world`.
    package func run(steps: Int) -> RunStatus {
        do throws(RunFailure) {
            world.beginRun()
            watchThresholds()
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
        if recordsForceChanges { try recordForceChanges() }
    }

    /// Appends a `ForceChange` for every force whose strength differs from the last tick recorded
    /// (at tick 0, from none: every force there is).
    private func recordForceChanges() throws(RunFailure) {
        let forces = world.forces, regionCount = world.regionCount
        if recordedForces.count != forces.count {
            try chargeForceChanges(forces.count * MemoryLayout<Double>.stride)
            recordedForces = [Double](repeating: 0, count: forces.count)
        }
        let before = forceChanges.count
        for p in forces.indices where forces[p] != recordedForces[p] {
            recordedForces[p] = forces[p]
            forceChanges.append(
                ForceChange(tick: world.tick, agent: p / regionCount, region: p % regionCount, strength: forces[p]))
        }
        let added = forceChanges.count - before
        if added > 0 { try chargeForceChanges(added * MemoryLayout<ForceChange>.stride) }
    }

    /// Takes each pair's side of each threshold in force from its alignment now.
    private func watchThresholds() {
        watchedThresholds = world.dynamics.effectiveThresholds
        let t = watchedThresholds.count
        thresholdSides = [Int8](repeating: 1, count: world.alignment.count * t)
        for p in world.alignment.indices {
            for k in 0..<t where world.alignment[p] <= watchedThresholds[k] { thresholdSides[p * t + k] = -1 }
        }
        setCrossingLevels()
    }

    /// Sets every pair's `crossingBelow` and `crossingAbove` for the hysteresis in force.
    private func setCrossingLevels() {
        crossingMargin = world.dynamics.hysteresis
        let count = world.alignment.count
        crossingBelow = [Double](repeating: -.infinity, count: count)
        crossingAbove = [Double](repeating: .infinity, count: count)
        let n = world.agentCount
        for p in 0..<count where p / n != p % n { setCrossingLevels(p) }
    }

    /// The levels past which pair p crosses a threshold: the highest at or below which some
    /// threshold it stands above is crossed down, the lowest above which some threshold it stands
    /// below is crossed up. Each level is the very value the crossing test compares with.
    private func setCrossingLevels(_ p: Int) {
        let t = watchedThresholds.count, margin = crossingMargin
        var below = -Double.infinity, above = Double.infinity
        for k in 0..<t {
            let side = thresholdSides[p * t + k], threshold = watchedThresholds[k]
            if side > 0 {
                below = max(below, threshold - (side == 2 ? margin : 0))
            } else {
                above = min(above, threshold + (side == -2 ? margin : 0))
            }
        }
        crossingBelow[p] = below
        crossingAbove[p] = above
    }

    /// A `threshold` event for every ordered pair whose alignment crossed a threshold since the
    /// last check: down when it falls to the threshold or below, up when it rises above it. A
    /// crossing back — up after a crossing down, or down after one up — counts only once the value
    /// is `hysteresis` past the threshold, so noise around it is not a timeline of escalations.
    /// A hysteresis changed during the run applies from the next check, to pairs that moved and
    /// pairs that did not. Every pair is compared with its two levels; only those past one are
    /// looked at threshold by threshold.
    private func recordThresholdCrossings() {
        if !world.dynamics.thresholdsAre(watchedThresholds) {
            watchThresholds()
        } else if world.dynamics.hysteresis != crossingMargin {
            setCrossingLevels()
        }
        var passed: [Int] = []
        world.alignment.withUnsafeBufferPointer { a in
            crossingBelow.withUnsafeBufferPointer { below in
                crossingAbove.withUnsafeBufferPointer { above in
                    for p in 0..<a.count where a[p] <= below[p] || a[p] > above[p] { passed.append(p) }
                }
            }
        }
        guard !passed.isEmpty else { return }
        let t = watchedThresholds.count
        let margin = world.dynamics.hysteresis
        let n = world.agentCount
        var crossings: [(from: Int, to: Int, threshold: Double, down: Bool, value: Double)] = []
        for p in passed {
            let value = world.alignment[p]
            for k in 0..<t {
                let side = thresholdSides[p * t + k], threshold = watchedThresholds[k]
                if side > 0 && value <= threshold - (side == 2 ? margin : 0) {
                    thresholdSides[p * t + k] = -2
                    crossings.append((p / n, p % n, threshold, true, value))
                } else if side < 0 && value > threshold + (side == -2 ? margin : 0) {
                    thresholdSides[p * t + k] = 2
                    crossings.append((p / n, p % n, threshold, false, value))
                }
            }
            setCrossingLevels(p)
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
