// ScenarioContext: what one scenario registered with `sim.*` — its declaration, params, hooks,
// metrics, outcomes and log — bound to one Lua state and one World. It is the engine's
// ScenarioHooks: SimCore calls it at the documented points of each tick.
import CLua
import CLuaShim
import SimCore
import SimReports

/// A parameter a scenario declared, with the value in force.
public struct ParamDeclaration: Sendable, Equatable {
    public var name: String
    public var value: ScalarValue
    public var defaultValue: ScalarValue
    public var min: Double?
    public var max: Double?
    public var doc: String?

    /// Whether the param takes numbers (integers or not).
    public var isNumeric: Bool { ParamValue.number(defaultValue) != nil }

    /// "below its min 0" or "above its max 10" when `value` is a number outside the declared
    /// range; nil inside it or for other types.
    public func outsideRange(_ value: ScalarValue) -> String? {
        guard let number = ParamValue.number(value) else { return nil }
        if let min, number < min { return "below its min \(ParamValue.bound(min))" }
        if let max, number > max { return "above its max \(ParamValue.bound(max))" }
        return nil
    }
}

/// What `sim.scenario{...}` declared.
struct ScenarioDeclaration {
    var name: String
    var description: String
    var start: SimDate
    var steps: Int?
    var source: String?
    var tickDays: Double
}

/// An agent id a declaration named, resolved once setup is over.
struct PendingReference {
    enum Role {
        case country(region: Int)
        case patron(agent: Int)

        /// Makes `agent` the region's country or the agent's patron.
        func set(_ agent: Int, in world: World) {
            switch self {
            case .country(let region): world.setCountry(ofRegion: region, to: agent)
            case .patron(let client): world.setPatron(ofAgent: client, to: agent)
            }
        }
    }

    var role: Role
    var agentID: String
    /// `file:line` of the declaration.
    var origin: String

    /// Sets the reference in the world, or says what is wrong with it.
    func resolve(in world: World) throws(BindingError) {
        guard let agent = world.agentIndex(agentID) else {
            let what: String
            switch role {
            case .country(let r): what = "sim.region: field 'country' of '\(world.regions[r].id)'"
            case .patron(let a): what = "sim.agent: field 'patron' of '\(world.agents[a].id)'"
            }
            throw BindingError("\(origin): \(what): unknown agent '\(agentID)'")
        }
        role.set(agent, in: world)
    }
}

/// A registered Lua function and where the script registered it (for messages).
struct Hook {
    var function: Int32
    /// `file:line` of the registration.
    var origin: String
}

final class ScenarioContext {
    enum Phase { case setup, running }

    let lua: LuaState
    let world: World
    let files: ScenarioFiles
    var phase = Phase.setup

    var declaration: ScenarioDeclaration?
    var params: [ParamDeclaration] = []
    /// `--param` values given on the command line, by name.
    let paramOverrides: [String: String]
    /// Set when a `--param` value did not fit its param: the user's error, not the script's.
    var paramError: String?
    /// Agent ids named during setup that may be declared later: resolved when setup ends.
    var pendingReferences: [PendingReference] = []

    var atHooks: [(tick: Int, hook: Hook)] = []
    var everyHooks: [(period: Int, hook: Hook)] = []
    var tickHandlers: [Hook] = []
    var eventHandlers: [String: [Hook]] = [:]
    var anyEventHandlers: [Hook] = []
    var triggers: [(predicate: Hook, action: Hook, fired: Bool)] = []
    var policies: [(agent: Int, period: Int, hook: Hook)] = []
    private(set) var metricNames: [String] = []
    private(set) var metricHooks: [Hook] = []
    var outcomeNames: [String] = []
    var outcomeHooks: [Hook] = []
    var log: [LogLine] = []
    /// Registry references of the id → index tables of agents and regions (see LuaArguments).
    private(set) var agentTable: Int32 = LUA_NOREF
    private(set) var regionTable: Int32 = LUA_NOREF
    /// Registry references of the index → id arrays: ids are pushed as the interned Lua strings
    /// they already are, not rebuilt from Swift strings on every query.
    private var agentIDs: Int32 = LUA_NOREF
    private var regionIDs: Int32 = LUA_NOREF
    /// Index of the first event not yet handed to handlers.
    private var dispatched = 0
    /// Index of the first event not yet counted against the memory cap.
    private var charged = 0

