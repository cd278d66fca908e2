// Dynamics: the rates of the built-in dynamics a scenario sets with `sim.dynamics{...}`.

/// Rates of the built-in dynamics. A rate of 0 turns its dynamic off.
public struct Dynamics: Sendable, Equatable {
    /// km per day a moving force covers.
    public var speed = 300.0
    /// Alignment at or below which forces of two agents in one region fight.
    public var hostility = -0.5
    /// Sigma of the log-normal factor on combat losses.
    public var noise = 0.2
    /// Alignment lost toward an attacker per share of force lost.
    public var grievance = 1.0
    /// Share of that grievance also turned toward the attacker's backers.
    public var blame = 0.5
    /// Rate of structural balance per day.
    public var balance = 0.02
    /// Rate per day of the pull back toward each pair's baseline.
    public var decay = 0.01
    /// Alignment values whose crossing is a `threshold` event; nil means `[hostility]`.
    public var thresholds: [Double]? = nil

    public init() {}

    /// Most ticks a run may ask for.
    public static let maxSteps = 10_000_000
    /// Days one tick may cover: from about a minute and a half to ten years.
    public static let tickDaysRange = 0.001...3650.0
    /// Most alignment thresholds whose crossing is watched.
    public static let maxThresholds = 64

    /// The thresholds in force.
    public var effectiveThresholds: [Double] { thresholds ?? [hostility] }
}
