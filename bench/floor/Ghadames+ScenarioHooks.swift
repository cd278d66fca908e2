// Ghadames+ScenarioHooks: the Lua scenario's hooks written in Swift — the dated events, the tick
// and event handlers, the three policies in their order, the metrics, the outcomes and the facts of
// the record.
import SimCore

extension Ghadames: ScenarioHooks {
    func fireScheduled(in world: World) throws(RunFailure) {
        let t = world.tick
        for entry in scheduled where entry.tick == t {
            switch entry.action {
            case .drawKnew: knew = uniform() < params.algeriaKnew
            case .reckoning: reckoning()
            case .cutWithUkraine(let state): cutWithUkraine(state)
            case .launch: launch(Double(params.lnaForce))
            }
            try dispatchEvents(in: world)
        }
        // W.track_relations' sim.on("tick", look): the lowest russia->algeria seen.
        relationsLow = min(relationsLow, world.alignment(id.russia, toward: id.algeria))
        try dispatchEvents(in: world)
        // Policies fire in agent declaration order (algeria, lna, gnu), each every tick, each
        // drawing from its agent's own stream; the clash handler does not draw.
        asPolicy(of: id.algeria, algeriaPolicy)
        try dispatchEvents(in: world)
        asPolicy(of: id.lna, lnaPolicy)
        try dispatchEvents(in: world)
        asPolicy(of: id.gnu, gnuPolicy)
        try dispatchEvents(in: world)
    }

    /// Runs a policy with the script drawing from its agent's stream, as simrun's host does.
    func asPolicy(of agent: Int, _ policy: () -> Void) {
        // The policies cannot fail: the closure only adapts them to the hook runner's throwing type.
        try? world.withScriptStream(RandomStream.policy(of: agent)) { () throws(RunFailure) in policy() }
    }

    /// The handlers, each by its event type: W.track_relations' sim.on("tie_cut", ...) and
    /// border.lua's sim.on("clash", function(ev) mark_clash(ev.agents, ev.tick) end).
    func dispatchEvents(in world: World) throws(RunFailure) {
        let events = world.events
        while dispatched < events.count {
            let event = events[dispatched]
            dispatched += 1
            switch event.type {
            case "tie_cut":
                if event.data.contains(where: { $0.0 == "kind" && $0.1 == .string("diplomatic") })
                    && event.agents.contains(id.russia) && event.agents.contains(id.algeria)
                {
                    relationsCut = true
                }
            case "clash": markClash(event.agents, event.tick)
            default: break
            }
        }
    }

    func checkTriggers(in world: World) throws(RunFailure) {}

    func sampleMetrics(in world: World) throws(RunFailure) -> [Double] {
        [
            world.alignment(id.algeria, toward: id.lna),
            at(id.lna, id.derj) + at(id.lna, id.ghadames) + at(id.lna, id.crossing),
            at(id.algeria, id.debdeb) + at(id.algeria, id.crossing),
            at(id.gnu, id.ghadames),
            world.alignment(id.russia, toward: id.algeria),
            world.balanceIndex(),
        ]
    }

    /// The outcomes, then (as simrun's host does) the facts of the record into `observed`.
    func evaluateOutcomes(in world: World) throws(RunFailure) -> [(String, ScalarValue)] {
        let outcomes: [(String, ScalarValue)] = [
            ("border_clash_algeria_lna", .boolean(borderClash)),
            ("first_clash_day", .integer(firstClashDay)),
            ("lna_at_crossing", .boolean(reachedCrossing)),
            ("lna_holds_crossing", .boolean(at(id.lna, id.crossing) >= 1)),
            ("lna_gnu_clash", .boolean(lnaGnuClash)),
            ("lna_entered_ghadames", .boolean(enteredGhadames)),
            ("ghadames_held_by", .string(world.holder(id.ghadames))),
            ("algeria_lna_alignment", .number(world.alignment(id.algeria, toward: id.lna))),
            ("lna_final_phase", .string(phase.rawValue)),
            ("lna_losses", .number(lnaStart - world.totalForce(of: id.lna) - inTransit(id.lna))),
            ("border_incidents", .integer(incidents)),
        ]
        observed = [
            ("mali_cuts_kyiv_4_aug", cutOnDate(id.mali, "2024-08-04")),
            ("niger_cuts_kyiv_6_aug", cutOnDate(id.niger, "2024-08-06")),
            ("no_lna_gnu_battle", !lnaGnuClash),
            ("lna_did_not_enter_ghadames", !enteredGhadames),
            ("no_algeria_lna_clash", !borderClash),
            ("no_russia_algeria_rupture", noRupture(params.ruptureAt)),
        ]
        return outcomes
    }
}
