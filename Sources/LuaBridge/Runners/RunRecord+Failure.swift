// RunRecord+Failure: how a failed run is recorded — the one mapping from a failure's kind to a
// record's status, for runs that failed to load and runs that failed while stepping.
import SimBatch
import SimCore

extension RunRecord {
    /// Marks the run failed with `failure`'s message: status `limit` for a spent budget or a full
    /// memory cap, `error` for anything else.
    mutating func fail(_ failure: RunFailure) {
        status = failure.kind == .limit ? .limit : .error
        error = failure.message
    }
}
