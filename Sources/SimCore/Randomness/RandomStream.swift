// RandomStream: the names of a run's random streams. Paired comparisons need an extra draw in one
// place (a policy, a script hook) to leave every other draw where it was, so each consumer draws
// from a stream of its own, derived from the run seed and the stream's name.

/// Indices into `World.randomStreams`.
public enum RandomStream {
    /// The built-in combat's noise factors (stream name `combat`).
    public static let combat = 0
    /// Draws of the script outside policies: setup, `at`, `every`, `when`, event handlers,
    /// metrics and outcomes (stream name `script`).
    public static let script = 1

    /// The stream of agent `agent`'s policies (stream name `policy:<agent id>`).
    public static func policy(of agent: Int) -> Int { 2 + agent }
}

extension World {
    /// Runs `body` on the stream the script draws from now.
    @inline(__always)
    public func drawScript<T>(_ body: (inout RandomSource) -> T) -> T {
        body(&randomStreams[scriptStream])
    }
}
