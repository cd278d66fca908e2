// Ghadames: scenarios/sahel/ghadames.lua with border.lua's B.install, as a SimCore ScenarioHooks.
// The setup builds the World as the Lua setup does (same calls, same order); the hooks are the Lua
// hooks: Moscow's reckoning with Algiers, the two dated Ukraine cuts and the LNA launch (sim.at),
// W.track_relations' tick and tie_cut handlers and border.lua's clash recorder (sim.on), the three
// policies, the six metrics, the eleven outcomes and the six facts of the record (sim.observed).
// Every random draw comes from the World's streams as simrun's bindings take it
// (World.drawScript), in the order the Lua makes it.
import SimBatch
import SimCore
import SimReports

final class Ghadames {
    /// B.install's `st.phase`: where the LNA column is in its advance.
    enum Phase: String {
        case idle, moving, derj, ghadames, crossing, withdrawn
    }

    /// What a `sim.at` hook does.
    enum Scheduled {
        case drawKnew
        case reckoning
        case cutWithUkraine(Int)
        case launch
    }

    let world: World
    let params: GhadamesParams
    let id: SahelIDs
    /// decide_every: the LNA's and the GNU's decision period in days.
    let every = 2

    // B.install's state table `st`.
    private(set) var phase = Phase.idle
    var dest = -1
    var eta = 0
    var launched = 0
    var borderClash = false
    var firstClashDay = -1
    var incidents = 0
    var lnaGnuClash = false
    var firstLnaGnuDay = -1
    var enteredGhadames = false
    /// st.since: the tick the LNA arrived where it stands.
    var since = 0
    var reachedGhadames = false
    var reachedCrossing = false
    var gnuSent = 0.0

    /// W.c.knew: whether Algerian intelligence knew of HUR's help (drawn once, by the run's first hook).
    var knew = false
    /// W.silence.
    var silenceReckoned = false
    var silenceWarned = false
    var silenceBreach = false
    /// W.cut_on: the tick of each state's cut with Kyiv.
    var cutOn: [Int: Int] = [:]
    /// W.relations: the lowest russia->algeria seen, and whether a Russia-Algeria diplomatic tie was cut.
    var relationsLow = 1.0
    var relationsCut = false

    var transit = Transit()
    var scheduled: [(tick: Int, action: Scheduled)] = []
    /// sim.log lines.
    private(set) var log: [LogLine] = []
    /// ghadames.lua's `lna_start`: the LNA's deployed strength at the end of setup.
    var lnaStart = 0.0
    /// Index of the first event not yet handed to the handlers.
    var dispatched = 0
    /// The sim.observed facts and whether the run reproduced them, once the outcomes are evaluated.
    var observed: [(String, Bool)] = []

    let metricNames = [
        "algeria_lna", "lna_near_border", "algeria_border_force", "gnu_ghadames",
        "russia_algeria", "balance",
    ]

    /// Builds the world of ghadames.lua's setup for one run.
    init(seed: UInt64, params: GhadamesParams) {
        self.params = params
        let w = World(seed: seed)
        world = w
        // sim.scenario{start = "2024-08-01", steps = 120}; tick_days 1.
        w.start = SimDate(iso: "2024-08-01")!
        w.tickDays = 1
        // No sim.dynamics: the built-in rates stay at their defaults (World's own Dynamics()).
        // sim.include("world.lua")
        w.declareSahel()
        id = SahelIDs(w)
        claims()
        // W.track_relations(): its handlers are in dispatchEvents and fireScheduled.
        afterAmbush(scheduleCuts: true)
        // Russian backing of Haftar (param).
        w.align(id.russia, id.lna, 0.2 + 0.8 * params.russianBacking)
        if params.russianBacking > 0.5 { w.tie(id.russia, id.lna, "arms_supply") }
        if params.russianBacking < 0.2 && w.tied(id.russia, id.lna, "support") { w.cut(id.russia, id.lna, "support") }
        // B.install{...}: the clash recorder, the launch at haftar_day and the three policies.
        scheduled.append((params.haftarDay, .launch))
        lnaStart = w.totalForce(of: id.lna)
    }

