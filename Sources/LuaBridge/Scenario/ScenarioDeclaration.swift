// ScenarioDeclaration: what `sim.scenario{...}` declared — the run's name, description, start date,
// steps, source and tick length.
import SimCore

/// What `sim.scenario{...}` declared.
struct ScenarioDeclaration {
    var name: String
    var description: String
    var start: SimDate
    var steps: Int?
    var source: String?
    var tickDays: Double
}
