#!/usr/bin/env bash
# bench/run.sh: simrun side by side with the tools users would otherwise pick, in one table. Every
# row is measured in this run (release build, statically linked), REPEAT times (default 5): median,
# minimum and maximum of wall-clock time, of whole processes except the Mesa batches, which the
# Python drivers time themselves after start-up and `import mesa` (timed as a row of its own).
# Sections 1 and 2 are measured in REPEAT rounds of every case in turn, so that the machine's drift
# falls on every case alike.
#
#   1. the seed scenario ghadames.lua, one run, whole process — simrun and the pure-Swift floor
#   2. 1,000 runs of the same model: simrun batch --jobs 1 and 2, the pure-Swift floor
#      (bench/floor), the dense-arithmetic kernel in C at -O2 and at -O3 -march=native
#      (bench/kernel), plain Lua 5.4 (bench/lua), and Mesa 3 (bench/mesa): `import mesa`, the
#      idiomatic port under batch_run and the speed-tuned port (run_tuned.py), each with 1 and 2
#      processes (skipped with a note when `python3 -c "import mesa"` fails)
#   3. structural balance for N = 50, 100, 200, 400 agents over 365 ticks, and the fitted exponent
#   4. the Lua boundary: ns per sim.alignment and sim.shift call from a hook, the loop's own cost
#      (the same calls of a plain Lua function) subtracted
#
# REPEAT=5 BATCH=1000 CALLS=2000000 SCALING="50 100 200 400" bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-5}
BATCH=${BATCH:-1000}
CALLS=${CALLS:-2000000}
SCALING=${SCALING:-"50 100 200 400"}
swift build -c release --static-swift-stdlib --product simrun >/dev/null
swift build -c release --static-swift-stdlib --product simrun-floor >/dev/null
SIMRUN=.build/release/simrun
FLOOR=.build/release/simrun-floor
SCENARIO=scenarios/sahel/ghadames.lua
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cc -O2 -o "$scratch/kernel-O2" bench/kernel/kernel.c -lm
cc -O3 -march=native -o "$scratch/kernel-O3" bench/kernel/kernel.c -lm

# Reads seconds, one a line; prints "median min max".
stats() {
  sort -g | awk '
    { v[NR] = $1 }
    END { printf "%.6f %.6f %.6f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR] }'
}

# Seconds of one run of the command, wall clock. A command that fails is a broken port or build,
# never a timing: it stops the table.
once() {
  local start end
  start=$(date +%s%N)
  eval "$1" >/dev/null 2>&1 || { echo "bench/run.sh: failed: $1" >&2; return 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.9f\n", ns / 1e9 }'
}

# As once, but the seconds the command reports itself ("seconds" of the JSON it prints): the Mesa
# drivers time their batch after Python's start-up and `import mesa`.
once_inner() {
  eval "$1 --json" 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["seconds"])' ||
    { echo "bench/run.sh: failed: $1" >&2; return 1; }
}

# Prints "median min max" in seconds of REPEAT wall-clock runs of the command, one after another.
measure() {
  for _ in $(seq "$REPEAT"); do once "$*" || return 1; done | stats
}

# row NAME UNIT SCALE NOTE: median, min and max of the last measure, times SCALE (a rate when
# SCALE is negative: -SCALE / seconds, with min and max swapped).
row() {
  local name=$1 unit=$2 scale=$3 note=${4:-}
  awk -v n="$name" -v u="$unit" -v s="$scale" -v note="$note" -v m="$median" -v lo="$min" -v hi="$max" 'BEGIN {
    if (s < 0) { a = -s / m; b = -s / hi; c = -s / lo } else { a = m * s; b = lo * s; c = hi * s }
    printf "%-52s %10.4g %10.4g %10.4g  %-7s %s\n", n, a, b, c, u, note }'
}

# Command substitutions, not process substitutions, so that a failed measurement stops the table.
take() {
  local result
  result=$(measure "$@") || exit 1
  read -r median min max <<<"$result"
}

echo "simrun benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
echo "median, min and max of $REPEAT runs each, wall clock; sections 1 and 2 in $REPEAT rounds of every case in turn"
printf '%-52s %10s %10s %10s  %-7s %s\n' "case" "median" "min" "max" "unit" "note"

