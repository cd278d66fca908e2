// ScenarioLoader: turns a scenario file into a World ready to step — a sandboxed Lua state, the
// `sim` table, the setup run under the limits, and the checks that wait for the end of setup.
import SimCore

enum ScenarioLoader {
    /// Loads and sets up the scenario, or, in a cache that keeps setups, restores the end of the
    /// setup of an earlier run of the same request (SetupSnapshot). Must run on a large-stack thread.
    static func load(
        _ request: RunRequest,
        cache: ScenarioCache = ScenarioCache()
    ) throws(ScenarioFailure) -> LoadedScenario {
        guard cache.keepsSetups else { return try setUp(request, cache: cache) }
        let key = SetupSnapshot.Key(request)
        if let setup = cache.setup, setup.key == key, let restored = setup.restore(seed: request.seed, cache: cache) {
            cache.setupsRestored += 1
            return restored
        }
        let loaded = try setUp(request, cache: cache)
        // Kept from the second run of a request on: a design whose every run differs copies nothing.
        if cache.lastSetupKey == key, let setup = SetupSnapshot(of: loaded, request: request, cache: cache) {
            cache.setup = setup
        }
        cache.lastSetupKey = key
        return loaded
    }

    /// Runs the scenario's setup in a fresh sandbox.
    private static func setUp(_ request: RunRequest, cache: ScenarioCache) throws(ScenarioFailure) -> LoadedScenario {
        var overrides: [String: ParamOverride] = [:]
        for (name, value) in request.overrides {
            guard overrides.updateValue(value, forKey: name) == nil else {
                throw .usage("--param \(name) is given twice")
            }
        }
        let pinned = try pinnedRates(request.overrides)
        let files: ScenarioFiles
        do {
            files = try ScenarioFiles(mainPath: request.file, libraries: request.libraries, cache: cache)
        } catch {
            throw .fileNotFound(error.message)
        }
        let lua: LuaState
        do throws(RunFailure) {
            lua = try LuaState(limits: request.limits, cache: cache)
        } catch {
            throw .scenario(error)
        }
        let world = World(seed: request.seed)
        for (rate, value) in pinned { world.dynamics[keyPath: rate.path] = value }
        let context = BindingContext(
            lua: lua, world: world, files: files, paramOverrides: overrides, pinnedRates: pinned)
        SimBindings.install(context)
        do throws(RunFailure) {
            files.including.insert(files.main.resolved)  // an include of the main file is a cycle
            try lua.load(files.main.bytes, displayPath: files.mainPath, key: files.main.resolved)
            try lua.call(nargs: 0, nresults: 0, context: files.mainPath)
        } catch {
            throw context.classify(error)
        }
        for reference in context.pendingReferences {
            do throws(BindingError) {
                try reference.resolve(in: world)
            } catch {
                throw .scenario(RunFailure(.error, error.message))
            }
        }
        let typed = try typedOverrides(request.overrides, params: context.definition.params, pinned: pinned)
        guard var declaration = context.definition.declaration else {
            throw .scenario(
                RunFailure(
                    .error,
                    "\(files.mainPath): the scenario never calls sim.scenario{name=, start=, ...}"))
        }
        if let steps = request.steps { declaration.steps = steps }
        guard declaration.steps != nil else {
            throw .usage("\(files.mainPath) declares no steps: give --steps N")
        }
        return LoadedScenario(context: context, declaration: declaration, overrides: typed)
    }

    /// The value in force of each overridden param, in the order given; an override that names no
    /// declared param is the user's error.
    private static func typedOverrides(
        _ overrides: [(String, ParamOverride)],
        params: [ParamDeclaration], pinned: [(DynamicsRate, Double)]
    ) throws(ScenarioFailure) -> [(String, ScalarValue)] {
        let values = Dictionary(params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var typed: [(String, ScalarValue)] = []
        for (name, _) in overrides {
            if let pin = pinned.first(where: { $0.0.paramName == name }) {
                typed.append((name, .number(pin.1)))
                continue
            }
            guard let value = values[name] else {
                let list = params.map(\.name).joined(separator: ", ")
                throw .usage("--param \(name): the scenario has no such param (known: \(list.isEmpty ? "none" : list))")
            }
            typed.append((name, value))
        }
        return typed
    }

    /// The `--param dynamics.NAME=VALUE` overrides: each names a rate of `Dynamics.rates` and gives a
    /// number it allows. They hold for the whole run, whatever `sim.dynamics` says.
    private static func pinnedRates(
        _ overrides: [(String, ParamOverride)]
    ) throws(ScenarioFailure) -> [(DynamicsRate, Double)] {
        var pinned: [(DynamicsRate, Double)] = []
        for (name, override) in overrides where name.hasPrefix(DynamicsRate.paramPrefix) {
            let rateName = String(name.dropFirst(DynamicsRate.paramPrefix.count))
            guard let rate = Dynamics.rate(named: rateName) else {
                let known = Dynamics.rates.map(\.paramName).joined(separator: ", ")
                throw .usage("--param \(name): no such built-in rate (known: \(known))")
            }
            guard let value = override.resolved(like: .number(rate.defaultValue))?.numeric else {
                throw .usage("--param \(name)=\(override): expected a number")
            }
            guard rate.allowed.contains(value) else {
                throw .usage(
                    "--param \(name)=\(override) is outside [\(ScalarValue.plainText(rate.allowed.lowerBound)), "
                        + "\(ScalarValue.plainText(rate.allowed.upperBound))]")
            }
            pinned.append((rate, value))
        }
        return pinned
    }
}
