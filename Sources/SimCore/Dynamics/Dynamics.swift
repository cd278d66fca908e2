// Dynamics: the rates of the built-in dynamics a scenario sets with `sim.dynamics{...}`.

/// Rates of the built-in dynamics. A rate of 0 turns its dynamic off.
package struct Dynamics: Sendable, Equatable {
    /// km per day a moving force covers.
    package var speed = 300.0
    /// Alignment at or below which forces of two agents in one region fight.
    package var hostility = -0.5
    /// Sigma of the log-normal factor on combat losses.
    package var noise = 0.2
    /// Alignment lost toward an attacker per share of force lost.
    package var grievance = 1.0
    /// Share of that grievance also turned toward the attacker's backers.
    package var blame = 0.5
    /// Rate of structural balance per day.
    package var balance = 0.02
    /// Rate per day of the pull back toward each pair's baseline.
    package var decay = 0.01
    /// Alignment values whose crossing is a `threshold` event; nil means `[hostility]`.
    package var thresholds: [Double]? = nil

    package init() {}

    /// Most ticks a run may ask for.
    package static let maxSteps = 10_000_000
    /// Days one tick may cover: from about a minute and a half to ten years.
    package static let tickDaysRange = 0.001...3650.0
    /// Most alignment thresholds whose crossing is watched.
    package static let maxThresholds = 64

    /// The thresholds in force.
    package var effectiveThresholds: [Double] { thresholds ?? [hostility] }
}
