#!/usr/bin/env bash
# bench/postgres/per_class.sh — what one typeahead of each query class of
# bench/queries.tsv costs on PostgreSQL, one request at a time: the
# database's CPU and kith's, per request, over REQUESTS requests of the
# class (after WARM ones that are not counted), through one `kith serve`
# signed in as the account `bench` (row-level security in play).
#
# Runs against a database bench/postgres/run.sh made and kept
# (KITH_BENCH_KEEP=DIR … IMPORT_ONLY=1): its cluster in DIR/pg must be running.
# CPU seconds come from /proc in clock ticks (10 ms), so REQUESTS should make
# each class's total a few tenths of a second. Prints a markdown table.
#
# Usage: bench/postgres/per_class.sh KITH_BINARY DIR [REQUESTS]    (default 100)
# Environment: WARM (default 5).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
kith=$(realpath "${1:?usage: bench/postgres/per_class.sh KITH_BINARY DIR [REQUESTS]}")
work=$(cd "${2:?the directory run.sh kept (KITH_BENCH_KEEP)}" && pwd)
requests=${3:-100}
warm=${WARM:-5}
# shellcheck source=bench/postgres/cluster_cpu.sh
source "$here/cluster_cpu.sh"
# shellcheck source=bench/postgres/kith_serve.sh
source "$here/kith_serve.sh"
use_kept_cluster "$work"
serve_signed_in "$kith" || exit 1

# The server's health upkeep scores what needs it when it starts (all the
# cards, the first time after an import): wait until the cluster is quiet.
for _ in $(seq 1 120); do
  quiet_before=$(pg_cpu)
  sleep 1
  awk -v a="$(pg_cpu)" -v b="$quiet_before" 'BEGIN { exit !(a - b < 0.03) }' && break
done

# `count` typeaheads of `typed`, one at a time over one connection.
ask() {
  local typed=$1 count=$2 encoded
  encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$typed")
  for _ in $(seq 1 "$count"); do
    echo "url = \"http://127.0.0.1:$port/api/v1/typeahead?q=$encoded&limit=8\""
    echo 'output = "/dev/null"'
  done | curl -sf -H "Cookie: $cookie" -K -
}

echo "kith $(sha256sum "$kith" | cut -c1-12), $requests requests a class after $warm, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| class | typed | database CPU ms / request | kith CPU ms / request |"
echo "|---|---|---:|---:|"
grep -v '^#' "$root/bench/queries.tsv" | while IFS=$'\t' read -r class typed _; do
  [[ -n $class ]] || continue
  ask "$typed" "$warm"
  database_before=$(pg_cpu)
  kith_before=$(process_cpu "$server")
  ask "$typed" "$requests"
  database_after=$(pg_cpu)
  kith_after=$(process_cpu "$server")
  awk -v c="$class" -v t="$typed" -v d="$database_after" -v e="$database_before" -v k="$kith_after" \
    -v l="$kith_before" -v n="$requests" \
    'BEGIN { printf "| %s | `%s` | %.2f | %.2f |\n", c, t, 1000 * (d - e) / n, 1000 * (k - l) / n }'
done
