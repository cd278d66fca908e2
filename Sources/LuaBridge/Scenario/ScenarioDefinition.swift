// ScenarioDefinition: what a scenario registered through `sim.*` — its declaration, params, hooks,
// metrics and outcomes — as a plain value. The bindings add to it, during setup and (hooks only)
// during the run; HookRunner reads it at every tick and ScenarioSummary lists it.
import SimCore

/// Everything a scenario registered, each kind in registration order.
struct ScenarioDefinition {
    /// `sim.scenario{...}`, once called.
    var declaration: ScenarioDeclaration?
    private(set) var params: [ParamDeclaration] = []
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
    /// `sim.policy`, by agent (index = agent), each agent's in registration order: run in agent
    /// declaration order without sorting, and registered in constant time.
    private(set) var policiesByAgent: [[(period: Int, hook: Hook)]] = []

    /// Every policy in the order they run: agent by agent, each agent's in registration order.
    var policies: [(agent: Int, period: Int, hook: Hook)] {
        policiesByAgent.enumerated().flatMap { agent, bucket in bucket.map { (agent, $0.period, $0.hook) } }
    }

    private(set) var metricNames: [String] = []
    private(set) var metricHooks: [Hook] = []
    private(set) var outcomeNames: [String] = []
    private(set) var outcomeHooks: [Hook] = []
    /// `sim.observed`: facts of the record, each checked at the end like an outcome.
    private(set) var observedNames: [String] = []
    private(set) var observedHooks: [Hook] = []
    /// The names declared so far of each kind, by their bytes: a duplicate is found in one lookup, not a
    /// scan (20,000 metrics once took 16 s of unbudgeted checking).
    private(set) var declaredNames: [NameKind: Set<ExactKey>] = [:]

    /// The kinds of name a scenario declares, each unique within its kind.
    enum NameKind { case param, metric, outcome, observed }

    /// Whether a name of that kind is declared already.
    func declares(_ name: String, as kind: NameKind) -> Bool {
        declaredNames[kind]?.contains(ExactKey(name)) ?? false
    }

    mutating func addParam(_ param: ParamDeclaration) {
        params.append(param)
        declaredNames[.param, default: []].insert(ExactKey(param.name))
    }

    /// Adds a policy after the other policies of its agent and before those of later agents.
    mutating func addPolicy(agent: Int, period: Int, hook: Hook) {
        if policiesByAgent.count <= agent {
            policiesByAgent += Array(repeating: [], count: agent + 1 - policiesByAgent.count)
        }
        policiesByAgent[agent].append((period, hook))
    }

    mutating func addMetric(_ name: String, _ hook: Hook) {
        declaredNames[.metric, default: []].insert(ExactKey(name))
        metricNames.append(name)
        metricHooks.append(hook)
    }

    mutating func addOutcome(_ name: String, _ hook: Hook) {
        declaredNames[.outcome, default: []].insert(ExactKey(name))
        outcomeNames.append(name)
        outcomeHooks.append(hook)
    }

    mutating func addObserved(_ name: String, _ hook: Hook) {
        declaredNames[.observed, default: []].insert(ExactKey(name))
        observedNames.append(name)
        observedHooks.append(hook)
    }
}