# Sections 1 and 2 run in rounds: each round runs every case once, in turn, and a case's median is
# over its rounds. This machine's speed drifts by 20% within the hour; interleaved, a slow spell
# slows every case alike, not all five runs of one case, and the ratios between cases hold.
kinds=() commands=()
add() { kinds+=("$1"); commands+=("$2"); }
add wall "$SIMRUN run $SCENARIO --format json --quiet"
add wall "$FLOOR"
add wall "$SIMRUN batch $SCENARIO --runs $BATCH --seed 42 --jobs 1 --out $scratch/runs.jsonl --quiet"
add wall "$SIMRUN batch $SCENARIO --runs $BATCH --seed 42 --jobs 2 --out $scratch/runs.jsonl --quiet"
add wall "$FLOOR --runs $BATCH --seed 42"
add wall "$scratch/kernel-O2 $BATCH"
add wall "$scratch/kernel-O3 $BATCH"
add wall "lua5.4 bench/lua/ghadames.lua --runs $BATCH --seed 42"
has_mesa=""
if python3 -c "import mesa" 2>/dev/null; then
  has_mesa=yes
  mesa_version=$(python3 -c "import mesa; print(mesa.__version__)")
  add wall "python3 -c 'import mesa'"
  # The Mesa rows are the seconds each driver measures around its batch, after start-up and
  # `import mesa` (the row above); the 2-process rows include starting the pool (batch_run's
  # spawned workers import mesa again; run_tuned.py forks them).
  add inner "python3 bench/mesa/run.py --runs $BATCH --processes 1"
  add inner "python3 bench/mesa/run.py --runs $BATCH --processes 2"
  add inner "python3 bench/mesa/run_tuned.py --runs $BATCH --processes 1"
  add inner "python3 bench/mesa/run_tuned.py --runs $BATCH --processes 2"
fi
for _ in $(seq "$REPEAT"); do
  for c in "${!commands[@]}"; do
    if [ "${kinds[$c]}" = inner ]; then seconds=$(once_inner "${commands[$c]}") || exit 1
    else seconds=$(once "${commands[$c]}") || exit 1; fi
    echo "$seconds" >>"$scratch/case-$c"
  done
done
# result C: median, min and max of case C's rounds.
result() { read -r median min max <<<"$(stats <"$scratch/case-$1")"; }

echo "-- 1. ghadames.lua, one run, whole process"
result 0; single=$median; row "simrun run (Lua-hosted)" ms 1000 "target <= 5 ms"
result 1; floor_single=$median; row "simrun-floor (the same model in Swift, no Lua)" ms 1000

echo "-- 2. $BATCH runs of ghadames (120 ticks each)"
result 2; jobs1=$median; row "simrun batch --jobs 1" runs/s "-$BATCH" "target >= 2500 runs/s"
result 3; jobs2=$median; row "simrun batch --jobs 2" runs/s "-$BATCH" "target >= 1.9x --jobs 1"
result 4; floor_batch=$median
row "simrun-floor, one process" runs/s "-$BATCH" "target >= 5000 runs/s (<= 0.2 ms a run)"
result 5; kernel=$median; row "kernel, C at -O2 (bench/kernel), one process" runs/s "-$BATCH" "the dense arithmetic alone"
result 6; kernel_native=$median; row "kernel, C at -O3 -march=native" runs/s "-$BATCH"
result 7; lua=$median; row "plain Lua 5.4 (bench/lua), one process" runs/s "-$BATCH"
mesa1="" mesa2="" tuned1="" tuned2=""
if [ -n "$has_mesa" ]; then
  result 8; row "python3 -c 'import mesa', whole process" ms 1000 "not in the Mesa rows below"
  result 9; mesa1=$median; row "Mesa $mesa_version batch_run, idiomatic port, 1 process" runs/s "-$BATCH"
  result 10; mesa2=$median; row "Mesa $mesa_version batch_run, idiomatic port, 2 processes" runs/s "-$BATCH"
  result 11; tuned1=$median; row "Mesa $mesa_version, tuned port, 1 process" runs/s "-$BATCH"
  result 12; tuned2=$median; row "Mesa $mesa_version, tuned port, 2 processes" runs/s "-$BATCH"
