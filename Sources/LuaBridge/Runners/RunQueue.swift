// RunQueue: hands a batch's runs to workers and emits the finished records in run order, holding
// back those that finish early.
import Foundation
import SimBatch

/// Hands out positions in the plan and puts the finished records back in order. A worker may run
/// ahead of the oldest unfinished run by at most `window` runs, so the buffer stays small.
final class RunQueue: @unchecked Sendable {
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
