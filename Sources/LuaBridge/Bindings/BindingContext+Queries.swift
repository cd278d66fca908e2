// BindingContext+Queries: sim.agents, sim.agent_info, sim.regions, sim.neighbors, sim.distance,
// sim.tick, sim.date, sim.balance and sim.coalitions, which read the World.
import CLua
import SimCore

extension BindingContext {
    /// Counts a query's work in the engine against the instruction budget.
    private func charge(_ work: Int64, _ args: LuaArguments) throws(BindingError) {
        guard lua.charge(instructions: work) else {
            throw BindingError(lua.instructionLimitMessage(callerLocation()), located: true)
        }
    }

    func agents(_ args: LuaArguments) throws(BindingError) -> Int32 {
        var kind: String?
        if try args.optionalTable(1, "filter") {
            try args.onlyFields(1, ["kind"])
            kind = try args.field(1, "kind") { i, k throws(BindingError) in try args.optionalString(i, k, field: true) }
        }
        ids.pushIDs(world.agents.indices.filter { kind == nil || world.agents[$0].kind == kind }, push: ids.pushAgentID)
        return 1
    }

    func agentInfo(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = world.agents[try args.agent(1, "agent")]
        lua_createtable(L, 0, 6)
        lua.push(agent.id); lua.setField("id")
        lua.push(agent.name); lua.setField("name")
        lua.push(agent.short); lua.setField("short")
        lua.push(agent.kind); lua.setField("kind")
        if let patron = agent.patron {
            lua.push(world.agents[patron].id); lua.setField("patron")
        }
        lua_pushnumber(L, agent.effectiveness); lua.setField("effectiveness")
        return 1
    }

    func regions(_ args: LuaArguments) throws(BindingError) -> Int32 {
        ids.pushIDs(Array(world.regions.indices), push: ids.pushRegionID)
        return 1
    }

    func neighbors(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let region = try args.region(1, "region")
        ids.pushIDs(world.neighbors(of: region), push: ids.pushRegionID)
        return 1
    }

    func distance(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let a = try args.region(1, "a")
        let b = try args.region(2, "b")
        lua_pushnumber(L, world.travelKm(from: a, to: b))
        return 1
    }

    func tick(_ args: LuaArguments) throws(BindingError) -> Int32 {
        lua_pushinteger(L, lua_Integer(world.tick))
        return 1
    }

    func date(_ args: LuaArguments) throws(BindingError) -> Int32 {
        lua.push(world.date.description)
        return 1
    }

    func balance(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let n = Int64(world.agentCount)
        try charge(n * n * n / 6, args)  // one product per triad
        lua_pushnumber(L, world.balanceIndex())
        return 1
    }

    func coalitions(_ args: LuaArguments) throws(BindingError) -> Int32 {
        var sizes = [Double](repeating: 1, count: world.agentCount)
        if try args.optionalTable(1, "options") {
            try args.onlyFields(1, ["size"])
            if let size = try args.field(
                1, "size",
                { i, k throws(BindingError) in
                    try args.optionalString(i, k, field: true)
                })
            {
                if size == "forces" {
                    sizes = (0..<world.agentCount).map { world.totalForce(of: $0) }
                } else if let resource = world.resourceIndex(size) {
                    sizes = (0..<world.agentCount).map { world.resource(resource, of: $0) }
                } else {
                    throw args.fail("field 'size': no agent declares a resource '\(size)' (or use \"forces\")")
                }
            }
        }
        // Exact enumeration visits 2^(n−1) splits at n each; the local search a few hundred n².
        let n = Int64(world.agentCount)
        try charge(n <= 20 ? (Int64(1) << max(0, n - 1)) * n : 512 * n * n, args)
        let result = world.coalitions(sizes: sizes)
        lua_createtable(L, 0, 3)
        lua_createtable(L, 2, 0)
        for (b, bloc) in result.blocs.enumerated() {
            ids.pushIDs(bloc, push: ids.pushAgentID)
            lua_rawseti(L, -2, lua_Integer(b + 1))
        }
        lua.setField("blocs")
        lua_pushnumber(L, result.energy); lua.setField("energy")
        lua_pushboolean(L, result.exact ? 1 : 0); lua.setField("exact")
        return 1
    }
}
