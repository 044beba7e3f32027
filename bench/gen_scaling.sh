#!/usr/bin/env bash
# bench/gen_scaling.sh — `kith gen N` into a fresh database at each size,
# RUNS times (default 3): median wall and CPU seconds (user + sys) and people
# per CPU second, with the load average. CPU time is the figure to compare on
# a shared machine.
#
# Usage: bench/gen_scaling.sh KITH_BINARY SIZES...
#   e.g. bench/gen_scaling.sh build/src/kith 30000 100000
set -euo pipefail

kith="$(realpath "${1:?usage: bench/gen_scaling.sh KITH_BINARY SIZES...}")"
shift
runs="${RUNS:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "| people | wall s | CPU s | people / CPU s | database MB | load avg (start–end) |"
echo "|---:|---:|---:|---:|---:|---|"
for size in "$@"; do
  : >"$scratch/times"
  start_load=$(cut -d' ' -f1 /proc/loadavg)
  for ((run = 1; run <= runs; run++)); do
    rm -f "$scratch"/g.db*
    /usr/bin/time -f '%e %U %S' -o "$scratch/time" \
      "$kith" --db "$scratch/g.db" --today 2026-11-26 gen "$size" --seed 7 >/dev/null
    awk '{printf "%s %.2f\n", $1, $2 + $3}' "$scratch/time" >>"$scratch/times"
  done
  wall=$(cut -d' ' -f1 "$scratch/times" | median)
  cpu=$(cut -d' ' -f2 "$scratch/times" | median)
  megabytes=$(($(stat -c %s "$scratch/g.db") / 1048576))
  awk -v n="$size" -v w="$wall" -v c="$cpu" -v mb="$megabytes" -v l="$start_load–$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "| %d | %.2f | %.2f | %d | %d | %s |\n", n, w, c, n / c, mb, l }'
done
