// HookRunner: the engine's ScenarioHooks for a Lua scenario. SimCore calls it at the documented
// points of each tick; it calls the functions the ScenarioDefinition holds, hands events to their
// handlers once they are charged against the memory cap, and reads metrics and outcomes back.
import CLua
import CLuaShim
import SimCore

/// Runs one scenario's hooks inside the engine's loop.
final class HookRunner {
    private let context: BindingContext
    private let lua: LuaState
    /// Index of the first event not yet handed to handlers.
    private var firstUndispatchedEvent = 0
    /// Positions in `definition.triggers` of the triggers that fired: each fires once.
    private var firedTriggers: Set<Int> = []

    init(context: BindingContext) {
        self.context = context
        lua = context.lua
    }

    private var L: OpaquePointer { lua.L }

    /// Calls a registered function with the arguments `pushArguments` pushes (returning their
    /// count), hands its `nresults` results to `read`, and leaves the stack as it found it.
    private func call<T>(
        _ hook: Hook, nresults: Int32, pushArguments: () -> Int32 = { 0 },
        read: () throws(RunFailure) -> T
    ) throws(RunFailure) -> T {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua.pushReference(hook.function)
        let nargs = pushArguments()
        try lua.call(nargs: nargs, nresults: nresults, context: hook.origin)
        return try read()
    }

    private func call(_ hook: Hook, pushArguments: () -> Int32 = { 0 }) throws(RunFailure) {
        try call(hook, nresults: 0, pushArguments: pushArguments) { () throws(RunFailure) in }
    }

    /// Pushes an event as `{type, tick, date, agents, region, data}`. Stack: +1.
    private func pushEvent(_ event: Event, in world: World) {
        let ids = context.ids
        lua_createtable(L, 0, 6)
        lua.push(event.type); lua.setField("type")
        lua_pushinteger(L, lua_Integer(event.tick)); lua.setField("tick")
        lua.push(world.date(ofTick: event.tick).description); lua.setField("date")
        ids.pushIDs(event.agents, push: ids.pushAgentID); lua.setField("agents")
        if let region = event.region {
            ids.pushRegionID(region); lua.setField("region")
        }
        lua_createtable(L, 0, Int32(event.data.count))
        for (key, value) in event.data {
            lua.push(value)
            lua.setField(key)
        }
        lua.setField("data")
    }
}

extension HookRunner: ScenarioHooks {
    var metricNames: [String] { context.definition.metricNames }

    func fireScheduled(in world: World) throws(RunFailure) {
        let t = world.tick
        guard lua.charge(instructions: world.workPerTick) else {
            throw RunFailure(.limit, lua.instructionLimitMessage("tick \(t)"))
        }
        for entry in context.definition.atHooks where entry.tick == t {
            try call(entry.hook)
            try dispatchEvents(in: world)
        }
        for entry in context.definition.everyHooks where t % entry.period == 0 {
            try call(entry.hook)
            try dispatchEvents(in: world)
        }
        for hook in context.definition.tickHandlers {
            try call(hook) {
                lua_pushinteger(L, lua_Integer(t)); return 1
            }
            try dispatchEvents(in: world)
        }
        for (agent, bucket) in context.definition.policiesByAgent.enumerated() {
            for policy in bucket where t % policy.period == 0 {
                // A policy draws from its agent's own stream; the handlers of its events do not.
                try world.withScriptStream(RandomStream.policy(of: agent)) { () throws(RunFailure) in
                    try call(policy.hook) {
                        context.ids.pushAgentID(agent); return 1
                    }
                }
                try dispatchEvents(in: world)
            }
        }
    }

    func dispatchEvents(in world: World) throws(RunFailure) {
        guard context.chargeNewEvents() else {
            throw RunFailure(.limit, lua.memoryLimitMessage("tick \(world.tick)"))
        }
        if context.definition.eventHandlers.isEmpty && context.definition.anyEventHandlers.isEmpty {
            firstUndispatchedEvent = world.events.count
            return
        }
        while firstUndispatchedEvent < world.events.count {
            let index = firstUndispatchedEvent
            firstUndispatchedEvent += 1
            for hook in context.definition.eventHandlers[ExactKey(world.events[index].type)] ?? [] {
                try call(hook) {
                    pushEvent(world.events[index], in: world); return 1
                }
            }
            for hook in context.definition.anyEventHandlers {
                try call(hook) {
                    pushEvent(world.events[index], in: world); return 1
                }
            }
        }
    }

    func checkTriggers(in world: World) throws(RunFailure) {
        for i in context.definition.triggers.indices where !firedTriggers.contains(i) {
            let trigger = context.definition.triggers[i]
            let holds = try call(trigger.predicate, nresults: 1) { lua_toboolean(L, -1) != 0 }
            if holds {
                firedTriggers.insert(i)
                try call(trigger.action)
                try dispatchEvents(in: world)
            }
        }
    }

    func sampleMetrics(in world: World) throws(RunFailure) -> [Double] {
        let names = context.definition.metricNames
        var values: [Double] = []
        values.reserveCapacity(names.count)
        for (m, hook) in context.definition.metricHooks.enumerated() {
            let value = try call(hook, nresults: 1) { () throws(RunFailure) -> Double in
                switch lua_type(L, -1) {
                case LUA_TNUMBER:
                    let v = simrun_tonumber(L, -1)
                    guard v.isFinite else {
                        throw RunFailure(.error, "\(hook.origin): metric '\(names[m])' returned \(v)")
                    }
                    return v
                case LUA_TBOOLEAN:
                    return lua_toboolean(L, -1) != 0 ? 1 : 0
                default:
                    throw RunFailure(
                        .error,
                        "\(hook.origin): metric '\(names[m])' returned a "
                            + "\(lua.typeName(at: -1)), expected a number")
                }
            }
            values.append(value)
        }
        return values
    }

    func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)] {
        let names = context.definition.outcomeNames
        var results: [(String, ScalarValue)] = []
        for (o, hook) in context.definition.outcomeHooks.enumerated() {
            let value = try call(hook, nresults: 1) { () throws(RunFailure) -> ScalarValue in
                let scalar: ScalarValue?
                do throws(InvalidUTF8) {
                    scalar = try lua.scalar(at: -1)
                } catch {
                    throw RunFailure(
                        .error,
                        "\(hook.origin): outcome '\(names[o])' returned a string that is not valid UTF-8 text "
                            + "(byte \(error.position))")
                }
                guard let value = scalar else {
                    throw RunFailure(
                        .error,
                        "\(hook.origin): outcome '\(names[o])' returned a "
                            + "\(lua.typeName(at: -1)), expected a number, boolean or string")
                }
                if case .number(let v) = value, !v.isFinite {
                    throw RunFailure(.error, "\(hook.origin): outcome '\(names[o])' returned \(v)")
                }
                return value
            }
            results.append((names[o], value))
        }
        try evaluateObserved()
        return results
    }

    /// Checks every `sim.observed` fact, after the outcomes, into `context.observed`.
    private func evaluateObserved() throws(RunFailure) {
        let names = context.definition.observedNames
        for (f, hook) in context.definition.observedHooks.enumerated() {
            let reproduced = try call(hook, nresults: 1) { () throws(RunFailure) -> Bool in
                guard lua_type(L, -1) == LUA_TBOOLEAN else {
                    throw RunFailure(
                        .error,
                        "\(hook.origin): observed fact '\(names[f])' returned a "
                            + "\(lua.typeName(at: -1)), expected a boolean (whether this run reproduced it)")
                }
                return lua_toboolean(L, -1) != 0
            }
            context.observed.append((names[f], reproduced))
        }
    }
}
