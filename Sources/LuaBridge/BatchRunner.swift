// BatchRunner: the runs of a batch on worker threads. Each worker keeps one ScenarioCache (the
// scenario read and compiled once) and gives every run a fresh sandbox; the records come back
// through a reorder buffer in run order, whatever the number of workers.
import Foundation
import SimCore
import SimBatch
import SimReports

/// What a batch is asked to run.
public struct BatchPlan: Sendable {
    public var file: String
    public var design: BatchDesign
    public var limits: ScenarioLimits
    /// Run indices to do, ascending: a shard's, less those a resumed file already holds.
    public var runs: [Int]
    public var jobs: Int
    /// Keep each metric's final value in the records.
    public var keepMetrics: Bool
    /// Keep each metric's whole series in the records.
    public var keepTrace: Bool

    public init(file: String, design: BatchDesign, limits: ScenarioLimits, runs: [Int], jobs: Int,
                keepMetrics: Bool, keepTrace: Bool) {
        self.file = file
        self.design = design
        self.limits = limits
        self.runs = runs
        self.jobs = jobs
        self.keepMetrics = keepMetrics
        self.keepTrace = keepTrace
    }
}

/// A request to stop taking new runs: Ctrl-C, SIGTERM, or the first failure with `--fail-fast`.
public final class BatchStop: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public func request() { lock.withLock { requested = true } }
    public var isRequested: Bool { lock.withLock { requested } }
}

public enum BatchRunner {
    /// Runs the plan and calls `emit` once per finished run, in the order of `plan.runs`, from
    /// whichever worker completed the run that was next; `emit` calls never overlap. Workers stop
    /// taking runs once `stop` is requested. `tick` is called on this thread a few times a second.
    /// Returns how many runs were emitted.
    public static func run(_ plan: BatchPlan, stop: BatchStop, tick: () -> Void,
                           emit: @escaping @Sendable (RunRecord) -> Void) -> Int {
        let queue = RunQueue(count: plan.runs.count, window: max(4, plan.jobs * 8), stop: stop, emit: emit)
        LuaThread.runAll(count: max(1, min(plan.jobs, plan.runs.count)), interval: 0.25, tick: tick) { _ in
            let cache = ScenarioCache()
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
        var record = RunRecord(run: run, seed: design.seed(ofRun: run), point: design.point(ofRun: run),
                               params: overrides, status: .ok, outcomes: [])
        let request = RunRequest(file: plan.file, seed: record.seed, steps: design.steps,
                                 params: overrides.map { ($0.0, $0.1.description) }, limits: plan.limits)
        let scenario: LoadedScenario
        do throws(ScenarioFailure) {
            scenario = try ScenarioLoader.load(request, cache: cache)
        } catch {
            if case .scenario(let failure) = error { record.status = failure.kind == .limit ? .limit : .error }
            else { record.status = .error }
            record.error = error.message
            return record
        }
        scenario.context.phase = .running
        let simulation = Simulation(world: scenario.world, hooks: scenario.context)
        simulation.recordsDigests = false
        let status = simulation.run(steps: scenario.steps)
        record.params = scenario.context.params.map { ($0.name, $0.value) }
        record.outcomes = simulation.outcomes
        switch status {
        case .completed: break
        case .stopped(let reason): record.stopped = reason
        case .failed(let failure):
            record.status = failure.kind == .limit ? .limit : .error
            record.error = failure.message
        }
        let names = scenario.context.metricNames
        if plan.keepMetrics {
            record.metrics = zip(names, simulation.metrics).compactMap { name, series in series.last.map { (name, $0) } }
        }
        if plan.keepTrace {
            record.trace = Array(zip(names, simulation.metrics))
        }
        return record
    }
}

/// Hands out positions in the plan and puts the finished records back in order. A worker may run
/// ahead of the oldest unfinished run by at most `window` runs, so the buffer stays small.
private final class RunQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private let stop: BatchStop
    private let emit: @Sendable (RunRecord) -> Void
    private var next = 0
    private var waiting: [Int: RunRecord] = [:]
    private var nextToEmit = 0

    init(count: Int, window: Int, stop: BatchStop, emit: @escaping @Sendable (RunRecord) -> Void) {
        self.count = count
        self.window = window
        self.stop = stop
        self.emit = emit
    }

    var emitted: Int { condition.withLock { nextToEmit } }

    /// The next position to run, or nil when all are taken or a stop was requested.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count, next - nextToEmit >= window, !stop.isRequested {
            condition.wait()
        }
        guard next < count, !stop.isRequested else { return nil }
        next += 1
        return next - 1
    }

    /// Stores a finished record and emits every record that is now next in order.
    func complete(_ position: Int, _ record: RunRecord) {
        condition.lock()
        defer { condition.unlock() }
        waiting[position] = record
        while let ready = waiting.removeValue(forKey: nextToEmit) {
            emit(ready)
            nextToEmit += 1
        }
        condition.broadcast()
    }
}
