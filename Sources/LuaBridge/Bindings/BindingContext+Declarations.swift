// BindingContext+Declarations: sim.scenario, sim.param, sim.dynamics, sim.region, sim.link,
// sim.agent and sim.include. They build the World while the scenario file sets up.
import CLua
import CLuaShim
import SimCore

extension BindingContext {
    func declareScenario(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        guard definition.declaration == nil else { throw args.fail("the scenario is already declared") }
        try args.table(1, "spec")
        try args.onlyFields(1, ["name", "description", "start", "steps", "source", "tick_days"])
        let name = try args.field(1, "name") { i, k throws(BindingError) in try args.string(i, k, field: true) }
        let description =
            try args.field(1, "description") { i, k throws(BindingError) in
                try args.optionalString(i, k, field: true)
            } ?? ""
        let startText = try args.field(1, "start") { i, k throws(BindingError) in try args.string(i, k, field: true) }
        guard let start = SimDate(iso: startText) else {
            throw args.fail("field 'start' must be a date YYYY-MM-DD, got '\(startText)'")
        }
        let steps = try args.field(1, "steps") { i, k throws(BindingError) in
            try args.optionalInteger(i, k, field: true)
        }
        if let steps, !(0...Dynamics.maxSteps).contains(steps) {
            throw args.fail("field 'steps' must be in [0, \(Dynamics.maxSteps)], got \(steps)")
        }
        let source = try args.field(1, "source") { i, k throws(BindingError) in
            try args.optionalString(i, k, field: true)
        }
        let tickDays =
            try args.field(1, "tick_days") { i, k throws(BindingError) in
                try args.optionalNumber(i, k, field: true)
            } ?? 1
        guard Dynamics.tickDaysRange.contains(tickDays) else {
            throw args.fail(
                "field 'tick_days' must be in [\(Dynamics.tickDaysRange.lowerBound), "
                    + "\(ScalarValue.plainText(Dynamics.tickDaysRange.upperBound))], got \(tickDays)")
        }
        definition.declaration = ScenarioDeclaration(
            name: name, description: description, start: start,
            steps: steps, source: source, tickDays: tickDays)
        world.start = start
        world.tickDays = tickDays
        return 0
    }

    func declareParam(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        let name = try args.string(1, "name")
        guard !definition.declares(name, as: .param) else {
            throw args.fail("param '\(name)' is already declared")
        }
        guard let defaultValue = try args.scalar(2, "argument #2 (default)") else {
            throw args.fail(
                "argument #2 (default) must be a number, boolean or string, "
                    + "got \(args.lua.typeName(at: 2))")
        }
        var min: Double?, max: Double?, doc: String?, choices: [ScalarValue]?, fixed = false
        if try args.optionalTable(3, "options") {
            try args.onlyFields(3, ["min", "max", "doc", "choices", "fixed", "sample"])
            min = try args.field(3, "min") { i, k throws(BindingError) in try args.optionalNumber(i, k, field: true) }
            max = try args.field(3, "max") { i, k throws(BindingError) in try args.optionalNumber(i, k, field: true) }
            doc = try args.field(3, "doc") { i, k throws(BindingError) in try args.optionalString(i, k, field: true) }
            choices = try args.field(3, "choices") { i, _ throws(BindingError) in
                try paramChoices(args, at: i, like: defaultValue)
            }
            let fixedOption = try args.field(3, "fixed") { i, _ throws(BindingError) in args.boolean(i) }
            let sampled = try args.field(3, "sample") { i, _ throws(BindingError) in args.isNil(i) || args.boolean(i) }
            fixed = fixedOption || !sampled
        }
        var value = defaultValue
        let override = paramOverrides[name]
        if let override {
            guard let resolved = override.resolved(like: defaultValue) else {
                throw usageError("--param \(name)=\(override): expected \(defaultValue.typeDescription)")
            }
            value = resolved
        }
        if let number = defaultValue.numeric, !number.isFinite {
            throw args.fail("argument #2 (default) must be a finite number, got \(number)")
        }
        let param = ParamDeclaration(
            name: name, value: value, defaultValue: defaultValue, min: min, max: max, choices: choices, fixed: fixed,
            doc: doc)
        if let outside = param.outsideRange(defaultValue) {
            throw args.fail("the default \(defaultValue) of '\(name)' is \(outside)")
        }
        if let outside = param.outsideRange(value), let override {
            throw usageError("--param \(name)=\(override) is \(outside)")
        }
        definition.addParam(param)
        lua.push(value)
        return 1
    }

