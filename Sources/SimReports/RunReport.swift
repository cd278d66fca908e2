// RunReport: everything one run produced, gathered for writing — the scenario's identity, the
// params, rates and seed in force, the final world (copied out), metrics, outcomes, log and predicted coalitions.
import SimCore

/// One run's results, ready to be written as JSON, text or HTML: a value, kept after the run's world is gone.
package struct RunReport: Sendable {
    /// Version of the JSON layout; bump it when a field changes meaning or goes away.
    package static let schemaVersion = 1

    package var simrunVersion: String
    package var scenario: ScenarioInfo
    package var seed: UInt64
    package var params: [(String, ScalarValue)]
    /// The rates in force after setup. Hooks may change them part-way (`sim.dynamics`): the final
    /// world holds the last ones.
    package var dynamics: Dynamics
    /// Ticks asked for.
    package var steps: Int
    package var status: RunStatus
    /// The world as the run left it.
    package var world: FinalWorld
    package var metricNames: [String]
    /// `metrics[m][t]`: metric m after t ticks.
    package var metrics: [[Double]]
    /// `digests[t]`: the state's fingerprint after t ticks (where two runs first differ).
    package var digests: [StateDigest]
    package var outcomes: [(String, ScalarValue)]
    /// Each fact of the historical record the scenario declares (`sim.observed`), and whether this
    /// run reproduced it.
    package var observed: [(String, Bool)]
    package var log: [LogLine]
    /// Every force at tick 0, then each change at the tick it happened, in tick order: what the
    /// page's map steps through. Empty for runs that did not record it (batch rows, older reports).
    package var forceChanges: [ForceChange]
    /// Predicted blocs at the end (every agent weighing 1).
    package var coalitions: Coalitions

    /// A report of the run that left `world`. `dynamics` are the rates in force after setup; nil
    /// takes the world's, the same unless a hook changed them.
    package init(
        simrunVersion: String, scenario: ScenarioInfo, seed: UInt64,
        params: [(String, ScalarValue)], steps: Int, status: RunStatus, world: World, dynamics: Dynamics? = nil,
        metricNames: [String], metrics: [[Double]], digests: [StateDigest] = [],
        outcomes: [(String, ScalarValue)], observed: [(String, Bool)] = [], log: [LogLine],
        forceChanges: [ForceChange] = []
    ) {
        self.simrunVersion = simrunVersion
        self.scenario = scenario
        self.seed = seed
        self.params = params
        self.dynamics = dynamics ?? world.dynamics
        self.steps = steps
        self.status = status
        self.world = FinalWorld(world)
        self.metricNames = metricNames
        self.metrics = metrics
        self.digests = digests
        self.outcomes = outcomes
        self.observed = observed
        self.log = log
        self.forceChanges = forceChanges
        self.coalitions = world.coalitions(sizes: [Double](repeating: 1, count: world.agentCount))
    }
}
