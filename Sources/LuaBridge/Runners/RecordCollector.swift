// RecordCollector: gathers a batch's records as the runner emits them, for a command that wants
// them all at the end (compare's paired runs) rather than streamed to a file.
import Foundation
import SimBatch

/// The records, in run order: the runner emits in order and never two at once.
package final class RecordCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [RunRecord] = []

    package init() {}

    package func add(_ record: RunRecord) { lock.withLock { collected.append(record) } }

    package var records: [RunRecord] { lock.withLock { collected } }

    /// How many records have come so far, for a progress line.
    package var count: Int { lock.withLock { collected.count } }
}
