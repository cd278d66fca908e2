"""Times the Mesa port against simrun on ghadames (120 ticks): REPEAT batches of RUNS runs each, with
1 and 2 processes / jobs, interleaved so that both see the same machine load.

    python3 bench/mesa/bench.py [--runs 1000] [--repeat 5] [--simrun .build/release/simrun]

Each batch is a whole process timed from outside (wall clock, and user+sys CPU of the process and
its children): `simrun batch ... --jobs J --out FILE --quiet` and `python3 bench/mesa/run.py --json
--processes P` (Python start-up, imports and batch_run's worker start-up included). The Mesa batch
also reports the seconds spent inside mesa.batch_run. Prints median, minimum and maximum runs/s.
The machine may be shared: before each batch it waits (up to 3 minutes) until other processes use
under 15% of it, and it reports (on stderr) the share they used during each batch.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def cpu_ticks():
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def wait_until_quiet(limit=0.15, longest=180):
    """The machine is shared: wait (up to `longest` s) until other processes use under `limit` of it."""
    deadline = time.time() + longest
    while True:
        b0, t0 = cpu_ticks()
        time.sleep(1.0)
        b1, t1 = cpu_ticks()
        busy = (b1 - b0) / max(1, t1 - t0)
        if busy < limit or time.time() > deadline:
            return busy


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy0, total0 = cpu_ticks()
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    busy1, total1 = cpu_ticks()
    # CPU share the rest of the machine used meanwhile (jiffies are 1/100 s)
    others = max(0.0, (busy1 - busy0) / 100 - cpu) / max(1e-9, (total1 - total0) / 100)
    print(f"  {' '.join(os.path.basename(c) for c in cmd[:2])} ...: {wall:.2f} s wall, {cpu:.2f} s CPU, "
          f"other processes {100 * others:.0f}% of the machine", file=sys.stderr)
    return wall, cpu, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--simrun", default=".build/release/simrun")
    args = ap.parse_args()
    n = args.runs
    load0 = os.getloadavg()[0]
    results = {}  # label -> list of (wall, cpu, inner seconds or None)
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(args.repeat):
            for jobs in (1, 2):
                label = f"simrun batch --jobs {jobs}"
                wait_until_quiet()
                wall, cpu, _ = timed([args.simrun, "batch", "scenarios/sahel/ghadames.lua", "--runs", str(n),
                                      "--seed", "42", "--jobs", str(jobs), "--out", os.path.join(tmp, "runs.jsonl"),
                                      "--quiet"])
                results.setdefault(label, []).append((wall, cpu, None))
                label = f"mesa batch_run processes={jobs}"
                wait_until_quiet()
                wall, cpu, out = timed([sys.executable, os.path.join(HERE, "run.py"), "--runs", str(n),
                                        "--processes", str(jobs), "--json"])
                inner = json.loads(out)["seconds"]
                results.setdefault(label, []).append((wall, cpu, inner))
                print(f"repeat {rep + 1}: {label}: {wall:.2f} s wall, batch_run {inner:.2f} s", file=sys.stderr)
    print(f"ghadames.lua, 120 ticks, {n} runs per batch, {args.repeat} batches each "
          f"({os.cpu_count()} cores; medians with [min, max]); load average at start {load0:.2f}, "
          f"at end {os.getloadavg()[0]:.2f}")
    print(f"{'case':34s} {'runs/s (wall)':>26s} {'runs/s per CPU-s':>18s} {'runs/s in batch_run':>26s}")
    for label, rows in results.items():
        rates = sorted(n / w for w, _, _ in rows)
        cpu_rates = sorted(n / c for _, c, _ in rows)
        line = (f"{label:34s} {statistics.median(rates):8.1f} [{rates[0]:7.1f}, {rates[-1]:7.1f}] "
                f"{statistics.median(cpu_rates):18.1f}")
        inner = [i for _, _, i in rows if i is not None]
        if inner:
            ir = sorted(n / i for i in inner)
            line += f" {statistics.median(ir):8.1f} [{ir[0]:7.1f}, {ir[-1]:7.1f}]"
        print(line)
    for jobs in (1, 2):
        s = statistics.median(n / w for w, _, _ in results[f"simrun batch --jobs {jobs}"])
        m = statistics.median(n / w for w, _, _ in results[f"mesa batch_run processes={jobs}"])
        print(f"simrun / Mesa, {jobs} process(es): {s / m:.1f}x runs/s (wall medians)")


if __name__ == "__main__":
    main()
