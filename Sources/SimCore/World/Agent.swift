// Agent: one actor of a scenario (a state, an armed group, a PMC, an intelligence service, a figure).
// Its numbers (resources, forces, alignments) live in the World's flat arrays, indexed by the agent's
// position; this type holds what describes the agent.

/// One actor of the world. Its index in `World.agents` is its identity in the engine.
package struct Agent: Sendable, Equatable {
    /// Effectiveness when a scenario names none: enemy strength removed per unit of strength per day.
    package static let defaultEffectiveness = 0.05

    package let id: String
    package var name: String
    /// `state`, `armed_group`, `pmc`, `intel_service`, `figure`, or a scenario's own word.
    package var kind: String
    /// Index of the patron agent (a PMC's state), if any.
    package var patron: Int?
    /// Enemy strength removed per unit of own strength per day.
    package var effectiveness: Double

    package init(
        id: String, name: String, kind: String, patron: Int? = nil,
        effectiveness: Double = Agent.defaultEffectiveness
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.patron = patron
        self.effectiveness = effectiveness
    }
}
