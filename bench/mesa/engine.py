"""Lanchester's square law among several sides, as SquareLawBattle in World+Combat.swift.

dx_j/dt = -sum_{i: j in enemies(i)} e_i x_i x_j / sum_{k in enemies(i)} x_k: each side's fire is
shared among its enemies in proportion to their strength. Integrated over `days` with classic RK4
steps under step-doubling error control; a step that would carry a side below 0 is cut back (by
bisection) to the moment it reaches 0, after which that side neither fires nor is fired at.

Battles have two or three sides, so plain Python lists beat numpy here.
"""

RELATIVE_TOLERANCE = 1e-9
ABSOLUTE_TOLERANCE = 1e-12


class SquareLawBattle:
    __slots__ = ("m", "eff", "hostile", "targets")

    def __init__(self, effectiveness, hostile):
        """effectiveness: per side; hostile: m*m row-major booleans, hostile[i*m+j] = i fires at j."""
        self.m = m = len(effectiveness)
        self.eff = effectiveness
        self.hostile = hostile
        # For each side, the sides it fires at.
        self.targets = [[j for j in range(m) if hostile[i * m + j]] for i in range(m)]

    def _rates(self, y, alive):
        """rate[i*m+j]: strength per day side i takes from side j at strengths y."""
        m = self.m
        rate = [0.0] * (m * m)
        for i in range(m):
            if not alive[i]:
                continue
            tg = [k for k in self.targets[i] if alive[k]]
            if not tg:
                continue
            fire = self.eff[i] * y[i]
            if len(tg) == 1:
                # A lone target takes all the fire even past 0 (the analytic continuation).
                rate[i * m + tg[0]] = fire
            else:
                total = 0.0
                for k in tg:
                    total += y[k]
                for j in tg:
                    rate[i * m + j] = fire * (y[j] / total if total > 0 else 0.0)
        return rate

    def _advance(self, x, rate, scale):
        m = self.m
        y = list(x)
        for i in range(m):
            base = i * m
            for j in range(m):
                r = rate[base + j]
                if r:
                    y[j] -= scale * r
        return y

    def _rk4(self, x, h, alive):
        r1 = self._rates(x, alive)
        r2 = self._rates(self._advance(x, r1, h / 2), alive)
        r3 = self._rates(self._advance(x, r2, h / 2), alive)
        r4 = self._rates(self._advance(x, r3, h), alive)
        w = h / 6
        dealt = [w * (a + 2 * b + 2 * c + d) for a, b, c, d in zip(r1, r2, r3, r4)]
        return self._advance(x, dealt, 1.0), dealt

    def _two_half_steps(self, x, h, alive):
        s1, d1 = self._rk4(x, h / 2, alive)
        s2, d2 = self._rk4(s1, h / 2, alive)
        return s2, [a + b for a, b in zip(d1, d2)]

    def _fighting(self, alive):
        for i in range(self.m):
            if alive[i]:
                for j in self.targets[i]:
                    if alive[j]:
                        return True
        return False

    @staticmethod
    def _reaches_zero(strengths, alive):
        for j, s in enumerate(strengths):
            if alive[j] and s <= 0:
                return True
        return False

    def fight(self, start, days):
        """Strengths after `days` of fighting, and dealt[i*m+j]: what side i took from side j."""
        m = self.m
        strengths = list(start)
        dealt = [0.0] * (m * m)
        floor = ABSOLUTE_TOLERANCE * sum(start)
        minimum_step = days * 1e-12
        t, h = 0.0, days
        while days - t > minimum_step:
            alive = [s > 0 for s in strengths]
            if not self._fighting(alive):
                break
            h = min(h, days - t)
            x = strengths
            whole, _ = self._rk4(x, h, alive)
            nxt, nxt_dealt = self._two_half_steps(x, h, alive)
            error = 0.0
            for j in range(m):
                if alive[j]:
                    e = abs(nxt[j] - whole[j]) / (RELATIVE_TOLERANCE * x[j] + floor)
                    if e > error:
                        error = e
            if error > 1 and h > minimum_step:
                h *= max(0.1, 0.9 * error ** -0.2)
                continue
            length = h
            if self._reaches_zero(nxt, alive):
                # The solution is smooth through 0, so bisection finds when the first side is destroyed.
                early = 0.0
                while length - early > h * 1e-13:
                    middle = (early + length) / 2
                    trial, trial_dealt = self._two_half_steps(x, middle, alive)
                    if self._reaches_zero(trial, alive):
                        length = middle
                        nxt, nxt_dealt = trial, trial_dealt
                    else:
                        early = middle
            strengths = [s if s > 0 else 0.0 for s in nxt]
            dealt = [a + b for a, b in zip(dealt, nxt_dealt)]
            t += length
            h = min(5 * h, 0.9 * h * error ** -0.2) if error > 0 else 5 * h
        return strengths, dealt
