#!/usr/bin/env bash
# bench/same-bytes.sh: whether a speed change changed any result. Runs two builds — each a folder
# holding `simrun` and `simrun-floor` — on the same scenarios and seeds, and compares every output
# byte for byte: the floor's rows, batch rows of the four Sahel scenarios and of a Latin-hypercube
# design, single-run JSON reports (with their per-tick state digests) and two synthetic worlds, one
# of 61 agents so that the N³ product's edge cases run. Exit 0 when all are the same bytes.
#
#   bench/same-bytes.sh BEFORE_DIR AFTER_DIR
#
# Both builds must read the same model: run it from a checkout of the model commit they share.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/same-bytes.sh BEFORE_DIR AFTER_DIR" >&2; exit 64; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

outputs() {
  local bin=$1 out=$2
  mkdir -p "$out"
  "$bin/simrun-floor" --runs 300 --seed 7 --out "$out/floor.jsonl" >/dev/null
  "$bin/simrun-floor" --runs 100 --seed 9 --param haftar_day=3 --param restraint=0.2 --param lna_force=3000 \
    --out "$out/floor-params.jsonl" >/dev/null
  for s in ghadames strain tinzaouaten russia_response; do
    "$bin/simrun" batch "scenarios/sahel/$s.lua" --runs 150 --seed 3 --jobs 2 --out "$out/$s.jsonl" --quiet
    "$bin/simrun" run "scenarios/sahel/$s.lua" --seed 5 --format json --out "$out/$s.run.json" --quiet
  done
  "$bin/simrun" batch scenarios/sahel/ghadames.lua --sample lhs:200 --runs 1 --seed 11 --jobs 2 \
    --out "$out/lhs.jsonl" --quiet
  for n in 13 61; do
    "$bin/simrun" run bench/synthetic.lua --seed 2 --param agents=$n --steps 60 --format json \
      --out "$out/synthetic-$n.json" --quiet
  done
}

outputs "$1" "$scratch/before"
outputs "$2" "$scratch/after"
status=0
for file in "$scratch"/before/*; do
  name=$(basename "$file")
  if cmp -s "$file" "$scratch/after/$name"; then echo "same  $name"; else echo "DIFF  $name"; status=1; fi
done
exit $status
