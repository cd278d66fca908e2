// RandomStream: the names of a run's random streams. Paired comparisons need an extra draw in one
// place (a policy, a script hook) to leave every other draw where it was, so each consumer draws
// from a stream of its own, derived from the run seed and the stream's name.

/// Indices into `World.randomStreams`.
package enum RandomStream {
    /// The built-in combat's noise factors (stream name `combat`).
    package static let combat = 0
    /// Draws of the script outside policies: setup, `at`, `every`, `when`, event handlers,
    /// metrics and outcomes (stream name `script`).
    package static let script = 1

    /// The stream of agent `agent`'s policies (stream name `policy:<agent id>`).
    package static func policy(of agent: Int) -> Int { 2 + agent }
}
