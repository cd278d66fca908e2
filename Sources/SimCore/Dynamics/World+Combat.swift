// World+Combat: dynamic 2 (forces of agents at war sharing a region fight), scripted clashes, and
// dynamic 3 (a side that loses turns against its attackers and those who back them and not it).

/// The strength one agent's force lost to one attacker in one region.
struct CombatLoss: Sendable, Equatable {
    let victim: Int
    let attacker: Int
    let region: Int
    let loss: Double
    /// The victim's strength in the region before the fight.
    let strengthBefore: Double
}

/// Lanchester's square law among several sides, each side's fire shared among its enemies in
/// proportion to their strength:
/// dx_j/dt = −Σ_{i: j ∈ enemies(i)} e_i x_i x_j / Σ_{k ∈ enemies(i)} x_k.
///
/// Integrated with classic RK4 steps under step-doubling error control, so any tick length gets
/// as many steps as the fight needs. A side that reaches 0 stops there: the step that would carry
/// it below 0 is cut back to the crossing, and from then on it neither fires nor is fired at.
struct SquareLawBattle {
    let sides: Int
    /// Enemy strength removed per unit of own strength per day, by side.
    let effectiveness: [Double]
    /// `hostile[i * sides + j]`: whether i fires at j.
    let hostile: [Bool]
    /// The rate and stage buffers the RK4 stages write into: allocating them afresh for every
    /// stage cost more than the arithmetic.
    private let workspace: Workspace

    private final class Workspace {
        var r1, r2, r3, r4: [Double]
        var stage: [Double]

        init(sides: Int) {
            r1 = [Double](repeating: 0, count: sides * sides)
            r2 = r1; r3 = r1; r4 = r1
            stage = [Double](repeating: 0, count: sides)
        }
    }

    init(sides: Int, effectiveness: [Double], hostile: [Bool]) {
        self.sides = sides
        self.effectiveness = effectiveness
        self.hostile = hostile
        workspace = Workspace(sides: sides)
    }

    /// Error allowed per step, relative to each side's strength.
    private static let relativeTolerance = 1e-9
    /// Error always allowed per step, as a share of the total strength: a nearly destroyed side
    /// must not force ever smaller steps.
    private static let absoluteTolerance = 1e-12

    /// Strengths after a stretch of fighting, and `dealt[i * sides + j]`: what side i took from side j.
    struct Outcome {
        var strengths: [Double]
        var dealt: [Double]
    }

    /// The strengths after `days` of fighting from `start`, and who took what from whom.
    func fight(from start: [Double], days: Double) -> Outcome {
        var state = Outcome(strengths: start, dealt: [Double](repeating: 0, count: sides * sides))
        let floor = Self.absoluteTolerance * start.reduce(0, +)
        let minimumStep = days * 1e-12
        var t = 0.0, h = days
        while days - t > minimumStep {
            let alive = state.strengths.map { $0 > 0 }
            guard isFighting(alive) else { break }
            h = min(h, days - t)
            let x = state.strengths
            let whole = rk4(x, h, alive)
            var next = twoHalfSteps(x, h, alive)
            var error = 0.0
            for j in 0..<sides where alive[j] {
                let difference = abs(next.strengths[j] - whole.strengths[j])
                error = max(error, difference / (Self.relativeTolerance * x[j] + floor))
            }
            if error > 1, h > minimumStep {
                h *= max(0.1, 0.9 * PortableMath.pow(error, -0.2))
                continue
            }
            var length = h
            if reachesZero(next, alive) {
                // The solution is smooth through 0 (a lone target takes all the fire whatever its
                // sign), so bisecting the step length finds the moment the first side is destroyed.
                var early = 0.0
                while length - early > h * 1e-13 {
                    let middle = (early + length) / 2
                    let trial = twoHalfSteps(x, middle, alive)
                    if reachesZero(trial, alive) {
                        length = middle
                        next = trial
                    } else {
                        early = middle
                    }
                }
            }
            for j in 0..<sides { state.strengths[j] = max(0, next.strengths[j]) }
            for p in state.dealt.indices { state.dealt[p] += next.dealt[p] }
            t += length
            h = error > 0 ? min(5 * h, 0.9 * h * PortableMath.pow(error, -0.2)) : 5 * h
        }
        return state
    }

    /// Whether two living sides are enemies.
    private func isFighting(_ alive: [Bool]) -> Bool {
        for i in 0..<sides where alive[i] {
            for j in 0..<sides where alive[j] && hostile[i * sides + j] { return true }
        }
        return false
    }

    /// Whether a side alive at the start of a step ends it at or below 0.
    private func reachesZero(_ outcome: Outcome, _ alive: [Bool]) -> Bool {
        (0..<sides).contains { alive[$0] && outcome.strengths[$0] <= 0 }
    }

