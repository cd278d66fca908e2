// BindingContext+War: sim.war, sim.peace and sim.at_war — the state of war that built-in combat
// needs before two agents' forces fight where they meet.
import CLua
import SimCore

extension BindingContext {
    /// The two distinct agents of arguments 1 and 2 and the `{cause=}` option at 3.
    private func warArguments(_ args: LuaArguments, defaultCause: String) throws(BindingError) -> (Int, Int, String) {
        let a = try args.agent(1, "a")
        let b = try args.agent(2, "b")
        guard a != b else { throw args.fail("an agent cannot be at war with itself ('\(world.agents[a].id)')") }
        var cause = defaultCause
        if try args.optionalTable(3, "options") {
            try args.onlyFields(3, ["cause"])
            cause =
                try args.field(3, "cause") { i, k throws(BindingError) in
                    try args.optionalString(i, k, field: true)
                } ?? defaultCause
        }
        return (a, b, cause)
    }

    func war(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b, cause) = try warArguments(args, defaultCause: "declared")
        lua_pushboolean(L, world.setWar(a, b, true, cause: cause) ? 1 : 0)
        return 1
    }

    func peace(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b, cause) = try warArguments(args, defaultCause: "declared")
        lua_pushboolean(L, world.setWar(a, b, false, cause: cause) ? 1 : 0)
        return 1
    }

    func atWar(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let a = try args.agent(1, "a")
        let b = try args.agent(2, "b")
        lua_pushboolean(L, a != b && world.isAtWar(a, b) ? 1 : 0)
        return 1
    }
}
