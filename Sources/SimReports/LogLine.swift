// LogLine: one line a scenario wrote with sim.log, with its tick.
import SimSupport

/// A line of `sim.log`.
public struct LogLine: Sendable, Equatable {
    public var tick: Int
    public var text: String

    public init(tick: Int, text: String) {
        self.tick = tick
        self.text = text
    }
}
