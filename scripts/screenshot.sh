#!/bin/sh
# screenshot.sh: renders simrun's HTML reports to PNG with headless Chromium, to look at them as a
# reader will — overlapping labels, clipped text, unreadable colours — before they ship.
#
#   scripts/screenshot.sh [OUTDIR]            pages of the seed scenarios and of a swept batch, in OUTDIR
#   scripts/screenshot.sh --page FILE.html PNG [HEIGHT]   one page
#
# OUTDIR defaults to /tmp/simrun-screenshots (PNGs stay out of the repository). SIMRUN names the
# binary (default: .build/debug/simrun); the window is 1200 px wide, the width the pages are made for.
set -eu

cd "$(dirname "$0")/.."
SIMRUN=${SIMRUN:-.build/debug/simrun}
CHROMIUM=${CHROMIUM:-chromium}

shoot() { # FILE.html PNG HEIGHT
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="1200,$3" --screenshot="$2" "file://$(realpath "$1")" >/dev/null 2>&1
    echo "$2"
}

if [ "${1:-}" = "--page" ]; then
    shoot "$2" "$3" "${4:-4000}"
    exit 0
fi

out=${1:-/tmp/simrun-screenshots}
mkdir -p "$out"
for scenario in ghadames tinzaouaten russia_response; do
    "$SIMRUN" run "scenarios/sahel/$scenario.lua" --format html --out "$out/$scenario.html" --quiet
    shoot "$out/$scenario.html" "$out/$scenario.png" 6000
done
"$SIMRUN" batch scenarios/sahel/ghadames.lua --runs 200 --sweep algeria_alert=0:1:0.25 --quiet \
    --out "$out/runs.jsonl" --summary "$out/summary.json"
"$SIMRUN" report "$out/summary.json" --format html --out "$out/batch.html"
shoot "$out/batch.html" "$out/batch.png" 7000
