"""ghadames.py's model written for speed: `TunedGhadamesModel(mesa.Model)`, with `mesa.Agent`s
(border.Actor and border_tuned's policy agents), the same semantics and the same random draws in
the same order, so that with the same seed its outcomes equal GhadamesModel's (verify_tuned.py).

What differs, all bookkeeping rather than model (README.md, "The tuned port"):
  - forces are a list of per-agent rows of Python floats: the policies, moves and outcomes do
    scalar arithmetic without making numpy scalars;
  - battles: which regions hold two agents at war is kept per region and recomputed only for the
    regions whose forces changed (and for all of them when a war starts or ends), instead of a
    boolean matrix product every tick; two-sided battles use engine_tuned.fight_two;
  - only the three agents with a policy are stepped (in declaration order, as agents.do would);
  - the matrix updates write into preallocated arrays with ufuncs (no np.clip, np.fill_diagonal,
    temporaries), and structural balance takes one Euler substep without measuring the largest
    row sum when even the largest possible one (n - 1, as |A_ij| <= 1) needs only one;
  - wars: the tests "both <= hostility" (at peace) and "both > hostility + hysteresis" (at war)
    become one comparison of max(sA, sA') with a per-pair bound, s = -1 for pairs at war;
  - thresholds: each pair is watched for the one crossing its side allows, with one comparison;
  - DataCollector holds the six metrics; outcomes and facts are model attributes read once at the
    end by the runner (run_tuned.py) rather than reporters copied at every tick;
  - world.lua's fixed starting state (alignments, ties, wars, forces) is built once at import.
"""

import math

import mesa
import numpy as np

import world
from border import ALGERIA, CROSSING, DEBDEB, DERJ, GHADAMES, GNU, LNA, RUSSIA, POLICY_CLASSES, Actor, BorderState
from border_tuned import POLICY_CLASSES as TUNED_POLICY_CLASSES
from engine import SquareLawBattle
from engine_tuned import fight_two
from ghadames import HUR, JNIM, OBSERVED, OUTCOMES, PARAMS, TICKS, GhadamesModel, _tick_of

N_AGENTS, N_REGIONS = len(world.AGENTS), len(world.REGIONS)


def _starting_state():
    """world.lua's alignments, baselines, ties, wars and forces, as GhadamesModel.__init__ makes them
    before W.claims (the same operations, so the same values)."""
    A = np.zeros((N_AGENTS, N_AGENTS))
    for a, b, value, mutual in world.ALIGNMENTS:
        pairs = [(a, b), (b, a)] if mutual else [(a, b)]
        for x, y in pairs:
            A[world.AGENT_INDEX[x], world.AGENT_INDEX[y]] = -1.0 if value < -1.0 else 1.0 if value > 1.0 else value
    ties = set()
    for a, b, kind, mutual in world.TIES:
        i, j = world.AGENT_INDEX[a], world.AGENT_INDEX[b]
        ties.add((i, j, kind))
        if mutual:
            ties.add((j, i, kind))
    at_war = np.zeros((N_AGENTS, N_AGENTS), dtype=bool)
    for a, b, _ in world.WARS:
        i, j = world.AGENT_INDEX[a], world.AGENT_INDEX[b]
        at_war[i, j] = at_war[j, i] = True
    forces = [[0.0] * N_REGIONS for _ in range(N_AGENTS)]
    for a, r, men in world.FORCES:
        forces[world.AGENT_INDEX[a]][world.REGION_INDEX[r]] += men
    return A, frozenset(ties), at_war, forces


START_A, START_TIES, START_AT_WAR, START_FORCES = _starting_state()
PATRON_PAIR = np.array([[world.AGENTS[i][4] == world.AGENT_IDS[j] or world.AGENTS[j][4] == world.AGENT_IDS[i]
                         for j in range(N_AGENTS)] for i in range(N_AGENTS)])
UPPER = np.triu(np.ones((N_AGENTS, N_AGENTS), dtype=bool), 1)
METRICS = {
    "algeria_lna": lambda m: m.A.item(ALGERIA, LNA),
    "lna_near_border": lambda m: m.forces[LNA][DERJ] + m.forces[LNA][GHADAMES] + m.forces[LNA][CROSSING],
    "algeria_border_force": lambda m: m.forces[ALGERIA][DEBDEB] + m.forces[ALGERIA][CROSSING],
    "gnu_ghadames": lambda m: m.forces[GNU][GHADAMES],
    "russia_algeria": lambda m: m.A.item(RUSSIA, ALGERIA),
    "balance": lambda m: m.balance_index(),
}


