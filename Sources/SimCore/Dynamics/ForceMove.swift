// ForceMove: strength on its way from one region to another, and the movement dynamic that
// advances it each tick.

/// Strength in transit. It stands in no region until it arrives.
package struct ForceMove: Sendable, Equatable {
    package let agent: Int
    package let from: Int
    package let to: Int
    package let strength: Double
    package let totalKm: Double
    package var remainingKm: Double

    package init(agent: Int, from: Int, to: Int, strength: Double, totalKm: Double) {
        self.agent = agent
        self.from = from
        self.to = to
        self.strength = strength
        self.totalKm = totalKm
        self.remainingKm = totalKm
    }
}

extension World {
    /// Takes strength out of `from` and sends it toward `to`; during the run a remainder below
    /// `minForce` goes along. Returns the days the move takes at the current speed (infinity when
    /// speed is 0: the force waits).
    @discardableResult
    package func move(_ a: Int, from: Int, to: Int, strength asked: Double) -> Double {
        let km = travelKm(from: from, to: to)
        let available = force(of: a, in: from)
        let strength = isRunning && available - asked < dynamics.minForce ? available : asked
        setForce(of: a, in: from, to: available - strength)
        movements.append(ForceMove(agent: a, from: from, to: to, strength: strength, totalKm: km))
        record(
            Event(
                tick: tick, type: .move, agents: [a], region: from,
                data: [
                    ("to", .string(regions[to].id)), ("strength", .number(strength)),
                    ("km", .number(km)),
                ]))
        return dynamics.speed > 0 ? km / dynamics.speed : .infinity
    }

    /// Dynamic 1: advances every movement by speed × tick length; arrivals join the force there.
    package func advanceMovements() {
        guard !movements.isEmpty, dynamics.speed > 0 else { return }
        let step = dynamics.speed * tickDays
        var still: [ForceMove] = []
        still.reserveCapacity(movements.count)
        for var move in movements {
            move.remainingKm -= step
            if move.remainingKm <= 1e-9 {
                setForce(of: move.agent, in: move.to, to: force(of: move.agent, in: move.to) + move.strength)
                record(
                    Event(
                        tick: tick, type: .arrival, agents: [move.agent], region: move.to,
                        data: [
                            ("from", .string(regions[move.from].id)),
                            ("strength", .number(move.strength)),
                        ]))
            } else {
                still.append(move)
            }
        }
        movements = still
    }
}
