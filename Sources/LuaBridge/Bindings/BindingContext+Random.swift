// BindingContext+Random: sim.random, sim.chance, sim.normal, sim.choose and math.random, all
// drawing from the script's stream of the run (World.drawScript): a policy's own while it runs.
import CLua
import CLuaShim
import SimCore

extension BindingContext {
    func random(_ args: LuaArguments) throws(BindingError) -> Int32 {
        lua_pushnumber(L, world.drawScript { $0.uniform() })
        return 1
    }

    func chance(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let p = try args.number(1, "p")
        guard (0...1).contains(p) else { throw args.fail("argument #1 (p) must be in [0, 1], got \(p)") }
        lua_pushboolean(L, world.drawScript { $0.uniform() } < p ? 1 : 0)
        return 1
    }

    func normal(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let mu = try args.optionalNumber(1, "mu") ?? 0
        let sigma = try args.optionalNumber(2, "sigma") ?? 1
        guard sigma >= 0 else { throw args.fail("argument #2 (sigma) must be 0 or more, got \(sigma)") }
        lua_pushnumber(L, world.drawScript { $0.normal(mu: mu, sigma: sigma) })
        return 1
    }

    /// `sim.choose{{weight, value}, ...}`: one value, drawn with probability proportional to weight.
    func choose(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try args.table(1, "options")
        let count = Int(lua_rawlen(L, 1))
        guard count > 0 else { throw args.fail("argument #1 (options) must be a non-empty array of {weight, value}") }
        var weights: [Double] = []
        weights.reserveCapacity(count)
        for position in 1...count {
            guard lua_rawgeti(L, 1, lua_Integer(position)) == LUA_TTABLE else {
                throw args.fail("option #\(position) must be a table {weight, value}")
            }
            lua_rawgeti(L, -1, 1)
            let weight = try args.number(-1, "options[\(position)][1] (weight)", field: true)
            guard weight >= 0 else { throw args.fail("option #\(position) has a negative weight \(weight)") }
            weights.append(weight)
            simrun_pop(L, 2)
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw args.fail("every weight is 0") }
        let draw = world.drawScript { $0.uniform() } * total
        var chosen = count
        var cumulative = 0.0
        for (i, weight) in weights.enumerated() {
            cumulative += weight
            if draw < cumulative { chosen = i + 1; break }
        }
        // Rounding can leave the draw past the last sum: the last option with weight wins then.
        if chosen == count, weights[count - 1] == 0 {
            chosen = (weights.lastIndex { $0 > 0 } ?? 0) + 1
        }
        lua_rawgeti(L, 1, lua_Integer(chosen))
        lua_rawgeti(L, -1, 2)
        return 1
    }

    /// Lua's `math.random` contract, drawn from the run's stream.
    func mathRandom(_ args: LuaArguments) throws(BindingError) -> Int32 {
        switch args.count {
        case 0:
            lua_pushnumber(L, world.drawScript { $0.uniform() })
            return 1
        case 1, 2:
            var low: Int64 = 1
            var high = Int64(try args.integer(1, "m"))
            if args.count == 2 {
                low = high
                high = Int64(try args.integer(2, "n"))
            } else if high == 0 {
                lua_pushinteger(L, lua_Integer(Int64(bitPattern: world.drawScript { $0.next() })))
                return 1
            }
            guard low <= high else { throw args.fail("interval is empty") }
            lua_pushinteger(L, lua_Integer(world.drawScript { $0.integer(in: low...high) }))
            return 1
        default:
            throw args.fail("wrong number of arguments")
        }
    }
}
