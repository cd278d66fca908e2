// LoadedScenario: a scenario whose setup ran — its world, what it registered, the Lua state they
// live in — and the one place a loaded scenario is run, for single runs and batch runs alike.
import SimCore
import SimReports

/// A scenario whose setup ran, ready to step.
final class LoadedScenario {
    let context: BindingContext
    /// The declaration, with the request's steps in force.
    let declaration: ScenarioDeclaration
    /// The params the request overrode, typed as the scenario declares them, in the order given.
    let overrides: [(String, ScalarValue)]

    init(context: BindingContext, declaration: ScenarioDeclaration, overrides: [(String, ScalarValue)]) {
        self.context = context
        self.declaration = declaration
        self.overrides = overrides
    }

    var world: World { context.world }
    var definition: ScenarioDefinition { context.definition }
    var steps: Int { declaration.steps ?? 0 }

    /// Every param with the value in force, in declaration order, then the rates the shell pinned
    /// (`dynamics.NAME`) in the order given.
    var params: [(String, ScalarValue)] {
        definition.params.map { ($0.name, $0.value) }
            + context.pinnedRates.map { ($0.0.paramName, ScalarValue.number($0.1)) }
    }

    func info() -> ScenarioInfo {
        ScenarioInfo(
            name: declaration.name, description: declaration.description,
            file: context.files.mainPath, sha256: context.files.sha256, source: declaration.source,
            regions: world.regions, links: world.links)
    }

    /// Runs the scenario for its steps, its hooks called from the engine's loop; declarations are
    /// refused from here on. Digests and the force history are recorded for a report, which needs
    /// them; a batch row does not.
    func run(forReport: Bool) -> (simulation: Simulation, status: RunStatus) {
        context.phase = .running
        let simulation = Simulation(world: world, hooks: HookRunner(context: context))
        simulation.recordsDigests = forReport
        simulation.recordsForceChanges = forReport
        // The force history grows with what the run does, not with its length: each tick's changes
        // are charged as they are kept, and a run that changes forces past the cap fails there.
        simulation.chargeForceChanges = {
            [lua = context.lua, path = context.files.mainPath, world] bytes throws(RunFailure) in
            guard lua.charge(bytes: bytes) else {
                throw RunFailure(
                    .limit, lua.memoryLimitMessage(path) + ": recording force changes at tick \(world.tick)")
            }
        }
        // The engine keeps every metric's value and (for a report) a digest at each tick, outside the
        // Lua heap: the whole recording counts against the memory cap before the first tick, so a run
        // that could not keep it fails at once instead of growing past the cap on the host. The digests
        // count whether or not they are kept, so that a batch's row and its rerun by `simrun run` end
        // alike near the cap.
        let perTick = definition.metricNames.count * 8 + MemoryLayout<StateDigest>.stride
        let (bytes, overflow) = (steps + 1).multipliedReportingOverflow(by: perTick)
        guard !overflow, context.lua.charge(bytes: bytes) else {
            let message =
                context.lua.memoryLimitMessage(context.files.mainPath)
                + ": recording \(definition.metricNames.count) metrics over \(steps) ticks"
            return (simulation, .failed(RunFailure(.limit, message)))
        }
        simulation.reserveRecording(ticks: steps)
        return (simulation, simulation.run(steps: steps))
    }
}
