// LimitOptions: `--max-instructions` and `--max-memory`, the limits of a scenario's Lua state —
// declared once for every subcommand that runs a scenario.
import LuaBridge

enum LimitOptions {
    static var all: [Option<ScenarioLimits>] {
        [
            .value(
                "--max-instructions", FlagValue.count(minimum: 1).map(Int64.init),
                help: "Lua instruction budget per run (default \(ScenarioLimits.defaultMaxInstructions))",
                \.maxInstructions),
            .value(
                "--max-memory", .bytes,
                help: "memory cap of a run's Lua state, e.g. 64M "
                    + "(default \(ScenarioLimits.defaultMaxMemory >> 20)M)",
                \.maxMemory),
            .value(
                "--max-seconds", .count(minimum: 1, maximum: 1_000_000),
                help: "wall-clock backstop per run, for work the budget cannot see "
                    + "(default \(ScenarioLimits.defaultMaxSeconds))",
                \.maxSeconds),
        ]
    }
}
