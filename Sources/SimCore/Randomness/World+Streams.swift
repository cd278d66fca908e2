// World+Streams: which of the run's random streams the script draws from. A policy draws from its
// agent's own stream while it runs, so an extra draw in one policy leaves every other draw alone;
// the stream is switched here, inside the engine, never by a caller writing the world's state.

extension World {
    /// Runs `body` on the stream the script draws from now.
    @inline(__always)
    package func drawScript<T>(_ body: (inout RandomSource) -> T) -> T {
        body(&randomStreams[scriptStream])
    }

    /// Runs `body` with the script drawing from `stream` (a `RandomStream` index), then from the
    /// stream it drew from before. Not generic: the hook runner calls it once per policy per tick
    /// from another module, where an unspecialised generic would box its error and look up conformances.
    package func withScriptStream(_ stream: Int, _ body: () throws(RunFailure) -> Void) throws(RunFailure) {
        let previous = scriptStream
        scriptStream = stream
        defer { scriptStream = previous }
        try body()
    }
}
