// ScenarioRunner: the public face of LuaBridge — run a scenario file to a report, or load it to
// check it — each on its own large-stack thread with its own Lua state.
import SimCore
import SimReports

public enum ScenarioRunner {
    /// Loads, runs and reports one scenario. A failure during the run still yields a report
    /// with everything computed up to it; only a failure to load yields none.
    public static func run(_ request: RunRequest, simrunVersion: String) -> Result<RunReport, ScenarioFailure> {
        let outcome = LuaThread.run { () -> ReportBox in
            do throws(ScenarioFailure) {
                let scenario = try ScenarioLoader.load(request)
                let (simulation, status) = scenario.run(recordingDigests: true)
                return ReportBox(
                    .success(
                        RunReport(
                            simrunVersion: simrunVersion, scenario: scenario.info(), seed: request.seed,
                            params: scenario.params, steps: scenario.steps, status: status, world: scenario.world,
                            metricNames: scenario.definition.metricNames, metrics: simulation.metrics,
                            digests: simulation.digests, outcomes: simulation.outcomes, log: scenario.context.log)))
            } catch {
                return ReportBox(.failure(error))
            }
        }
        return outcome.result
    }

    /// Loads a scenario and runs its setup without stepping it.
    public static func check(_ request: RunRequest) -> Result<ScenarioSummary, ScenarioFailure> {
        LuaThread.run { () -> Result<ScenarioSummary, ScenarioFailure> in
            do throws(ScenarioFailure) {
                return .success(ScenarioSummary(try ScenarioLoader.load(request)))
            } catch {
                return .failure(error)
            }
        }
    }
}

/// Carries a report (which holds the World, a class) from the run's thread to the caller's;
/// nothing touches it on the run's thread after that.
private struct ReportBox: @unchecked Sendable {
    let result: Result<RunReport, ScenarioFailure>

    init(_ result: Result<RunReport, ScenarioFailure>) { self.result = result }
}
