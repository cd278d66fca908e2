// ScenarioCache: what a batch worker reads and compiles once and reuses for every run — the
// scenario's source files and the compiled form of each chunk (the sandbox prelude included).
// Each run still gets a fresh Lua state and sandbox; only the reading and parsing are saved. A
// single run has a cache of its own, so every run loads its chunks the same way.

/// Source bytes and compiled chunks of one worker or one run. Not shared between threads.
final class ScenarioCache {
    /// File contents by resolved path, as first read.
    var sources: [String: [UInt8]] = [:]
    /// Resolved paths (symlinks followed) by the path they were resolved from: resolving asks the
    /// file system about every folder on the way.
    var resolvedPaths: [String: String] = [:]
    /// Display and resolved paths of each include, by including file and relative path.
    var includes: [String: (display: String, resolved: String, root: String)] = [:]
    /// Compiled chunks (`lua_dump` output with debug information) by resolved path, or `=name`
    /// for simrun's own.
    var compiled: [String: [UInt8]] = [:]

    init() {}
}
