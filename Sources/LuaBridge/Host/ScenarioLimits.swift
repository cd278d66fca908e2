// ScenarioLimits: the caps a run's script may spend up to — Lua instructions and memory — chosen
// on the command line and enforced by LuaState and the C shim.

/// Per-run caps on what a script may spend.
package struct ScenarioLimits: Sendable, Equatable {
    /// Lua VM instructions per run, enforced every `SIMRUN_HOOK_STEP` instructions.
    package var maxInstructions: Int64
    /// Bytes the Lua state may hold.
    package var maxMemory: Int

    package static let defaultMaxInstructions: Int64 = 200_000_000
    package static let defaultMaxMemory = 256 << 20

    package init(
        maxInstructions: Int64 = ScenarioLimits.defaultMaxInstructions,
        maxMemory: Int = ScenarioLimits.defaultMaxMemory
    ) {
        self.maxInstructions = maxInstructions
        self.maxMemory = maxMemory
    }
}
