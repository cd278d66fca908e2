// SandboxTemplate: the sandbox every run of a worker starts from, built once and copied back before
// each run. The state, its libraries and the prelude are made in an arena (CLuaShim/Arena.c) exactly
// as a state of their own would be, then saved with the limits' counts; each run restores those
// bytes, so it begins in the same clean sandbox, with the same memory and instruction counts, and
// nothing a previous run did to globals, metatables or library tables survives.
import CLua
import CLuaShim
import SimCore

/// A saved sandbox, restored for one run at a time.
final class SandboxTemplate {
    /// Address space reserved for the heap: backed only where runs write, and a run that needs more
    /// takes the rest from malloc, so no run is refused memory it would have had.
    static let arenaCapacity = 64 << 20

    /// The limits the sandbox was made under: its memory and instruction counts are theirs.
    let capacity: ScenarioLimits
    let L: OpaquePointer
    let limits: UnsafeMutablePointer<simrun_limits>
    private let arena: OpaquePointer
    /// Whether a run's LuaState holds the state: from `restore()` until that LuaState is gone.
    private(set) var isInUse = false

    private init(capacity: ScenarioLimits, arenaCapacity: Int) {
        self.capacity = capacity
        guard let arena = simrun_arena_create(arenaCapacity) else { fatalError("cannot reserve a Lua heap") }
        self.arena = arena
        limits = .allocate(capacity: 1)
        limits.initialize(to: simrun_limits())
        limits.pointee.memory_limit = capacity.maxMemory
        limits.pointee.instruction_limit = capacity.maxInstructions
        limits.pointee.arena = arena
        guard let state = simrun_newstate(limits) else { fatalError("cannot allocate a Lua state") }
        L = state
        simrun_set_deadline(limits, Int64(capacity.maxSeconds))
    }

    deinit {
        // The state's objects hold nothing outside its heap: dropping the heap is closing it.
        simrun_arena_destroy(arena)
        limits.deinitialize(count: 1)
        limits.deallocate()
    }

    /// A state with the sandbox installed (`Sandbox.install`), saved for restoring. Throws what
    /// installing throws: a memory cap too small for the sandbox.
    static func make(
        capacity: ScenarioLimits, cache: ScenarioCache,
        arenaCapacity: Int = SandboxTemplate.arenaCapacity
    ) throws(RunFailure) -> SandboxTemplate {
        let template = SandboxTemplate(capacity: capacity, arenaCapacity: arenaCapacity)
        try Sandbox.install(in: LuaState(building: template, cache: cache))
        guard simrun_arena_save(template.arena, template.limits) == 0 else {
            fatalError("the sandbox does not fit its heap of \(arenaCapacity) bytes")
        }
        return template
    }

    /// Whether a run under `other` may start from this sandbox: the same caps. The deadline is set
    /// per run.
    func fits(_ other: ScenarioLimits) -> Bool {
        capacity.maxMemory == other.maxMemory && capacity.maxInstructions == other.maxInstructions
    }

    /// Puts the saved sandbox back for a run; `release()` once the run's state is gone.
    func restore() {
        precondition(!isInUse, "a sandbox restored under a run that still holds it")
        simrun_arena_restore(arena, limits)
        isInUse = true
    }

    func release() { isInUse = false }

    /// The heap and the limits' counts as they stand now, while a run holds the state: a scenario's
    /// state at the end of its setup (SetupSnapshot). Nil when part of the heap came from malloc.
    func capture() -> Image? {
        precondition(isInUse, "an image of a sandbox no run holds")
        return simrun_arena_capture(arena, limits).map(Image.init)
    }

    /// Puts an image of this template's heap back for a run, as `restore()` puts back the sandbox.
    func restore(_ image: Image) {
        precondition(!isInUse, "a sandbox restored under a run that still holds it")
        precondition(simrun_arena_image_arena(image.pointer) == arena, "an image of another heap")
        simrun_arena_restore_image(arena, image.pointer, limits)
        isInUse = true
    }

    /// A copy of the heap taken by `capture()`.
    final class Image {
        fileprivate let pointer: OpaquePointer

        fileprivate init(_ pointer: OpaquePointer) { self.pointer = pointer }

        deinit { simrun_arena_image_free(pointer) }

        /// Bytes of the heap it holds.
        var size: Int { simrun_arena_image_size(pointer) }
    }

    /// Bytes of the heap's range in use and the blocks taken from malloc, for tests.
    var arenaTop: Int { simrun_arena_top(arena) }
    var outsideBlocks: Int { simrun_arena_outside_blocks(arena) }
}
