#!/usr/bin/env bash
# Card scanning benchmark: renders the full corpus (200 photographed cards,
# 20 QR cards, 6 HEIC copies) into the build folder, then runs kith's scanner
# and the naive baseline over it on one core.
#
#   bench/scan/run.sh [BUILD_DIR] [--show-misses]
set -euo pipefail
build=${1:-build}
shift || true
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$build/bench/scan/cards"
cmake --build "$build" --target kith_scan_bench scan_qr_pbm -j1 >/dev/null
if [ ! -f "$corpus/index.json" ] || [ "$root/tests/scan/make_cards.py" -nt "$corpus/index.json" ]; then
  rm -rf "$corpus"
  /usr/bin/python3 "$root/tests/scan/make_cards.py" --out "$corpus" --count 200 --qr 20 --heic 6 --seed 7 \
    --qr-tool "$build/tests/scan_qr_pbm"
fi
# One core, one OpenMP thread: the figure a laptop or a small server sees per card.
OMP_THREAD_LIMIT=1 taskset -c 0 "$build/bench/kith_scan_bench" "$corpus" "$@"
