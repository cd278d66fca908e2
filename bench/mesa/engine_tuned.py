"""engine.py's square-law integrator specialised to two sides, each firing at the other.

Every battle of ghadames but a three-way one has two sides: then each side's whole fire goes to the
other, both are alive inside every step (the loop stops when one is destroyed), and the generic
solver's lists of rates, targets and alive flags reduce to four floats. The arithmetic is the same
operations in the same order as SquareLawBattle.fight with m = 2, so the results are bit-identical
(verify_tuned.py checks it); battles of three or more sides still use SquareLawBattle.
"""

from engine import ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE


def _rk4(e0, e1, x0, x1, h):
    """One classic RK4 step of x0' = -e1 x1, x1' = -e0 x0: the new strengths and what each side
    took from the other (d01: side 0 from side 1; d10: side 1 from side 0)."""
    half = h / 2
    a01, a10 = e0 * x0, e1 * x1
    b01, b10 = e0 * (x0 - half * a10), e1 * (x1 - half * a01)
    c01, c10 = e0 * (x0 - half * b10), e1 * (x1 - half * b01)
    d01, d10 = e0 * (x0 - h * c10), e1 * (x1 - h * c01)
    w = h / 6
    dealt01 = w * (a01 + 2 * b01 + 2 * c01 + d01)
    dealt10 = w * (a10 + 2 * b10 + 2 * c10 + d10)
    return x0 - dealt10, x1 - dealt01, dealt01, dealt10


def _two_half_steps(e0, e1, x0, x1, h):
    s0, s1, p01, p10 = _rk4(e0, e1, x0, x1, h / 2)
    s0, s1, q01, q10 = _rk4(e0, e1, s0, s1, h / 2)
    return s0, s1, p01 + q01, p10 + q10


def fight_two(e0, e1, x0, x1, days):
    """Strengths after `days` of fighting, and what each side took from the other (d01, d10)."""
    dealt01 = dealt10 = 0.0
    floor = ABSOLUTE_TOLERANCE * (x0 + x1)
    minimum_step = days * 1e-12
    t, h = 0.0, days
    while days - t > minimum_step:
        if not (x0 > 0 and x1 > 0):
            break
        h = min(h, days - t)
        w0, w1, _, _ = _rk4(e0, e1, x0, x1, h)
        n0, n1, n01, n10 = _two_half_steps(e0, e1, x0, x1, h)
        error = 0.0
        e = abs(n0 - w0) / (RELATIVE_TOLERANCE * x0 + floor)
        if e > error:
            error = e
        e = abs(n1 - w1) / (RELATIVE_TOLERANCE * x1 + floor)
        if e > error:
            error = e
        if error > 1 and h > minimum_step:
            h *= max(0.1, 0.9 * error ** -0.2)
            continue
        length = h
        if n0 <= 0 or n1 <= 0:
            # The solution is smooth through 0, so bisection finds when the first side is destroyed.
            early = 0.0
            while length - early > h * 1e-13:
                middle = (early + length) / 2
                trial = _two_half_steps(e0, e1, x0, x1, middle)
                if trial[0] <= 0 or trial[1] <= 0:
                    length = middle
                    n0, n1, n01, n10 = trial
                else:
                    early = middle
        x0 = n0 if n0 > 0 else 0.0
        x1 = n1 if n1 > 0 else 0.0
        dealt01 += n01
        dealt10 += n10
        t += length
        h = min(5 * h, 0.9 * h * error ** -0.2) if error > 0 else 5 * h
    return x0, x1, dealt01, dealt10
