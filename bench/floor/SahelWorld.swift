// SahelWorld: world.lua's declarations (SahelData) put into a SimCore World, and its W.* helpers as
// Swift methods over the World. Each helper calls the SimCore method that the matching sim.* binding
// of LuaBridge calls (BindingContext+*.swift), with the same arguments, in the same order.
import SimCore

extension World {
    /// The index of an agent or region the floor's own code names; a typo is a programming error.
    func agent(_ id: String) -> Int {
        guard let index = agentIndex(id) else { fatalError("simrun-floor: unknown agent '\(id)'") }
        return index
    }

    func region(_ id: String) -> Int {
        guard let index = regionIndex(id) else { fatalError("simrun-floor: unknown region '\(id)'") }
        return index
    }

    /// sim.shift(a, b, delta): adds to an alignment, saturating at the ends of [-1, 1].
    func shift(_ a: Int, _ b: Int, _ delta: Double) {
        setAlignment(a, toward: b, to: alignment(a, toward: b) + delta)
    }

    /// sim.align(a, b, value[, {mutual = true}]): the alignment now and its baseline.
    func align(_ a: Int, _ b: Int, _ value: Double, mutual: Bool = false) {
        align(a, toward: b, to: value)
        if mutual { align(b, toward: a, to: value) }
    }

    /// sim.tie(a, b, kind[, {mutual = true}]).
    func tie(_ a: Int, _ b: Int, _ kind: String, mutual: Bool = false) {
        let k = tieKind(kind)
        makeTie(a, b, kind: k)
        if mutual { makeTie(b, a, kind: k) }
    }

    /// sim.cut(a, b, kind[, {mutual = true}]); a kind never declared cuts nothing.
    func cut(_ a: Int, _ b: Int, _ kind: String, mutual: Bool = false) {
        guard let k = tieKindIndex(kind) else { return }
        cutTie(a, b, kind: k)
        if mutual { cutTie(b, a, kind: k) }
    }

    /// sim.tied(a, b, kind).
    func tied(_ a: Int, _ b: Int, _ kind: String) -> Bool {
        tieKindIndex(kind).map { isTied(a, b, kind: $0) } ?? false
    }

    /// Declares world.lua's agents, regions, links, alignments, ties and forces, in its order.
    func declareSahel() {
        for spec in SahelData.agents {
            let a = addAgent(
                Agent(
                    id: spec.id, name: spec.name, kind: spec.kind,
                    effectiveness: spec.effectiveness ?? Agent.defaultEffectiveness))!
            for (name, value) in [
                ("funds", spec.funds), ("legitimacy", spec.legitimacy),
                ("strength", spec.strength),
            ] {
                setResource(declareResource(name), of: a, to: value)
            }
            if let patron = spec.patron { setPatron(ofAgent: a, to: agent(patron)) }
        }
        for spec in SahelData.regions {
            let r = addRegion(Region(id: spec.id, name: spec.name, latitude: spec.lat, longitude: spec.lon))!
            if let country = spec.country { setCountry(ofRegion: r, to: agent(country)) }
        }
        for spec in SahelData.links { link(region(spec.a), region(spec.b), km: spec.km) }
        for spec in SahelData.alignments { align(agent(spec.a), agent(spec.b), spec.value, mutual: spec.mutual) }
        for spec in SahelData.ties { tie(agent(spec.a), agent(spec.b), spec.kind, mutual: spec.mutual) }
        for spec in SahelData.wars { setWar(agent(spec.a), agent(spec.b), true, cause: spec.cause) }
        for spec in SahelData.deployments {
            deploy(agent(spec.agent), in: region(spec.region), strength: spec.strength)
        }
    }
}

/// The indices the scenario's hooks use, looked up once per world.
struct SahelIDs {
    let russia, mali, fama, wagner, niger, algeria, ukraine, hur, csp, jnim, lna, gnu: Int
    let kidal, tinzaouaten, algiers, ouargla, debdeb, crossing, ghadames, derj, tripoli, sabha: Int
    let support, armsSupply: Int

    init(_ w: World) {
        russia = w.agent("russia"); mali = w.agent("mali"); fama = w.agent("fama")
        wagner = w.agent("wagner"); niger = w.agent("niger"); algeria = w.agent("algeria")
        ukraine = w.agent("ukraine"); hur = w.agent("hur"); csp = w.agent("csp"); jnim = w.agent("jnim")
        lna = w.agent("lna"); gnu = w.agent("gnu")
        kidal = w.region("kidal"); tinzaouaten = w.region("tinzaouaten"); algiers = w.region("algiers")
        ouargla = w.region("ouargla"); debdeb = w.region("debdeb"); crossing = w.region("crossing")
        ghadames = w.region("ghadames"); derj = w.region("derj"); tripoli = w.region("tripoli")
        sabha = w.region("sabha")
        // Both kinds exist once world.lua's ties are made (ghadames may add arms_supply to lna).
        support = w.tieKind("support"); armsSupply = w.tieKind("arms_supply")
    }
}

/// W.moving: the moves made through W.move, so that strength on the road can be counted.
struct Transit {
    private var moves: [(agent: Int, strength: Double, eta: Int)] = []

    /// W.move(agent, from, to, strength): never more than is there; nil (nothing moved) below
    /// min_force or 1, whichever is larger. Returns the days the move takes.
    mutating func move(_ w: World, _ agent: Int, from: Int, to: Int, strength: Double? = nil) -> Double? {
        let have = w.force(of: agent, in: from)
        let amount = min(strength ?? have, have)
        if amount < max(1, w.dynamics.minForce) { return nil }
        let days = w.move(agent, from: from, to: to, strength: amount)
        moves.append((agent, amount, w.tick + max(1, Int(days.rounded(.up)))))
        return days
    }

    /// W.in_transit(agent): strength still on the road (its eta not reached).
    func strength(of agent: Int, now: Int) -> Double {
        var s = 0.0
        for m in moves where m.agent == agent && m.eta > now { s += m.strength }
        return s
    }
}

extension World {
    /// W.hostile(a, b): hostile in attitude, either side at or below the `hostility` rate in force
    /// (what the Lua helper reads from sim.dynamics()); whether two agents fight is `isAtWar`.
    func hostile(_ a: Int, _ b: Int) -> Bool {
        let hostility = dynamics.hostility
        return alignment(a, toward: b) <= hostility || alignment(b, toward: a) <= hostility
    }

    /// W.holder(region, min): the agent with the largest force there (of at least `min`), "contested"
    /// while any other force of at least `min` is at war with it or hostile in attitude either way,
    /// "nobody" when no force reaches `min`.
    func holder(_ r: Int, min: Double = 5) -> String {
        var best: Int?, bestStrength = 0.0
        for a in 0..<agentCount {
            let s = force(of: a, in: r)
            if s >= min && s > bestStrength { (best, bestStrength) = (a, s) }
        }
        guard let best else { return "nobody" }
        for a in 0..<agentCount where a != best && force(of: a, in: r) >= min {
            if isAtWar(best, a) || hostile(best, a) { return "contested" }
        }
        return agents[best].id
    }
}
