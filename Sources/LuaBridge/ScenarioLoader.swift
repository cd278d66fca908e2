// ScenarioLoader: turns a scenario file into a World ready to step — a sandboxed Lua state, the
// `sim` table, the setup run under the limits, and the checks that wait for the end of setup.
import CLua
import CLuaShim
import SimCore
import SimReports

/// Why a scenario could not be loaded or run.
public enum ScenarioFailure: Error, Sendable {
    /// The main scenario file does not exist or cannot be read.
    case fileNotFound(String)
    /// A `--param` that names no param, or a value that does not fit it.
    case usage(String)
    /// A syntax error, a wrong call, a failed validation, or a limit reached.
    case scenario(RunFailure)

    public var message: String {
        switch self {
        case .fileNotFound(let m), .usage(let m): return m
        case .scenario(let failure): return failure.message
        }
    }
}

/// What a run is asked to do.
public struct RunRequest: Sendable {
    public var file: String
    public var seed: UInt64
    /// Overrides the scenario's `steps`.
    public var steps: Int?
    /// `--param NAME=VALUE`, in command-line order.
    public var params: [(String, String)]
    public var limits: ScenarioLimits

    public init(file: String, seed: UInt64 = 1, steps: Int? = nil, params: [(String, String)] = [],
                limits: ScenarioLimits = ScenarioLimits()) {
        self.file = file
        self.seed = seed
        self.steps = steps
        self.params = params
        self.limits = limits
    }
}

/// A scenario whose setup ran: its world, its hooks, and the Lua state they live in.
final class LoadedScenario {
    let lua: LuaState
    let world: World
    let context: ScenarioContext
    let declaration: ScenarioDeclaration

    fileprivate init(lua: LuaState, world: World, context: ScenarioContext, declaration: ScenarioDeclaration) {
        self.lua = lua
        self.world = world
        self.context = context
        self.declaration = declaration
    }

    var steps: Int { declaration.steps ?? 0 }

    func info() -> ScenarioInfo {
        ScenarioInfo(name: declaration.name, description: declaration.description,
                     file: context.files.mainPath, sha256: context.files.sha256, source: declaration.source)
    }
}

enum ScenarioLoader {
    /// Loads and sets up the scenario. Must run on a large-stack thread.
    static func load(_ request: RunRequest, cache: ScenarioCache = ScenarioCache()) throws(ScenarioFailure) -> LoadedScenario {
        var overrides: [String: String] = [:]
        for (name, value) in request.params {
            guard overrides.updateValue(value, forKey: name) == nil else {
                throw .usage("--param \(name) is given twice")
            }
        }
        let files: ScenarioFiles
        do {
            files = try ScenarioFiles(mainPath: request.file, cache: cache)
        } catch {
            throw .fileNotFound(error.message)
        }
        let lua = LuaState(limits: request.limits, cache: cache)
        let world = World(seed: request.seed)
        let context = ScenarioContext(lua: lua, world: world, files: files, paramOverrides: overrides)
        do throws(RunFailure) {
            try Sandbox.install(in: lua)
            SimBindings.install(context)
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
        let known = Set(context.params.map(\.name))
        if let unknown = request.params.map(\.0).first(where: { !known.contains($0) }) {
            let list = context.params.map(\.name).joined(separator: ", ")
            throw .usage("--param \(unknown): the scenario has no such param (known: \(list.isEmpty ? "none" : list))")
        }
        guard var declaration = context.declaration else {
            throw .scenario(RunFailure(.error, "\(files.mainPath): the scenario never calls sim.scenario{name=, start=, ...}"))
        }
        if let steps = request.steps { declaration.steps = steps }
        guard declaration.steps != nil else {
            throw .usage("\(files.mainPath) declares no steps: give --steps N")
        }
        return LoadedScenario(lua: lua, world: world, context: context, declaration: declaration)
    }
}

extension ScenarioContext {
    /// A failure during setup: a bad `--param` is the user's, anything else the scenario's.
    func classify(_ failure: RunFailure) -> ScenarioFailure {
        paramError.map { .usage($0) } ?? .scenario(failure)
    }
}