    /// Two RK4 steps of h/2: the more accurate half of the step-doubling pair.
    private func twoHalfSteps(_ x: [Double], _ h: Double, _ alive: [Bool]) -> Outcome {
        let first = rk4(x, h / 2, alive)
        var second = rk4(first.strengths, h / 2, alive)
        for p in second.dealt.indices { second.dealt[p] += first.dealt[p] }
        return second
    }

    /// One classic RK4 step of length h among the sides alive at its start; what each attacker
    /// took from each victim is accumulated with the same weights as the strengths.
    private func rk4(_ x: [Double], _ h: Double, _ alive: [Bool]) -> Outcome {
        let w = workspace
        rates(x, alive, into: &w.r1)
        advance(x, by: w.r1, times: h / 2, into: &w.stage)
        rates(w.stage, alive, into: &w.r2)
        advance(x, by: w.r2, times: h / 2, into: &w.stage)
        rates(w.stage, alive, into: &w.r3)
        advance(x, by: w.r3, times: h, into: &w.stage)
        rates(w.stage, alive, into: &w.r4)
        var dealt = [Double](repeating: 0, count: sides * sides)
        for p in dealt.indices { dealt[p] = h / 6 * (w.r1[p] + 2 * w.r2[p] + 2 * w.r3[p] + w.r4[p]) }
        var strengths = x
        advance(x, by: dealt, times: 1, into: &strengths)
        return Outcome(strengths: strengths, dealt: dealt)
    }

    /// y_j = x_j − scale · Σ_i rate[i * sides + j].
    private func advance(_ x: [Double], by rate: [Double], times scale: Double, into y: inout [Double]) {
        for j in 0..<sides { y[j] = x[j] }
        for i in 0..<sides {
            for j in 0..<sides { y[j] -= scale * rate[i * sides + j] }
        }
    }

    /// `rate[i * sides + j]`: strength per day side i takes from side j at strengths y.
    private func rates(_ y: [Double], _ alive: [Bool], into rate: inout [Double]) {
        for p in rate.indices { rate[p] = 0 }
        for i in 0..<sides where alive[i] {
            var targets = 0
            var total = 0.0
            for k in 0..<sides where alive[k] && hostile[i * sides + k] {
                targets += 1
                total += y[k]
            }
            let fire = effectiveness[i] * y[i]
            for j in 0..<sides where alive[j] && hostile[i * sides + j] {
                // A lone target takes all the fire even past 0, which keeps a step that overshoots
                // on the analytic continuation of the two-sided solution.
                let share = targets == 1 ? 1 : (total > 0 ? y[j] / total : 0)
                rate[i * sides + j] = fire * share
            }
        }
    }
}

extension World {
    /// Tie kinds through which an agent shares the blame for its partner's attacks.
    static let backingTieKinds = ["support", "arms_supply", "intel_sharing"]

    /// Dynamic 2: in every region, the forces of agents at war with one another fight for one tick.
    /// Records a `clash` event per battle and an `eliminated` event per force destroyed; returns
    /// who lost what to whom.
    func fightBattles() -> [CombatLoss] {
        var losses: [CombatLoss] = []
        battlesLastTick = 0
        for r in regionsWithHostilePairs() {
            battlesLastTick += 1
            let present = (0..<agentCount).filter { force(of: $0, in: r) > 0 }
            let sides = present.filter { i in present.contains { isAtWar(i, $0) } }
            var hostile = [Bool](repeating: false, count: sides.count * sides.count)
            for (a, i) in sides.enumerated() {
                for (b, j) in sides.enumerated() { hostile[a * sides.count + b] = isAtWar(i, j) }
            }
            losses += resolveBattle(sides, hostile: hostile, in: r, days: tickDays, listed: sides).pairs
        }
        return losses
    }

    /// A scripted fight between two forces in a region over `days`, whatever their alignment, with
    /// the model of the built-in combat (noise included). Records a `clash` event listing the
    /// attacker first, assigns the blame and returns both losses.
    @discardableResult
    package func clash(
        attacker: Int, defender: Int, region: Int,
        days: Double
    ) -> (attackerLoss: Double, defenderLoss: Double) {
        guard attacker != defender else { return (0, 0) }
        let sides = [min(attacker, defender), max(attacker, defender)]
        let result = resolveBattle(
            sides, hostile: [false, true, true, false], in: region, days: days,
            listed: [attacker, defender])
        assignBlame(for: result.pairs)
        let a = attacker < defender ? 0 : 1
        return (result.losses[a], result.losses[1 - a])
    }

