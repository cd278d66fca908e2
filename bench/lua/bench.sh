#!/usr/bin/env bash
# Throughput of the plain-Lua port against simrun on ghadames.lua (120 ticks), one core each:
# REPEAT batches of RUNS runs of `lua5.4 bench/lua/ghadames.lua` and of
# `simrun batch --jobs 1`, timed the same way (wall clock of the whole process, start-up and
# loading included, and CPU time, user + system), alternating. Prints median, min and max runs/s.
#   SIMRUN=.build/release/simrun RUNS=1000 REPEAT=5 bench/lua/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-1000}
REPEAT=${REPEAT:-5}
SEED=${SEED:-42}
SIMRUN=${SIMRUN:-.build/release/simrun}
LUA=${LUA:-lua5.4}
SCENARIO=scenarios/sahel/ghadames.lua
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One batch: prints "wall_runs_per_s cpu_runs_per_s" (CPU = user + system time of the process).
timed() {
  /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" >/dev/null
  awk -v n="$RUNS" '{ printf "%.1f %.1f\n", n / $1, n / ($2 + $3) }' "$out/time"
}
stats() {
  sort -n | awk -v label="$1" '
    { v[NR] = $1 }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-44s %9.1f %9.1f %9.1f %10.2f\n", label, m, v[1], v[NR], 1000 / m
    }'
}

echo "ghadames.lua, $RUNS runs per batch, $REPEAT batches each, seed $SEED, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$($LUA -v 2>&1 | head -1); $($SIMRUN --version 2>/dev/null || echo 'simrun ?')"
: >"$out/lua" ; : >"$out/simrun"
for _ in $(seq "$REPEAT"); do
  timed $LUA bench/lua/ghadames.lua --runs "$RUNS" --seed "$SEED" --out "$out/lua.jsonl" >>"$out/lua"
  timed $SIMRUN batch $SCENARIO --runs "$RUNS" --seed "$SEED" --jobs 1 --out "$out/runs.jsonl" --quiet >>"$out/simrun"
done
printf '%-44s %9s %9s %9s %10s\n' "case (runs/s)" "median" "min" "max" "ms/run"
cut -d' ' -f1 "$out/lua" | stats "lua5.4 bench/lua/ghadames.lua, wall clock"
cut -d' ' -f1 "$out/simrun" | stats "simrun batch --jobs 1, wall clock"
cut -d' ' -f2 "$out/lua" | stats "lua5.4 bench/lua/ghadames.lua, CPU time"
cut -d' ' -f2 "$out/simrun" | stats "simrun batch --jobs 1, CPU time"
echo "lua runs/s per batch (wall cpu):    $(paste -sd' ' <(tr ' ' '/' <"$out/lua"))"
echo "simrun runs/s per batch (wall cpu): $(paste -sd' ' <(tr ' ' '/' <"$out/simrun"))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
