// RunSink: where a batch's records go as they finish — each written as a row of the runs file at
// once, counted, and added to the summary; the first failed run stops the batch under --fail-fast.
import Foundation
import LuaBridge
import SimBatch

/// Writes records in order as they arrive, keeps the counts and the summary. `write` is called by
/// one worker at a time (BatchRunner never overlaps its calls).
final class RunSink: @unchecked Sendable {
    private let header: RunsHeader
    private let format: RunsFormat
    private let output: FileHandle
    private let path: String?
    private let failFast: Bool
    private let stop: BatchStop
    private let lock = NSLock()
    private(set) var summary: BatchSummary?
    private var written = 0
    private(set) var failed = 0
    /// The row that could not be written; the batch stops there.
    private(set) var writeError: CLIError?

    init(
        header: RunsHeader, format: RunsFormat, output: FileHandle, path: String?, summary: BatchSummary?,
        failFast: Bool, stop: BatchStop
    ) {
        self.header = header
        self.format = format
        self.output = output
        self.path = path
        self.summary = summary
        self.failFast = failFast
        self.stop = stop
    }

    var count: Int { lock.withLock { written } }

    func write(_ record: RunRecord) {
        do throws(CLIError) {
            try OutputFile.write(header.row(record, format), to: output, path: path)
        } catch {
            lock.withLock { writeError = error }
            stop.request()
            return
        }
        lock.withLock {
            written += 1
            summary?.add(record)
            if record.status != .ok {
                failed += 1
                if failFast { stop.request() }
            }
        }
    }
}
