// BindingContext+Hooks: sim.on, sim.emit, sim.at, sim.every, sim.when, sim.policy and sim.stop.
// They register functions in the ScenarioDefinition, during setup or from other hooks.
import CLua
import CLuaShim
import SimCore

extension BindingContext {
    private func hook(_ args: LuaArguments, _ index: Int32) throws(BindingError) -> Hook {
        Hook(function: try args.function(index, "fn"), origin: callerLocation())
    }

    func on(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let type = try args.string(1, "event_type")
        let handler = try hook(args, 2)
        switch type {
        case "tick": definition.tickHandlers.append(handler)
        case "*": definition.anyEventHandlers.append(handler)
        default: definition.eventHandlers[ExactKey(type), default: []].append(handler)
        }
        return 0
    }

    func emit(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let type = try args.string(1, "event_type")
        guard !type.isEmpty, type != "tick", type != "*" else {
            throw args.fail("argument #1 (event_type) cannot be '\(type)'")
        }
        var event = Event(tick: world.tick, type: type)
        if try args.optionalTable(2, "data") {
            for key in try args.sortedKeys(2, "argument #2 (data)") {
                try args.field(2, key) { i, _ throws(BindingError) in
                    switch key {
                    case "agents":
                        guard lua_type(L, i) == LUA_TTABLE else {
                            throw args.fail("field 'agents' must be an array of agent ids")
                        }
                        let list = lua_absindex(L, i)
                        for position in 0..<Int(lua_rawlen(L, list)) {
                            lua_rawgeti(L, list, lua_Integer(position + 1))
                            defer { simrun_pop(L, 1) }
                            event.agents.append(try args.agent(-1, "agents[\(position + 1)]", field: true))
                        }
                    case "region":
                        event.region = try args.region(i, "region", field: true)
                    default:
                        guard let value = try args.scalar(i, "field '\(key)'") else {
                            throw args.fail(
                                "field '\(key)' must be a number, boolean or string, "
                                    + "got \(lua.typeName(at: i))")
                        }
                        if case .number(let v) = value, !v.isFinite {
                            throw args.fail("field '\(key)' must be a finite number")
                        }
                        event.data.append((key, value))
                    }
                }
            }
        }
        world.record(event)
        return 0
    }

    func at(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let tick: Int
        if let text = lua.string(at: 1) {
            guard let date = SimDate(iso: text) else {
                throw args.fail("argument #1 (when) must be a tick or a date YYYY-MM-DD, got '\(text)'")
            }
            guard let declaration = definition.declaration else {
                throw args.fail("declare sim.scenario{start=...} before using dates")
            }
            let days = date.daysSinceEpoch - declaration.start.daysSinceEpoch
            guard days >= 0 else { throw args.fail("\(text) is before the start \(declaration.start)") }
            tick = Int((Double(days) / declaration.tickDays).rounded(.up))
        } else {
            tick = try args.integer(1, "when")
            guard tick >= 0 else { throw args.fail("argument #1 (when) must be 0 or more, got \(tick)") }
        }
        definition.atHooks.append((tick, try hook(args, 2)))
        return 0
    }

    func every(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let period = try args.integer(1, "n")
        guard period >= 1 else { throw args.fail("argument #1 (n) must be 1 or more, got \(period)") }
        definition.everyHooks.append((period, try hook(args, 2)))
        return 0
    }

    func when(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let predicate = try hook(args, 1)
        definition.triggers.append((predicate, try hook(args, 2)))
        return 0
    }

    func policy(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        let handler = try hook(args, 2)
        var period = 1
        if try args.optionalTable(3, "options") {
            try args.onlyFields(3, ["every"])
            period =
                try args.field(3, "every") { i, k throws(BindingError) in
                    try args.optionalInteger(i, k, field: true)
                } ?? 1
            guard period >= 1 else { throw args.fail("field 'every' must be 1 or more, got \(period)") }
        }
        definition.addPolicy(agent: agent, period: period, hook: handler)
        return 0
    }

    func stop(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let reason = try args.optionalString(1, "reason") ?? "stopped by the scenario"
        world.stop(reason: reason)
        return 0
    }
}