    init(lua: LuaState, world: World, files: ScenarioFiles, paramOverrides: [String: String]) {
        self.lua = lua
        self.world = world
        self.files = files
        self.paramOverrides = paramOverrides
    }

    var L: OpaquePointer { lua.L }

    /// `file:line` of the Lua code calling the current binding.
    func callerLocation() -> String {
        simrun_where(L, 1)
        defer { simrun_pop(L, 1) }
        let location = lua.withPaths(lua.string(at: -1) ?? "")
        return location.hasSuffix(": ") ? String(location.dropLast(2)) : location
    }

    /// Makes the id tables. Called once, before any scenario code runs.
    func makeIDTables() {
        for _ in 0..<4 { lua_createtable(L, 32, 32) }
        regionIDs = lua.reference()
        agentIDs = lua.reference()
        regionTable = lua.reference()
        agentTable = lua.reference()
    }

    /// Records a new agent's id both ways.
    func registerAgent(_ id: String, index: Int) {
        register(id, index: index, table: agentTable, array: agentIDs)
    }

    /// Records a new region's id both ways.
    func registerRegion(_ id: String, index: Int) {
        register(id, index: index, table: regionTable, array: regionIDs)
    }

    private func register(_ id: String, index: Int, table: Int32, array: Int32) {
        lua.pushReference(table)
        lua_pushinteger(L, lua_Integer(index))
        lua.setField(id)
        simrun_pop(L, 1)
        lua.pushReference(array)
        lua.push(id)
        lua_rawseti(L, -2, lua_Integer(index + 1))
        simrun_pop(L, 1)
    }

    /// Pushes an agent's id. Stack: +1.
    func pushAgentID(_ agent: Int) { pushID(agent, from: agentIDs) }

    /// Pushes a region's id. Stack: +1.
    func pushRegionID(_ region: Int) { pushID(region, from: regionIDs) }

    private func pushID(_ index: Int, from array: Int32) {
        lua.pushReference(array)
        lua_rawgeti(L, -1, lua_Integer(index + 1))
        simrun_remove(L, -2)
    }

    /// Pushes an array of agent or region ids. Stack: +1.
    func pushIDs(_ indices: [Int], push: (Int) -> Void) {
        lua_createtable(L, Int32(indices.count), 0)
        for (position, index) in indices.enumerated() {
            push(index)
            lua_rawseti(L, -2, lua_Integer(position + 1))
        }
    }

    /// The arguments of a call into the binding named `function`.
    func arguments(for function: String) -> LuaArguments {
        LuaArguments(lua: lua, function: function, agentTable: agentTable, regionTable: regionTable)
    }

    /// Counts the events recorded since the last call against the memory cap: the host keeps them
    /// for the report. Returns false once the cap is passed.
    @discardableResult
    func chargeNewEvents() -> Bool {
        var bytes = 0
        while charged < world.events.count {
            bytes += world.events[charged].approximateBytes
            charged += 1
        }
        return lua.charge(bytes: bytes)
    }

    func addMetric(_ name: String, _ hook: Hook) {
        metricNames.append(name)
        metricHooks.append(hook)
    }

    // MARK: Calling Lua

    /// Calls a registered function with the arguments `pushArguments` pushes (returning their
    /// count), hands its `nresults` results to `read`, and leaves the stack as it found it.
    func call<T>(_ hook: Hook, nresults: Int32, pushArguments: () -> Int32 = { 0 },
                 read: () throws(RunFailure) -> T) throws(RunFailure) -> T {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua.pushReference(hook.function)
        let nargs = pushArguments()
        try lua.call(nargs: nargs, nresults: nresults, context: hook.origin)
        return try read()
    }

    func call(_ hook: Hook, pushArguments: () -> Int32 = { 0 }) throws(RunFailure) {
        try call(hook, nresults: 0, pushArguments: pushArguments) { () throws(RunFailure) in }
    }
}