    /// The `choices = {...}` of a param: a non-empty array of distinct values of the default's type.
    private func paramChoices(
        _ args: LuaArguments, at index: Int32, like defaultValue: ScalarValue
    ) throws(BindingError) -> [ScalarValue]? {
        if args.isNil(index) { return nil }
        guard lua_type(L, index) == LUA_TTABLE, (1...1_000).contains(lua_rawlen(L, index)) else {
            throw args.fail("field 'choices' must be an array of 1 to 1000 values like the default")
        }
        var choices: [ScalarValue] = []
        for position in 1...Int(lua_rawlen(L, index)) {
            lua_rawgeti(L, index, lua_Integer(position))
            defer { simrun_pop(L, 1) }
            guard let given = try args.scalar(-1, "field 'choices'"),
                let value = ParamOverride.value(given).resolved(like: defaultValue)
            else {
                throw args.fail(
                    "field 'choices' must hold values of the default's type (\(defaultValue.typeDescription))")
            }
            guard !choices.contains(value) else { throw args.fail("field 'choices' names \(value) twice") }
            choices.append(value)
        }
        return choices
    }

    /// Records a `--param` error so that the loader reports it as the user's.
    private func usageError(_ message: String) -> BindingError {
        paramError = message
        return BindingError(message, located: true)
    }

    /// `sim.dynamics{...}` sets rates; `sim.dynamics()` returns those in force, thresholds included,
    /// so that a script can respect them (a move of at least `min_force`, say).
    func setDynamics(_ args: LuaArguments) throws(BindingError) -> Int32 {
        if args.isNil(1) {
            let dynamics = world.dynamics
            lua_createtable(L, 0, Int32(Dynamics.rates.count + 1))
            for rate in Dynamics.rates {
                lua_pushnumber(L, dynamics[keyPath: rate.path])
                lua.setField(rate.name)
            }
            let thresholds = dynamics.effectiveThresholds
            lua_createtable(L, Int32(thresholds.count), 0)
            for (position, threshold) in thresholds.enumerated() {
                lua_pushnumber(L, threshold)
                lua_rawseti(L, -2, lua_Integer(position + 1))
            }
            lua.setField("thresholds")
            return 1
        }
        try args.table(1, "rates")
        // Bounded so that no rate makes the engine's per-tick work or its numbers explode.
        try args.onlyFields(1, Dynamics.rates.map(\.name) + ["thresholds"])
        var dynamics = world.dynamics
        for rate in Dynamics.rates {
            guard
                let value = try args.field(
                    1, rate.name,
                    { i, k throws(BindingError) in
                        try args.optionalNumber(i, k, field: true)
                    })
            else { continue }
            guard rate.allowed.contains(value) else {
                throw args.fail(
                    "field '\(rate.name)' must be in [\(ScalarValue.plainText(rate.allowed.lowerBound)), "
                        + "\(ScalarValue.plainText(rate.allowed.upperBound))], got \(value)")
            }
            dynamics[keyPath: rate.path] = value
        }
        // A rate the shell pinned holds for the whole run.
        for (rate, value) in pinnedRates { dynamics[keyPath: rate.path] = value }
        dynamics.thresholds = try args.field(1, "thresholds") { i, _ throws(BindingError) -> [Double]? in
            if args.isNil(i) { return dynamics.thresholds }
            guard lua_type(L, i) == LUA_TTABLE else {
                throw args.fail("field 'thresholds' must be an array of numbers")
            }
            var values: [Double] = []
            let count = lua_rawlen(L, i)
            guard count <= Dynamics.maxThresholds else {
                throw args.fail("field 'thresholds' holds \(count) values; at most \(Dynamics.maxThresholds)")
            }
            for position in 0..<Int(count) {
                lua_rawgeti(L, i, lua_Integer(position + 1))
                defer { simrun_pop(L, 1) }
                values.append(try args.number(-1, "thresholds[\(position + 1)]", field: true))
            }
            return values
        }
        world.dynamics = dynamics
        return 0
    }

    func declareRegion(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        try args.table(1, "spec")
        try args.onlyFields(1, ["id", "name", "country", "lat", "lon"])
        let id = try args.field(1, "id") { i, k throws(BindingError) in try args.string(i, k, field: true) }
        let name =
            try args.field(1, "name") { i, k throws(BindingError) in
                try args.optionalString(i, k, field: true)
            } ?? id
        let lat = try args.field(1, "lat") { i, k throws(BindingError) in try args.number(i, k, field: true) }
        let lon = try args.field(1, "lon") { i, k throws(BindingError) in try args.number(i, k, field: true) }
        guard (-90...90).contains(lat) else { throw args.fail("field 'lat' must be in [-90, 90], got \(lat)") }
        guard (-180...180).contains(lon) else { throw args.fail("field 'lon' must be in [-180, 180], got \(lon)") }
        let country = try args.field(1, "country") { i, k throws(BindingError) in
            try args.optionalString(i, k, field: true)
        }
        guard let region = world.addRegion(Region(id: id, name: name, latitude: lat, longitude: lon)) else {
            throw args.fail("region '\(id)' is already declared")
        }
        ids.registerRegion(id, index: region)
        if let country {
            refer(to: country, as: .country(region: region))
        }
        return 0
    }

