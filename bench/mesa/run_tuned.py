"""Monte Carlo batch of the tuned ghadames model (ghadames_tuned.py): run.py's batch without batch_run.

    python3 bench/mesa/run_tuned.py --runs 1000 --processes 1 [--seed 42] [--param NAME=VALUE ...] [--json]
                                    [--compare summary.json]

Same options, seeds and output as run.py. Each run is a plain loop, `while model.running:
model.step()`, after which the outcomes and facts are read from the model's attributes, with the
final row of the DataCollector's metrics; with --processes P > 1 the runs go to a
multiprocessing.Pool of P forked workers, in chunks. Not batch_run,
because in mesa 3.3.1 it returns end-of-run values only through DataCollector reporters, which
would be read and deep-copied at every tick (the outcomes and facts are 17 of them, None until the
last tick), and its single-process loop keeps every model alive until it returns (mesa issue 3179),
about 10% on long batches. "seconds" is the time of the batch alone (pool start-up included),
after Python's start-up and `import mesa`.
"""

import argparse
import math
import multiprocessing
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ghadames import DEFAULTS, OBSERVED, OUTCOMES  # noqa: E402
from ghadames_tuned import METRICS, TunedGhadamesModel  # noqa: E402
from run import add_arguments, report  # noqa: E402


def run_one(kwargs):
    """One run to its end: its outcomes, facts and final metrics, as batch_run's row would hold them."""
    model = TunedGhadamesModel(**kwargs)
    while model.running:
        model.step()
    row = {name: getattr(model, name) for name in OUTCOMES + OBSERVED}
    row.update({name: values[-1] for name, values in model.datacollector.model_vars.items()})
    return row


def run_batch(kwargs_list, processes):
    if processes == 1:
        return [run_one(kwargs) for kwargs in kwargs_list]
    # A few chunks per worker: few round trips, and the workers finish close together.
    chunk = max(1, math.ceil(len(kwargs_list) / (8 * processes)))
    # Fork: the workers start with mesa and the model already imported. Importing mesa.batchrunner
    # (mesa 3.3.1) makes spawn the default, and each spawned worker would import them again.
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(run_one, kwargs_list, chunksize=chunk)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    args = ap.parse_args()
    parameters = dict(DEFAULTS)
    parameters.update(dict(args.param))
    seeds = range(args.seed, args.seed + args.runs) if args.seed is not None else [None] * args.runs
    kwargs_list = [dict(parameters, seed=s) for s in seeds]
    start = time.perf_counter()
    results = run_batch(kwargs_list, args.processes)
    seconds = time.perf_counter() - start
    assert len(results) == args.runs and set(METRICS) <= set(results[0])
    report(args, results, seconds)


if __name__ == "__main__":
    main()