    /// Dynamic 3: a victim that lost a share s of its force lowers its alignment toward the
    /// attacker by grievance·s, and by blame·grievance·s toward every agent that backs the attacker
    /// (a `support`, `arms_supply` or `intel_sharing` tie to it, or being its patron) and backs the
    /// victim in none of these ways: a patron, or a supplier of both sides, is not an attacker.
    func assignBlame(for losses: [CombatLoss]) {
        let grievance = dynamics.grievance
        guard grievance != 0, !losses.isEmpty else { return }
        let backing = World.backingTieKinds.compactMap { tieKindIndex($0) }
        for loss in losses where loss.strengthBefore > 0 {
            let share = min(1, loss.loss / loss.strengthBefore)
            let victim = loss.victim, attacker = loss.attacker
            setAlignment(
                victim, toward: attacker,
                to: alignment(victim, toward: attacker) - grievance * share)
            let spill = dynamics.blame * grievance * share
            guard spill != 0 else { continue }
            for k in 0..<agentCount where k != victim && k != attacker {
                guard backs(k, attacker, through: backing), !backs(k, victim, through: backing) else { continue }
                setAlignment(victim, toward: k, to: alignment(victim, toward: k) - spill)
            }
        }
    }

    /// Whether k backs x: x's patron, or tied to x by one of `kinds`.
    private func backs(_ k: Int, _ x: Int, through kinds: [Int]) -> Bool {
        agents[x].patron == k || kinds.contains { isTied(k, x, kind: $0) }
    }

    /// The regions, in index order, where the forces of two agents at war both stand. Found from
    /// the pairs at war, which are few, and the words of `forcePresence` both hold, rather than
    /// from every region's forces; taken before any battle, which is the same: a battle changes
    /// only its own region's forces, and no war. Allocates nothing on a tick without such a region.
    private func regionsWithHostilePairs() -> [Int] {
        let n = agentCount, words = presenceWords
        var contested: [Int] = []
        forcePresence.withUnsafeBufferPointer { present in
            for pair in pairsAtWar {
                let i = pair / n, j = pair % n
                for w in 0..<words {
                    var both = present[i * words + w] & present[j * words + w]
                    while both != 0 {
                        contested.append(w * 64 + both.trailingZeroBitCount)
                        both &= both - 1
                    }
                }
            }
        }
        // Two pairs may meet in one region, and each pair's regions come in order of their own.
        if pairsAtWar.count > 1 && contested.count > 1 {
            contested.sort()
            var unique: [Int] = []
            for r in contested where unique.last != r { unique.append(r) }
            contested = unique
        }
        return contested
    }

    /// Fights one battle in region r among `sides` (agent indices in index order) over `days`:
    /// integrates the square law, draws each side's noise factor in index order, takes the losses
    /// from the forces and records the `clash` event (its agents and their losses in the order of
    /// `listed`) and an `eliminated` event per force destroyed. Returns the losses by side and by
    /// attacker.
    private func resolveBattle(
        _ sides: [Int], hostile: [Bool], in r: Int, days: Double,
        listed: [Int]
    ) -> (losses: [Double], pairs: [CombatLoss]) {
        let m = sides.count
        let before = sides.map { force(of: $0, in: r) }
        let battle = SquareLawBattle(
            sides: m, effectiveness: sides.map { agents[$0].effectiveness },
            hostile: hostile)
        let outcome = battle.fight(from: before, days: days)
        let sigma = dynamics.noise
        var losses = [Double](repeating: 0, count: m)
        var pairs: [CombatLoss] = []
        for v in 0..<m {
            // Mean-one log-normal factor: noise changes who is lucky, not the expected losses.
            let factor =
                sigma > 0
                ? PortableMath.exp(sigma * randomStreams[RandomStream.combat].normal() - sigma * sigma / 2) : 1
            losses[v] = min(before[v], max(0, before[v] - outcome.strengths[v]) * factor)
            // What is left below min_force is no force: it is lost too, to the same attackers.
            if before[v] - losses[v] < dynamics.minForce && losses[v] > 0 { losses[v] = before[v] }
            let attributed = (0..<m).reduce(0.0) { $0 + outcome.dealt[$1 * m + v] }
            guard losses[v] > 0, attributed > 0 else { continue }
            for a in 0..<m where outcome.dealt[a * m + v] > 0 {
                pairs.append(
                    CombatLoss(
                        victim: sides[v], attacker: sides[a], region: r,
                        loss: outcome.dealt[a * m + v] * losses[v] / attributed,
                        strengthBefore: before[v]))
            }
        }
        for v in 0..<m {
            setForce(of: sides[v], in: r, to: before[v] - losses[v])
            if isRunning { self.losses[sides[v]] += losses[v] }
        }
        record(
            Event(
                tick: tick, type: .clash, agents: listed, region: r,
                data: listed.map { agent in (agents[agent].id, .number(losses[sides.firstIndex(of: agent)!])) }))
        for v in 0..<m where before[v] > 0 && losses[v] >= before[v] {
            record(Event(tick: tick, type: .eliminated, agents: [sides[v]], region: r))
        }
        return (losses, pairs)
    }
}
