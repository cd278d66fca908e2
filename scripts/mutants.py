#!/usr/bin/env python3
"""Hand-made mutation testing for simrun: applies each mutant of scripts/mutants.txt in turn, builds,
runs the tests its `filter` names, records whether they failed (killed) or passed (survived), and
restores the file with `git checkout`.

Usage: scripts/mutants.sh [--list FILE] [--dry-run] [ID ...]

Every file a mutant touches must have no uncommitted changes: it is restored from git afterwards.
Logs go to .build/mutants/ID.log; a summary table to stdout and .build/mutants/results.tsv.
"""
import argparse
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_TIMEOUT = 1200
TEST_TIMEOUT = 900


class Mutant:
    def __init__(self, ident):
        self.id = ident
        self.file = self.original = self.replacement = self.filter = None
        self.equivalent = None
        self.note = None


def parse(path):
    """Blocks of `[id]` then `key = value` lines; `\\n` in a value stands for a newline."""
    mutants, current = [], None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = Mutant(line[1:-1])
                mutants.append(current)
                continue
            key, sep, value = line.partition(" = ")
            if not sep or current is None:
                sys.exit(f"{path}:{number}: expected [id] or 'key = value'")
            value = value.replace("\\n", "\n")
            attribute = {"file": "file", "from": "original", "to": "replacement", "filter": "filter",
                         "equivalent": "equivalent", "note": "note"}.get(key.strip())
            if attribute is None:
                sys.exit(f"{path}:{number}: unknown key '{key.strip()}'")
            setattr(current, attribute, value)
    for m in mutants:
        if m.equivalent is None and None in (m.file, m.original, m.replacement, m.filter):
            sys.exit(f"{path}: mutant {m.id} needs file, from, to and filter")
    ids = [m.id for m in mutants]
    if len(ids) != len(set(ids)):
        sys.exit(f"{path}: duplicated ids")
    return mutants


def run(arguments, log, timeout):
    """Runs a command with its output appended to `log`; returns its exit status, or None on timeout."""
    log.write(f"$ {' '.join(arguments)}\n")
    log.flush()
    # A mutant that traps would otherwise wait minutes for the symbolicated backtrace.
    environment = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    process = subprocess.Popen(
        arguments, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None
    except KeyboardInterrupt:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise


def restore(path):
    subprocess.run(["git", "checkout", "--", path], cwd=ROOT, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", default=os.path.join(ROOT, "scripts", "mutants.txt"))
    parser.add_argument("--dry-run", action="store_true", help="check every mutant applies, run nothing")
    parser.add_argument("ids", nargs="*")
    options = parser.parse_args()
    mutants = parse(options.list)
    if options.ids:
        unknown = set(options.ids) - {m.id for m in mutants}
        if unknown:
            sys.exit(f"unknown mutants: {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.id in options.ids]

    # A file with local changes would lose them to the restore.
    files = sorted({m.file for m in mutants if m.equivalent is None})
    dirty = subprocess.run(["git", "status", "--porcelain", "--"] + files, cwd=ROOT, capture_output=True, text=True)
    if dirty.stdout.strip():
        sys.exit("uncommitted changes in files to mutate (they would be lost):\n" + dirty.stdout)
    for m in mutants:
        if m.equivalent is not None:
            continue
        with open(os.path.join(ROOT, m.file), encoding="utf-8") as f:
            count = f.read().count(m.original)
        if count != 1:
            sys.exit(f"mutant {m.id}: its text occurs {count} times in {m.file}, not once")
    if options.dry_run:
        print(f"{len(mutants)} mutants apply")
        return

    # SIGTERM (a killed job) restores like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    logs = os.path.join(ROOT, ".build", "mutants")
    os.makedirs(logs, exist_ok=True)
    results = []
    for m in mutants:
        if m.equivalent is not None:
            results.append((m, "equivalent", 0.0))
            print(f"{m.id:28} equivalent  ({m.equivalent})", flush=True)
            continue
        path = os.path.join(ROOT, m.file)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        started = time.time()
        with open(os.path.join(logs, m.id + ".log"), "w") as log:
            try:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text.replace(m.original, m.replacement, 1))
                status = run(["swift", "build", "--build-tests"], log, BUILD_TIMEOUT)
                if status != 0:
                    outcome = "stillborn"  # does not compile: not a mutant of behaviour
                else:
                    status = run(["swift", "test", "--skip-build", "--filter", m.filter], log, TEST_TIMEOUT)
                    outcome = "killed" if status != 0 else "SURVIVED"
                    if status is None:
                        outcome = "killed"
                        log.write("(timed out: counted as killed)\n")
            finally:
                restore(m.file)
        seconds = time.time() - started
        results.append((m, outcome, seconds))
        print(f"{m.id:28} {outcome:11} {seconds:6.0f}s  {m.file}", flush=True)

    with open(os.path.join(logs, "results.tsv"), "w") as f:
        for m, outcome, seconds in results:
            f.write(f"{m.id}\t{outcome}\t{seconds:.0f}\t{m.file}\n")
    counted = [r for r in results if r[1] in ("killed", "SURVIVED")]
    killed = sum(1 for r in counted if r[1] == "killed")
    equivalent = sum(1 for r in results if r[1] == "equivalent")
    stillborn = sum(1 for r in results if r[1] == "stillborn")
    if counted:
        print(f"\nkilled {killed} of {len(counted)} ({100 * killed / len(counted):.0f}%); "
              f"{equivalent} equivalent and {stillborn} stillborn not counted")
    survivors = [r[0].id for r in counted if r[1] == "SURVIVED"]
    if survivors:
        print("survived: " + ", ".join(survivors))
    # Leave the build matching the restored sources.
    if counted or stillborn:
        with open(os.path.join(logs, "rebuild.log"), "w") as log:
            run(["swift", "build", "--build-tests"], log, BUILD_TIMEOUT)
    sys.exit(1 if survivors else 0)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("interrupted: the mutated file was restored")
