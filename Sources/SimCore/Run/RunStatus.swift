// RunStatus: how a run ended — completed, stopped by the scenario, or failed.

/// How a run ended.
package enum RunStatus: Sendable, Equatable {
    case completed
    case stopped(reason: String)
    case failed(RunFailure)

    package var label: String {
        switch self {
        case .completed: return "ok"
        case .stopped: return "stopped"
        case .failed(let failure): return failure.kind.rawValue
        }
    }
}
