// BatchCommand+Adaptive: an adaptive batch (`--precision`) run round by round — each round's runs
// on the worker threads, then every point still running stops or goes on, decided on that complete
// round alone; a resumed file's rows are replayed through the same rounds first.
import LuaBridge
import SimBatch

extension BatchCommand {
    /// Runs the rounds until every point has stopped, or a stop is requested. `kept` are the rows a
    /// resumed file holds: they must be the rounds' runs in order, and are counted before any new run.
    /// Each new record goes to `sink` as it finishes. Returns how many runs it did.
    func runRounds(
        _ rounds: inout AdaptiveRounds, kept: [RunRecord], flow: BatchFlow, stop: BatchStop, sink: RunSink,
        tick: () -> Void
    ) throws(CLIError) -> Int {
        var replayed = 0
        var emitted = 0
        while !rounds.isFinished {
            let runs = rounds.runs
            let keptHere = kept.dropFirst(replayed).prefix(runs.count)
            guard keptHere.map(\.run) == Array(runs.prefix(keptHere.count)) else {
                throw CLIError(
                    "--resume: the rows of \(output.out ?? "--out") are not this batch's rounds in order", .usage)
            }
            for record in keptHere { rounds.add(record) }
            replayed += keptHere.count
            let missing = Array(runs.dropFirst(keptHere.count))
            if !missing.isEmpty {
                let collected = RecordCollector()
                let plan = flow.plan(
                    rounds.design, runs: missing, jobs: jobs, keepMetrics: keepMetrics, keepTrace: keepTrace)
                emitted += BatchRunner.run(plan, stop: stop, tick: tick) { record in
                    sink.write(record)
                    collected.add(record)
                }
                for record in collected.records { rounds.add(record) }
                // An interrupted or failed-fast round is not complete: nothing is decided on it.
                if stop.isRequested { return emitted }
            }
            rounds.closeRound()
        }
        guard replayed == kept.count else {
            throw CLIError("--resume: \(output.out ?? "--out") holds more rows than this batch's rounds", .usage)
        }
        return emitted
    }
}
