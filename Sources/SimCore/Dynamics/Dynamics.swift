// Dynamics: the rates of the built-in dynamics a scenario sets with `sim.dynamics{...}` and the
// shell pins with `--param dynamics.NAME=VALUE`. Each rate's meaning in days and people, its default
// and why, and its source are in docs/dynamics.md; `Dynamics.rates` lists them for the bindings.

/// Rates of the built-in dynamics. A rate of 0 turns its dynamic off.
package struct Dynamics: Sendable, Equatable {
    /// km per day a moving force covers.
    package var speed = 300.0
    /// Alignment at or below which a pair counts as hostile (threshold events, the road to war).
    package var hostility = -0.5
    /// Sigma of the log-normal factor on combat losses.
    package var noise = 0.2
    /// Alignment lost toward an attacker per share of force lost.
    package var grievance = 1.0
    /// Share of that grievance also turned toward the attacker's backers.
    package var blame = 0.5
    /// Rate of structural balance per day, per triad.
    package var balance = 0.001
    /// Rate per day of the pull back toward each pair's baseline.
    package var decay = 0.01
    /// Days of hostility both ways after which a pair is at war (and of calm both ways after which a
    /// war ends); 0: only scripts make war and peace.
    package var warDays = 30.0
    /// Margin past a threshold an alignment must move before a crossing back counts.
    package var hysteresis = 0.05
    /// Strength below which a force is gone.
    package var minForce = 1.0
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

    /// Whether `effectiveThresholds` is `watched`, asked every tick without building the array.
    package func thresholdsAre(_ watched: [Double]) -> Bool {
        if let thresholds { return thresholds == watched }
        return watched.count == 1 && watched[0] == hostility
    }

    /// Every scalar rate, in the order reports list them.
    package static let rates: [DynamicsRate] = [
        DynamicsRate("speed", \.speed, allowed: 0...100_000, documented: 50...600),
        DynamicsRate("hostility", \.hostility, allowed: -1...1, documented: -0.9...(-0.1)),
        DynamicsRate("noise", \.noise, allowed: 0...10, documented: 0...0.5),
        DynamicsRate("grievance", \.grievance, allowed: 0...100, documented: 0...2),
        DynamicsRate("blame", \.blame, allowed: 0...100, documented: 0...1),
        DynamicsRate("balance", \.balance, allowed: 0...100, documented: 0...0.01),
        DynamicsRate("decay", \.decay, allowed: 0...1_000, documented: 0...0.05),
        DynamicsRate("war_days", \.warDays, allowed: 0...3_650, documented: 7...90),
        DynamicsRate("hysteresis", \.hysteresis, allowed: 0...2, documented: 0...0.2),
        DynamicsRate("min_force", \.minForce, allowed: 0...1_000_000, documented: 0...10),
    ]

    /// The rate of that name (`war_days`, not `dynamics.war_days`).
    package static func rate(named name: String) -> DynamicsRate? {
        rates.first { $0.name == name }
    }
}

/// One scalar rate of `Dynamics`: its scenario name, where it lives, what a scenario may set and
/// the range docs/dynamics.md defends (what sweeps and samples should cover).
package struct DynamicsRate: Sendable {
    /// The prefix of a rate's name on the command line and in batch params: `dynamics.balance`.
    package static let paramPrefix = "dynamics."

    package let name: String
    package let path: WritableKeyPath<Dynamics, Double> & Sendable
    /// Values a scenario or the shell may set; outside is an error.
    package let allowed: ClosedRange<Double>
    /// The range the documentation defends as plausible.
    package let documented: ClosedRange<Double>

    init(
        _ name: String, _ path: WritableKeyPath<Dynamics, Double> & Sendable,
        allowed: ClosedRange<Double>, documented: ClosedRange<Double>
    ) {
        self.name = name
        self.path = path
        self.allowed = allowed
        self.documented = documented
    }

    /// The name as `--param` gives it.
    package var paramName: String { DynamicsRate.paramPrefix + name }

    /// The default value.
    package var defaultValue: Double { Dynamics()[keyPath: path] }
}
