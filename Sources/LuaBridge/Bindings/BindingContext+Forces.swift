// BindingContext+Forces: the force and resource bindings — sim.deploy, sim.move, sim.forces,
// sim.strength, sim.moving, sim.clash, sim.loss, sim.losses, sim.get, sim.set and sim.add.
import CLua
import SimCore

extension BindingContext {
    func deploy(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        let region = try args.region(2, "region")
        let strength = try args.number(3, "strength")
        world.deploy(agent, in: region, strength: strength)
        return 0
    }

    func move(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        let from = try args.region(2, "from")
        let to = try args.region(3, "to")
        guard from != to else { throw args.fail("'from' and 'to' are the same region '\(world.regions[from].id)'") }
        let available = world.force(of: agent, in: from)
        let strength = try args.optionalNumber(4, "strength") ?? available
        guard strength >= 0 else { throw args.fail("argument #4 (strength) must be 0 or more, got \(strength)") }
        if phase == .running && strength > 0 && strength < world.dynamics.minForce {
            throw args.fail(
                "argument #4 (strength) \(strength) is below min_force \(world.dynamics.minForce): "
                    + "no force that small exists")
        }
        guard strength <= available * (1 + 1e-12) else {
            throw args.fail(
                "\(world.agents[agent].id) has \(available) in \(world.regions[from].id), "
                    + "cannot move \(strength)")
        }
        lua_pushnumber(L, world.move(agent, from: from, to: to, strength: min(strength, available)))
        return 1
    }

    func forces(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        lua_createtable(L, 0, 4)
        for r in 0..<world.regionCount {
            let strength = world.force(of: agent, in: r)
            if strength > 0 {
                ids.pushRegionID(r)
                lua_pushnumber(L, strength)
                lua_rawset(L, -3)
            }
        }
        return 1
    }

    /// The agent's strength in one region, or over all regions (forces on the move not counted):
    /// a number, where `sim.forces` builds a table.
    func strength(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        if args.isNil(2) {
            lua_pushnumber(L, world.totalForce(of: agent))
        } else {
            lua_pushnumber(L, world.force(of: agent, in: try args.region(2, "region")))
        }
        return 1
    }

    /// The agent's forces on the move, in the order the moves began.
    func moving(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        let moves = world.movements.filter { $0.agent == agent }
        lua_createtable(L, Int32(moves.count), 0)
        for (position, move) in moves.enumerated() {
            lua_createtable(L, 0, 4)
            ids.pushRegionID(move.from); lua.setField("from")
            ids.pushRegionID(move.to); lua.setField("to")
            lua_pushnumber(L, move.strength); lua.setField("strength")
            lua_pushnumber(L, move.remainingKm); lua.setField("remaining_km")
            lua_rawseti(L, -2, lua_Integer(position + 1))
        }
        return 1
    }

    func clash(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try args.table(1, "spec")
        try args.onlyFields(1, ["attacker", "defender", "region", "days"])
        let attacker = try args.field(1, "attacker") { i, k throws(BindingError) in try args.agent(i, k, field: true) }
        let defender = try args.field(1, "defender") { i, k throws(BindingError) in try args.agent(i, k, field: true) }
        let region = try args.field(1, "region") { i, k throws(BindingError) in try args.region(i, k, field: true) }
        let days =
            try args.field(1, "days") { i, k throws(BindingError) in
                try args.optionalNumber(i, k, field: true)
            } ?? 1
        guard attacker != defender else { throw args.fail("attacker and defender are the same agent") }
        guard days > 0 else { throw args.fail("field 'days' must be above 0, got \(days)") }
        let losses = world.clash(attacker: attacker, defender: defender, region: region, days: days)
        lua_createtable(L, 0, 2)
        lua_pushnumber(L, losses.attackerLoss); lua.setField("attacker")
        lua_pushnumber(L, losses.defenderLoss); lua.setField("defender")
        return 1
    }

    /// `sim.loss(agent, region, strength [, {cause=, by=}])`: strength lost outside a clash; `by`
    /// names who inflicted it, whom the victim then blames. Returns the strength lost.
    func loss(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        let region = try args.region(2, "region")
        let strength = try args.number(3, "strength")
        guard strength >= 0 else { throw args.fail("argument #3 (strength) must be 0 or more, got \(strength)") }
        var cause: String?, by: Int?
        if try args.optionalTable(4, "options") {
            try args.onlyFields(4, ["cause", "by"])
            cause = try args.field(4, "cause") { i, k throws(BindingError) in try args.optionalString(i, k, field: true)
            }
            by = try args.field(4, "by") { i, k throws(BindingError) in
                args.isNil(i) ? nil : try args.agent(i, k, field: true)
            }
        }
        lua_pushnumber(L, world.loss(agent, in: region, strength: strength, cause: cause, by: by))
        return 1
    }

    /// `sim.losses(agent)`: the strength the agent lost since the run began.
    func losses(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        lua_pushnumber(L, world.losses[agent])
        return 1
    }

    /// The agent and resource named by arguments 1 and 2; an undeclared resource is a typo.
    private func resourceArguments(_ args: LuaArguments) throws(BindingError) -> (Int, Int) {
        let agent = try args.agent(1, "agent")
        let name = try args.string(2, "resource")
        guard let resource = world.resourceIndex(name) else {
            let known = world.resourceNames.joined(separator: ", ")
            throw args.fail("argument #2 (resource): no agent declares a resource '\(name)' (known: \(known))")
        }
        return (agent, resource)
    }

    func getResource(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (agent, resource) = try resourceArguments(args)
        lua_pushnumber(L, world.resource(resource, of: agent))
        return 1
    }

    func setResource(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let agent = try args.agent(1, "agent")
        let name = try args.string(2, "resource")
        let value = try args.number(3, "value")
        if world.resourceIndex(name) == nil {
            // A new resource name is a column of one number per agent, kept for the report.
            lua.charge(bytes: 64 + name.utf8.count + 8 * world.agentCount)
        }
        world.setResource(world.declareResource(name), of: agent, to: value)
        return 0
    }

    func addResource(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (agent, resource) = try resourceArguments(args)
        let delta = try args.number(3, "delta")
        let value = world.resource(resource, of: agent) + delta
        world.setResource(resource, of: agent, to: value)
        lua_pushnumber(L, value)
        return 1
    }
}
