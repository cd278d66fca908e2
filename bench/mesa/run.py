"""Monte Carlo batch of the ghadames Mesa model with mesa.batch_run, and its outcome distribution.

    python3 bench/mesa/run.py --runs 1000 --processes 1 [--seed 42] [--param NAME=VALUE ...] [--json]
                              [--compare summary.json]

Without --seed, batch_run runs `iterations=runs` models with the default params and no seed: each
model seeds its RNG from OS entropy, so every run is distinct (and not reproducible). With --seed S,
the seeds S, S+1, ..., S+runs-1 are passed as a swept `seed` parameter (iterations=1): distinct and
reproducible. --param sets one of the model's params (ghadames.lua's and W.claims'; booleans as
true/false) for every run. --compare reads a `simrun batch --summary` file and prints how the two
distributions of the outcomes and of the facts of the record (sim.observed) agree (z scores of the
differences; |z| < 3 is agreement within Monte Carlo error).
"""

import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mesa  # noqa: E402

from ghadames import DEFAULTS, OBSERVED, OUTCOMES, PARAMS, TICKS, GhadamesModel  # noqa: E402


def summarize(rows, names=OUTCOMES):
    """Per outcome (or fact), as simrun's summary: booleans -> proportion, numbers -> mean and sd,
    strings -> category counts."""
    out = {}
    n = len(rows)
    for name in names:
        values = [r[name] for r in rows]
        if all(isinstance(v, bool) for v in values):
            k = sum(values)
            out[name] = {"type": "boolean", "n": n, "true": k, "p": k / n}
        elif all(isinstance(v, str) for v in values):
            cats = {}
            for v in values:
                cats[v] = cats.get(v, 0) + 1
            out[name] = {"type": "category", "n": n,
                         "categories": {c: {"count": k, "p": k / n}
                                        for c, k in sorted(cats.items(), key=lambda kv: -kv[1])}}
        else:
            xs = [float(v) for v in values]
            mean = sum(xs) / n
            sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0
            out[name] = {"type": "number", "n": n, "mean": mean, "sd": sd, "min": min(xs), "max": max(xs)}
    return out


def print_summary(summary):
    for name, s in summary.items():
        if s["type"] == "boolean":
            print(f"  {name:26s} proportion {s['p']:.3f} ({s['true']}/{s['n']})")
        elif s["type"] == "number":
            print(f"  {name:26s} mean {s['mean']:.4g}  sd {s['sd']:.4g}  min {s['min']:.4g}  max {s['max']:.4g}")
        else:
            cats = ", ".join(f"{c} {v['p']:.3f}" for c, v in s["categories"].items())
            print(f"  {name:26s} {cats}")


def z_proportion(p1, n1, p2, n2):
    """Two-proportion z test with the pooled proportion."""
    p = (p1 * n1 + p2 * n2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return 0.0 if se == 0 else (p1 - p2) / se


def parse_param(text):
    """NAME=VALUE for one of GhadamesModel's params, typed as its default."""
    name, sep, value = text.partition("=")
    if not sep or name not in PARAMS:
        raise argparse.ArgumentTypeError(f"NAME=VALUE with NAME one of {', '.join(PARAMS)}")
    default = PARAMS[name][0]
    if isinstance(default, bool):
        if value not in ("true", "false"):
            raise argparse.ArgumentTypeError(f"{name}: true or false")
        return name, value == "true"
    return name, type(default)(value)


def compare(mine, theirs):
    """Rows (outcome, statistic, Mesa, simrun, z) comparing this batch with a simrun summary."""
    rows = []
    for name, s in mine.items():
        o = theirs[name]
        if s["type"] == "boolean":
            rows.append((name, "p(true)", s["p"], o["p"], z_proportion(s["p"], s["n"], o["p"], o["n"])))
        elif s["type"] == "number":
            se = math.sqrt(s["sd"] ** 2 / s["n"] + o["sd"] ** 2 / o["n"])
            rows.append((name, "mean", s["mean"], o["mean"], 0.0 if se == 0 else (s["mean"] - o["mean"]) / se))
        else:
            cats = list(dict.fromkeys(list(s["categories"]) + list(o["categories"])))
            for c in cats:
                p1 = s["categories"].get(c, {"p": 0.0})["p"]
                p2 = o["categories"].get(c, {"p": 0.0})["p"]
                rows.append((name, f"p({c})", p1, p2, z_proportion(p1, s["n"], p2, o["n"])))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    args = ap.parse_args()

    parameters = dict(DEFAULTS)
    parameters.update(dict(args.param))
    iterations = args.runs
    if args.seed is not None:
        parameters["seed"] = range(args.seed, args.seed + args.runs)
        iterations = 1
    start = time.perf_counter()
    results = mesa.batch_run(GhadamesModel, parameters=parameters, iterations=iterations, max_steps=TICKS,
                             number_processes=args.processes, data_collection_period=-1,
                             display_progress=False)
    seconds = time.perf_counter() - start
    assert len(results) == args.runs and all(r["Step"] == TICKS - 1 for r in results)
    report(args, results, seconds)


def add_arguments(ap):
    """The options run.py and run_tuned.py share."""
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--seed", type=int, default=None, help="first seed; seeds seed..seed+runs-1")
    ap.add_argument("--param", type=parse_param, action="append", default=[], metavar="NAME=VALUE",
                    help="a param of the model for every run")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ap.add_argument("--compare", metavar="SUMMARY_JSON", help="simrun batch --summary file to compare with")


def report(args, results, seconds):
    """Prints the batch's timing, its outcome and fact summary and the comparison (text or JSON)."""
    summary = summarize(results)
    facts = summarize(results, OBSERVED)
    out = {"runs": len(results), "processes": args.processes,
              "seeds": f"{args.seed}..{args.seed + args.runs - 1}" if args.seed is not None else "os entropy",
              "params": dict(args.param),
              "seconds": seconds, "runs_per_s": len(results) / seconds,
              "ms_per_run": 1000 * seconds / len(results), "outcomes": summary, "observed": facts}
    rows = None
    if args.compare:
        with open(args.compare) as f:
            point = json.load(f)["points"][0]
        rows = compare(summary, point["outcomes"])
        rows += [("observed " + r[0],) + r[1:] for r in compare(facts, point.get("observed", {}))]
        out["comparison"] = [dict(zip(("outcome", "statistic", "mesa", "simrun", "z"), r)) for r in rows]
    if args.json:
        print(json.dumps(out))
        return
    print(f"runs {out['runs']}  processes {args.processes}  seeds {out['seeds']}"
          + "".join(f"  {k}={v}" for k, v in args.param))
    print(f"seconds {seconds:.3f}  runs/s {out['runs_per_s']:.1f}  ms/run {out['ms_per_run']:.2f}")
    print("outcomes:")
    print_summary(summary)
    print("observed (the facts of the record):")
    print_summary(facts)
    if rows:
        print(f"\n{'outcome':35s} {'statistic':14s} {'mesa':>10s} {'simrun':>10s} {'z':>7s}")
        for name, stat, a, b, z in rows:
            flag = "" if abs(z) < 3 else "  <-- |z| >= 3"
            print(f"{name:35s} {stat:14s} {a:10.4g} {b:10.4g} {z:7.2f}{flag}")
        print(f"max |z| = {max(abs(r[4]) for r in rows):.2f} over {len(rows)} statistics")


if __name__ == "__main__":
    main()
