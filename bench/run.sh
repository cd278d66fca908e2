#!/usr/bin/env bash
# Times whole `simrun run` processes (release build): each seed scenario, and the synthetic
# 200-agent world over 365 ticks with balance dynamics on. Prints median, min and max of
# RUNS runs (default 7) in milliseconds, with the targets from the issue.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
swift build -c release --static-swift-stdlib >/dev/null
SIMRUN=.build/release/simrun

# Prints "median min max" in ms of RUNS runs of the command.
time_runs() {
  local samples=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '
    { v[NR] = $1 }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f %.1f %.1f\n", m / 1000, v[1] / 1000, v[NR] / 1000
    }'
}

row() {
  local name=$1 target=$2; shift 2
  read -r median min max < <(time_runs "$@")
  printf '%-44s %10s %10s %10s   %s\n' "$name" "$median" "$min" "$max" "$target"
}

echo "simrun benchmarks: $(date -u +%Y-%m-%d), $(nproc) cores, $RUNS runs each, whole process, ms"
printf '%-44s %10s %10s %10s   %s\n' "case" "median" "min" "max" "target"
for scenario in tinzaouaten ghadames russia_response; do
  row "run $scenario.lua (120 ticks)" "< 20 ms" \
    $SIMRUN run scenarios/sahel/$scenario.lua --format json --quiet
done
for n in 50 100 200; do
  target=""; [ "$n" = 200 ] && target="< 1000 ms"
  row "synthetic balance, $n agents, 365 ticks" "$target" \
    $SIMRUN run bench/synthetic.lua --param agents=$n --format json --quiet
done
