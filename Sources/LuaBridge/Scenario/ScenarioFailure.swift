// ScenarioFailure: why a scenario could not be loaded or run — the user's mistake (a missing
// file, a bad `--param`) or the scenario's (a Lua error, a failed check, a limit reached).
import SimCore

/// Why a scenario could not be loaded or run.
package enum ScenarioFailure: Error, Sendable {
    /// The main scenario file does not exist or cannot be read.
    case fileNotFound(String)
    /// A `--param` that names no param, or a value that does not fit it.
    case usage(String)
    /// A syntax error, a wrong call, a failed validation, or a limit reached.
    case scenario(RunFailure)

    package var message: String {
        switch self {
        case .fileNotFound(let m), .usage(let m): return m
        case .scenario(let failure): return failure.message
        }
    }

    /// The failure as a run's: a limit reached while loading stays a limit, anything else is an
    /// error.
    var runFailure: RunFailure {
        if case .scenario(let failure) = self { return failure }
        return RunFailure(.error, message)
    }
}