    /// A run's copy of a setup that was never run, under the run's seed, as simrun's batch workers
    /// keep a setup that drew nothing (SetupSnapshot): the world copied, and what the setup set of
    /// this object; the rest is still as `init` leaves it. Nil when the setup's world cannot be copied.
    init?(copying setup: Ghadames, seed: UInt64) {
        guard let world = setup.world.copy(seed: seed) else { return nil }
        self.world = world
        params = setup.params
        id = setup.id
        scheduled = setup.scheduled
        lnaStart = setup.lnaStart
        log = setup.log
    }

    // MARK: world.lua's scenario helpers

    /// W.claims(): the contested claims as params; `knew` drawn from the script stream by its
    /// sim.at(0) hook, the first of the run.
    func claims() {
        let w = world
        scheduled.append((0, .drawKnew))
        if params.algeriaComplicity { w.tie(id.algeria, id.csp, "support") }
        if params.algeriaSheltersJnim { w.tie(id.algeria, id.jnim, "support") }
        if params.hurHelpedJnim {
            w.tie(id.hur, id.jnim, "covert_support")
            w.align(id.hur, id.jnim, 0.25)
            w.align(id.jnim, id.hur, 0.15)
        }
    }

    /// W.after_ambush{schedule_cuts = true}.
    func afterAmbush(scheduleCuts: Bool) {
        let w = world
        // sim.loss(..., {cause = "Tinzaouaten ambush"}), no `by`: in setup it only sets the forces.
        let ambush = "Tinzaouaten ambush"
        w.loss(id.wagner, in: id.kidal, strength: SahelData.ambushLosses.wagner, cause: ambush, by: nil)
        w.loss(id.fama, in: id.kidal, strength: SahelData.ambushLosses.fama, cause: ambush, by: nil)
        w.loss(id.csp, in: id.tinzaouaten, strength: 25, cause: ambush, by: nil)
        w.shift(id.wagner, id.csp, -0.1)
        w.shift(id.wagner, id.algeria, -0.3)
        w.shift(id.fama, id.algeria, -0.2)
        w.shift(id.mali, id.ukraine, -0.4)
        w.shift(id.niger, id.ukraine, -0.4)
        w.shift(id.mali, id.algeria, -0.1)
        w.shift(id.russia, id.ukraine, -0.05)
        acknowledgeHur()
        scheduled.append((0, .reckoning))
        if scheduleCuts {
            scheduled.append((tick(of: "2024-08-04"), .cutWithUkraine(id.mali)))
            scheduled.append((tick(of: "2024-08-06"), .cutWithUkraine(id.niger)))
        }
    }

    /// W.acknowledge_hur(): Yusov's statement.
    func acknowledgeHur() {
        let w = world
        if w.tied(id.hur, id.csp, "covert_support") { w.cut(id.hur, id.csp, "covert_support") }
        w.tie(id.hur, id.csp, "support")
        w.tie(id.hur, id.csp, "intel_sharing")
        if w.tied(id.hur, id.jnim, "covert_support") {
            w.cut(id.hur, id.jnim, "covert_support")
            w.tie(id.hur, id.jnim, "support")
        }
    }

    /// W.reckoning{warned = false, knew = knew, dead = 200}, after_ambush's hook at tick 0 (blame
    /// W.MOSCOW_BLAME = 0.2).
    func reckoning() {
        let w = world
        let blame = 0.2
        let dead = Int(SahelData.ambushLosses.wagner + SahelData.ambushLosses.fama)
        silenceReckoned = true
        silenceWarned = false
        if w.tied(id.algeria, id.russia, "intel_sharing") {
            silenceBreach = true
            emit(
                "cooperation_breach", agents: [id.algeria, id.russia],
                data: [
                    ("knew", .boolean(knew)),
                    ("reason", .string("did not tip Moscow off about Ukraine's support to the rebels")),
                ])
        }
        let weight = Self.clamp(Double(dead) / 200, 0.5, 1.5)
        w.shift(id.russia, id.algeria, -blame * weight)
        w.shift(id.algeria, id.russia, -(knew ? 0.25 : 0.5) * blame)
        emit(
            "blame", agents: [id.russia, id.algeria],
            data: [("dead", .integer(dead)), ("reason", .string("failed to tip it off"))])
        say("Moscow blames Algiers for failing to tip it off")
    }

