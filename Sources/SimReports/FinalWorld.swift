// FinalWorld: the world as a run left it, copied out of the engine's live `World` into a value, so
// that a report can be kept, sent between threads and written long after the run's state is gone.
import SimCore

/// The state at the end of a run, with the lookups the report writers use.
package struct FinalWorld: Sendable {
    package var agents: [Agent]
    package let regions: [Region]
    /// The links between regions, in declaration order.
    package let links: [Link]
    /// Day 0 of the run, and the days one tick covers.
    package let start: SimDate
    package let tickDays: Double
    /// The ticks the run went through.
    package let tick: Int
    /// `alignment[i * n + j]`: how agent i stood toward agent j at the end; `initialAlignment` when
    /// the run began; `baseline` the long-run value decay pulled toward at the end.
    package let alignment: [Double]
    package let initialAlignment: [Double]
    package let baseline: [Double]
    /// Pairs at war at the end (i < j), in index order.
    package let wars: [(Int, Int)]
    /// `losses[a]`: strength agent a lost during the run.
    package let losses: [Double]
    /// `forces[a * regionCount + r]`.
    package let forces: [Double]
    package let movements: [ForceMove]
    package let resourceNames: [String]
    /// `resources[r][a]`.
    package let resources: [[Double]]
    /// The ties in force, ordered by from, to and kind name.
    package let sortedTies: [Tie]
    package let tieKinds: [String]
    package let events: [Event]
    package let warnings: [String]
    /// The rates in force.
    package let dynamics: Dynamics
    /// The share of balanced triads (`World.balanceIndex()`), computed once for every writer.
    package let balanceIndex: Double

    package init(_ world: World) {
        agents = world.agents
        regions = world.regions
        links = world.links
        start = world.start
        tickDays = world.tickDays
        tick = world.tick
        alignment = world.alignment
        initialAlignment = world.initialAlignment.isEmpty ? world.alignment : world.initialAlignment
        baseline = world.baseline
        wars = world.wars
        losses = world.losses
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

    package var agentCount: Int { agents.count }
    package var regionCount: Int { regions.count }
    /// The date after the last tick.
    package var date: SimDate { date(ofTick: tick) }

    /// The calendar date of tick t, as the engine counts it.
    package func date(ofTick t: Int) -> SimDate {
        start.adding(ticks: t, of: tickDays)
    }

    package func alignment(_ i: Int, toward j: Int) -> Double { alignment[i * agents.count + j] }
    package func force(of a: Int, in r: Int) -> Double { forces[a * regions.count + r] }
    package func resource(_ r: Int, of a: Int) -> Double { resources[r][a] }
}
