// ScenarioRunner: the public face of LuaBridge — run a scenario file to a report, or load it to
// check it — each on its own large-stack thread with its own Lua state.
import SimCore
import SimReports

package enum ScenarioRunner {
    /// Loads, runs and reports one scenario. A failure during the run still yields a report
    /// with everything computed up to it; only a failure to load yields none.
    package static func run(_ request: RunRequest, simrunVersion: String) -> Result<RunReport, ScenarioFailure> {
        LuaThread.run { () -> Result<RunReport, ScenarioFailure> in
            do throws(ScenarioFailure) {
                let scenario = try ScenarioLoader.load(request)
                // The rates after setup: a hook's sim.dynamics may change them before the end.
                let dynamics = scenario.world.dynamics
                let (simulation, status) = scenario.run(forReport: true)
                return .success(
                    RunReport(
                        simrunVersion: simrunVersion, scenario: scenario.info(), seed: request.seed,
                        params: scenario.params, steps: scenario.steps, status: status, world: scenario.world,
                        dynamics: dynamics, metricNames: scenario.definition.metricNames, metrics: simulation.metrics,
                        digests: simulation.digests, outcomes: simulation.outcomes,
                        observed: scenario.context.observed, log: scenario.context.log,
                        forceChanges: simulation.forceChanges))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Loads a scenario and runs its setup without stepping it.
    package static func check(_ request: RunRequest) -> Result<ScenarioSummary, ScenarioFailure> {
        LuaThread.run { () -> Result<ScenarioSummary, ScenarioFailure> in
            do throws(ScenarioFailure) {
                return .success(ScenarioSummary(try ScenarioLoader.load(request)))
            } catch {
                return .failure(error)
            }
        }
    }
}
