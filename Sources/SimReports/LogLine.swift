// LogLine: one line a scenario wrote with sim.log, with its tick.
import SimSupport

/// A line of `sim.log`.
package struct LogLine: Sendable, Equatable {
    package var tick: Int
    package var text: String

    package init(tick: Int, text: String) {
        self.tick = tick
        self.text = text
    }
}
