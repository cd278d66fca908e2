// Agent: one actor of a scenario (a state, an armed group, a PMC, an intelligence service, a figure).
// Its numbers (resources, forces, alignments) live in the World's flat arrays, indexed by the agent's
// position; this type holds what describes the agent.

/// One actor of the world. Its index in `World.agents` is its identity in the engine.
public struct Agent: Sendable, Equatable {
    /// Effectiveness when a scenario names none: enemy strength removed per unit of strength per day.
    public static let defaultEffectiveness = 0.05

    public let id: String
    public var name: String
    /// `state`, `armed_group`, `pmc`, `intel_service`, `figure`, or a scenario's own word.
    public var kind: String
    /// Index of the patron agent (a PMC's state), if any.
    public var patron: Int?
    /// Enemy strength removed per unit of own strength per day.
    public var effectiveness: Double

    public init(id: String, name: String, kind: String, patron: Int? = nil,
                effectiveness: Double = Agent.defaultEffectiveness) {
        self.id = id
        self.name = name
        self.kind = kind
        self.patron = patron
        self.effectiveness = effectiveness
    }
}
