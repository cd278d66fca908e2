// World+Losses: strength lost outside a clash — an ambush's toll set by the script, a drone strike,
// desertion — recorded as a `loss` event and counted in the agent's losses like combat's.

extension World {
    /// Takes up to `strength` from a's force in r (and the remainder too when it would be left below
    /// `minForce`), records a `loss` event with `cause` and, when the force is gone, `eliminated`.
    /// With `by`, the victim blames that agent (and its backers) as it would after a clash. Returns
    /// the strength lost. During setup it only changes the starting state.
    @discardableResult
    package func loss(_ a: Int, in r: Int, strength: Double, cause: String?, by attacker: Int?) -> Double {
        let before = force(of: a, in: r)
        var lost = min(before, max(0, strength))
        if before - lost < dynamics.minForce && lost > 0 { lost = before }
        setForce(of: a, in: r, to: before - lost)
        if isRunning { losses[a] += lost }
        var data: [(String, ScalarValue)] = [("strength", .number(lost))]
        if let cause { data.append(("cause", .string(cause))) }
        record(Event(tick: tick, type: .loss, agents: attacker.map { [a, $0] } ?? [a], region: r, data: data))
        if before > 0 && lost >= before {
            record(Event(tick: tick, type: .eliminated, agents: [a], region: r))
        }
        if let attacker, attacker != a, lost > 0 {
            assignBlame(for: [CombatLoss(victim: a, attacker: attacker, region: r, loss: lost, strengthBefore: before)])
        }
        return lost
    }
}
