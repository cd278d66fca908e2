"""border.lua's policies for the tuned port (ghadames_tuned.py): border.py's LNAAgent, AlgeriaAgent and
GNUAgent with the model's forces as a list of per-agent rows of Python floats (`F[a][r]`) instead of
a numpy array, so the policies do plain float arithmetic rather than make a numpy scalar per read.
The same decisions, the same random draws in the same order. The other actors are border.Actor.
"""

import math

from border import (ALGERIA, ALGIERS, CROSSING, DEBDEB, DERJ, GHADAMES, GNU, LNA, NEAR, OUARGLA, RUSSIA, SABHA,
                    TRIPOLI, Actor, clamp)
from world import REGION_INDEX


class LNAAgent(Actor):
    """Haftar's LNA: one decision every `decide_every` days (push on, hold, stand down)."""

    def go(self, frm, to, strength=None):
        m = self.model
        days = m.w_move(LNA, frm, to, strength)
        if days is None:
            return False
        st = m.st
        st.phase, st.dest, st.eta = "moving", to, m.tick + max(1, math.ceil(days))
        return True

    def launch(self, strength):
        """(Re)start the advance from Sabha toward Ghadames, stopping at the Derj junction."""
        m, st = self.model, self.model.st
        if st.phase != "idle" and st.phase != "withdrawn":
            return False
        if not self.go(SABHA, DERJ, strength):
            return False
        st.launched += 1
        m.emit("lna_advance", (LNA,), DERJ, {"strength": m.in_transit(LNA)})
        m.shift(ALGERIA, LNA, -0.05)      # Algiers reads it as a threat to its border
        m.shift(GNU, LNA, -0.05)          # Tripoli puts its forces on alert
        m.log_line("LNA column leaves Sabha toward Ghadames")
        return True

    def backing(self):
        """Russian backing of Haftar as the LNA feels it, 0..~1.1."""
        m = self.model
        b = max(0.0, m.alignment(RUSSIA, LNA))
        if m.tied(RUSSIA, LNA, "support"):
            b += 0.15
        if m.tied(RUSSIA, LNA, "arms_supply"):
            b += 0.15
        return b

    def withdraw(self, frm):
        m = self.model
        if self.go(frm, SABHA):
            m.st.dest = SABHA
            m.shift(ALGERIA, LNA, 0.05)   # de-escalation is noticed
            m.emit("lna_stand_down", (LNA,), frm, {})
            m.log_line("LNA stands down from " + m.region_ids[frm])

    def step(self):
        m, st = self.model, self.model.st
        t = m.tick
        F = m.forces
        if st.phase == "moving":
            if t < st.eta:
                return
            if F[LNA][st.dest] < 1:                # not arrived yet, or destroyed there
                if t > st.eta + 3:
                    st.phase = "withdrawn"
                return
            st.phase = "withdrawn" if st.dest == SABHA else m.region_ids[st.dest]
            st.since = t
            if st.phase == "ghadames":
                st.reached_ghadames = True
            if st.phase == "crossing":
                st.reached_crossing = True
            return
        if st.phase == "idle" or st.phase == "withdrawn" or t % m.decide_every != 0:
            return

        here = REGION_INDEX[st.phase]
        own = F[LNA][here]
        if own < 1:                                # destroyed where it stood
            st.phase = "withdrawn"
            return
        back = self.backing()
        alg = F[ALGERIA][DEBDEB] + F[ALGERIA][CROSSING]
        r = m.random.random()

        if here == DERJ:
            # Ghadames is held by Tripoli-aligned forces: entering it means fighting the GNU and
            # breaking the 2020 ceasefire, which `restraint` weighs: only (1 - restraint) of the
            # military drive becomes a push.
            ratio = (F[GNU][GHADAMES] + m.in_transit(GNU) + 0.5 * alg) / own
            drive = clamp(0.03 + 0.25 * back - 0.12 * min(ratio, 3), 0.02, 0.6)
            p_push = (1 - m.restraint) * drive
            # Standing down grows by 0.005 a day the column sits at the junction.
            p_stand = clamp(0.05 + 0.06 * min(ratio, 3) + 0.15 * max(0, 0.8 - back) + 0.005 * (t - st.since),
                            0.05, 0.5)
            if r < p_push:
                if self.go(DERJ, GHADAMES):
                    st.entered_ghadames = True
                    m.shift(GNU, LNA, -0.15)       # an incursion into Tripoli's territory
                    m.shift(LNA, GNU, -0.1)
                    # The decision to fight for the town: the 2020 ceasefire is over between them.
                    m.war(LNA, GNU, "LNA pushes into Ghadames")
                    m.emit("lna_push", (LNA,), GHADAMES, {})
            elif r < p_push + p_stand:
                self.withdraw(DERJ)
        elif here == GHADAMES:
            gnu = F[GNU][GHADAMES]
            if gnu >= 5 and m.is_at_war(LNA, GNU):
                # Fighting Tripoli's forces for the town: fall back when losing or when it drags on.
                if own < 0.7 * gnu or (own < 1.5 * gnu and r < 0.15):
                    if self.go(GHADAMES, DERJ):
                        m.log_line("LNA falls back from Ghadames")
                return
            # Algeria will not cross into Libya, so its troops deter less than Tripoli's did.
            ratio = alg / own
            p_push = clamp(0.05 + 0.25 * back - 0.05 * min(ratio, 3), 0.02, 0.5)
            p_stand = clamp(0.01 + 0.03 * min(ratio, 3) + 0.15 * max(0, 0.8 - back), 0.01, 0.5)
            if r < p_push:
                if self.go(GHADAMES, CROSSING):
                    m.shift(ALGERIA, LNA, -0.03)   # LNA troops at Algeria's border post
                    m.emit("lna_push", (LNA,), CROSSING, {})
            elif r < p_push + p_stand:
                self.withdraw(GHADAMES)
        elif here == CROSSING:
            a = F[ALGERIA][CROSSING]
            if own < 0.6 * a and r < 0.5:
                if self.go(CROSSING, GHADAMES):
                    m.log_line("LNA pulls back from the border post")


