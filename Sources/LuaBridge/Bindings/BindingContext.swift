// BindingContext: what the `sim.*` bindings work on — the Lua state, the World, the scenario's
// files and id tables, and the ScenarioDefinition being built — with the run's phase and log. The
// trampoline finds it through the Lua state; the bindings are its extensions in this folder, one
// file per section of docs/scenario-api.md, each a thin call into the engine.
import CLuaShim
import SimCore
import SimReports

/// The state the bindings of one scenario share, from the start of its setup to the end of its run.
final class BindingContext {
    enum Phase { case setup, running }

    let lua: LuaState
    let world: World
    let files: ScenarioFiles
    let ids: IDTables
    /// `ids`' lookups, held here as plain pointers: reading them through `ids` on every call
    /// retained and released the struct's two references.
    private let agentLookup: UnsafeMutablePointer<simrun_id_lookup>
    private let regionLookup: UnsafeMutablePointer<simrun_id_lookup>
    var phase = Phase.setup
    /// What the scenario registered so far.
    var definition = ScenarioDefinition()
    /// The request's param overrides, by name: `sim.param` applies them.
    let paramOverrides: [String: ParamOverride]
    /// The rates `--param dynamics.NAME=VALUE` pins: `sim.dynamics` cannot change them.
    let pinnedRates: [(DynamicsRate, Double)]
    /// Set when an override did not fit its param: the user's error, not the script's.
    var paramError: String?
    /// Agent ids named during setup that may be declared later: resolved when setup ends.
    var pendingReferences: [PendingReference] = []
    /// `sim.log` lines, for the report.
    var log: [LogLine] = []
    /// Each `sim.observed` fact and whether the run reproduced it, once the run has ended.
    var observed: [(String, Bool)] = []
    /// Index of the first event not yet counted against the memory cap.
    private(set) var firstUnchargedEvent = 0

    /// A context over `lua`, whose sandbox is installed: the id tables are made here.
    init(
        lua: LuaState, world: World, files: ScenarioFiles, paramOverrides: [String: ParamOverride],
        pinnedRates: [(DynamicsRate, Double)] = []
    ) {
        self.lua = lua
        self.world = world
        self.files = files
        self.paramOverrides = paramOverrides
        self.pinnedRates = pinnedRates
        ids = IDTables(lua: lua)
        agentLookup = ids.lookups.agents
        regionLookup = ids.lookups.regions
    }

    /// What a context holds at the end of a setup besides its state and world: all a run that
    /// restores the setup needs of it (SetupSnapshot).
    struct Setup {
        let files: ScenarioFiles
        let idReferences: [Int32]
        let definition: ScenarioDefinition
        let paramOverrides: [String: ParamOverride]
        let pinnedRates: [(DynamicsRate, Double)]
        let pendingReferences: [PendingReference]
        let log: [LogLine]
    }

    /// This context's setup, once it has ended.
    var setup: Setup {
        Setup(
            files: files, idReferences: ids.references, definition: definition, paramOverrides: paramOverrides,
            pinnedRates: pinnedRates, pendingReferences: pendingReferences, log: log)
    }

    /// A context at the end of `setup`, over `lua`, restored from that moment, and `world`, a copy of
    /// the world it declared: the run goes on as if it had run the setup. `SimBindings.attach` points
    /// the state at it.
    init(restoring setup: Setup, lua: LuaState, world: World) {
        self.lua = lua
        self.world = world
        files = setup.files
        ids = IDTables(lua: lua, references: setup.idReferences)
        agentLookup = ids.lookups.agents
        regionLookup = ids.lookups.regions
        definition = setup.definition
        paramOverrides = setup.paramOverrides
        pinnedRates = setup.pinnedRates
        pendingReferences = setup.pendingReferences
        log = setup.log
    }

    var L: OpaquePointer { lua.L }

    /// `file:line` of the Lua code calling the current binding.
    func callerLocation() -> String {
        simrun_where(L, 1)
        defer { simrun_pop(L, 1) }
        let location = lua.withPaths(lua.string(at: -1) ?? "")
        return location.hasSuffix(": ") ? String(location.dropLast(2)) : location
    }

    /// The arguments of a call into binding `binding` (its position in `SimBindings.all`).
    func arguments(for binding: Int32) -> LuaArguments {
        LuaArguments(lua: lua, binding: binding, agents: agentLookup, regions: regionLookup)
    }

    /// Fails unless the scenario is still setting up: the world's shape is fixed once it runs.
    func requireSetup(_ args: LuaArguments) throws(BindingError) {
        guard phase == .setup else {
            throw args.fail("only allowed while the scenario sets up, not in hooks")
        }
    }

    /// Counts the events recorded since the last call against the memory cap: the host keeps them
    /// for the report. Called after every binding and before every dispatch, so that the engine's
    /// own events count too. Returns false once the cap is passed.
    @discardableResult
    func chargeNewEvents() -> Bool {
        var bytes = 0
        while firstUnchargedEvent < world.events.count {
            bytes += world.events[firstUnchargedEvent].approximateBytes
            firstUnchargedEvent += 1
        }
        return lua.charge(bytes: bytes)
    }

    /// A failure during setup: a bad `--param` is the user's, anything else the scenario's.
    func classify(_ failure: RunFailure) -> ScenarioFailure {
        paramError.map { .usage($0) } ?? .scenario(failure)
    }
}