    /// The tick of a date, as sim.at computes it.
    func tick(of iso: String) -> Int {
        let days = SimDate(iso: iso)!.daysSinceEpoch - world.start.daysSinceEpoch
        return Int((Double(days) / world.tickDays).rounded(.up))
    }

    /// W.cut_with_ukraine(state).
    func cutWithUkraine(_ state: Int) {
        let w = world
        guard w.tied(state, id.ukraine, "diplomatic") else { return }
        w.cut(state, id.ukraine, "diplomatic", mutual: true)
        w.shift(id.ukraine, state, -0.2)
        cutOn[state] = w.tick
        say("\(w.agents[state].id) cuts diplomatic ties with Ukraine")
    }

    /// W.cut_on_date(state, date): the cut came on that date, give or take a day. W.tick_of(date)
    /// is the date's day count from the start (one day per tick).
    func cutOnDate(_ state: Int, _ iso: String) -> Bool {
        guard let t = cutOn[state] else { return false }
        return abs(t - (SimDate(iso: iso)!.daysSinceEpoch - world.start.daysSinceEpoch)) <= 1
    }

    /// W.no_rupture(rupture_at).
    func noRupture(_ ruptureAt: Double) -> Bool {
        let low = min(relationsLow, world.alignment(id.russia, toward: id.algeria))
        return low >= ruptureAt && !relationsCut
    }

    func say(_ text: String) { log.append(LogLine(tick: world.tick, text: text)) }

    /// sim.emit(type, {agents = ..., region = ..., ...}): data in sorted key order, as simrun reads it.
    func emit(_ type: String, agents: [Int], region: Int? = nil, data: [(String, ScalarValue)] = []) {
        world.record(Event(tick: world.tick, type: type, agents: agents, region: region, data: data))
    }

    /// sim.random() / sim.chance(p)'s draw: uniform in [0, 1) from the stream the script draws
    /// from now (the running policy's own; see fireScheduled).
    func uniform() -> Double { world.drawScript { $0.uniform() } }

    func at(_ agent: Int, _ region: Int) -> Double { world.force(of: agent, in: region) }

    func inTransit(_ agent: Int) -> Double { transit.strength(of: agent, now: world.tick) }

    // MARK: border.lua

    /// mark_clash(agents, tick).
    func markClash(_ agents: [Int], _ tick: Int) {
        if agents.contains(id.algeria) && agents.contains(id.lna) && !borderClash {
            borderClash = true
            firstClashDay = tick
            say("first clash between Algerian forces and the LNA")
        }
        if agents.contains(id.gnu) && agents.contains(id.lna) && !lnaGnuClash {
            lnaGnuClash = true
            firstLnaGnuDay = tick
        }
    }

    /// go(from, to, strength).
    func go(_ from: Int, _ to: Int, _ strength: Double? = nil) -> Bool {
        guard let days = transit.move(world, id.lna, from: from, to: to, strength: strength) else { return false }
        phase = .moving
        dest = to
        eta = world.tick + max(1, Int(days.rounded(.up)))
        return true
    }

    /// B.launch(strength).
    @discardableResult
    func launch(_ strength: Double) -> Bool {
        guard phase == .idle || phase == .withdrawn else { return false }
        guard go(id.sabha, id.derj, strength) else { return false }
        launched += 1
        emit("lna_advance", agents: [id.lna], region: id.derj, data: [("strength", .number(inTransit(id.lna)))])
        world.shift(id.algeria, id.lna, -0.05)
        world.shift(id.gnu, id.lna, -0.05)
        say("LNA column leaves Sabha toward Ghadames")
        return true
    }

    /// backing(): Russian backing of Haftar as the LNA feels it.
    func backing() -> Double {
        var b = max(0, world.alignment(id.russia, toward: id.lna))
        if world.isTied(id.russia, id.lna, kind: id.support) { b += 0.15 }
        if world.isTied(id.russia, id.lna, kind: id.armsSupply) { b += 0.15 }
        return b
    }

