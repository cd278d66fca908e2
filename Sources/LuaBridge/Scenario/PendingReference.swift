// PendingReference: an agent id that a region's `country` or an agent's `patron` named before the
// agent was declared; set once the agent exists, and an error if setup ends without it.
import SimCore

/// An agent id a declaration named, resolved once setup is over.
struct PendingReference {
    enum Role {
        case country(region: Int)
        case patron(agent: Int)

        /// Makes `agent` the region's country or the agent's patron.
        func set(_ agent: Int, in world: World) {
            switch self {
            case .country(let region): world.setCountry(ofRegion: region, to: agent)
            case .patron(let client): world.setPatron(ofAgent: client, to: agent)
            }
        }
    }

    var role: Role
    var agentID: String
    /// `file:line` of the declaration.
    var origin: String

    /// Sets the reference in the world, or says what is wrong with it.
    func resolve(in world: World) throws(BindingError) {
        guard let agent = world.agentIndex(agentID) else {
            let what: String
            switch role {
            case .country(let r): what = "sim.region: field 'country' of '\(world.regions[r].id)'"
            case .patron(let a): what = "sim.agent: field 'patron' of '\(world.agents[a].id)'"
            }
            throw BindingError("\(origin): \(what): unknown agent '\(agentID)'")
        }
        role.set(agent, in: world)
    }
}
