// SimBindings: the table of every `sim.*` function (and `math.random`), in the order of
// docs/scenario-api.md, and the one entry point through which the C trampoline reaches them. The
// bodies live in BindingContext+<section>.swift; each is a thin call into SimCore.
import CLua
import CLuaShim
import SimCore

enum SimBindings {
    nonisolated(unsafe) static let all: [Binding] = [
        // Declarations
        Binding("sim", "scenario") { c, a throws(BindingError) in try c.declareScenario(a) },
        Binding("sim", "param") { c, a throws(BindingError) in try c.declareParam(a) },
        Binding("sim", "dynamics") { c, a throws(BindingError) in try c.setDynamics(a) },
        Binding("sim", "region") { c, a throws(BindingError) in try c.declareRegion(a) },
        Binding("sim", "link") { c, a throws(BindingError) in try c.declareLink(a) },
        Binding("sim", "agent") { c, a throws(BindingError) in try c.declareAgent(a) },
        Binding("sim", "include") { c, a throws(BindingError) in try c.include(a) },
        // Relations
        Binding("sim", "align") { c, a throws(BindingError) in try c.align(a) },
        Binding("sim", "alignment") { c, a throws(BindingError) in try c.alignment(a) },
        Binding("sim", "shift") { c, a throws(BindingError) in try c.shift(a) },
        Binding("sim", "tie") { c, a throws(BindingError) in try c.tie(a) },
        Binding("sim", "cut") { c, a throws(BindingError) in try c.cut(a) },
        Binding("sim", "tied") { c, a throws(BindingError) in try c.tied(a) },
        Binding("sim", "baseline") { c, a throws(BindingError) in try c.baseline(a) },
        // War
        Binding("sim", "war") { c, a throws(BindingError) in try c.war(a) },
        Binding("sim", "peace") { c, a throws(BindingError) in try c.peace(a) },
        Binding("sim", "at_war") { c, a throws(BindingError) in try c.atWar(a) },
        // Forces and resources
        Binding("sim", "deploy") { c, a throws(BindingError) in try c.deploy(a) },
        Binding("sim", "move") { c, a throws(BindingError) in try c.move(a) },
        Binding("sim", "forces") { c, a throws(BindingError) in try c.forces(a) },
        Binding("sim", "strength") { c, a throws(BindingError) in try c.strength(a) },
        Binding("sim", "moving") { c, a throws(BindingError) in try c.moving(a) },
        Binding("sim", "clash") { c, a throws(BindingError) in try c.clash(a) },
        Binding("sim", "loss") { c, a throws(BindingError) in try c.loss(a) },
        Binding("sim", "losses") { c, a throws(BindingError) in try c.losses(a) },
        Binding("sim", "get") { c, a throws(BindingError) in try c.getResource(a) },
        Binding("sim", "set") { c, a throws(BindingError) in try c.setResource(a) },
        Binding("sim", "add") { c, a throws(BindingError) in try c.addResource(a) },
        // Queries
        Binding("sim", "agents") { c, a throws(BindingError) in try c.agents(a) },
        Binding("sim", "agent_info") { c, a throws(BindingError) in try c.agentInfo(a) },
        Binding("sim", "regions") { c, a throws(BindingError) in try c.regions(a) },
        Binding("sim", "neighbors") { c, a throws(BindingError) in try c.neighbors(a) },
        Binding("sim", "distance") { c, a throws(BindingError) in try c.distance(a) },
        Binding("sim", "tick") { c, a throws(BindingError) in try c.tick(a) },
        Binding("sim", "date") { c, a throws(BindingError) in try c.date(a) },
        Binding("sim", "balance") { c, a throws(BindingError) in try c.balance(a) },
        Binding("sim", "coalitions") { c, a throws(BindingError) in try c.coalitions(a) },
        // Hooks
        Binding("sim", "on") { c, a throws(BindingError) in try c.on(a) },
        Binding("sim", "emit") { c, a throws(BindingError) in try c.emit(a) },
        Binding("sim", "at") { c, a throws(BindingError) in try c.at(a) },
        Binding("sim", "every") { c, a throws(BindingError) in try c.every(a) },
        Binding("sim", "when") { c, a throws(BindingError) in try c.when(a) },
        Binding("sim", "policy") { c, a throws(BindingError) in try c.policy(a) },
        Binding("sim", "stop") { c, a throws(BindingError) in try c.stop(a) },
        // Randomness
        Binding("sim", "random") { c, a throws(BindingError) in try c.random(a) },
        Binding("sim", "chance") { c, a throws(BindingError) in try c.chance(a) },
        Binding("sim", "normal") { c, a throws(BindingError) in try c.normal(a) },
        Binding("sim", "choose") { c, a throws(BindingError) in try c.choose(a) },
        Binding("math", "random") { c, a throws(BindingError) in try c.mathRandom(a) },
        // Output
        Binding("sim", "metric") { c, a throws(BindingError) in try c.metric(a) },
        Binding("sim", "outcome") { c, a throws(BindingError) in try c.outcome(a) },
        Binding("sim", "observed") { c, a throws(BindingError) in try c.observed(a) },
        Binding("sim", "log") { c, a throws(BindingError) in try c.log(a) },
        // Lua's own `print` would write to the terminal, which a run does not own: it logs instead.
        Binding("_G", "print") { c, a throws(BindingError) in try c.log(a) },
    ]

    /// Creates the global `sim` table and puts every binding in its table. The context must
    /// outlive the state: the state keeps an unretained pointer to it.
    static func install(_ context: BindingContext) {
        let L = context.L
        attach(context)
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

extension SimBindings {
    /// Points the bindings of the context's state at the context: the state keeps an unretained
    /// pointer to it, so the context must outlive the state's use.
    static func attach(_ context: BindingContext) {
        simrun_extraspace(context.L).pointee = Unmanaged.passUnretained(context).toOpaque()
    }
}

/// The trampoline's way into Swift: finds the context and the binding, runs it, and turns a
/// thrown error into a message on the stack and a status for the trampoline to raise.
private func hostEntry(_ L: OpaquePointer?, _ binding: Int32) -> Int32 {
    guard let L, let raw = simrun_extraspace(L).pointee else { return SIMRUN_RAISE_AS_IS }
    let context = Unmanaged<BindingContext>.fromOpaque(raw).takeUnretainedValue()
    // Events a script makes are kept for the report: they count against its memory cap (the
    // trampoline raises once the count passes it).
    defer { context.chargeNewEvents() }
    do {
        // Borrowed in place: copying the entry out would retain and release its three strings.
        return try SimBindings.all.withUnsafeBufferPointer { (table) throws(BindingError) -> Int32 in
            try table[Int(binding)].run(context, context.arguments(for: binding))
        }
    } catch {
        context.lua.push(error.message)
        return error.located ? SIMRUN_RAISE_AS_IS : SIMRUN_RAISE_WITH_WHERE
    }
}