    func algeriaNear() -> Double { at(id.algeria, id.debdeb) + at(id.algeria, id.crossing) }

    func withdraw(_ from: Int) {
        guard go(from, id.sabha) else { return }
        dest = id.sabha
        world.shift(id.algeria, id.lna, 0.05)
        emit("lna_stand_down", agents: [id.lna], region: from)
        say("LNA stands down from \(world.regions[from].id)")
    }

    private static func clamp(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
        x < lo ? lo : (x > hi ? hi : x)
    }

    /// The LNA's policy: one decision every `every` days.
    func lnaPolicy() {
        let w = world
        let t = w.tick
        if phase == .moving {
            if t < eta { return }
            if at(id.lna, dest) < 1 {  // not arrived yet, or destroyed there
                if t > eta + 3 { phase = .withdrawn }
                return
            }
            phase =
                dest == id.sabha ? .withdrawn : (dest == id.derj ? .derj : dest == id.ghadames ? .ghadames : .crossing)
            since = t
            if phase == .ghadames { reachedGhadames = true }
            if phase == .crossing { reachedCrossing = true }
            return
        }
        if phase == .idle || phase == .withdrawn || t % every != 0 { return }

        let here = phase == .derj ? id.derj : (phase == .ghadames ? id.ghadames : id.crossing)
        let own = at(id.lna, here)
        if own < 1 { phase = .withdrawn; return }  // destroyed where it stood
        let back = backing()
        let alg = algeriaNear()
        let r = uniform()

        switch phase {
        case .derj:
            // Ghadames is held by Tripoli-aligned forces: entering it means fighting the GNU and
            // breaking the 2020 ceasefire, which `restraint` weighs.
            let ratio = (at(id.gnu, id.ghadames) + inTransit(id.gnu) + 0.5 * alg) / own
            let drive = Self.clamp(0.03 + 0.25 * back - 0.12 * min(ratio, 3), 0.02, 0.6)
            let pPush = (1 - params.restraint) * drive
            let pStand = Self.clamp(
                0.05 + 0.06 * min(ratio, 3) + 0.15 * max(0, 0.8 - back) + 0.005 * Double(t - since), 0.05, 0.5)
            if r < pPush {
                if go(id.derj, id.ghadames) {
                    enteredGhadames = true
                    w.shift(id.gnu, id.lna, -0.15)
                    w.shift(id.lna, id.gnu, -0.1)
                    // The decision to fight for the town: the 2020 ceasefire is over between them.
                    w.setWar(id.lna, id.gnu, true, cause: "LNA pushes into Ghadames")
                    emit("lna_push", agents: [id.lna], region: id.ghadames)
                }
            } else if r < pPush + pStand {
                withdraw(id.derj)
            }
        case .ghadames:
            let gnu = at(id.gnu, id.ghadames)
            if gnu >= 5 && w.isAtWar(id.lna, id.gnu) {
                // Fighting Tripoli's forces for the town: fall back when losing or when it drags on.
                if own < 0.7 * gnu || (own < 1.5 * gnu && r < 0.15) {
                    if go(id.ghadames, id.derj) { say("LNA falls back from Ghadames") }
                }
                return
            }
            let ratio = alg / own
            let pPush = Self.clamp(0.05 + 0.25 * back - 0.05 * min(ratio, 3), 0.02, 0.5)
            let pStand = Self.clamp(0.01 + 0.03 * min(ratio, 3) + 0.15 * max(0, 0.8 - back), 0.01, 0.5)
            if r < pPush {
                if go(id.ghadames, id.crossing) {
                    w.shift(id.algeria, id.lna, -0.03)
                    emit("lna_push", agents: [id.lna], region: id.crossing)
                }
            } else if r < pPush + pStand {
                withdraw(id.ghadames)
            }
        case .crossing:
            let a = at(id.algeria, id.crossing)
            if own < 0.6 * a && r < 0.5 {
                if go(id.crossing, id.ghadames) { say("LNA pulls back from the border post") }
            }
        case .idle, .moving, .withdrawn:
            break
        }
    }

