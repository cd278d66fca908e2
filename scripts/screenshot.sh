#!/bin/sh
# screenshot.sh: renders simrun's HTML reports to PNG with headless Chromium, to look at them as a
# reader will — overlapping labels, clipped text, unreadable colours — before they ship.
#
#   scripts/screenshot.sh [OUTDIR]            pages of the seed scenarios and of a swept batch, in OUTDIR
#   scripts/screenshot.sh --page FILE.html PNG [HEIGHT]   one page
#
# OUTDIR defaults to /tmp/simrun-screenshots (PNGs stay out of the repository). SIMRUN names the
# binary (default: .build/debug/simrun, from the repository root); relative FILE, PNG and OUTDIR are
# the caller's. A page that does not exist, or a screenshot Chromium did not write, is an error
# (exit 1). The window is 1200 px wide, the width the pages are made for.
set -eu
CHROMIUM=${CHROMIUM:-chromium}

fail() {
    echo "screenshot.sh: $*" >&2
    exit 1
}

# An absolute path for $1 (which need not exist yet) whose folder must exist, resolved from the
# caller's folder: the script moves to the repository root below.
absolute() {
    [ -d "$(dirname "$1")" ] || fail "no such folder: $(dirname "$1")"
    echo "$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
}

shoot() { # FILE.html PNG HEIGHT, absolute paths
    # Chromium shows a folder listing for a missing file and exits 0: check first, and check the PNG.
    [ -f "$1" ] || fail "no such page: $1"
    case $3 in '' | *[!0-9]*) fail "HEIGHT must be a number of pixels, not '$3'" ;; esac
    rm -f "$2"
    if ! log=$("$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="1200,$3" --screenshot="$2" "file://$1" 2>&1); then
        [ -z "$log" ] || echo "$log" >&2
        fail "$CHROMIUM failed on $1"
    fi
    [ -s "$2" ] || { [ -z "$log" ] || echo "$log" >&2; fail "$CHROMIUM wrote no screenshot of $1 to $2"; }
    echo "$2"
}

if [ "${1:-}" = "--page" ]; then
    [ $# -ge 3 ] && [ $# -le 4 ] || fail "usage: scripts/screenshot.sh --page FILE.html PNG [HEIGHT]"
    page=$(absolute "$2")
    png=$(absolute "$3")
    shoot "$page" "$png" "${4:-4000}"
    exit 0
fi

out=${1:-/tmp/simrun-screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd -P)
cd "$(dirname "$0")/.."
SIMRUN=${SIMRUN:-.build/debug/simrun}
for scenario in ghadames tinzaouaten russia_response; do
    "$SIMRUN" run "scenarios/sahel/$scenario.lua" --format html --out "$out/$scenario.html" --quiet
    shoot "$out/$scenario.html" "$out/$scenario.png" 6000
done
"$SIMRUN" batch scenarios/sahel/ghadames.lua --runs 200 --sweep algeria_alert=0:1:0.25 --quiet \
    --out "$out/runs.jsonl" --summary "$out/summary.json"
"$SIMRUN" report "$out/summary.json" --format html --out "$out/batch.html"
shoot "$out/batch.html" "$out/batch.png" 7000
