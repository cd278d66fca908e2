// BatchRunner: the runs of a batch on worker threads. Each worker keeps one ScenarioCache (the
// scenario read and compiled once, the end of its setup kept for runs that differ only by seed)
// and gives every run a fresh sandbox; the records come back through a reorder buffer (RunQueue) in
// run order, whatever the number of workers.
import SimBatch
import SimCore

package enum BatchRunner {
    /// Runs the plan and calls `emit` once per finished run, in the order of `plan.runs`, from
    /// whichever worker completed the run that was next; `emit` calls never overlap. Workers stop
    /// taking runs once `stop` is requested. `tick` is called on this thread a few times a second.
    /// Returns how many runs were emitted.
    package static func run(
        _ plan: BatchPlan, stop: BatchStop, tick: () -> Void,
        emit: @escaping @Sendable (RunRecord) -> Void
    ) -> Int {
        let queue = RunQueue(count: plan.runs.count, window: max(4, plan.jobs * 8), stop: stop, emit: emit)
        LuaThread.runAll(count: max(1, min(plan.jobs, plan.runs.count)), interval: 0.25, tick: tick) { _ in
            let cache = ScenarioCache(keepsSetups: true)
            while let position = queue.take() {
                queue.complete(position, BatchRunner.record(ofRun: plan.runs[position], plan, cache: cache))
            }
        }
        return queue.emitted
    }

    /// Runs one run of the design and describes it as a record. Must run on a large-stack thread.
    static func record(ofRun run: Int, _ plan: BatchPlan, cache: ScenarioCache) -> RunRecord {
        let design = plan.design
        let overrides = design.overrides(forRun: run)
        var record = RunRecord(
            run: run, seed: design.seed(ofRun: run), point: design.point(ofRun: run),
            params: overrides, status: .ok, outcomes: [])
        // The design's values are typed already: they reach the scenario as they are.
        let request = RunRequest(
            file: plan.file, seed: record.seed, steps: design.steps,
            overrides: overrides.map { ($0.0, .value($0.1)) }, limits: plan.limits, libraries: plan.libraries)
        let scenario: LoadedScenario
        do throws(ScenarioFailure) {
            scenario = try ScenarioLoader.load(request, cache: cache)
        } catch {
            record.fail(error.runFailure)
            record.accepted = design.accepts(status: record.status, observed: [])
            return record
        }
        let (simulation, status) = scenario.run(forReport: false)
        record.params = scenario.params
        record.outcomes = simulation.outcomes
        record.observed = scenario.context.observed
        record.clashes = RunRecord.clashes(in: scenario.world)
        switch status {
        case .completed: break
        case .stopped(let reason): record.stopped = reason
        case .failed(let failure): record.fail(failure)
        }
        record.accepted = design.accepts(status: record.status, observed: record.observed)
        let names = scenario.definition.metricNames
        if plan.keepMetrics {
            record.metrics = zip(names, simulation.metrics).compactMap { name, series in
                series.last.map { (name, $0) }
            }
        }
        if plan.keepTrace {
            record.trace = Array(zip(names, simulation.metrics))
        }
        return record
    }
}