    /// Algeria's policy: every day.
    func algeriaPolicy() {
        let w = world
        let alert = params.algeriaAlert
        // NEAR = {derj = 0.5, ghadames = 1.0, crossing = 1.0}, summed in simrun's pairs() order
        // (sorted keys: crossing, derj, ghadames).
        let lnaCrossing = at(id.lna, id.crossing), lnaDerj = at(id.lna, id.derj)
        let lnaGhadames = at(id.lna, id.ghadames)
        var near = 0.0
        near += 1.0 * lnaCrossing
        near += 0.5 * lnaDerj
        near += 1.0 * lnaGhadames
        if phase == .moving {
            let weight = dest == id.crossing ? 1.0 : dest == id.derj ? 0.5 : dest == id.ghadames ? 1.0 : 0
            if weight != 0 { near += weight * inTransit(id.lna) }
        }
        let la = lnaCrossing
        if near <= 0 && la <= 0 { return }  // quiet border: nothing to do
        let dd = at(id.algeria, id.debdeb), cr = at(id.algeria, id.crossing)
        let ouargla = at(id.algeria, id.ouargla)
        if near > 0 {
            w.shift(id.algeria, id.lna, -0.001 * alert)  // mobilisation and warnings
            let mine = dd + cr + inTransit(id.algeria)
            let want = 2 * alert * near
            if mine < want && uniform() < 0.3 + 0.5 * alert {
                let from = ouargla >= 500 ? id.ouargla : id.algiers
                if transit.move(w, id.algeria, from: from, to: id.debdeb, strength: min(1000, want - mine)) != nil {
                    say("Algeria reinforces Debdeb from \(w.regions[from].id)")
                }
            }
            // Move up to its side of the post when the LNA is in Ghadames or at the post.
            if lnaGhadames + la > 0 && cr < dd && uniform() < 0.5 * alert {
                _ = transit.move(w, id.algeria, from: id.debdeb, to: id.crossing, strength: 0.5 * dd)
            }
        }
        // Face to face at the border post: tension rises, incidents may break out.
        if la > 0 && cr > 0 {
            w.shift(id.algeria, id.lna, -(0.004 + 0.012 * alert * uniform()))
            w.shift(id.lna, id.algeria, -0.008 * uniform())
            if !w.isAtWar(id.algeria, id.lna) && uniform() < 0.02 + 0.08 * alert {
                var (attacker, defender) = (id.lna, id.algeria)
                if uniform() < 0.5 { (attacker, defender) = (id.algeria, id.lna) }
                w.clash(attacker: attacker, defender: defender, region: id.crossing, days: 0.2)
                incidents += 1
                markClash([id.algeria, id.lna], w.tick)  // idempotent; in case no event is emitted
                emit("border_incident", agents: [attacker, defender], region: id.crossing)
            }
        }
    }

    /// The GNU's policy: Tripoli brigades to Ghadames when the LNA comes near.
    func gnuPolicy() {
        let w = world
        if w.tick % every != 0 { return }
        var threat = at(id.lna, id.derj) + at(id.lna, id.ghadames)
        if phase == .moving && (dest == id.derj || dest == id.ghadames) { threat += inTransit(id.lna) }
        let mine = at(id.gnu, id.ghadames) + inTransit(id.gnu)
        let resolve = params.gnuResolve
        if threat <= 0 {
            // Re-garrison the town once the LNA has gone.
            if mine < 300 && at(id.lna, id.crossing) < 1 && at(id.gnu, id.tripoli) > 3000 {
                _ = transit.move(w, id.gnu, from: id.tripoli, to: id.ghadames, strength: 300 - mine)
            }
            return
        }
        if mine < resolve * threat && gnuSent + 500 <= 3000 * resolve && uniform() < 0.3 + 0.5 * resolve {
            if transit.move(w, id.gnu, from: id.tripoli, to: id.ghadames, strength: 500) != nil {
                gnuSent += 500
                say("GNU sends 500 men to Ghadames")
            }
        }
    }
}
