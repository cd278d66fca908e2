// InterruptWatch: turns Ctrl-C and SIGTERM into a request to stop a batch cleanly — runs in
// progress finish and are written, no new run starts.
import Foundation
import LuaBridge

final class InterruptWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var sources: [DispatchSourceSignal] = []

    init(stop: BatchStop) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.lock.withLock { self?.fired = true }
                stop.request()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Whether a signal asked the batch to stop.
    var interrupted: Bool { lock.withLock { fired } }
}
