#!/usr/bin/env bash
# bench/postgres/interleaved.sh — two kith binaries' typeahead CPU a request on
# PostgreSQL, measured in short blocks taken in turn (issue 13): on a shared
# machine whole runs of bench/postgres/run.sh, one binary after the other, move
# by ±15 % from run to run as the load beside them changes; blocks of a few
# seconds alternated see the same load and tell a few per cent apart.
#
# One `kith serve` of each binary on a database run.sh made and kept
# (KITH_BENCH_KEEP=DIR … IMPORT_ONLY=1: its cluster in DIR/pg must be
# running), signed in as the account `bench` (run.sh's typeahead load makes
# it). Each block is wrk (1 thread, 25 connections, typeahead.lua: the query
# mix of bench/queries.tsv) against one server for SECONDS; the cluster's CPU
# (every backend's, from /proc) and that server's over the block, divided
# by the requests answered. One warm-up block each first (every connection's
# first plans), then ROUNDS pairs A, B.
#
# Usage: bench/postgres/interleaved.sh KITH_A KITH_B DIR [ROUNDS] [SECONDS]   (default 8 and 6)
# Prints one line a block (binary, requests, database and kith CPU ms a
# request, load) and the medians of each binary's blocks.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
kiths=("$(realpath "${1:?usage: interleaved.sh KITH_A KITH_B DIR [ROUNDS] [SECONDS]}")" "$(realpath "${2:?KITH_B}")")
work=$(cd "${3:?the directory run.sh kept (KITH_BENCH_KEEP)}" && pwd)
rounds=${4:-8}
seconds=${5:-6}
# shellcheck source=bench/postgres/cluster_cpu.sh
source "$here/cluster_cpu.sh"
# shellcheck source=bench/postgres/kith_serve.sh
source "$here/kith_serve.sh"
use_kept_cluster "$work"

log=$(mktemp)
servers=()
ports=()
cleanup() {
  local server
  for server in "${servers[@]}"; do kill -TERM "$server" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -f "$log" "$log".*
}
trap cleanup EXIT
for kith in "${kiths[@]}"; do
  "$kith" --db "$url" serve --port 0 >"$log.${#servers[@]}" 2>&1 &
  servers+=($!)
  port=$(announced_port "$log.$((${#servers[@]} - 1))") || exit 1
  ports+=("$port")
done
KITH_COOKIE=$(signed_in_cookie "${ports[0]}")
KITH_QUERIES="$root/bench/queries.tsv"
export KITH_COOKIE KITH_QUERIES

# One block against server $1 (0: A, 1: B): "A|B requests database-ms kith-ms load".
block() {
  local database_before kith_before requests
  database_before=$(pg_cpu)
  kith_before=$(process_cpu "${servers[$1]}")
  requests=$(wrk -t1 -c25 -d"${seconds}s" -s "$here/typeahead.lua" "http://127.0.0.1:${ports[$1]}" 2>&1 |
    awk '/ requests in / { print $1 }')
  awk -v b="$([[ $1 == 0 ]] && echo A || echo B)" -v n="$requests" -v d="$(pg_cpu)" -v e="$database_before" \
    -v k="$(process_cpu "${servers[$1]}")" -v l="$kith_before" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { n = n > 0 ? n : 1; printf "%s %d %.3f %.3f %s\n", b, n, 1000 * (d - e) / n, 1000 * (k - l) / n, load }'
}

echo "A: ${kiths[0]} ($(sha256sum "${kiths[0]}" | cut -c1-12)), B: ${kiths[1]} ($(sha256sum "${kiths[1]}" | cut -c1-12))"
echo "binary requests database-ms/request kith-ms/request load"
block 0 >/dev/null
block 1 >/dev/null
for _ in $(seq 1 "$rounds"); do
  block 0
  block 1
done | tee "$log.blocks"
for binary in A B; do
  awk -v b="$binary" '$1 == b { d[++n] = $3; k[n] = $4 }
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END { printf "median %s: database %.3f, kith %.3f ms a request over %d blocks\n", b, median(d, n), median(k, n), n }' "$log.blocks"
done
