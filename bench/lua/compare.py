#!/usr/bin/env python3
"""Statistical agreement of two outcome distributions of ghadames.lua.

    python3 bench/lua/compare.py SIMRUN_SUMMARY.json LUA_SUMMARY.json

SIMRUN_SUMMARY.json is `simrun batch ... --summary FILE`; LUA_SUMMARY.json is
`lua5.4 bench/lua/ghadames.lua ... --json`. For every outcome it prints both estimates, the
difference, its standard error and z = difference / SE:
  numbers     difference of means,  SE = sqrt(sd1^2/n1 + sd2^2/n2)
  booleans    difference of shares, SE = sqrt(p(1-p)(1/n1 + 1/n2)) with p pooled
  categories  the same per category (each a share of the runs)
The facts of the record (sim.observed) are compared as booleans, as "observed NAME".
|z| <= 3 is agreement within Monte Carlo error. Exit status 1 when some |z| > 3.

    python3 bench/lua/compare.py --runs SIMRUN_RUNS.jsonl LUA_RUNS.jsonl

compares the two batches run by run instead (simrun's `--out` and the Lua driver's `--out`, same
seed): the same run seeds, the same status, every boolean, integer and category outcome equal,
every fact of the record (sim.observed) equal, how many runs are bit-identical, and the largest
relative difference of a float outcome. Exit status 1 when a seed, status, non-float outcome or
fact differs.
"""
import json
import math
import sys


def load(path):
    """The outcome summaries, then the facts' (as "observed NAME")."""
    with open(path) as f:
        data = json.load(f)
    if "points" in data:                       # simrun's summary.json
        data = data["points"][0]
    out = dict(data["outcomes"])                # the Lua driver's --json has the same keys
    for name, fact in data.get("observed", {}).items():
        out["observed " + name] = fact
    return out


def share_row(name, c1, n1, c2, n2):
    p1, p2 = c1 / n1, c2 / n2
    pooled = (c1 + c2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (p2 - p1) / se if se > 0 else 0.0
    return name, f"{p1:.4f}", f"{p2:.4f}", p2 - p1, se, z


def read_runs(path):
    runs = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                if "run" in r:                  # simrun's first line is a header
                    runs[r["run"]] = r
    return runs


def compare_runs(path_a, path_b):
    a, b = read_runs(path_a), read_runs(path_b)
    problems, identical, worst, worst_at, floats, facts = [], 0, 0.0, None, 0, 0
    for i in sorted(set(a) | set(b)):
        x, y = a.get(i), b.get(i)
        if x is None or y is None:
            problems.append(f"run {i}: only in {'the Lua port' if x is None else 'simrun'}")
            continue
        if x.get("seed") != y.get("seed") or x.get("status") != y.get("status"):
            problems.append(f"run {i}: seed/status {x.get('seed')}/{x.get('status')} vs {y.get('seed')}/{y.get('status')}")
            continue
        ox, oy = x.get("outcomes", {}), y.get("outcomes", {})
        if set(ox) != set(oy):
            problems.append(f"run {i}: different outcome names")
            continue
        fx, fy = x.get("observed", {}), y.get("observed", {})
        if list(fx) != list(fy):
            problems.append(f"run {i}: different facts of the record: {list(fx)} vs {list(fy)}")
            continue
        facts += len(fx)
        same = True
        for name, v in fx.items():
            if v is not fy[name]:
                problems.append(f"run {i}: observed {name} = {v!r} vs {fy[name]!r}")
                same = False
        for name, v in ox.items():
            w = oy[name]
            if isinstance(v, float) or isinstance(w, float):
                if not (isinstance(v, (int, float)) and isinstance(w, (int, float))) \
                        or isinstance(v, bool) or isinstance(w, bool):
                    problems.append(f"run {i}: {name} = {v!r} vs {w!r}")
                    same = False
                    continue
                floats += 1
                if v != w:
                    same = False
                    rel = abs(v - w) / max(abs(v), abs(w))
                    if rel > worst:
                        worst, worst_at = rel, (i, name, v, w)
            elif v != w or type(v) is not type(w):
                problems.append(f"run {i}: {name} = {v!r} vs {w!r}")
                same = False
        identical += same
    print(f"runs: simrun {len(a)}, lua port {len(b)}; bit-identical (every outcome and fact): {identical}")
    print(f"facts of the record compared: {facts}")
    print(f"float outcome values compared: {floats}; largest relative difference: {worst:.3g}"
          + (f" (run {worst_at[0]}, {worst_at[1]}: {worst_at[2]!r} vs {worst_at[3]!r})" if worst_at else ""))
    print(f"seed, status, boolean, integer, category or fact differences: {len(problems)}")
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--runs":
        compare_runs(sys.argv[2], sys.argv[3])
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    a, b = load(sys.argv[1]), load(sys.argv[2])
    rows = []
    for name, x in a.items():
        y = b.get(name)
        if y is None:
            rows.append((name, "-", "missing", 0, 0, float("inf")))
            continue
        kind = x["type"]
        if kind == "number":
            n1, n2 = x["n"], y["n"]
            se = math.sqrt(x["sd"] ** 2 / n1 + y["sd"] ** 2 / n2)
            d = y["mean"] - x["mean"]
            rows.append((name + " (mean)", f"{x['mean']:.6g}", f"{y['mean']:.6g}", d, se,
                         d / se if se > 0 else 0.0))
        elif kind == "boolean":
            rows.append(share_row(name + " (p true)", x["true"], x["n"], y["true"], y["n"]))
        else:
            cats = list(x["categories"])
            cats += [c for c in y["categories"] if c not in cats]
            for c in cats:
                c1 = x["categories"].get(c, {}).get("count", 0)
                c2 = y["categories"].get(c, {}).get("count", 0)
                rows.append(share_row(f"{name} = {c}", c1, x["n"], c2, y["n"]))
    width = max(len(r[0]) for r in rows)
    print(f"{'outcome':<{width}}  {'simrun':>10}  {'lua port':>10}  {'diff':>10}  {'SE':>9}  {'z':>6}")
    worst = 0.0
    for name, v1, v2, d, se, z in rows:
        worst = max(worst, abs(z))
        flag = "" if abs(z) <= 3 else "  <-- |z| > 3"
        print(f"{name:<{width}}  {v1:>10}  {v2:>10}  {d:>10.4g}  {se:>9.3g}  {z:>6.2f}{flag}")
    print(f"largest |z|: {worst:.2f} ({'agree' if worst <= 3 else 'DISAGREE'} within 3 standard errors)")
    sys.exit(0 if worst <= 3 else 1)


if __name__ == "__main__":
    main()
