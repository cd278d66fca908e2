// ScenarioDefinition: what a scenario registered through `sim.*` — its declaration, params, hooks,
// metrics and outcomes — as a plain value. The bindings add to it, during setup and (hooks only)
// during the run; HookRunner reads it at every tick and ScenarioSummary lists it.
import SimCore

/// Everything a scenario registered, each kind in registration order.
struct ScenarioDefinition {
    /// `sim.scenario{...}`, once called.
    var declaration: ScenarioDeclaration?
    var params: [ParamDeclaration] = []
    /// `sim.at`: the tick each fires at.
    var atHooks: [(tick: Int, hook: Hook)] = []
    /// `sim.every`: each fires at the ticks divisible by its period.
    var everyHooks: [(period: Int, hook: Hook)] = []
    /// `sim.on("tick", ...)`.
    var tickHandlers: [Hook] = []
    /// `sim.on(type, ...)`, by event type (its bytes: two types Swift finds equivalent are two types).
    var eventHandlers: [ExactKey: [Hook]] = [:]
    /// `sim.on("*", ...)`: they see every event, after its typed handlers.
    var anyEventHandlers: [Hook] = []
    /// `sim.when`: the predicate checked at the end of each tick, and the action it fires once.
    var triggers: [(predicate: Hook, action: Hook)] = []
    /// `sim.policy`, in agent declaration order, each agent's in registration order.
    private(set) var policies: [(agent: Int, period: Int, hook: Hook)] = []
    private(set) var metricNames: [String] = []
    private(set) var metricHooks: [Hook] = []
    private(set) var outcomeNames: [String] = []
    private(set) var outcomeHooks: [Hook] = []
    /// `sim.observed`: facts of the record, each checked at the end like an outcome.
    private(set) var observedNames: [String] = []
    private(set) var observedHooks: [Hook] = []

    /// Adds a policy after the other policies of its agent and before those of later agents.
    mutating func addPolicy(agent: Int, period: Int, hook: Hook) {
        let position = policies.firstIndex { $0.agent > agent } ?? policies.count
        policies.insert((agent, period, hook), at: position)
    }

    mutating func addMetric(_ name: String, _ hook: Hook) {
        metricNames.append(name)
        metricHooks.append(hook)
    }

    mutating func addOutcome(_ name: String, _ hook: Hook) {
        outcomeNames.append(name)
        outcomeHooks.append(hook)
    }

    mutating func addObserved(_ name: String, _ hook: Hook) {
        observedNames.append(name)
        observedHooks.append(hook)
    }
}
