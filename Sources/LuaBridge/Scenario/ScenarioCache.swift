// ScenarioCache: what a batch worker reads and compiles once and reuses for every run — the
// scenario's source files, the compiled form of each chunk (the sandbox prelude included), and the
// sandbox itself, saved once and restored for each run (SandboxTemplate). Each run still starts
// from a clean sandbox; only the reading, parsing and building are saved. A single run has a cache
// of its own, so every run loads its chunks and its sandbox the same way.
import SimCore

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
    /// The sandbox each run starts from, restored rather than built again.
    private var template: SandboxTemplate?
    /// Whether runs keep their setup for the next run of the same request (a batch worker's runs):
    /// taking the snapshot copies the heap, which pays only when another run restores it.
    let keepsSetups: Bool
    /// The last setup kept, and the request of the last setup run.
    var setup: SetupSnapshot?
    var lastSetupKey: SetupSnapshot.Key?
    /// Runs that started from `setup` instead of setting up.
    var setupsRestored = 0

    init(keepsSetups: Bool = false) {
        self.keepsSetups = keepsSetups
    }

    /// Whether `template` is the sandbox this cache restores.
    func holds(_ template: SandboxTemplate) -> Bool { self.template === template }

    /// The template to restore for a run under `limits`: the kept one, unless it was made under
    /// other caps or a run still holds it (then one of its own, kept if the slot is free).
    func sandbox(for limits: ScenarioLimits) throws(RunFailure) -> SandboxTemplate {
        if let template, template.fits(limits), !template.isInUse { return template }
        let made = try SandboxTemplate.make(capacity: limits, cache: self)
        if template?.isInUse != true { template = made }
        return made
    }
}
