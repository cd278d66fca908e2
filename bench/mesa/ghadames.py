"""The ghadames scenario (scenarios/sahel/ghadames.lua with world.lua and border.lua) as a Mesa 3
model, with the parts of simrun's engine it relies on: movements, Lanchester square-law combat
between agents at war integrated inside a tick, blame, structural balance, decay toward the
baselines, wars made and ended by lasting hostility or calm, threshold events with hysteresis,
min_force, scripted clashes and losses, scheduled events, metrics (mesa.DataCollector), outcomes and
the facts of the historical record (sim.observed).

One tick (docs/scenario-api.md, "One tick"):
  1. scheduled events due now (sim.at), the `tick` handler (W.track_relations), then the agents'
     policies in declaration order;
  2. movements, combat, blame, structural balance, decay, wars;
  3. the clock becomes t+1, threshold crossings are recorded, the metrics are collected.
"""

import datetime
import math

import mesa
import numpy as np

import world
from border import (ALGERIA, CROSSING, DERJ, GHADAMES, GNU, LNA, RUSSIA, DEBDEB, POLICY_CLASSES, clamp,
                    Actor, BorderState)
from engine import SquareLawBattle

UKRAINE, HUR, CSP, JNIM, MALI, NIGER = (world.AGENT_INDEX[a] for a in ("ukraine", "hur", "csp", "jnim", "mali",
                                                                         "niger"))
BACKING_TIE_KINDS = ("support", "arms_supply", "intel_sharing")

# sim.param declarations of ghadames.lua, then those of world.lua's W.claims: name -> (default, min, max)
PARAMS = {
    "haftar_day": (7, 0, 121),
    "lna_force": (1500, 100, 4000),
    "algeria_alert": (0.6, 0.0, 1.0),
    "russian_backing": (0.5, 0.0, 1.0),
    "gnu_resolve": (0.5, 0.0, 1.0),
    "restraint": (0.9, 0.0, 1.0),
    "rupture_at": (0.0, -1.0, 1.0),
    "algeria_complicity": (False, None, None),
    "algeria_shelters_jnim": (False, None, None),
    "hur_helped_jnim": (True, None, None),
    "algeria_knew": (0.5, 0.0, 1.0),
}
DEFAULTS = {name: spec[0] for name, spec in PARAMS.items()}
TICKS = 120  # sim.scenario{steps = 120}

# Metrics (sim.metric), recorded at tick 0 and after every tick.
METRICS = {
    "algeria_lna": lambda m: float(m.A[ALGERIA, LNA]),
    "lna_near_border": lambda m: float(m.forces[LNA, DERJ] + m.forces[LNA, GHADAMES] + m.forces[LNA, CROSSING]),
    "algeria_border_force": lambda m: float(m.forces[ALGERIA, DEBDEB] + m.forces[ALGERIA, CROSSING]),
    "gnu_ghadames": lambda m: float(m.forces[GNU, GHADAMES]),
    "russia_algeria": lambda m: float(m.A[RUSSIA, ALGERIA]),
    "balance": lambda m: m.balance_index(),
}
# Outcomes (sim.outcome), evaluated once at the end; model attributes of the same names.
OUTCOMES = ("border_clash_algeria_lna", "first_clash_day", "lna_at_crossing", "lna_holds_crossing",
            "lna_gnu_clash", "lna_entered_ghadames", "ghadames_held_by", "algeria_lna_alignment",
            "lna_final_phase", "lna_losses", "border_incidents")
# Facts of the record (sim.observed), evaluated after the outcomes; model attributes of the same names.
OBSERVED = ("mali_cuts_kyiv_4_aug", "niger_cuts_kyiv_6_aug", "no_lna_gnu_battle", "lna_did_not_enter_ghadames",
            "no_algeria_lna_clash", "no_russia_algeria_rupture")


def _tick_of(date, start=world.START_DATE, tick_days=1.0):
    """sim.at with a date: the first tick on or after it."""
    days = (datetime.date.fromisoformat(date) - datetime.date.fromisoformat(start)).days
    return math.ceil(days / tick_days)


