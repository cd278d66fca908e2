// ScenarioLimits: the caps a run's script may spend up to — Lua instructions and memory — chosen
// on the command line and enforced by LuaState and the C shim.

/// Per-run caps on what a script may spend.
public struct ScenarioLimits: Sendable, Equatable {
    /// Lua VM instructions per run, enforced every `SIMRUN_HOOK_STEP` instructions.
    public var maxInstructions: Int64
    /// Bytes the Lua state may hold.
    public var maxMemory: Int

    public static let defaultMaxInstructions: Int64 = 200_000_000
    public static let defaultMaxMemory = 256 << 20

    public init(
        maxInstructions: Int64 = ScenarioLimits.defaultMaxInstructions,
        maxMemory: Int = ScenarioLimits.defaultMaxMemory
    ) {
        self.maxInstructions = maxInstructions
        self.maxMemory = maxMemory
    }
}
