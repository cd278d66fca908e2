// ForceChange: one entry of a run's force history — a force's strength from a tick on. A report's
// run keeps the history sparse, one entry per agent and region whose strength changed since the
// tick before, so that its map can step through every day without a snapshot of every force.

/// Agent `agent`'s strength in region `region` from tick `tick` on (0: the force is gone).
package struct ForceChange: Sendable, Equatable {
    package let tick: Int
    package let agent: Int
    package let region: Int
    package let strength: Double

    package init(tick: Int, agent: Int, region: Int, strength: Double) {
        self.tick = tick
        self.agent = agent
        self.region = region
        self.strength = strength
    }
}
