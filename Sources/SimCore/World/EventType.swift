// EventType: the names of the events the engine records itself. A scenario's own events
// (`sim.event`) carry any other name; reports and comparisons read these by name.

/// An event the engine records: its `rawValue` is the `type` written into the timeline.
package enum EventType: String, CaseIterable, Sendable {
    /// Two sides fought in a region (losses in the data).
    case clash
    /// A side's force in a region fell to nothing (or below `min_force`) in a clash or a loss.
    case eliminated
    /// A force lost strength outside a clash (`sim.loss`): the strength and its cause in the data.
    case loss
    /// Two agents went to war or made peace (the cause in the data: `hostility`, `calm`, or the
    /// scenario's).
    case war
    case peace
    /// A force set out from one region toward another.
    case move
    /// A moving force reached its destination.
    case arrival
    /// A tie (support, arms supply, intelligence sharing ...) was made or cut.
    case tieMade = "tie_made"
    case tieCut = "tie_cut"
    /// Strength was added to (or taken from) a force.
    case deploy
    /// An alignment crossed one of the scenario's thresholds.
    case threshold
    /// The scenario stopped the run early (the reason in the data).
    case stop
}
