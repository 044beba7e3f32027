#!/usr/bin/env bash
# Card scanning benchmark, in-sample and held-out side by side: renders the
# training corpus (200 photographed cards, 20 QR cards, 6 HEIC copies, the
# pools the scanner was developed on) and the held-out corpus (300 + 20 QR +
# 4 HEIC, pools from tests/scan/heldout_pools.json that no file under src/
# knows, photographed as phones do) into the build folder, then runs kith's
# scanner and the naive baseline over both on one core. The held-out figure
# is the one that counts.
#
#   bench/scan/run.sh [BUILD_DIR] [--show-misses] [--limit N]
set -euo pipefail
build=${1:-build}
shift || true
root=$(cd "$(dirname "$0")/../.." && pwd)
cmake --build "$build" --target kith_scan_bench scan_qr_pbm -j1 >/dev/null
render() {  # DIR ARGS...: renders unless the corpus is newer than the generator
  local dir=$1
  shift
  if [ ! -f "$dir/index.json" ] || [ "$root/tests/scan/make_cards.py" -nt "$dir/index.json" ] ||
    [ "$root/tests/scan/make_cards_heldout.py" -nt "$dir/index.json" ] ||
    [ "$root/tests/scan/heldout_pools.json" -nt "$dir/index.json" ]; then
    rm -rf "$dir"
    /usr/bin/python3 "$root/tests/scan/make_cards.py" --out "$dir" --qr-tool "$build/tests/scan_qr_pbm" "$@"
  fi
}
render "$build/bench/scan/cards" --count 200 --qr 20 --heic 6 --seed 7
render "$build/bench/scan/heldout" --count 300 --qr 20 --heic 4 --seed 101 --pools heldout
# One core, one OpenMP thread: the figure a laptop or a small server sees per card.
OMP_THREAD_LIMIT=1 taskset -c 0 "$build/bench/kith_scan_bench" \
  "train=$build/bench/scan/cards" "held-out=$build/bench/scan/heldout" "$@"
