"""Checks the tuned port (ghadames_tuned.py) against the idiomatic one (ghadames.py), run for run.

1. For SEEDS seeds under each of several param settings, both models run 120 ticks with the same
   seed; every outcome, every fact of the record and every metric of every tick (tick 0 included)
   must agree to 2e-12 (relative to the value's size, at least 1), and the final alignments, forces,
   losses, ties and wars and the whole event list must be equal.
2. engine_tuned.fight_two against engine.SquareLawBattle with two sides, on random strengths,
   effectiveness and lengths (destruction included): bit-identical strengths and losses dealt.

Usage: python3 bench/mesa/verify_tuned.py [--seeds 200]
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

from engine import SquareLawBattle  # noqa: E402
from engine_tuned import fight_two  # noqa: E402
from ghadames import METRICS, OBSERVED, OUTCOMES, GhadamesModel  # noqa: E402
from ghadames_tuned import TunedGhadamesModel  # noqa: E402

TOLERANCE = 2e-12
SETTINGS = (
    {},
    {"restraint": 0.0},                                  # the LNA fights the GNU for Ghadames often
    {"algeria_alert": 1.0, "russian_backing": 0.9},      # more border incidents
    {"haftar_day": 0, "lna_force": 4000, "gnu_resolve": 1.0, "restraint": 0.3},
    {"hur_helped_jnim": False, "algeria_complicity": True, "algeria_shelters_jnim": True, "algeria_knew": 1.0},
)


def differs(a, b):
    if isinstance(a, (float, np.floating)) or isinstance(b, (float, np.floating)):
        return not abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))
    return a != b


def run(cls, seed, params):
    m = cls(seed=seed, **params)
    while m.running:
        m.step()
    return m


def compare(seed, params):
    """The mismatches between the two ports' runs with this seed and params (empty when equal)."""
    a, b = run(GhadamesModel, seed, params), run(TunedGhadamesModel, seed, params)
    bad = [f"outcome/fact {k}: {getattr(a, k)!r} != {getattr(b, k)!r}"
           for k in OUTCOMES + OBSERVED if differs(getattr(a, k), getattr(b, k))]
    for k in METRICS:
        series_a = a.datacollector.tables["tick0"][k] + a.datacollector.model_vars[k]
        series_b = b.datacollector.tables["tick0"][k] + b.datacollector.model_vars[k]
        if len(series_a) != len(series_b) or any(differs(x, y) for x, y in zip(series_a, series_b)):
            bad.append(f"metric {k}")
    if not np.array_equal(a.A, b.A):
        bad.append("final alignments")
    if not (np.array_equal(a.forces, np.array(b.forces)) and np.array_equal(a.lost, b.lost)):
        bad.append("final forces or losses")
    if a.ties != b.ties or not np.array_equal(a.at_war, b.at_war):
        bad.append("final ties or wars")
    if a.events != b.events:
        bad.append(f"events ({len(a.events)} and {len(b.events)})")
    clashes = [e for e in a.events if e[1] == "clash"]
    return bad, len(clashes), sum(1 for e in clashes if len(e[2]) > 2)


def check_battles(count):
    rng = random.Random(1)
    worst = 0
    for _ in range(count):
        e0, e1 = rng.uniform(0.01, 0.1), rng.uniform(0.01, 0.1)
        x0, x1 = rng.uniform(0, 5000), rng.uniform(1, 5000)
        days = rng.choice((0.2, 1.0, rng.uniform(0.1, 80.0)))
        strengths, dealt = SquareLawBattle([e0, e1], [False, True, True, False]).fight([x0, x1], days)
        mine = fight_two(e0, e1, x0, x1, days)
        worst += mine != (strengths[0], strengths[1], dealt[1], dealt[2])
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=200)
    args = ap.parse_args()
    ok = True
    for params in SETTINGS:
        label = " ".join(f"{k}={v}" for k, v in params.items()) or "defaults"
        mismatched, clashes, multi = 0, 0, 0
        for seed in range(args.seeds):
            bad, n, k = compare(seed, params)
            clashes += n
            multi += k
            if bad:
                mismatched += 1
                print(f"  seed {seed}: {'; '.join(bad)}")
        print(f"{label}: {args.seeds} seeds, {clashes} clashes ({multi} of three or more sides), "
              f"{mismatched} runs that differ")
        ok &= mismatched == 0
    count = 2000
    wrong = check_battles(count)
    print(f"fight_two against SquareLawBattle: {count} two-sided battles, {wrong} not bit-identical")
    ok &= wrong == 0
    print("OK" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
