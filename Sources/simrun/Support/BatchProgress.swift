// BatchProgress: the progress line of a batch on a terminal — runs done of the total, runs per
// second and the time left — redrawn in place a few times a second.
import Foundation

struct BatchProgress {
    private let total: Int
    private let alreadyDone: Int
    private let enabled: Bool
    private let started = DispatchTime.now()
    private var shown = false

    init(total: Int, alreadyDone: Int, enabled: Bool) {
        self.total = total
        self.alreadyDone = alreadyDone
        self.enabled = enabled
    }

    /// Redraws the line; called by the batch's waiting thread about four times a second.
    mutating func show(done: Int) {
        guard enabled else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let rate = seconds > 0 ? Double(done - alreadyDone) / seconds : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : nil
        let eta = left.map { String(format: "%d:%02d", $0 / 60, $0 % 60) } ?? "?"
        let line = "simrun: \(done)/\(total) runs  \(String(format: "%.0f", rate)) runs/s  ETA \(eta)"
        FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
        shown = true
    }

    /// Clears the line once the batch is over.
    mutating func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