else
  echo "Mesa: not installed (pip install mesa); rows skipped"
fi

echo "-- 3. structural balance, synthetic world, 365 ticks"
fit=""
for n in $SCALING; do
  take $SIMRUN run bench/synthetic.lua --param agents="$n" --format json --quiet --max-instructions 100000000000
  target=""; [ "$n" = 200 ] && target="target < 1000 ms a year"
  row "N = $n agents, whole year" ms 1000 "$target"
  row "N = $n agents, per tick" ms "$(awk 'BEGIN { print 1000 / 365 }')"
  fit="$fit $n $median"
done
exponent=$(echo "$fit" | awk '{ for (i = 1; i <= NF; i += 2) { x = log($i); y = log($(i + 1)); sx += x; sy += y; sxx += x * x; sxy += x * y; k++ }
  printf "%.2f", (k * sxy - sx * sy) / (k * sxx - sx * sx) }')
echo "fitted exponent of time against N (least squares on log-log, N =$SCALING): $exponent"

echo "-- 4. the Lua boundary: one hook making $CALLS calls"
# net BASE: the last measure less BASE seconds, per call.
net() {
  median=$(awk -v a="$median" -v b="$1" 'BEGIN { print a - b }')
  min=$(awk -v a="$min" -v b="$1" 'BEGIN { print a - b }')
  max=$(awk -v a="$max" -v b="$1" 'BEGIN { print a - b }')
}
per_call=$(awk -v c="$CALLS" 'BEGIN { print 1e9 / c }')
take $SIMRUN run bench/boundary.lua --param op=lua --param calls=0 --format json --quiet
empty=$median
take $SIMRUN run bench/boundary.lua --param op=lua --param calls="$CALLS" --format json --quiet --max-instructions 4000000000
loop=$median; net "$empty"; row "a plain Lua function call in the loop" ns "$per_call"
for op in alignment shift; do
  take $SIMRUN run bench/boundary.lua --param op=$op --param calls="$CALLS" --format json --quiet --max-instructions 4000000000
  net "$loop"; row "sim.$op, net of the loop" ns "$per_call"
done

echo "-- ratios (medians)"
ratio() { awk -v a="$2" -v b="$3" -v n="$1" -v t="${4:-}" 'BEGIN { printf "%-52s %10.2f  %s\n", n, a / b, t }'; }
ratio "simrun run / simrun-floor, one run, whole process" "$single" "$floor_single" "target <= 2"
ratio "simrun batch --jobs 1 / simrun-floor, per run" "$jobs1" "$floor_batch" "target <= 2"
ratio "simrun batch --jobs 1 / --jobs 2 time" "$jobs1" "$jobs2" "target >= 1.9"
ratio "simrun-floor / kernel -O2 time" "$floor_batch" "$kernel" "target <= 2"
ratio "simrun-floor / kernel -O3 -march=native time" "$floor_batch" "$kernel_native"
ratio "simrun batch --jobs 1 / kernel -O2 time" "$jobs1" "$kernel"
ratio "plain Lua time / simrun batch --jobs 1 time" "$lua" "$jobs1" "target >= 3"
if [ -n "$mesa1" ]; then
  ratio "idiomatic Mesa, 1 process / simrun batch --jobs 1" "$mesa1" "$jobs1"
  ratio "tuned Mesa, 1 process / simrun batch --jobs 1" "$tuned1" "$jobs1" "target >= 7"
  ratio "idiomatic Mesa, 2 processes / simrun batch --jobs 2" "$mesa2" "$jobs2"
  ratio "tuned Mesa, 2 processes / simrun batch --jobs 2" "$tuned2" "$jobs2"
  ratio "tuned Mesa, 1 process / simrun-floor" "$tuned1" "$floor_batch" "(the most any host of this engine could reach)"
  ratio "idiomatic Mesa / tuned Mesa, 1 process" "$mesa1" "$tuned1"
fi
