#!/usr/bin/env bash
# The list sorted by health (issue 15: GET /api/v1/contacts?sort=health&limit=50
# <= 20 ms at 1,000,000 people). On a copy of DB it times, whole process:
#   1. `kith list --sort health --limit 50` the first time: it scores and
#      stores everyone not yet scored (once, after an import or a migration);
#   2. the same again: the stored scores are walked by their index;
# then starts `kith serve` on the copy and times RUNS requests of
#   GET /api/v1/contacts?sort=health&limit=50
# with curl (after one warm-up request), printing the median and the worst.
#
# Usage: bench/health_sort.sh KITH_BINARY DB [RUNS]   (RUNS default 20)
# The date is pinned (--today 2026-11-26) so runs compare.
set -euo pipefail
kith="$(realpath "${1:?usage: bench/health_sort.sh KITH_BINARY DB [RUNS]}")"
source_db="$(realpath "${2:?usage: bench/health_sort.sh KITH_BINARY DB [RUNS]}")"
runs="${3:-20}"
today=2026-11-26
scratch="$(mktemp -d "$(dirname "$source_db")/health.XXXXXX")"
server=""
cleanup() {
  [[ -n $server ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

cp "$source_db" "$scratch/k.db"
for suffix in -wal -shm; do [[ -f $source_db$suffix ]] && cp "$source_db$suffix" "$scratch/k.db$suffix"; done
echo "machine: $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), kith $(sha256sum "$kith" | cut -c1-12)"
for pass in first again; do
  /usr/bin/time -f "%e %U %S %M" -o "$scratch/time" "$kith" --db "$scratch/k.db" --today "$today" \
    list --sort health --limit 50 >/dev/null
  read -r wall user sys peak <"$scratch/time"
  echo "kith list --sort health --limit 50 ($pass): ${wall} s wall, $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}') CPU s, ${peak} KB peak"
done

port=$((20000 + RANDOM % 20000))
"$kith" --db "$scratch/k.db" --today "$today" serve --port "$port" >"$scratch/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$port/api/v1/session" >/dev/null && break
  sleep 0.1
done
url="http://127.0.0.1:$port/api/v1/contacts?sort=health&limit=50"
curl -sf "$url" >/dev/null
for ((run = 1; run <= runs; run++)); do
  curl -sf -o /dev/null -w '%{time_total}\n' "$url"
done >"$scratch/times"
echo "GET /api/v1/contacts?sort=health&limit=50, $runs requests: median $(median <"$scratch/times" | awk '{printf "%.1f", $1 * 1000}') ms, worst $(sort -g "$scratch/times" | tail -1 | awk '{printf "%.1f", $1 * 1000}') ms"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
