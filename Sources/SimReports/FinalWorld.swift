// FinalWorld: the world as a run left it, copied out of the engine's live `World` into a value, so
// that a report can be kept, sent between threads and written long after the run's state is gone.
import SimCore

/// The state at the end of a run, with the lookups the report writers use.
public struct FinalWorld: Sendable {
    public let agents: [Agent]
    public let regions: [Region]
    /// Day 0 of the run, and the days one tick covers.
    public let start: SimDate
    public let tickDays: Double
    /// The ticks the run went through.
    public let tick: Int
    /// `alignment[i * n + j]`: how agent i stood toward agent j at the end; `baseline` at the start.
    public let alignment: [Double]
    public let baseline: [Double]
    /// `forces[a * regionCount + r]`.
    public let forces: [Double]
    public let movements: [ForceMove]
    public let resourceNames: [String]
    /// `resources[r][a]`.
    public let resources: [[Double]]
    /// The ties in force, ordered by from, to and kind name.
    public let sortedTies: [Tie]
    public let tieKinds: [String]
    public let events: [Event]
    public let warnings: [String]
    /// The rates in force.
    public let dynamics: Dynamics
    /// The share of balanced triads (`World.balanceIndex()`), computed once for every writer.
    public let balanceIndex: Double

    public init(_ world: World) {
        agents = world.agents
        regions = world.regions
        start = world.start
        tickDays = world.tickDays
        tick = world.tick
        alignment = world.alignment
        baseline = world.baseline
        forces = world.forces
        movements = world.movements
        resourceNames = world.resourceNames
        resources = world.resources
        sortedTies = world.sortedTies
        tieKinds = world.tieKinds
        events = world.events
        warnings = world.warnings
        dynamics = world.dynamics
        balanceIndex = world.balanceIndex()
    }

    public var agentCount: Int { agents.count }
    public var regionCount: Int { regions.count }
    /// The date after the last tick.
    public var date: SimDate { date(ofTick: tick) }

    /// The calendar date of tick t, as the engine counts it.
    public func date(ofTick t: Int) -> SimDate {
        start.adding(ticks: t, of: tickDays)
    }

    public func alignment(_ i: Int, toward j: Int) -> Double { alignment[i * agents.count + j] }
    public func force(of a: Int, in r: Int) -> Double { forces[a * regions.count + r] }
    public func resource(_ r: Int, of a: Int) -> Double { resources[r][a] }
}
