#!/usr/bin/env bash
# Batch throughput and memory (release build): runs/s of `simrun batch` on ghadames.lua with
# --jobs 1 and --jobs 2 (median, min and max of REPEAT batches of RUNS runs), and the peak
# resident memory of batches of 10,000 and 100,000 runs, to show it stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-2000}
REPEAT=${REPEAT:-5}
MEMORY_RUNS=${MEMORY_RUNS:-"10000 100000"}
swift build -c release --static-swift-stdlib >/dev/null
SIMRUN=.build/release/simrun
SCENARIO=scenarios/sahel/ghadames.lua
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "simrun batch benchmarks: $(date -u +%Y-%m-%d), $(nproc) cores, $SCENARIO (120 ticks)"
printf '%-34s %10s %10s %10s\n' "case" "median" "min" "max"
for jobs in 1 2; do
  rates=()
  for _ in $(seq "$REPEAT"); do
    start=$(date +%s%N)
    $SIMRUN batch $SCENARIO --runs "$RUNS" --seed 42 --jobs "$jobs" --out "$out/runs.jsonl" --quiet
    end=$(date +%s%N)
    rates+=("$(awk -v n="$RUNS" -v ns=$((end - start)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')")
  done
  printf '%s\n' "${rates[@]}" | sort -n | awk -v jobs="$jobs" -v runs="$RUNS" '
    { v[NR] = $1 }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-34s %10s %10s %10s\n", "runs/s, --jobs " jobs " (" runs " runs)", m, v[1], v[NR]
    }'
done
for runs in $MEMORY_RUNS; do
  for summary in "" "--summary $out/summary.json"; do
    kb=$( { /usr/bin/time -f "%M" $SIMRUN batch $SCENARIO --runs "$runs" --seed 42 --jobs 2 --out "$out/runs.jsonl" --quiet $summary; } 2>&1 | tail -1 )
    label="peak memory, $runs runs${summary:+, summary}"
    printf '%-34s %10s\n' "$label" "$((kb / 1024)) MiB"
  done
done