class GhadamesModel(mesa.Model):
    """Haftar's LNA advances on the Ghadames-Debdeb crossing (Aug 2024)."""

    def __init__(self, haftar_day=7, lna_force=1500, algeria_alert=0.6, russian_backing=0.5,
                 gnu_resolve=0.5, restraint=0.9, rupture_at=0.0, algeria_complicity=False,
                 algeria_shelters_jnim=False, hur_helped_jnim=True, algeria_knew=0.5, ticks=TICKS, seed=None):
        super().__init__(seed=seed)
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

        # ghadames.lua calls no sim.dynamics: simrun's default rates (Dynamics.swift)
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
        self.started = False                      # World.isRunning: events are recorded from the run on

        # ---- world.lua: agents, map, alignments, ties, forces
        self.agent_ids = world.AGENT_IDS
        self.region_ids = world.REGION_IDS
        n, nr = len(world.AGENTS), len(world.REGIONS)
        self.actors = []
        for index, (ident, name, kind, eff, patron, resources) in enumerate(world.AGENTS):
            cls = POLICY_CLASSES.get(ident, Actor)
            self.actors.append(cls(self, index, ident, name, kind, eff, patron, resources))
        self.effectiveness = [a.effectiveness for a in self.actors]
        self.A = np.zeros((n, n))                 # A[i, j]: how i stands toward j
        self.baseline = np.zeros((n, n))          # what decay pulls back toward: sim.align sets it
        for a, b, value, mutual in world.ALIGNMENTS:
            i, j = world.AGENT_INDEX[a], world.AGENT_INDEX[b]
            self.align(i, j, value)
            if mutual:
                self.align(j, i, value)
        self.ties = set()                         # (from, to, kind)
        for a, b, kind, mutual in world.TIES:
            i, j = world.AGENT_INDEX[a], world.AGENT_INDEX[b]
            self.ties.add((i, j, kind))
            if mutual:
                self.ties.add((j, i, kind))
        self.at_war = np.zeros((n, n), dtype=bool)   # symmetric: whose forces fight where they meet
        self.war_clock = np.zeros((n, n))         # days each pair (i < j) has drifted toward a change
        self.upper = np.triu(np.ones((n, n), dtype=bool), 1)
        patrons = [a.patron for a in self.actors]
        self.patron_pair = np.array([[patrons[i] == self.agent_ids[j] or patrons[j] == self.agent_ids[i]
                                      for j in range(n)] for i in range(n)])
        for a, b, cause in world.WARS:
            self.war(world.AGENT_INDEX[a], world.AGENT_INDEX[b], cause)
        self.forces = np.zeros((n, nr))           # forces[agent, region]: men on the ground
        self.lost = np.zeros(n)                   # World.losses: strength each agent lost in the run
        for a, r, men in world.FORCES:
            self.forces[world.AGENT_INDEX[a], world.REGION_INDEX[r]] += men
        self.movements = []                       # [agent, from, to, strength, remaining km]
        self.events = []                          # (tick, type, agents, region, data)
        self.log = []                             # (tick, text)
        self.w_moving = []                        # W.moving: (agent, strength, eta)
        self.scheduled = []                       # sim.at: (tick, callback), in registration order

        # ---- world.lua's W.claims(): the contested claims as params
        self.knew = self.random.random() < algeria_knew   # sim.chance(algeria_knew), once per run
        for name, (a, b, kind) in world.CLAIM_TIES.items():
            if given[name]:
                self.ties.add((world.AGENT_INDEX[a], world.AGENT_INDEX[b], kind))
        if hur_helped_jnim:
            self.ties.add((HUR, JNIM, "covert_support"))
            for a, b, value in world.HUR_JNIM_ALIGNMENTS:
                self.align(world.AGENT_INDEX[a], world.AGENT_INDEX[b], value)

        # ---- world.lua's W.track_relations(): the lowest russia->algeria seen (the `tick` handler,
        # in step) and whether a Russia-Algeria diplomatic tie was cut (in cut)
        self.relations_low = 1.0
        self.relations_cut = False
        self.cut_on = {}                          # W.cut_on: state -> tick of its cut with Kyiv

        # ---- world.lua's after_ambush{schedule_cuts = true}
        for a, r, men in world.AMBUSH_LOSSES:
            self.loss(world.AGENT_INDEX[a], world.REGION_INDEX[r], men, "Tinzaouaten ambush")
        for a, b, delta in world.AMBUSH_SHIFTS:
            self.shift(world.AGENT_INDEX[a], world.AGENT_INDEX[b], delta)
        self.acknowledge_hur()
        self.scheduled.append((0, self.reckoning))
        for date, state in world.SCHEDULED_CUTS:
            self.scheduled.append((_tick_of(date), lambda s=world.AGENT_INDEX[state]: self.cut_with_ukraine(s)))

        # ---- ghadames.lua: Russian backing of Haftar (param)
        self.align(RUSSIA, LNA, 0.2 + 0.8 * russian_backing)
        if russian_backing > 0.5:
            self.ties.add((RUSSIA, LNA, "arms_supply"))
        if russian_backing < 0.2:
            self.ties.discard((RUSSIA, LNA, "support"))

        # ---- border.lua's B.install{...}
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
        self.scheduled.append((haftar_day, lambda: lna.launch(lna_force)))
        self.lna_start = float(self.forces[LNA].sum())

        # ---- end of setup (World.beginRun): forces below min_force removed; threshold scan state
        small = (self.forces > 0) & (self.forces < self.min_force)
        self.forces[small] = 0.0
        self.started = True
        self.last_A = self.A.copy()
        # sides[k][i, j]: +-1 above or at/below threshold k since the start, +-2 since a crossing
        self.sides = [np.where(self.A <= th, -1, 1).astype(np.int8) for th in self.thresholds]
        for name in OUTCOMES + OBSERVED:
            setattr(self, name, None)
        reporters = dict(METRICS)
        reporters.update({name: name for name in OUTCOMES + OBSERVED})
        self.datacollector = mesa.DataCollector(model_reporters=reporters, tables={"tick0": list(METRICS)})
        # Tick 0's metrics go to a table: batch_run reads the model-reporter row of index
        # model.steps - 1, so those rows must be one per step (the row of the final tick last).
        self.datacollector.add_table_row("tick0", {name: f(self) for name, f in METRICS.items()})

    # ------------------------------------------------------------------------------------------
    # One tick
    # ------------------------------------------------------------------------------------------
    def step(self):
        t = self.tick
        for when, callback in self.scheduled:     # sim.at hooks due now
            if when == t:
                callback()
        if self.A[RUSSIA, ALGERIA] < self.relations_low:   # W.track_relations' sim.on("tick")
            self.relations_low = self.A[RUSSIA, ALGERIA]
        self.agents.do("step")                    # policies, in agent declaration order
        self.advance_movements()
        losses = self.fight_battles()
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
    # Relations, forces, events (what the scenario calls sim.*)
    # ------------------------------------------------------------------------------------------
    def alignment(self, a, b):
        return self.A[a, b]

    def align(self, a, b, value):
        """sim.align: the alignment now and its baseline."""
        v = -1.0 if value < -1.0 else 1.0 if value > 1.0 else value
        self.A[a, b] = v
        self.baseline[a, b] = v
        return v

    def shift(self, a, b, delta):
        v = self.A[a, b] + delta
        v = -1.0 if v < -1.0 else 1.0 if v > 1.0 else v
        self.A[a, b] = v
        return v

    def hostile(self, a, b):
        """W.hostile: hostile in attitude, either side at or below the `hostility` rate (not whether
        they fight)."""
        h = self.hostility
        return self.A[a, b] <= h or self.A[b, a] <= h

    def war(self, a, b, cause="declared", war=True):
        """sim.war (sim.peace with war=False): restarts the pair's clock; True when the state changed."""
        if a == b:
            return False
        self.war_clock[min(a, b), max(a, b)] = 0.0
        if self.at_war[a, b] == war:
            return False
        self.at_war[a, b] = self.at_war[b, a] = war
        if self.started:
            self.events.append((self.tick, "war" if war else "peace", (a, b), None, {"cause": cause}))
        return True

    def is_at_war(self, a, b):
        """sim.at_war."""
        return a != b and bool(self.at_war[a, b])

    def loss(self, a, r, strength, cause=None, by=None):
        """sim.loss: strength lost outside a clash (all of it when less than min_force would be left);
        with `by`, the victim blames that agent as after a clash. Returns the strength lost."""
        before = float(self.forces[a, r])
        lost = min(before, max(0.0, strength))
        if before - lost < self.min_force and lost > 0:
            lost = before
        self.forces[a, r] = max(0.0, before - lost)
        if self.started:
            self.lost[a] += lost
            self.events.append((self.tick, "loss", (a,) if by is None else (a, by), r,
                                {"strength": lost, "cause": cause}))
            if before > 0 and lost >= before:
                self.events.append((self.tick, "eliminated", (a,), r, {}))
        if by is not None and by != a and lost > 0:
            self.assign_blame([(a, by, lost, before)])
        return lost

    def tied(self, a, b, kind):
        return (a, b, kind) in self.ties

    def cut(self, a, b, kind):
        """sim.cut: the `tie_cut` event (during the run) goes to W.track_relations' handler."""
        if (a, b, kind) in self.ties:
            self.ties.remove((a, b, kind))
            if self.started:
                self.events.append((self.tick, "tie_cut", (a, b), None, {"kind": kind}))
                if kind == "diplomatic" and {a, b} == {RUSSIA, ALGERIA}:
                    self.relations_cut = True

    def emit(self, kind, agents, region, data):
        self.events.append((self.tick, kind, agents, region, data))

    def log_line(self, text):
        self.log.append((self.tick, text))

    def cut_with_ukraine(self, state):
        """W.cut_with_ukraine: Mali or Niger cutting diplomatic ties with Kyiv."""
        if self.tied(state, UKRAINE, "diplomatic"):
            self.cut(state, UKRAINE, "diplomatic")
            self.cut(UKRAINE, state, "diplomatic")
            self.shift(UKRAINE, state, -0.2)      # Kyiv calls the decision short-sighted
            self.cut_on[state] = self.tick
            self.log_line(self.agent_ids[state] + " cuts diplomatic ties with Ukraine")
            return True
        return False

    def acknowledge_hur(self):
        """W.acknowledge_hur: Yusov's statement makes HUR's covert help public support (to JNIM too
        when W.claims made that tie)."""
        self.cut(HUR, CSP, "covert_support")
        self.ties.add((HUR, CSP, "support"))
        self.ties.add((HUR, CSP, "intel_sharing"))
        if (HUR, JNIM, "covert_support") in self.ties:
            self.cut(HUR, JNIM, "covert_support")
            self.ties.add((HUR, JNIM, "support"))

    def reckoning(self):
        """W.reckoning{warned = false, knew = knew, dead = 200}, after_ambush's sim.at hook of tick 0:
        Algeria's silence breaks the intelligence cooperation, Moscow blames Algiers in proportion to
        the dead, and Algiers resents it (twice as much when it did not know)."""
        blame = world.MOSCOW_BLAME
        dead = world.AMBUSH_DEAD
        if self.tied(ALGERIA, RUSSIA, "intel_sharing"):
            self.emit("cooperation_breach", (ALGERIA, RUSSIA), None, {
                "knew": self.knew, "reason": "did not tip Moscow off about Ukraine's support to the rebels"})
        weight = clamp(dead / 200, 0.5, 1.5)
        self.shift(RUSSIA, ALGERIA, -blame * weight)
        self.shift(ALGERIA, RUSSIA, -(0.25 if self.knew else 0.5) * blame)
        self.emit("blame", (RUSSIA, ALGERIA), None, {"dead": dead, "reason": "failed to tip it off"})
        self.log_line("Moscow blames Algiers for failing to tip it off")

    def cut_on_date(self, state, date):
        """W.cut_on_date: the state cut its ties with Kyiv on that date, give or take a day."""
        t = self.cut_on.get(state)
        return t is not None and abs(t - _tick_of(date)) <= 1

    def no_rupture(self):
        """W.no_rupture(rupture_at): russia->algeria never below rupture_at, and no diplomatic cut."""
        low = min(self.relations_low, self.A[RUSSIA, ALGERIA])
        return bool(low >= self.rupture_at) and not self.relations_cut

    def move(self, a, frm, to, strength):
        """sim.move: strength leaves `frm` now (with a remainder below min_force) and travels at
        `speed`; returns the days it takes."""
        km = world.TRAVEL_KM[frm][to]
        available = float(self.forces[a, frm])
        if available - strength < self.min_force:
            strength = available
        self.forces[a, frm] = max(0.0, available - strength)
        self.movements.append([a, frm, to, strength, km])
        self.events.append((self.tick, "move", (a,), frm, {"to": to, "strength": strength, "km": km}))
        return km / self.speed if self.speed > 0 else math.inf

    def w_move(self, a, frm, to, strength=None):
        """W.move: never more than is there; None when less than min_force (or 1 man) would move;
        remembers the eta."""
        have = float(self.forces[a, frm])
        strength = have if strength is None else min(strength, have)
        if strength < max(1.0, self.min_force):
            return None
        days = self.move(a, frm, to, strength)
        self.w_moving.append((a, strength, self.tick + max(1, math.ceil(days))))
        return days

    def in_transit(self, a):
        """W.in_transit: strength still on the road (moves made through w_move)."""
        now = self.tick
        return sum(s for agent, s, eta in self.w_moving if agent == a and eta > now)

    def mark_clash(self, agents, tick):
        """border.lua's `clash` handler."""
        st = self.st
        if ALGERIA in agents and LNA in agents and not st.border_clash:
            st.border_clash = True
            st.first_clash_day = tick
            self.log_line("first clash between Algerian forces and the LNA")
        if GNU in agents and LNA in agents and not st.lna_gnu_clash:
            st.lna_gnu_clash = True
            st.first_lna_gnu_day = tick

    def holder(self, r, minimum=5):
        """W.holder: the largest force there (of at least `minimum`); 'contested' while any other
        force of at least `minimum` is at war with it or hostile in attitude either way."""
        best, best_s = None, 0.0
        for a in world.HOLDER_AGENTS:
            s = self.forces[a, r]
            if s >= minimum and s > best_s:
                best, best_s = a, s
        if best is None:
            return "nobody"
        for a in world.HOLDER_AGENTS:
            if a != best and self.forces[a, r] >= minimum and (self.is_at_war(best, a) or self.hostile(best, a)):
                return "contested"
        return self.agent_ids[best]

    # ------------------------------------------------------------------------------------------
    # Built-in dynamics
    # ------------------------------------------------------------------------------------------
    def advance_movements(self):
        """Dynamic 1: every movement advances speed x tick length; arrivals join the force there."""
        if not self.movements or self.speed <= 0:
            return
        step = self.speed * self.tick_days
        still = []
        for mv in self.movements:
            mv[4] -= step
            if mv[4] <= 1e-9:
                a, frm, to, strength, _ = mv
                self.forces[a, to] += strength
                self.events.append((self.tick, "arrival", (a,), to, {"from": frm, "strength": strength}))
            else:
                still.append(mv)
        self.movements = still

    def fight_battles(self):
        """Dynamic 2: in every region, forces of agents at war with one another fight for one tick.
        Returns (victim, attacker, loss, strength before)."""
        H = self.at_war                            # symmetric, with a false diagonal
        present = self.forces > 0
        contested = np.flatnonzero((present & (H @ present)).any(axis=0))
        losses = []
        for r in contested:
            here = np.flatnonzero(present[:, r])
            sides = [int(i) for i in here if H[i, here].any()]
            hostile = [bool(H[i, j]) for i in sides for j in sides]
            losses += self.resolve_battle(sides, hostile, int(r), self.tick_days, sides)[1]
        return losses

    def clash(self, attacker, defender, region, days=1.0):
        """sim.clash: a scripted fight, at war or not; same model and blame as combat."""
        if attacker == defender:
            return 0.0, 0.0
        sides = [min(attacker, defender), max(attacker, defender)]
        losses, pairs = self.resolve_battle(sides, [False, True, True, False], region, days,
                                            [attacker, defender])
        self.assign_blame(pairs)
        a = 0 if attacker < defender else 1
        return losses[a], losses[1 - a]

    def resolve_battle(self, sides, hostile, r, days, listed):
        m = len(sides)
        before = [float(self.forces[s, r]) for s in sides]
        battle = SquareLawBattle([self.effectiveness[s] for s in sides], hostile)
        strengths, dealt = battle.fight(before, days)
        sigma = self.noise
        gauss = self.random.gauss
        losses = [0.0] * m
        pairs = []
        for v in range(m):
            # Mean-one log-normal factor: noise changes who is lucky, not the expected losses.
            factor = math.exp(sigma * gauss(0.0, 1.0) - sigma * sigma / 2) if sigma > 0 else 1.0
            losses[v] = min(before[v], max(0.0, before[v] - strengths[v]) * factor)
            # What is left below min_force is no force: it is lost too, to the same attackers.
            if before[v] - losses[v] < self.min_force and losses[v] > 0:
                losses[v] = before[v]
            attributed = sum(dealt[a * m + v] for a in range(m))
            if losses[v] > 0 and attributed > 0:
                for a in range(m):
                    d = dealt[a * m + v]
                    if d > 0:
                        pairs.append((sides[v], sides[a], d * losses[v] / attributed, before[v]))
        for v in range(m):
            self.forces[sides[v], r] = max(0.0, before[v] - losses[v])
            self.lost[sides[v]] += losses[v]
        tick = self.tick
        self.events.append((tick, "clash", tuple(listed), r,
                            {self.agent_ids[s]: losses[sides.index(s)] for s in listed}))
        self.mark_clash(listed, tick)             # the scenario's sim.on("clash") handler
        for v in range(m):
            if before[v] > 0 and losses[v] >= before[v]:
                self.events.append((tick, "eliminated", (sides[v],), r, {}))
        return losses, pairs

    def backs(self, k, x):
        """Whether k backs x: x's patron, or a support / arms_supply / intel_sharing tie k -> x."""
        return (self.actors[x].patron == self.agent_ids[k]
                or any((k, x, kind) in self.ties for kind in BACKING_TIE_KINDS))

    def assign_blame(self, losses):
        """Dynamic 3: a victim losing a share s turns grievance*s against the attacker and
        blame*grievance*s against every agent that backs the attacker and backs the victim in none
        of those ways (a patron, or a supplier of both sides, is not an attacker)."""
        g = self.grievance
        if g == 0 or not losses:
            return
        A = self.A
        for victim, attacker, loss, before in losses:
            if before <= 0:
                continue
            share = min(1.0, loss / before)
            A[victim, attacker] = max(-1.0, min(1.0, A[victim, attacker] - g * share))
            spill = self.blame * g * share
            if spill == 0:
                continue
            for k in range(len(self.actors)):
                if k != victim and k != attacker and self.backs(k, attacker) and not self.backs(k, victim):
                    A[victim, k] = max(-1.0, min(1.0, A[victim, k] - spill))

    def structural_balance(self):
        """Dynamic 4a: dA_ij/dt = balance (1 - A_ij^2) sum_k A_ik A_kj (per triad), explicit Euler
        substeps (balance*dt*(largest row sum of |A|) <= 0.05 each), clamped to [-1, 1]."""
        n = self.A.shape[0]
        if n < 3 or self.balance_rate == 0:
            return
        A = self.A
        largest = float(np.abs(A).sum(axis=1).max())
        substeps = max(1, math.ceil(abs(self.balance_rate) * self.tick_days * largest / 0.05))
        gain = self.balance_rate * (self.tick_days / substeps)
        for _ in range(substeps):
            P = A @ A                              # zero diagonal: (A A)_ij sums over k != i, j
            A += gain * (1.0 - A * A) * P
            np.clip(A, -1.0, 1.0, out=A)
            np.fill_diagonal(A, 0.0)

    def decay(self):
        """Dynamic 4b: every alignment moves toward its baseline by 1 - exp(-decay dt)."""
        if self.decay_rate != 0:
            self.A += (self.baseline - self.A) * -math.expm1(-self.decay_rate * self.tick_days)

    def update_wars(self):
        """Dynamic 6: a pair at peace whose alignments have both been at or below `hostility` for
        `war_days`, both armed (a force somewhere or on the move), goes to war; a pair at war whose
        alignments have both been above hostility + hysteresis as long makes peace. Never by itself
        between an agent and its patron."""
        if not self.war_days > 0:
            return
        A, AT = self.A, self.A.T
        h = self.hostility
        c = h + self.hysteresis
        armed = self.forces.sum(axis=1) > 0
        for mv in self.movements:
            armed[mv[0]] = True
        hostile = (A <= h) & (AT <= h) & ~self.patron_pair & armed[:, None] & armed[None, :]
        calm = (A > c) & (AT > c)
        drifting = np.where(self.at_war, calm, hostile) & self.upper
        self.war_clock = np.where(drifting, self.war_clock + self.tick_days, 0.0)
        due = drifting & (self.war_clock >= self.war_days * (1 - 1e-12))
        if due.any():
            for i, j in zip(*np.nonzero(due)):
                i, j = int(i), int(j)
                war = not self.at_war[i, j]
                self.war(i, j, "hostility" if war else "calm", war)

    def record_threshold_crossings(self):
        """A `threshold` event for every ordered pair whose alignment crossed a threshold since the
        last check: down at or below it, up above it; a crossing back counts only once the value is
        `hysteresis` past the threshold."""
        before, after = self.last_A, self.A
        changed = before != after
        margin = self.hysteresis
        for th, side in zip(self.thresholds, self.sides):
            down = changed & (side > 0) & (after <= th - np.where(side == 2, margin, 0.0))
            up = changed & (side < 0) & (after > th + np.where(side == -2, margin, 0.0))
            side[down] = -2
            side[up] = 2
            crossed = down | up
            if crossed.any():
                for i, j in zip(*np.nonzero(crossed)):
                    self.events.append((self.tick, "threshold", (int(i), int(j)), None, {
                        "threshold": th, "direction": "down" if down[i, j] else "up",
                        "value": float(after[i, j])}))
        np.copyto(before, after)

    def balance_index(self):
        """sim.balance: share of balanced triads, weighted by |p_ij p_jk p_ik| with p = (A + A')/2.
        The diagonal of p is 0, so sums over all ordered triples are 6x those over i < j < k, and
        sum_ijk p_ij p_jk p_ik = sum((p @ p) * p); the positive part is (sum |.| + sum .) / 2."""
        p = (self.A + self.A.T) * 0.5
        q = np.abs(p)
        total = float(((q @ q) * q).sum())
        signed = float(((p @ p) * p).sum())
        return 0.5 * (total + signed) / total if total > 0 else 1.0

    # ------------------------------------------------------------------------------------------
    # Outcomes
    # ------------------------------------------------------------------------------------------
    def evaluate_outcomes(self):
        st, F = self.st, self.forces
        self.border_clash_algeria_lna = st.border_clash
        self.first_clash_day = st.first_clash_day
        self.lna_at_crossing = st.reached_crossing
        self.lna_holds_crossing = bool(F[LNA, CROSSING] >= 1)
        self.lna_gnu_clash = st.lna_gnu_clash
        self.lna_entered_ghadames = st.entered_ghadames
        self.ghadames_held_by = self.holder(GHADAMES)
        self.algeria_lna_alignment = float(self.A[ALGERIA, LNA])
        self.lna_final_phase = st.phase
        self.lna_losses = self.lna_start - float(F[LNA].sum()) - self.in_transit(LNA)
        self.border_incidents = st.incidents

    def evaluate_observed(self):
        """ghadames.lua's sim.observed facts, after the outcomes: whether this run reproduced them."""
        st = self.st
        self.mali_cuts_kyiv_4_aug = self.cut_on_date(MALI, "2024-08-04")
        self.niger_cuts_kyiv_6_aug = self.cut_on_date(NIGER, "2024-08-06")
        self.no_lna_gnu_battle = not st.lna_gnu_clash
        self.lna_did_not_enter_ghadames = not st.entered_ghadames
        self.no_algeria_lna_clash = not st.border_clash
        self.no_russia_algeria_rupture = self.no_rupture()
