// ScenarioHooks: what the engine asks of a scenario while it runs — its hooks, events, metrics and
// outcomes — so that the engine needs no knowledge of Lua.

/// What a scenario adds to the engine's loop. LuaBridge implements it; SimCore knows no Lua.
package protocol ScenarioHooks: AnyObject {
    /// Fires the hooks due at the world's current tick, and the handlers of the events they cause.
    func fireScheduled(in world: World) throws(RunFailure)
    /// Hands the events recorded since the last dispatch to their handlers.
    func dispatchEvents(in world: World) throws(RunFailure)
    /// Checks `when` predicates and fires those that hold.
    func checkTriggers(in world: World) throws(RunFailure)
    /// The value of every metric now, in `metricNames` order.
    func sampleMetrics(in world: World) throws(RunFailure) -> [Double]
    /// The outcomes, evaluated once at the end.
    func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)]
    var metricNames: [String] { get }
}
