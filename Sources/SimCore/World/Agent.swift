// Agent: one actor of a scenario (a state, an armed group, a PMC, an intelligence service, a figure).
// Its numbers (resources, forces, alignments) live in the World's flat arrays, indexed by the agent's
// position; this type holds what describes the agent.

/// One actor of the world. Its index in `World.agents` is its identity in the engine.
package struct Agent: Sendable, Equatable {
    /// Effectiveness when a scenario names none: enemy strength removed per unit of strength per day.
    package static let defaultEffectiveness = 0.05

    /// Longest short label, in characters: what a chart's label, a table column or a map legend
    /// has room for.
    package static let shortLimit = 16

    package let id: String
    package var name: String
    /// The label charts, tables and the map use where the name is too long (`FAMa`), at most
    /// `shortLimit` characters; the full name stays for tooltips and tables with room.
    package var short: String
    /// `state`, `armed_group`, `pmc`, `intel_service`, `figure`, or a scenario's own word.
    package var kind: String
    /// Index of the patron agent (a PMC's state), if any.
    package var patron: Int?
    /// Enemy strength removed per unit of own strength per day.
    package var effectiveness: Double

    package init(
        id: String, name: String, kind: String, short: String? = nil, patron: Int? = nil,
        effectiveness: Double = Agent.defaultEffectiveness
    ) {
        self.id = id
        self.name = name
        self.short = short ?? Agent.defaultShort(name: name, id: id)
        self.kind = kind
        self.patron = patron
        self.effectiveness = effectiveness
    }

    /// The short label of an agent that declares none: its name when that fits in `shortLimit`
    /// characters, else its id when that does, else the name cut to the limit with "…".
    package static func defaultShort(name: String, id: String) -> String {
        if name.count <= shortLimit { return name }
        if id.count <= shortLimit { return id }
        return String(name.prefix(shortLimit - 1)) + "…"
    }
}
