"""Checks the port against simrun where no randomness is involved.

1. The starting state (alignments, ties, wars, forces, tick-0 metrics) against `simrun run --steps 0`.
2. Runs with haftar_day=121 (the LNA never sets out, so no policy draws a random number and no
   battle is fought) and algeria_knew=1 or 0 (W.claims' one draw then decides nothing): Moscow's
   reckoning with Algiers, structural balance, decay toward the baselines, the wars the engine makes
   from lasting hostility, the scheduled cuts, the metrics over 120 ticks, the outcomes and the facts
   of the record against `simrun run`; and the same with the claims switched
   (algeria_complicity=true, algeria_shelters_jnim=true, hur_helped_jnim=false).
3. The square-law integrator against the closed form of a two-sided battle.

Checks 1 and 2 run on both ports: the idiomatic GhadamesModel and the tuned one (ghadames_tuned.py).

Usage: python3 bench/mesa/verify.py [--simrun .build/release/simrun]
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

from ghadames import GhadamesModel, METRICS, OBSERVED, OUTCOMES  # noqa: E402
from ghadames_tuned import TunedGhadamesModel  # noqa: E402
from engine import SquareLawBattle  # noqa: E402
import world  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def simrun_report(simrun, *args):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        subprocess.run([simrun, "run", "scenarios/sahel/ghadames.lua", "--format", "json", "--out", out,
                        "--quiet", *args], cwd=ROOT, check=True)
        with open(out) as f:
            return json.load(f)


def compare_state(model, rep, label):
    worst = 0.0
    ids = world.AGENT_IDS
    forces = np.asarray(model.forces)   # the tuned port keeps them as a list of rows
    for a, row in rep["alignments"].items():
        for b, v in row.items():
            worst = max(worst, abs(model.A[ids.index(a), ids.index(b)] - v))
    ties = {(t["from"], t["to"], t["kind"]) for t in rep["ties"]}
    mine = {(ids[a], ids[b], k) for a, b, k in model.ties}
    wars = sorted(tuple(w) for w in rep["wars"])
    my_wars = sorted((ids[a], ids[b]) for a, b in zip(*model.at_war.nonzero()) if a < b)
    fworst = 0.0
    for ag in rep["agents"]:
        a = ids.index(ag["id"])
        for r, s in ag["forces"].items():
            fworst = max(fworst, abs(forces[a, world.REGION_INDEX[r]] - s))
        fworst = max(fworst, abs(forces[a].sum() - sum(ag["forces"].values())))
        fworst = max(fworst, abs(model.lost[a] - ag["losses"]))
    print(f"{label}: max |alignment diff| {worst:.3g}, ties equal: {ties == mine}, "
          f"wars equal: {wars == my_wars} ({len(wars)}), max |force or loss diff| {fworst:.3g}")
    return worst < 1e-9 and ties == mine and wars == my_wars and fworst < 1e-9


def check_port(cls, simrun):
    """Checks 1 and 2 for one port (its model class); True when everything agrees."""
    ok = True
    rep = simrun_report(simrun, "--steps", "0")
    m = cls(seed=1)
    ok &= compare_state(m, rep, "setup (tick 0)")
    tick0 = m.datacollector.get_table_dataframe("tick0").iloc[0]
    d = max(abs(tick0[k] - rep["metrics"][k][0]) for k in METRICS)
    print(f"tick-0 metrics: max |diff| {d:.3g}")
    ok &= d < 1e-12

    kinds = ("threshold", "tie_cut", "war", "peace", "cooperation_breach", "blame")
    for label, params in (
            ("knew", {"haftar_day": 121, "algeria_knew": 1.0}),
            ("did not know", {"haftar_day": 121, "algeria_knew": 0.0}),
            ("claims switched", {"haftar_day": 121, "algeria_knew": 1.0, "algeria_complicity": True,
                                 "algeria_shelters_jnim": True, "hur_helped_jnim": False})):
        flags = []
        for name, value in params.items():
            flags += ["--param", f"{name}={str(value).lower() if isinstance(value, bool) else value}"]
        rep = simrun_report(simrun, *flags)
        m = cls(seed=1, **params)
        while m.running:
            m.step()
        print(f"-- {' '.join(flags[1::2])}")
        ok &= compare_state(m, rep, f"{label}, after 120 ticks")
        df = m.datacollector.get_model_vars_dataframe()
        d = max(abs(df[k].iloc[t] - rep["metrics"][k][t + 1]) for k in METRICS for t in range(120))
        print(f"metrics ticks 1..120: max |diff| {d:.3g}")
        ok &= d < 1e-9
        mine = {k: getattr(m, k) for k in OUTCOMES}
        theirs = rep["outcomes"]
        same = all(abs(mine[k] - theirs[k]) < 1e-9 if isinstance(theirs[k], float) else mine[k] == theirs[k]
                   for k in OUTCOMES) and set(theirs) == set(OUTCOMES)
        facts = {k: getattr(m, k) for k in OBSERVED}
        print(f"outcomes equal: {same}; facts of the record equal: {facts == rep['observed']} {facts}")
        ok &= same and facts == rep["observed"]
        mine = sorted((e[0], e[1], tuple(world.AGENT_IDS[a] for a in e[2])) for e in m.events if e[1] in kinds)
        theirs = sorted((e["tick"], e["type"], tuple(e["agents"])) for e in rep["events"] if e["type"] in kinds)
        counts = {k: sum(1 for e in theirs if e[1] == k) for k in kinds}
        print(f"threshold, tie_cut, war, peace, cooperation_breach and blame events: {len(mine)} here, "
              f"{len(theirs)} in simrun {counts}, equal: {mine == theirs}")
        ok &= mine == theirs
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--simrun", default=".build/release/simrun")
    args = ap.parse_args()
    ok = True

    for cls in (GhadamesModel, TunedGhadamesModel):
        print(f"== {cls.__name__}")
        ok &= check_port(cls, args.simrun)

    # Two sides: x' = -b y, y' = -a x; x^2 a - y^2 b is conserved (square law).
    a, b, x0, y0 = 0.05, 0.045, 1000.0, 1500.0
    strengths, dealt = SquareLawBattle([a, b], [False, True, True, False]).fight([x0, y0], 1.0)
    k = math.sqrt(a * b)
    x1 = x0 * math.cosh(k) - math.sqrt(b / a) * y0 * math.sinh(k)
    y1 = y0 * math.cosh(k) - math.sqrt(a / b) * x0 * math.sinh(k)
    err = max(abs(strengths[0] - x1) / x1, abs(strengths[1] - y1) / y1, abs(dealt[2] - (x0 - x1)) / (x0 - x1))  # dealt[1*2+0]: side 1 took from side 0
    print(f"square law, one day: relative error {err:.3g}")
    ok &= err < 1e-8
    strengths, _ = SquareLawBattle([a, b], [False, True, True, False]).fight([300.0, 1500.0], 60.0)
    t0 = math.atanh(math.sqrt(a / b) * 300.0 / 1500.0) / k   # when the smaller side reaches 0
    y_end = math.sqrt(1500.0 ** 2 - a / b * 300.0 ** 2)
    print(f"square law to destruction: x={strengths[0]:.3g}, y={strengths[1]:.6f} (closed form {y_end:.6f}, "
          f"zero at day {t0:.3f})")
    ok &= strengths[0] == 0 and abs(strengths[1] - y_end) < 1e-6 * y_end
    print("OK" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
