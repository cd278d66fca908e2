// ScenarioLimits: the caps a run's script may spend up to — Lua instructions and memory — chosen
// on the command line and enforced by LuaState and the C shim.

/// Per-run caps on what a script may spend.
package struct ScenarioLimits: Sendable, Equatable {
    /// Lua VM instructions per run, enforced every `SIMRUN_HOOK_STEP` instructions.
    package var maxInstructions: Int64
    /// Bytes the Lua state may hold.
    package var maxMemory: Int
    /// Seconds of wall-clock time a run's Lua may take: a backstop for the few single VM
    /// instructions whose work the budget cannot count (docs/security.md); no legitimate run comes
    /// near it, and a run stopped by it is the one result that depends on the machine.
    package var maxSeconds: Int

    package static let defaultMaxInstructions: Int64 = 200_000_000
    package static let defaultMaxMemory = 256 << 20
    package static let defaultMaxSeconds = 120

    package init(
        maxInstructions: Int64 = ScenarioLimits.defaultMaxInstructions,
        maxMemory: Int = ScenarioLimits.defaultMaxMemory, maxSeconds: Int = ScenarioLimits.defaultMaxSeconds
    ) {
        self.maxInstructions = maxInstructions
        self.maxMemory = maxMemory
        self.maxSeconds = maxSeconds
    }
}