extension ScenarioContext: ScenarioHooks {
    func fireScheduled(in world: World) throws(RunFailure) {
        let t = world.tick
        guard lua.charge(instructions: world.workPerTick) else {
            throw RunFailure(.limit, lua.instructionLimitMessage("tick \(t)"))
        }
        for entry in atHooks where entry.tick == t {
            try call(entry.hook)
            try dispatchEvents(in: world)
        }
        for entry in everyHooks where t % entry.period == 0 {
            try call(entry.hook)
            try dispatchEvents(in: world)
        }
        for hook in tickHandlers {
            try call(hook) { lua_pushinteger(L, lua_Integer(t)); return 1 }
            try dispatchEvents(in: world)
        }
        for policy in policies where t % policy.period == 0 {
            // A policy draws from its agent's own stream; the handlers of its events do not.
            do {
                world.scriptStream = RandomStream.policy(of: policy.agent)
                defer { world.scriptStream = RandomStream.script }
                try call(policy.hook) { pushAgentID(policy.agent); return 1 }
            }
            try dispatchEvents(in: world)
        }
    }

    func dispatchEvents(in world: World) throws(RunFailure) {
        // The engine's own events (clashes, arrivals, thresholds) count too.
        guard chargeNewEvents() else {
            throw RunFailure(.limit, lua.memoryLimitMessage("tick \(world.tick)"))
        }
        if eventHandlers.isEmpty && anyEventHandlers.isEmpty {
            dispatched = world.events.count
            return
        }
        while dispatched < world.events.count {
            let index = dispatched
            dispatched += 1
            for hook in eventHandlers[world.events[index].type] ?? [] {
                try call(hook) { pushEvent(world.events[index]); return 1 }
            }
            for hook in anyEventHandlers {
                try call(hook) { pushEvent(world.events[index]); return 1 }
            }
        }
    }

    func checkTriggers(in world: World) throws(RunFailure) {
        for i in triggers.indices where !triggers[i].fired {
            let holds = try call(triggers[i].predicate, nresults: 1) { lua_toboolean(L, -1) != 0 }
            if holds {
                triggers[i].fired = true
                try call(triggers[i].action)
                try dispatchEvents(in: world)
            }
        }
    }

    func sampleMetrics(in world: World) throws(RunFailure) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(metricHooks.count)
        for (m, hook) in metricHooks.enumerated() {
            let value = try call(hook, nresults: 1) { () throws(RunFailure) -> Double in
                switch lua_type(L, -1) {
                case LUA_TNUMBER:
                    let v = simrun_tonumber(L, -1)
                    guard v.isFinite else {
                        throw RunFailure(.error, "\(hook.origin): metric '\(metricNames[m])' returned \(v)")
                    }
                    return v
                case LUA_TBOOLEAN:
                    return lua_toboolean(L, -1) != 0 ? 1 : 0
                default:
                    throw RunFailure(.error, "\(hook.origin): metric '\(metricNames[m])' returned a "
                        + "\(lua.typeName(at: -1)), expected a number")
                }
            }
            values.append(value)
        }
        return values
    }

    func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)] {
        var results: [(String, ScalarValue)] = []
        for (o, hook) in outcomeHooks.enumerated() {
            let value = try call(hook, nresults: 1) { () throws(RunFailure) -> ScalarValue in
                guard let value = lua.scalar(at: -1) else {
                    throw RunFailure(.error, "\(hook.origin): outcome '\(outcomeNames[o])' returned a "
                        + "\(lua.typeName(at: -1)), expected a number, boolean or string")
                }
                if case .number(let v) = value, !v.isFinite {
                    throw RunFailure(.error, "\(hook.origin): outcome '\(outcomeNames[o])' returned \(v)")
                }
                return value
            }
            results.append((outcomeNames[o], value))
        }
        return results
    }

    /// Pushes an event as `{type, tick, date, agents, region, data}`. Stack: +1.
    func pushEvent(_ event: Event) {
        lua_createtable(L, 0, 6)
        lua.push(event.type); lua.setField("type")
        lua_pushinteger(L, lua_Integer(event.tick)); lua.setField("tick")
        lua.push(world.date(ofTick: event.tick).description); lua.setField("date")
        pushIDs(event.agents, push: pushAgentID); lua.setField("agents")
        if let region = event.region {
            pushRegionID(region); lua.setField("region")
        }
        lua_createtable(L, 0, Int32(event.data.count))
        for (key, value) in event.data {
            lua.push(value)
            lua.setField(key)
        }
        lua.setField("data")
    }
}
