// SetupSnapshot: a scenario as it stood at the end of its setup — the Lua heap, the world, what the
// setup registered — kept by a batch worker so that its next runs of the same request start from
// there instead of running the setup again. Setup reads nothing of a run but its request and its
// seed, and the seed only through the random streams: a setup that drew from none declared the same
// world under every seed, so the runs that differ only by seed can share it. Each run still gets its
// own copy of everything, as a run that ran the setup would have it, counts of the limits included.
import SimCore

/// The end of one request's setup, restored for runs of the same request under other seeds.
final class SetupSnapshot {
    /// What a run must share with the snapshot's to start from it: everything of its request but
    /// the seed.
    struct Key: Equatable {
        let file: String
        let libraries: [String]
        let steps: Int?
        let limits: ScenarioLimits
        let overrideNames: [String]
        let overrideValues: [ParamOverride]

        init(_ request: RunRequest) {
            file = request.file
            libraries = request.libraries
            steps = request.steps
            limits = request.limits
            overrideNames = request.overrides.map(\.0)
            overrideValues = request.overrides.map(\.1)
        }
    }

    let key: Key
    private let template: SandboxTemplate
    private let image: SandboxTemplate.Image
    private let longPaths: [String: String]
    /// The world as setup left it, never run: each run takes a copy under its own seed.
    private let world: World
    private let setup: BindingContext.Setup
    private let declaration: ScenarioDeclaration
    private let overrides: [(String, ScalarValue)]

    /// The snapshot of a scenario whose setup just ran for `request` in a state of `cache`'s
    /// sandbox. Nil when runs cannot share it: the setup drew random numbers, part of the heap is
    /// outside the worker's arena, or the state is not the sandbox the cache restores.
    init?(of scenario: LoadedScenario, request: RunRequest, cache: ScenarioCache) {
        let context = scenario.context
        guard let template = context.lua.template, cache.holds(template),
            context.world.events.isEmpty, context.observed.isEmpty, context.paramError == nil,
            context.firstUnchargedEvent == 0,
            let world = context.world.copy(seed: context.world.seed),
            let image = template.capture()
        else { return nil }
        key = Key(request)
        self.template = template
        self.image = image
        longPaths = context.lua.longPaths
        self.world = world
        setup = context.setup
        declaration = scenario.declaration
        overrides = scenario.overrides
    }

    /// Bytes of the Lua heap it holds.
    var heapBytes: Int { image.size }

    /// The scenario at the end of its setup for a run of the same request with `seed`; nil when the
    /// template is held by another run or was replaced (then the run sets up as usual).
    func restore(seed: UInt64, cache: ScenarioCache) -> LoadedScenario? {
        guard !template.isInUse, cache.holds(template), let world = world.copy(seed: seed) else { return nil }
        let lua = LuaState(restoring: image, of: template, longPaths: longPaths, cache: cache)
        let context = BindingContext(restoring: setup, lua: lua, world: world)
        SimBindings.attach(context)
        return LoadedScenario(context: context, declaration: declaration, overrides: overrides)
    }
}