class AlgeriaAgent(Actor):
    """Algeria: every day, reinforces Debdeb, moves up to the post, and faces the LNA there."""

    def step(self):
        m, st = self.model, self.model.st
        F = m.forces
        alert = m.algeria_alert
        near = 0.0
        for place, w in NEAR.items():
            near += w * F[LNA][place]
        if st.phase == "moving" and st.dest in NEAR:
            near += NEAR[st.dest] * m.in_transit(LNA)
        la = F[LNA][CROSSING]
        if near <= 0 and la <= 0:                  # quiet border: nothing to do
            return
        dd, cr = F[ALGERIA][DEBDEB], F[ALGERIA][CROSSING]
        rnd = m.random.random
        if near > 0:
            m.shift(ALGERIA, LNA, -0.001 * alert)  # mobilisation and warnings
            mine = dd + cr + m.in_transit(ALGERIA)
            want = 2 * alert * near
            if mine < want and rnd() < 0.3 + 0.5 * alert:
                frm = OUARGLA if F[ALGERIA][OUARGLA] >= 500 else ALGIERS
                if m.w_move(ALGERIA, frm, DEBDEB, min(1000, want - mine)) is not None:
                    m.log_line("Algeria reinforces Debdeb from " + m.region_ids[frm])
            # Move up to its side of the post when the LNA is in Ghadames or at the post.
            if F[LNA][GHADAMES] + la > 0 and cr < dd and rnd() < 0.5 * alert:
                m.w_move(ALGERIA, DEBDEB, CROSSING, 0.5 * dd)
        # Face to face at the border post: tension rises, incidents may break out.
        if la > 0 and cr > 0:
            m.shift(ALGERIA, LNA, -(0.004 + 0.012 * alert * rnd()))
            m.shift(LNA, ALGERIA, -0.008 * rnd())
            if not m.is_at_war(ALGERIA, LNA) and rnd() < 0.02 + 0.08 * alert:
                attacker, defender = LNA, ALGERIA
                if rnd() < 0.5:
                    attacker, defender = ALGERIA, LNA
                m.clash(attacker, defender, CROSSING, 0.2)
                st.incidents += 1
                m.mark_clash((ALGERIA, LNA), m.tick)
                m.emit("border_incident", (attacker, defender), CROSSING, {})


class GNUAgent(Actor):
    """Tripoli: sends brigades to Ghadames when the LNA comes near (every `decide_every` days)."""

    def step(self):
        m, st = self.model, self.model.st
        if m.tick % m.decide_every != 0:
            return
        F = m.forces
        threat = F[LNA][DERJ] + F[LNA][GHADAMES]
        if st.phase == "moving" and (st.dest == DERJ or st.dest == GHADAMES):
            threat += m.in_transit(LNA)
        mine = F[GNU][GHADAMES] + m.in_transit(GNU)
        if threat <= 0:
            # Re-garrison the town once the LNA has gone.
            if mine < 300 and F[LNA][CROSSING] < 1 and F[GNU][TRIPOLI] > 3000:
                m.w_move(GNU, TRIPOLI, GHADAMES, 300 - mine)
            return
        # Tripoli sends at most 3,000 x resolve men in all, 500 at a time.
        resolve = m.gnu_resolve
        if (mine < resolve * threat and st.gnu_sent + 500 <= 3000 * resolve
                and m.random.random() < 0.3 + 0.5 * resolve):
            if m.w_move(GNU, TRIPOLI, GHADAMES, 500) is not None:
                st.gnu_sent += 500
                m.log_line("GNU sends 500 men to Ghadames")


POLICY_CLASSES = {"lna": LNAAgent, "algeria": AlgeriaAgent, "gnu": GNUAgent}
