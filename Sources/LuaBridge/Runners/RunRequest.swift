// RunRequest: what one run of a scenario is asked to do — the file, the seed, the steps, the
// params to override and the limits. The command line gives params as text; a batch design gives
// them typed, and they reach the scenario as they are.

/// What a run is asked to do.
package struct RunRequest: Sendable {
    package var file: String
    package var seed: UInt64
    /// Overrides the scenario's `steps`.
    package var steps: Int?
    /// Params to override, by name, in the order given.
    package var overrides: [(String, ParamOverride)]
    package var limits: ScenarioLimits
    /// Library folders `sim.include` also searches, in order (`--lib`, then `SIMRUN_PATH`).
    package var libraries: [String]

    package init(
        file: String, seed: UInt64 = 1, steps: Int? = nil, overrides: [(String, ParamOverride)] = [],
        limits: ScenarioLimits = ScenarioLimits(), libraries: [String] = []
    ) {
        self.file = file
        self.seed = seed
        self.steps = steps
        self.overrides = overrides
        self.limits = limits
        self.libraries = libraries
    }

    /// A request with the `--param NAME=VALUE` texts of a command line, in command-line order.
    package init(
        file: String, seed: UInt64 = 1, steps: Int? = nil, params: [(String, String)],
        limits: ScenarioLimits = ScenarioLimits(), libraries: [String] = []
    ) {
        self.init(
            file: file, seed: seed, steps: steps, overrides: params.map { ($0.0, .text($0.1)) },
            limits: limits, libraries: libraries)
    }
}
