// World+Dynamics: the built-in dynamics of one tick, in their documented order (docs/dynamics.md).

extension World {
    /// The built-in dynamics, in their documented order, over one tick.
    func applyDynamics() {
        advanceMovements()
        let losses = fightBattles()
        assignBlame(for: losses)
        applyStructuralBalance()
        applyDecay()
        updateWars()
    }
}
