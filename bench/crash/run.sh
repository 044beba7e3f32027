#!/usr/bin/env bash
# Hundreds of SIGKILLs: `kith import` of 100,000 LinkedIn rows and `kith serve`
# under a write storm, each followed by the checks of tests/crash/crash_test.py.
#
#   bench/crash/run.sh [BUILD_DIR] [IMPORT_KILLS] [SERVE_KILLS]
#
# Defaults: build, 60 import kills, 180 serve kills (240 in all, about 25
# minutes on the 2-core machine). The counts go to
# $KITH_BENCH_DATA/results/<date>-crash.json (default bench/data, not in git);
# docs/reliability.md records a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
import_kills=${2:-60}
serve_kills=${3:-180}
kith="$build/src/kith"
[ -x "$kith" ] || { echo "crash bench: build $kith first (make build)" >&2; exit 1; }
results="${KITH_BENCH_DATA:-bench/data}/results"
mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
result="$results/$(date -u +%Y%m%d-%H%M%S)-crash.json"
/usr/bin/time -v /usr/bin/python3 tests/crash/crash_test.py --kith "$kith" --work "$work" \
  --import-kills "$import_kills" --serve-kills "$serve_kills" --serve-window 3 --json "$result" \
  2> "$work/time.txt"
grep -E "Elapsed|Maximum resident" "$work/time.txt"
echo "crash bench: counts in $result"
