#!/usr/bin/env bash
# mutants.sh: the hand-made mutation round (scripts/mutants.txt) — see scripts/mutants.py for usage.
set -euo pipefail
exec python3 "$(dirname "$0")/mutants.py" "$@"