class TunedGhadamesModel(GhadamesModel):
    """GhadamesModel with the bookkeeping written for speed; the methods it does not override
    (blame, ties, scripted events, helpers, facts) are GhadamesModel's."""

    def __init__(self, haftar_day=7, lna_force=1500, algeria_alert=0.6, russian_backing=0.5,
                 gnu_resolve=0.5, restraint=0.9, rupture_at=0.0, algeria_complicity=False,
                 algeria_shelters_jnim=False, hur_helped_jnim=True, algeria_knew=0.5, ticks=TICKS, seed=None):
        mesa.Model.__init__(self, seed=seed)
        given = dict(haftar_day=haftar_day, lna_force=lna_force, algeria_alert=algeria_alert,
                     russian_backing=russian_backing, gnu_resolve=gnu_resolve, restraint=restraint,
                     rupture_at=rupture_at, algeria_complicity=algeria_complicity,
                     algeria_shelters_jnim=algeria_shelters_jnim, hur_helped_jnim=hur_helped_jnim,
                     algeria_knew=algeria_knew)
        for name, value in given.items():
            default, lo, hi = PARAMS[name]
            if isinstance(default, bool):
                if not isinstance(value, bool):
                    raise ValueError(f"param {name}={value!r} is not a boolean")
            elif not lo <= value <= hi:
                raise ValueError(f"param {name}={value} is outside [{lo}, {hi}]")
        self.ticks = ticks
        self.tick = 0

        # simrun's default dynamics, as GhadamesModel
        self.speed = 300.0
        self.hostility = -0.5
        self.noise = 0.2
        self.grievance = 1.0
        self.blame = 0.5
        self.balance_rate = 0.001
        self.decay_rate = 0.01
        self.war_days = 30.0
        self.hysteresis = 0.05
        self.min_force = 1.0
        self.thresholds = (self.hostility,)
        self.tick_days = 1.0
        self.started = False

        self.agent_ids = world.AGENT_IDS
        self.region_ids = world.REGION_IDS
        self.actors = []
        for index, (ident, name, kind, eff, patron, resources) in enumerate(world.AGENTS):
            cls = TUNED_POLICY_CLASSES.get(ident, Actor)
            self.actors.append(cls(self, index, ident, name, kind, eff, patron, resources))
        # The agents with a policy, in declaration order (the order agents.do("step") keeps).
        self.policy_agents = [a for a in self.actors if a.ident in POLICY_CLASSES]
        self.effectiveness = [a.effectiveness for a in self.actors]
        self.A = START_A.copy()
        self.baseline = START_A.copy()
        self.ties = set(START_TIES)
        self.at_war = START_AT_WAR.copy()
        self.war_clock = np.zeros((N_AGENTS, N_AGENTS))
        self.forces = [row[:] for row in START_FORCES]
        self.lost = [0.0] * N_AGENTS
        self.movements = []
        self.events = []
        self.log = []
        self.w_moving = []
        self.scheduled = {}                       # sim.at: tick -> callbacks in registration order
        # Which regions hold two agents at war: region -> the sides, kept for the regions not in
        # `changed` (those whose forces changed since); every region is looked at again when a war
        # starts or ends.
        self.battles = {}
        self.changed = set(range(N_REGIONS))
        self.armed_changed = True                 # forces changed: update_wars re-reads who is armed
        self.armed = None
        self.war_bounds_stale = True
        self.clocks_running = False               # some pair's war clock is above 0

        # W.claims()
        self.knew = self.random.random() < algeria_knew
        for name, (a, b, kind) in world.CLAIM_TIES.items():
            if given[name]:
                self.ties.add((world.AGENT_INDEX[a], world.AGENT_INDEX[b], kind))
        if hur_helped_jnim:
            self.ties.add((HUR, JNIM, "covert_support"))
            for a, b, value in world.HUR_JNIM_ALIGNMENTS:
                self.align(world.AGENT_INDEX[a], world.AGENT_INDEX[b], value)

        # W.track_relations()
        self.relations_low = 1.0
        self.relations_cut = False
        self.cut_on = {}

        # after_ambush{schedule_cuts = true}
        for a, r, men in world.AMBUSH_LOSSES:
            self.loss(world.AGENT_INDEX[a], world.REGION_INDEX[r], men, "Tinzaouaten ambush")
        for a, b, delta in world.AMBUSH_SHIFTS:
            self.shift(world.AGENT_INDEX[a], world.AGENT_INDEX[b], delta)
        self.acknowledge_hur()
        self.at(0, self.reckoning)
        for date, state in world.SCHEDULED_CUTS:
            self.at(_tick_of(date), lambda s=world.AGENT_INDEX[state]: self.cut_with_ukraine(s))

        # ghadames.lua: Russian backing of Haftar
        self.align(RUSSIA, LNA, 0.2 + 0.8 * russian_backing)
        if russian_backing > 0.5:
            self.ties.add((RUSSIA, LNA, "arms_supply"))
        if russian_backing < 0.2:
            self.ties.discard((RUSSIA, LNA, "support"))

        # border.lua's B.install{...}
        self.haftar_day = haftar_day
        self.lna_force = lna_force
        self.algeria_alert = algeria_alert
        self.russian_backing = russian_backing
        self.gnu_resolve = gnu_resolve
        self.restraint = restraint
        self.rupture_at = rupture_at
        self.decide_every = 2
        self.st = BorderState()
        lna = self.actors[LNA]
        self.at(haftar_day, lambda: lna.launch(lna_force))
        self.lna_start = float(np.sum(self.forces[LNA]))   # numpy's summation, as GhadamesModel

        # end of setup
        for row in self.forces:
            for r, s in enumerate(row):
                if 0 < s < self.min_force:
                    row[r] = 0.0
        self.started = True

        # Scratch arrays of the matrix updates, and what they need that stays fixed in a run.
        n = N_AGENTS
        self.P = np.empty((n, n))
        self.T = np.empty((n, n))
        self.S = np.empty((n, n))
        self.flags = np.empty((n, n), dtype=bool)
        self.diagonal = self.A.reshape(-1)[::n + 1]       # a view: writing it zeroes A's diagonal
        self.pull = -math.expm1(-self.decay_rate * self.tick_days)
        # |A_ij| <= 1 with a zero diagonal, so no row sum of |A| exceeds n - 1.
        self.one_substep = math.ceil(abs(self.balance_rate) * self.tick_days * (n - 1) / 0.05) <= 1
        self.war_due = self.war_days * (1 - 1e-12)
        # Threshold watch: pair (i, j) crosses when sign[i, j] * A[i, j] <= bound[i, j].
        self.sides = [np.where(self.A <= th, -1, 1).astype(np.int8) for th in self.thresholds]
        self.watch = [self.watch_bounds(th, side) for th, side in zip(self.thresholds, self.sides)]

        for name in OUTCOMES + OBSERVED:
            setattr(self, name, None)
        self.datacollector = mesa.DataCollector(model_reporters=METRICS, tables={"tick0": list(METRICS)})
        self.datacollector.add_table_row("tick0", {name: f(self) for name, f in METRICS.items()})

    def at(self, tick, callback):
        self.scheduled.setdefault(tick, []).append(callback)

    def step(self):
        t = self.tick
        for callback in self.scheduled.get(t, ()):
            callback()
        ra = self.A.item(RUSSIA, ALGERIA)
        if ra < self.relations_low:
            self.relations_low = ra
        for agent in self.policy_agents:
            agent.step()
        if self.movements:
            self.advance_movements()
        losses = self.fight_battles()
        if losses:
            self.assign_blame(losses)
        self.structural_balance()
        self.decay()
        self.update_wars()
        self.tick = t + 1
        self.record_threshold_crossings()
        if self.tick >= self.ticks:
            self.evaluate_outcomes()
            self.evaluate_observed()
            self.running = False
        self.datacollector.collect(self)

    # ------------------------------------------------------------------------------------------
    # What changes forces, alignments and wars (GhadamesModel's, keeping the caches current)
    # ------------------------------------------------------------------------------------------
    def forces_changed(self, r):
        self.changed.add(r)
        self.armed_changed = True

    def alignment(self, a, b):
        return self.A.item(a, b)

    def shift(self, a, b, delta):
        v = self.A.item(a, b) + delta
        v = -1.0 if v < -1.0 else 1.0 if v > 1.0 else v
        self.A[a, b] = v
        return v

    def war(self, a, b, cause="declared", war=True):
        changed = GhadamesModel.war(self, a, b, cause, war)
        if changed:
            self.changed.update(range(N_REGIONS))
            self.war_bounds_stale = True
        return changed

    def loss(self, a, r, strength, cause=None, by=None):
        before = self.forces[a][r]
        lost = min(before, max(0.0, strength))
        if before - lost < self.min_force and lost > 0:
            lost = before
        self.forces[a][r] = max(0.0, before - lost)
        self.forces_changed(r)
        if self.started:
            self.lost[a] += lost
            self.events.append((self.tick, "loss", (a,) if by is None else (a, by), r,
                                {"strength": lost, "cause": cause}))
            if before > 0 and lost >= before:
                self.events.append((self.tick, "eliminated", (a,), r, {}))
        if by is not None and by != a and lost > 0:
            self.assign_blame([(a, by, lost, before)])
        return lost

    def move(self, a, frm, to, strength):
        km = world.TRAVEL_KM[frm][to]
        available = self.forces[a][frm]
        if available - strength < self.min_force:
            strength = available
        self.forces[a][frm] = max(0.0, available - strength)
        self.forces_changed(frm)
        self.movements.append([a, frm, to, strength, km])
        self.events.append((self.tick, "move", (a,), frm, {"to": to, "strength": strength, "km": km}))
        return km / self.speed if self.speed > 0 else math.inf

    def w_move(self, a, frm, to, strength=None):
        have = self.forces[a][frm]
        strength = have if strength is None else min(strength, have)
        if strength < max(1.0, self.min_force):
            return None
        days = self.move(a, frm, to, strength)
        self.w_moving.append((a, strength, self.tick + max(1, math.ceil(days))))
        return days

    def holder(self, r, minimum=5):
        F = self.forces
        best, best_s = None, 0.0
        for a in world.HOLDER_AGENTS:
            s = F[a][r]
            if s >= minimum and s > best_s:
                best, best_s = a, s
        if best is None:
            return "nobody"
        for a in world.HOLDER_AGENTS:
            if a != best and F[a][r] >= minimum and (self.is_at_war(best, a) or self.hostile(best, a)):
                return "contested"
        return self.agent_ids[best]

    # ------------------------------------------------------------------------------------------
    # Built-in dynamics
    # ------------------------------------------------------------------------------------------
    def advance_movements(self):
        if self.speed <= 0:
            return
        step = self.speed * self.tick_days
        still = []
        for mv in self.movements:
            mv[4] -= step
            if mv[4] <= 1e-9:
                a, frm, to, strength, _ = mv
                self.forces[a][to] += strength
                self.forces_changed(to)
                self.events.append((self.tick, "arrival", (a,), to, {"from": frm, "strength": strength}))
            else:
                still.append(mv)
        self.movements = still

    def fight_battles(self):
        """As GhadamesModel.fight_battles: the regions are visited in order, each battle's sides in
        declaration order; only regions whose forces changed are looked at again."""
        if self.changed:
            F, H = self.forces, self.at_war
            for r in self.changed:
                here = [i for i in range(N_AGENTS) if F[i][r] > 0]
                sides = [i for i in here if any(H[i, j] for j in here)] if len(here) > 1 else []
                if sides:
                    self.battles[r] = sides
                else:
                    self.battles.pop(r, None)
            self.changed.clear()
        if not self.battles:
            return []
        losses = []
        for r in sorted(self.battles):
            sides = self.battles[r]
            if len(sides) == 2:
                losses += self.resolve_two(sides[0], sides[1], r, self.tick_days, sides)[1]
            else:
                hostile = [bool(self.at_war[i, j]) for i in sides for j in sides]
                losses += self.resolve_battle(sides, hostile, r, self.tick_days, sides)[1]
        return losses

    def clash(self, attacker, defender, region, days=1.0):
        if attacker == defender:
            return 0.0, 0.0
        sides = [min(attacker, defender), max(attacker, defender)]
        losses, pairs = self.resolve_two(sides[0], sides[1], region, days, [attacker, defender])
        self.assign_blame(pairs)
        a = 0 if attacker < defender else 1
        return losses[a], losses[1 - a]

    def resolve_two(self, s0, s1, r, days, listed):
        """GhadamesModel.resolve_battle for two sides firing at each other."""
        F = self.forces
        b0, b1 = F[s0][r], F[s1][r]
        x0, x1, d01, d10 = fight_two(self.effectiveness[s0], self.effectiveness[s1], b0, b1, days)
        sigma = self.noise
        gauss = self.random.gauss
        min_force = self.min_force
        pairs = []
        factor = math.exp(sigma * gauss(0.0, 1.0) - sigma * sigma / 2) if sigma > 0 else 1.0
        l0 = min(b0, max(0.0, b0 - x0) * factor)
        if b0 - l0 < min_force and l0 > 0:
            l0 = b0
        if l0 > 0 and d10 > 0:
            pairs.append((s0, s1, d10 * l0 / d10, b0))
        factor = math.exp(sigma * gauss(0.0, 1.0) - sigma * sigma / 2) if sigma > 0 else 1.0
        l1 = min(b1, max(0.0, b1 - x1) * factor)
        if b1 - l1 < min_force and l1 > 0:
            l1 = b1
        if l1 > 0 and d01 > 0:
            pairs.append((s1, s0, d01 * l1 / d01, b1))
        F[s0][r] = max(0.0, b0 - l0)
        F[s1][r] = max(0.0, b1 - l1)
        self.lost[s0] += l0
        self.lost[s1] += l1
        self.forces_changed(r)
        tick = self.tick
        losses = (l0, l1)
        self.events.append((tick, "clash", tuple(listed), r,
                            {self.agent_ids[s]: losses[0 if s == s0 else 1] for s in listed}))
        self.mark_clash(listed, tick)
        if b0 > 0 and l0 >= b0:
            self.events.append((tick, "eliminated", (s0,), r, {}))
        if b1 > 0 and l1 >= b1:
            self.events.append((tick, "eliminated", (s1,), r, {}))
        return [l0, l1], pairs

    def resolve_battle(self, sides, hostile, r, days, listed):
        """GhadamesModel.resolve_battle over the forces' rows (battles of three or more sides)."""
        m = len(sides)
        F = self.forces
        before = [F[s][r] for s in sides]
        strengths, dealt = SquareLawBattle([self.effectiveness[s] for s in sides], hostile).fight(before, days)
        sigma = self.noise
        gauss = self.random.gauss
        losses = [0.0] * m
        pairs = []
        for v in range(m):
            factor = math.exp(sigma * gauss(0.0, 1.0) - sigma * sigma / 2) if sigma > 0 else 1.0
            losses[v] = min(before[v], max(0.0, before[v] - strengths[v]) * factor)
            if before[v] - losses[v] < self.min_force and losses[v] > 0:
                losses[v] = before[v]
            attributed = sum(dealt[a * m + v] for a in range(m))
            if losses[v] > 0 and attributed > 0:
                for a in range(m):
                    d = dealt[a * m + v]
                    if d > 0:
                        pairs.append((sides[v], sides[a], d * losses[v] / attributed, before[v]))
        for v in range(m):
            F[sides[v]][r] = max(0.0, before[v] - losses[v])
            self.lost[sides[v]] += losses[v]
        self.forces_changed(r)
        tick = self.tick
        self.events.append((tick, "clash", tuple(listed), r,
                            {self.agent_ids[s]: losses[sides.index(s)] for s in listed}))
        self.mark_clash(listed, tick)
        for v in range(m):
            if before[v] > 0 and losses[v] >= before[v]:
                self.events.append((tick, "eliminated", (sides[v],), r, {}))
        return losses, pairs

    def structural_balance(self):
        """GhadamesModel.structural_balance's operations, in place."""
        A, P, T = self.A, self.P, self.T
        if self.one_substep:
            substeps = 1
        else:
            substeps = max(1, math.ceil(abs(self.balance_rate) * self.tick_days
                                        * float(np.abs(A).sum(axis=1).max()) / 0.05))
        gain = self.balance_rate * (self.tick_days / substeps)
        for _ in range(substeps):
            np.matmul(A, A, out=P)
            np.multiply(A, A, out=T)
            np.subtract(1.0, T, out=T)
            T *= gain
            T *= P
            A += T
            np.minimum(A, 1.0, out=A)
            np.maximum(A, -1.0, out=A)
            self.diagonal[:] = 0.0

    def decay(self):
        T = self.T
        np.subtract(self.baseline, self.A, out=T)
        T *= self.pull
        self.A += T

    def war_bounds(self):
        """For update_wars: sign[i, j] = 1 at peace, -1 at war; a pair (i < j) drifts when
        max(sign A_ij, sign A_ji) <= bound[i, j]: both <= hostility (at peace, both armed, not
        agent and patron), or both > hostility + hysteresis (at war: -min(A_ij, A_ji) below
        -(hostility + hysteresis), the float just below it); -inf for the pairs that never drift."""
        armed = np.array(self.armed)
        at_peace = ~self.at_war
        sign = np.where(at_peace, 1.0, -1.0)
        calm = np.nextafter(-(self.hostility + self.hysteresis), -math.inf)
        bound = np.where(at_peace, self.hostility, calm)
        bound[~UPPER | (at_peace & (PATRON_PAIR | ~(armed[:, None] & armed[None, :])))] = -math.inf
        return sign, bound

    def update_wars(self):
        """GhadamesModel.update_wars with one comparison for both kinds of drift."""
        if not self.war_days > 0:
            return
        if self.armed_changed:
            armed = [max(row) > 0 for row in self.forces]
            for mv in self.movements:
                armed[mv[0]] = True
            if armed != self.armed:
                self.armed = armed
                self.war_bounds_stale = True
            self.armed_changed = False
        if self.war_bounds_stale:
            self.war_sign, self.war_bound = self.war_bounds()
            self.war_bounds_stale = False
        S, M, drifting = self.S, self.T, self.flags
        np.multiply(self.A, self.war_sign, out=S)
        np.maximum(S, S.T, out=M)
        np.less_equal(M, self.war_bound, out=drifting)
        clock = self.war_clock
        if not np.count_nonzero(drifting):         # most ticks: every clock is (or goes back to) 0
            if self.clocks_running:
                clock.fill(0.0)
                self.clocks_running = False
            return
        self.clocks_running = True
        clock += self.tick_days
        clock *= drifting
        due = np.greater_equal(clock, self.war_due, out=drifting)
        if np.count_nonzero(due):
            for i, j in zip(*np.nonzero(due)):
                i, j = int(i), int(j)
                war = not self.at_war[i, j]
                self.war(i, j, "hostility" if war else "calm", war)

    def watch_bounds(self, th, side):
        """For record_threshold_crossings: sign and bound per pair, so that pair (i, j) crosses when
        sign * A_ij <= bound: above the threshold (side > 0) it crosses down at A_ij <= th (less the
        hysteresis since a crossing); below it, up at A_ij > th (plus the hysteresis since a
        crossing), i.e. -A_ij <= -(the float just above it)."""
        margin = self.hysteresis
        above = side > 0
        down = th - np.where(side == 2, margin, 0.0)
        up = np.nextafter(th + np.where(side == -2, margin, 0.0), math.inf)
        return np.where(above, 1.0, -1.0), np.where(above, down, -up)

    def record_threshold_crossings(self):
        """GhadamesModel.record_threshold_crossings: a pair can only cross when its alignment
        changed, so the `changed` mask is not needed."""
        A, S, crossed = self.A, self.S, self.flags
        for k, th in enumerate(self.thresholds):
            sign, bound = self.watch[k]
            np.multiply(A, sign, out=S)
            np.less_equal(S, bound, out=crossed)
            if not np.count_nonzero(crossed):
                continue
            side = self.sides[k]
            for i, j in zip(*np.nonzero(crossed)):
                down = side[i, j] > 0
                side[i, j] = -2 if down else 2
                self.events.append((self.tick, "threshold", (int(i), int(j)), None, {
                    "threshold": th, "direction": "down" if down else "up", "value": A.item(i, j)}))
            self.watch[k] = self.watch_bounds(th, side)

    def balance_index(self):
        """GhadamesModel.balance_index, with each sum of products a dot product, and p = A + A'
        without the factor 1/2: a power of two, it scales both sums by exactly 1/8."""
        p, q = self.S, self.T
        np.add(self.A, self.A.T, out=p)
        np.abs(p, out=q)
        total = float(np.vdot(np.matmul(q, q, out=self.P), q))
        signed = float(np.vdot(np.matmul(p, p, out=self.P), p))
        return 0.5 * (total + signed) / total if total > 0 else 1.0

    def evaluate_outcomes(self):
        st, F = self.st, self.forces
        self.border_clash_algeria_lna = st.border_clash
        self.first_clash_day = st.first_clash_day
        self.lna_at_crossing = st.reached_crossing
        self.lna_holds_crossing = F[LNA][CROSSING] >= 1
        self.lna_gnu_clash = st.lna_gnu_clash
        self.lna_entered_ghadames = st.entered_ghadames
        self.ghadames_held_by = self.holder(GHADAMES)
        self.algeria_lna_alignment = self.A.item(ALGERIA, LNA)
        self.lna_final_phase = st.phase
        self.lna_losses = self.lna_start - float(np.sum(F[LNA])) - self.in_transit(LNA)
        self.border_incidents = st.incidents
