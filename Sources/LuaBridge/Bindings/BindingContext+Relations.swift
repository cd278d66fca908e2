// BindingContext+Relations: sim.align, sim.alignment, sim.shift, sim.tie, sim.cut, sim.tied and
// sim.baseline, which read and change how agents stand toward each other now and in the long run.
import CLua
import SimCore

extension BindingContext {
    /// Reads the `{mutual=true}` option table at `index`, if any.
    private func mutualOption(_ args: LuaArguments, _ index: Int32) throws(BindingError) -> Bool {
        guard try args.optionalTable(index, "options") else { return false }
        try args.onlyFields(index, ["mutual"])
        return try args.field(index, "mutual") { i, _ throws(BindingError) in args.boolean(i) }
    }

    private func distinctPair(_ args: LuaArguments) throws(BindingError) -> (Int, Int) {
        let a = try args.agent(1, "a")
        let b = try args.agent(2, "b")
        guard a != b else { throw args.fail("an agent has no alignment toward itself ('\(world.agents[a].id)')") }
        return (a, b)
    }

    /// Sets an alignment with its baseline (or the baseline alone), warning once per pair when the
    /// value had to be clamped.
    private func setAlignment(_ args: LuaArguments, _ a: Int, _ b: Int, _ value: Double, baselineOnly: Bool = false) {
        let stored = baselineOnly ? world.setBaseline(a, toward: b, to: value) : world.align(a, toward: b, to: value)
        if stored != value {
            world.warnOnce(
                key: "clamp \(a) \(b)",
                "\(callerLocation()): \(args.function): alignment of \(world.agents[a].id) toward "
                    + "\(world.agents[b].id) was \(value), clamped to \(stored)")
        }
    }

    func align(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b) = try distinctPair(args)
        let value = try args.number(3, "value")
        let mutual = try mutualOption(args, 4)
        setAlignment(args, a, b, value)
        if mutual { setAlignment(args, b, a, value) }
        return 0
    }

    func alignment(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b) = try distinctPair(args)
        lua_pushnumber(L, world.alignment(a, toward: b))
        return 1
    }

    func shift(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b) = try distinctPair(args)
        let delta = try args.number(3, "delta")
        let mutual = try mutualOption(args, 4)
        // Shifting saturates at the ends of the range, as documented: no warning.
        let result = world.setAlignment(a, toward: b, to: world.alignment(a, toward: b) + delta)
        if mutual { world.setAlignment(b, toward: a, to: world.alignment(b, toward: a) + delta) }
        lua_pushnumber(L, result)
        return 1
    }

    private func tieArguments(_ args: LuaArguments) throws(BindingError) -> (Int, Int, String) {
        let (a, b) = try distinctPair(args)
        let kind = try args.string(3, "kind")
        guard !kind.isEmpty else { throw args.fail("argument #3 (kind) must not be empty") }
        return (a, b, kind)
    }

    func tie(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b, kindName) = try tieArguments(args)
        let mutual = try mutualOption(args, 4)
        if world.tieKindIndex(kindName) == nil { lua.charge(bytes: 64 + kindName.utf8.count) }
        let kind = world.tieKind(kindName)
        world.makeTie(a, b, kind: kind)
        if mutual { world.makeTie(b, a, kind: kind) }
        return 0
    }

    func cut(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b, kindName) = try tieArguments(args)
        let mutual = try mutualOption(args, 4)
        guard let kind = world.tieKindIndex(kindName) else { return 0 }
        world.cutTie(a, b, kind: kind)
        if mutual { world.cutTie(b, a, kind: kind) }
        return 0
    }

    func tied(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b, kindName) = try tieArguments(args)
        let tied = world.tieKindIndex(kindName).map { world.isTied(a, b, kind: $0) } ?? false
        lua_pushboolean(L, tied ? 1 : 0)
        return 1
    }

    /// `sim.baseline(a, b)` returns the long-run alignment decay pulls back toward;
    /// `sim.baseline(a, b, value [, {mutual=true}])` sets it alone and returns it.
    func baseline(_ args: LuaArguments) throws(BindingError) -> Int32 {
        let (a, b) = try distinctPair(args)
        if let value = try args.optionalNumber(3, "value") {
            let mutual = try mutualOption(args, 4)
            setAlignment(args, a, b, value, baselineOnly: true)
            if mutual { setAlignment(args, b, a, value, baselineOnly: true) }
        }
        lua_pushnumber(L, world.baseline(a, toward: b))
        return 1
    }
}
