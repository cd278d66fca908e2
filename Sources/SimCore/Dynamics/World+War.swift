// World+War: which pairs of agents are at war — what built-in combat needs before two forces fight.
// A scenario declares war and peace (`sim.war`, `sim.peace`); the engine makes war only after
// hostility both ways has lasted `warDays`, and peace after calm both ways has lasted as long.

extension World {
    /// Whether i's and j's forces fight where they meet.
    package func isAtWar(_ i: Int, _ j: Int) -> Bool { atWar[i * agents.count + j] }

    /// Puts two agents at war or at peace, records `war` or `peace` with its cause during the run,
    /// and restarts the pair's clock toward the next change. Returns whether the state changed.
    @discardableResult
    package func setWar(_ i: Int, _ j: Int, _ war: Bool, cause: String) -> Bool {
        guard i != j else { return false }
        let n = agents.count
        warClock[min(i, j) * n + max(i, j)] = 0
        guard atWar[i * n + j] != war else { return false }
        atWar[i * n + j] = war
        atWar[j * n + i] = war
        let pair = min(i, j) * n + max(i, j)
        if war {
            pairsAtWar.insert(pair, at: pairsAtWar.firstIndex { $0 > pair } ?? pairsAtWar.count)
        } else {
            pairsAtWar.removeAll { $0 == pair }
        }
        record(
            Event(tick: tick, type: war ? .war : .peace, agents: [i, j], data: [("cause", .string(cause))]))
        return true
    }

    /// Pairs at war, each once (i < j), in index order.
    package var wars: [(Int, Int)] {
        let n = agents.count
        return pairsAtWar.map { ($0 / n, $0 % n) }
    }

    /// Dynamic 6: a pair at peace whose alignments have both stood at or below `hostility` for
    /// `warDays`, both of them armed, goes to war (cause `hostility`); a pair at war whose alignments
    /// have both stood above `hostility + hysteresis` for as long makes peace (cause `calm`).
    /// Hostility one way, or for less time, changes nothing; an agent and its patron never go to war
    /// by themselves, and neither does an agent with no force anywhere (a figure, a government whose
    /// army is an agent of its own): war is what armed forces do.
    func updateWars() {
        let days = dynamics.warDays
        guard days > 0 else { return }
        let n = agents.count
        let hostile = dynamics.hostility, calm = dynamics.hostility + dynamics.hysteresis
        // Who has a force is asked only once some pair at peace is hostile both ways: most ticks none is.
        var armedAgents: [Bool]?
        func armed(_ k: Int) -> Bool {
            if armedAgents == nil {
                var found = (0..<n).map { hasForce($0) }
                for move in movements { found[move.agent] = true }
                armedAgents = found
            }
            return armedAgents![k]
        }
        // Changes wait until the scan is done: each pair reads only its own entries, so the result
        // is the same, and the scan can read the flat arrays directly.
        var changes: [(Int, Int)] = []
        alignment.withUnsafeBufferPointer { a in
            atWar.withUnsafeBufferPointer { war in
                warClock.withUnsafeMutableBufferPointer { clock in
                    guard let a = a.baseAddress, let war = war.baseAddress, let clock = clock.baseAddress else {
                        return
                    }
                    for i in 0..<n {
                        // Row i from its pair with i + 1 on; column i (how each j stands toward i) by pointer.
                        let start = i * n + i + 1
                        var column = a + start + n - 1
                        for j in (i + 1)..<n {
                            let p = start + (j - i - 1)
                            let x = a[p], y = column.pointee
                            column += n
                            let drifting =
                                war[p]
                                ? x > calm && y > calm
                                : x <= hostile && y <= hostile && armed(i) && armed(j) && agents[i].patron != j
                                    && agents[j].patron != i
                            guard drifting else {
                                clock[p] = 0
                                continue
                            }
                            clock[p] += tickDays
                            // Tick lengths are not always exact binary fractions: a day's rounding must not
                            // postpone the change by a whole tick.
                            if clock[p] >= days * (1 - 1e-12) { changes.append((i, j)) }
                        }
                    }
                }
            }
        }
        for (i, j) in changes {
            let war = isAtWar(i, j)
            setWar(i, j, !war, cause: war ? "calm" : "hostility")
        }
    }
}
