// BatchStop: a request, shared between threads, to stop taking new runs of a batch.
import Foundation

/// A request to stop taking new runs: Ctrl-C, SIGTERM, or the first failure with `--fail-fast`.
package final class BatchStop: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    package init() {}

    package func request() { lock.withLock { requested = true } }
    package var isRequested: Bool { lock.withLock { requested } }
}
