// Sandbox: what a scenario script may reach. Scripts may come from strangers, so the globals are
// an explicit allow-list, and a prelude (sandbox.lua, embedded at build time) makes the remaining
// functions deterministic (ordered `pairs` and `next`, stable `table.sort`, no addresses from
// `tostring`) and bounded (caps on `string.rep` and on pattern matching, whose C loops no
// instruction hook can interrupt).
import CLua
import CLuaShim
import SimCore

enum Sandbox {
    /// The standard libraries opened; `coroutine`, `io`, `os`, `debug` and `package` are not.
    static let libraries = ["_G", "table", "string", "math", "utf8"]

    /// The globals a script sees (besides `sim`, and `print`, which the bindings make an alias of
    /// `sim.log`). Absent on purpose: load, loadstring, dofile, loadfile, require, collectgarbage, warn.
    static let allowedGlobals: Set<String> = [
        "_G", "_VERSION", "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
        "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring",
        "type", "xpcall", "table", "string", "math", "utf8",
    ]

    /// Library members removed: `string.dump` makes binary chunks, `math.randomseed` would
    /// reseed a generator the run owns (`math.random` is replaced by the run's stream).
    static let removedMembers = [("string", "dump"), ("math", "randomseed")]

    /// Opens the allowed libraries and runs the prelude.
    static func install(in lua: LuaState) throws(RunFailure) {
        let L = lua.L
        for library in libraries where simrun_openlib(L, library) != LUA_OK {
            throw RunFailure(
                .limit,
                "--max-memory is too small to start the sandbox (opening \(library): "
                    + "\(lua.errorMessage(at: -1)))")
        }
        removeGlobals(notIn: allowedGlobals, lua: lua)
        for (library, member) in removedMembers {
            lua_rawgeti(L, simrun_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
            lua.getField(-1, library)
            lua_pushnil(L)
            lua.setField(member)
            simrun_pop(L, 2)
        }
        // The prelude runs with the original functions as upvalues and two C functions as its
        // arguments: `charge(n)`, the work a C function is about to do, counted against the
        // instruction budget (the count hook never sees inside C), and `sortedkeys`.
        try lua.loadBuiltin(EmbeddedLua.sandbox, name: "sandbox")
        simrun_pushcharge(L)
        simrun_pushsortedkeys(L)
        try lua.call(nargs: 2, nresults: 0, context: "sandbox")
    }

    private static func removeGlobals(notIn allowed: Set<String>, lua: LuaState) {
        let L = lua.L
        lua_rawgeti(L, simrun_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        var doomed: [String] = []
        lua_pushnil(L)
        while lua_next(L, -2) != 0 {
            simrun_pop(L, 1)
            if let name = lua.string(at: -1), !allowed.contains(name) { doomed.append(name) }
        }
        for name in doomed {
            lua_pushnil(L)
            lua.setField(name)
        }
        simrun_pop(L, 1)
    }
}
