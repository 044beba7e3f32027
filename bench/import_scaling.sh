#!/usr/bin/env bash
# bench/import_scaling.sh — does `kith import` of a LinkedIn Connections.csv
# scale linearly with its size? For each size it writes the CSV with
# bench/make_linkedin_csv.py (cached), then alternates RUNS runs of
#   kith --db FRESH.db import FILE          (each into a new, empty database)
#   sqlite3 FRESH.db '.import --skip 4'     (the floor: the same rows into a bare table)
# under /usr/bin/time, and prints a markdown table of the medians: wall
# seconds, CPU seconds (user + sys), rows per CPU second and kith ÷ floor.
# CPU time is the figure to compare on a shared machine: it barely moves
# with the load average, which the table records too.
# Each size is run twice: with the generator's names as they come, and with
# only DISTINCT_NAMES different full names (make_linkedin_csv.py
# --distinct-names), where most rows have namesakes at the same company that
# the import must look at and tell apart.
#
# Usage: bench/import_scaling.sh KITH_BINARY [SIZES...]
#   e.g. bench/import_scaling.sh build/src/kith 30000 100000 1000000
# Environment: RUNS (default 3), KITH_BENCH_DATA (default bench/data), SEED (default 7),
#   DISTINCT_NAMES (default 240; 0 runs the ordinary files only).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kith="$(realpath "${1:?usage: bench/import_scaling.sh KITH_BINARY [SIZES...]}")"
shift
sizes=("$@")
((${#sizes[@]})) || sizes=(30000 100000)
runs="${RUNS:-3}"
seed="${SEED:-7}"
distinct="${DISTINCT_NAMES:-240}"
variants=(all)
((distinct > 0)) && variants+=("$distinct")
data="${KITH_BENCH_DATA:-$bench_dir/data}/import-scaling"
mkdir -p "$data"
scratch="$(mktemp -d "$data/run.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
load() { cut -d' ' -f1 /proc/loadavg; }

# Prints "wall cpu" of one command (GNU time), its output discarded.
timed() {
  /usr/bin/time -f '%e %U %S' -o "$scratch/time" "$@" >/dev/null 2>"$scratch/stderr" || {
    cat "$scratch/stderr" >&2
    return 1
  }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$scratch/time"
}

echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(date -u +%Y-%m-%dT%H:%MZ), kith $(basename "$kith") $(sha256sum "$kith" | cut -c1-12), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo
echo "| rows | distinct names | kith wall s | kith CPU s | rows / CPU s | floor wall s | floor CPU s | kith ÷ floor (CPU) | load avg (start–end) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for size in "${sizes[@]}"; do
for names in "${variants[@]}"; do
  if [[ $names == all ]]; then
    csv="$data/linkedin-$size-seed$seed.csv"
    [[ -f $csv ]] || /usr/bin/python3 "$bench_dir/make_linkedin_csv.py" "$size" "$seed" >"$csv"
  else
    csv="$data/linkedin-$size-seed$seed-names$names.csv"
    [[ -f $csv ]] || /usr/bin/python3 "$bench_dir/make_linkedin_csv.py" "$size" "$seed" --distinct-names "$names" >"$csv"
  fi
  printf 'CREATE TABLE c(first, last, url, email, company, position, connected_on);\n.mode csv\n.import --skip 4 %s c\n' \
    "$csv" >"$scratch/floor.sql"
  : >"$scratch/kith" && : >"$scratch/floor"
  start_load=$(load)
  for ((run = 1; run <= runs; run++)); do
    rm -f "$scratch"/k.db* "$scratch"/f.db*
    timed "$kith" --db "$scratch/k.db" --today 2026-11-26 import "$csv" >>"$scratch/kith"
    timed sqlite3 "$scratch/f.db" ".read $scratch/floor.sql" >>"$scratch/floor"
  done
  kith_wall=$(cut -d' ' -f1 "$scratch/kith" | median)
  kith_cpu=$(cut -d' ' -f2 "$scratch/kith" | median)
  floor_wall=$(cut -d' ' -f1 "$scratch/floor" | median)
  floor_cpu=$(cut -d' ' -f2 "$scratch/floor" | median)
  awk -v n="$size" -v names="$names" -v kw="$kith_wall" -v kc="$kith_cpu" -v fw="$floor_wall" -v fc="$floor_cpu" \
    -v l="$start_load–$(load)" 'BEGIN {
      printf "| %d | %s | %.2f | %.2f | %d | %.2f | %.2f | %.0f× | %s |\n", n, names, kw, kc, n / kc, fw, fc, kc / (fc > 0 ? fc : 0.01), l }'
done
done
