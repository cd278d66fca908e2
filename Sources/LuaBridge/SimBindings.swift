// SimBindings: the table of every `sim.*` function (and `math.random`) and the one entry point
// through which the C trampoline reaches them. Each binding is a thin call into SimCore.
import CLua
import CLuaShim
import SimCore

/// One Lua-visible function backed by Swift.
struct Binding {
    /// The global table it sits in (`sim` or `math`).
    let table: String
    let name: String
    let run: (ScenarioContext) -> (LuaArguments) throws(BindingError) -> Int32

    var qualifiedName: String { "\(table).\(name)" }
}

enum SimBindings {
    nonisolated(unsafe) static let all: [Binding] = [
        // Declarations
        Binding(table: "sim", name: "scenario", run: ScenarioContext.declareScenario),
        Binding(table: "sim", name: "param", run: ScenarioContext.declareParam),
        Binding(table: "sim", name: "dynamics", run: ScenarioContext.setDynamics),
        Binding(table: "sim", name: "region", run: ScenarioContext.declareRegion),
        Binding(table: "sim", name: "link", run: ScenarioContext.declareLink),
        Binding(table: "sim", name: "agent", run: ScenarioContext.declareAgent),
        Binding(table: "sim", name: "include", run: ScenarioContext.include),
        // Relations
        Binding(table: "sim", name: "align", run: ScenarioContext.align),
        Binding(table: "sim", name: "alignment", run: ScenarioContext.alignment),
        Binding(table: "sim", name: "shift", run: ScenarioContext.shift),
        Binding(table: "sim", name: "tie", run: ScenarioContext.tie),
        Binding(table: "sim", name: "cut", run: ScenarioContext.cut),
        Binding(table: "sim", name: "tied", run: ScenarioContext.tied),
        // Forces and resources
        Binding(table: "sim", name: "deploy", run: ScenarioContext.deploy),
        Binding(table: "sim", name: "move", run: ScenarioContext.move),
        Binding(table: "sim", name: "forces", run: ScenarioContext.forces),
        Binding(table: "sim", name: "clash", run: ScenarioContext.clash),
        Binding(table: "sim", name: "get", run: ScenarioContext.getResource),
        Binding(table: "sim", name: "set", run: ScenarioContext.setResource),
        Binding(table: "sim", name: "add", run: ScenarioContext.addResource),
        // Queries
        Binding(table: "sim", name: "agents", run: ScenarioContext.agents),
        Binding(table: "sim", name: "agent_info", run: ScenarioContext.agentInfo),
        Binding(table: "sim", name: "regions", run: ScenarioContext.regions),
        Binding(table: "sim", name: "neighbors", run: ScenarioContext.neighbors),
        Binding(table: "sim", name: "distance", run: ScenarioContext.distance),
        Binding(table: "sim", name: "tick", run: ScenarioContext.tick),
        Binding(table: "sim", name: "date", run: ScenarioContext.date),
        Binding(table: "sim", name: "balance", run: ScenarioContext.balance),
        Binding(table: "sim", name: "coalitions", run: ScenarioContext.coalitions),
        // Hooks
        Binding(table: "sim", name: "on", run: ScenarioContext.on),
        Binding(table: "sim", name: "emit", run: ScenarioContext.emit),
        Binding(table: "sim", name: "at", run: ScenarioContext.at),
        Binding(table: "sim", name: "every", run: ScenarioContext.every),
        Binding(table: "sim", name: "when", run: ScenarioContext.when),
        Binding(table: "sim", name: "policy", run: ScenarioContext.policy),
        Binding(table: "sim", name: "stop", run: ScenarioContext.stop),
        // Randomness
        Binding(table: "sim", name: "random", run: ScenarioContext.random),
        Binding(table: "sim", name: "chance", run: ScenarioContext.chance),
        Binding(table: "sim", name: "normal", run: ScenarioContext.normal),
        Binding(table: "sim", name: "choose", run: ScenarioContext.choose),
        Binding(table: "math", name: "random", run: ScenarioContext.mathRandom),
        // Output
        Binding(table: "sim", name: "metric", run: ScenarioContext.metric),
        Binding(table: "sim", name: "outcome", run: ScenarioContext.outcome),
        Binding(table: "sim", name: "log", run: ScenarioContext.log),
    ]

    /// Creates the global `sim` table and puts every binding in its table. The context must
    /// outlive the state: the state keeps an unretained pointer to it.
    static func install(_ context: ScenarioContext) {
        let L = context.L
        simrun_extraspace(L).pointee = Unmanaged.passUnretained(context).toOpaque()
        lua_rawgeti(L, simrun_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        lua_createtable(L, 0, Int32(all.count))
        context.lua.setField("sim")
        for (index, binding) in all.enumerated() {
            context.lua.getField(-1, binding.table)
            simrun_pushbinding(L, hostEntry, Int32(index))
            context.lua.setField(binding.name)
            simrun_pop(L, 1)
        }
        simrun_pop(L, 1)
    }
}

/// The trampoline's way into Swift: finds the context and the binding, runs it, and turns a
/// thrown error into a message on the stack and a status for the trampoline to raise.
private func hostEntry(_ L: OpaquePointer?, _ binding: Int32) -> Int32 {
    guard let L, let raw = simrun_extraspace(L).pointee else { return SIMRUN_RAISE_AS_IS }
    let context = Unmanaged<ScenarioContext>.fromOpaque(raw).takeUnretainedValue()
    let entry = SimBindings.all[Int(binding)]
    do {
        return try entry.run(context)(LuaArguments(lua: context.lua, function: entry.qualifiedName))
    } catch {
        context.lua.push(error.message)
        return error.located ? SIMRUN_RAISE_AS_IS : SIMRUN_RAISE_WITH_WHERE
    }
}