    /// Sets a country or patron now when the agent exists, else when setup ends.
    private func refer(to agentID: String, as role: PendingReference.Role) {
        if let agent = world.agentIndex(agentID) {
            role.set(agent, in: world)
        } else {
            // Where the declaration stands is only needed should the id never be declared.
            pendingReferences.append(PendingReference(role: role, agentID: agentID, origin: callerLocation()))
        }
    }

    /// Sets the countries and patrons that named this agent before it was declared.
    private func resolvePendingReferences(to agentID: String) {
        for reference in pendingReferences where reference.agentID == agentID {
            try? reference.resolve(in: world)
        }
        pendingReferences.removeAll { $0.agentID == agentID }
    }

    func declareLink(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        let a = try args.region(1, "a")
        let b = try args.region(2, "b")
        guard a != b else { throw args.fail("cannot link region '\(world.regions[a].id)' to itself") }
        let km = try args.optionalNumber(3, "km")
        if let km, km <= 0 { throw args.fail("argument #3 (km) must be above 0, got \(km)") }
        world.link(a, b, km: km)
        return 0
    }

    func declareAgent(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        try args.table(1, "spec")
        try args.onlyFields(1, ["id", "name", "short", "kind", "resources", "patron", "effectiveness"])
        let id = try args.field(1, "id") { i, k throws(BindingError) in try args.string(i, k, field: true) }
        let name =
            try args.field(1, "name") { i, k throws(BindingError) in
                try args.optionalString(i, k, field: true)
            } ?? id
        let short = try args.field(1, "short") { i, k throws(BindingError) in
            try args.optionalString(i, k, field: true)
        }
        if let short, !(1...Agent.shortLimit).contains(short.count) {
            throw args.fail(
                "field 'short' must be 1 to \(Agent.shortLimit) characters, got \(short.count) ('\(short)')")
        }
        let kind = try args.field(1, "kind") { i, k throws(BindingError) in try args.string(i, k, field: true) }
        let effectiveness =
            try args.field(1, "effectiveness") { i, k throws(BindingError) in
                try args.optionalNumber(i, k, field: true)
            } ?? Agent.defaultEffectiveness
        guard effectiveness >= 0 else {
            throw args.fail("field 'effectiveness' must be 0 or more, got \(effectiveness)")
        }
        let patron = try args.field(1, "patron") { i, k throws(BindingError) in
            try args.optionalString(i, k, field: true)
        }
        var resources: [(String, Double)] = []
        try args.field(1, "resources") { i, _ throws(BindingError) in
            if args.isNil(i) { return }
            guard lua_type(L, i) == LUA_TTABLE else { throw args.fail("field 'resources' must be a table of numbers") }
            for key in try args.sortedKeys(i, "field 'resources'") {
                resources.append(
                    (
                        key,
                        try args.field(i, key) { j, k throws(BindingError) in
                            try args.number(j, "resources." + k, field: true)
                        }
                    ))
            }
        }
        guard
            let agent = world.addAgent(
                Agent(id: id, name: name, kind: kind, short: short, effectiveness: effectiveness))
        else {
            throw args.fail("agent '\(id)' is already declared")
        }
        ids.registerAgent(id, index: agent)
        resolvePendingReferences(to: id)
        // The world's matrices grow with the square of the agents: count that work and memory.
        let n = world.agentCount
        lua.charge(bytes: World.bytesPerAgentPair * (2 * n - 1))
        guard lua.charge(instructions: Int64(n * n / 16)) else {
            throw BindingError(lua.instructionLimitMessage(callerLocation()), located: true)
        }
        for (key, value) in resources {
            world.setResource(world.declareResource(key), of: agent, to: value)
        }
        if let patron {
            refer(to: patron, as: .patron(agent: agent))
        }
        return 0
    }

    func include(_ args: LuaArguments) throws(BindingError) -> Int32 {
        try requireSetup(args)
        let relative = try args.string(1, "path")
        let source: ScenarioFiles.Source
        do throws(ScenarioFileError) {
            source = try files.resolveInclude(relative, from: lua.callerSource() ?? files.mainPath)
        } catch {
            throw args.fail(error.message)
        }
        if let results = files.includeResults[source.resolved] {
            lua.pushReference(results)
            return 1
        }
        guard files.including.insert(source.resolved).inserted else {
            throw args.fail("'\(relative)' includes itself (an include cycle)")
        }
        defer { files.including.remove(source.resolved) }
        do throws(RunFailure) {
            try lua.load(source.bytes, displayPath: source.display, key: source.resolved)
            try lua.call(nargs: 0, nresults: 1, context: source.display)
        } catch {
            throw BindingError(error.message, located: true)
        }
        lua_pushvalue(L, -1)
        files.includeResults[source.resolved] = lua.reference()
        return 1
    }
}
