#!/usr/bin/env bash
# bench/postgres/answers.sh — what one kith binary answers on PostgreSQL, to
# compare two binaries before a change's figures are believed: the JSON of
# the typeahead (8) and of two pages of search (20, then 20 more) for each
# query, through one `kith serve` signed in as the account `bench` (row-level
# security in play), on a database bench/postgres/run.sh made and kept
# (KITH_BENCH_KEEP=DIR … IMPORT_ONLY=1; its cluster in DIR/pg running).
#
#   bench/postgres/answers.sh BEFORE DIR >before.txt
#   bench/postgres/answers.sh AFTER DIR >after.txt
#   cmp before.txt after.txt
#
# The queries: the ten classes of bench/queries.tsv and those of
# bench/postgres/answer_queries.txt (one a line).
#
# Usage: bench/postgres/answers.sh KITH_BINARY DIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
kith=$(realpath "${1:?usage: bench/postgres/answers.sh KITH_BINARY DIR}")
work=$(cd "${2:?the directory run.sh kept (KITH_BENCH_KEEP)}" && pwd)
# shellcheck source=bench/postgres/cluster_cpu.sh
source "$here/cluster_cpu.sh"
# shellcheck source=bench/postgres/kith_serve.sh
source "$here/kith_serve.sh"
use_kept_cluster "$work"
serve_signed_in "$kith" || exit 1

{
  grep -v '^#' "$root/bench/queries.tsv" | cut -f2
  cat "$here/answer_queries.txt"
} | while IFS= read -r typed; do
  [[ -n $typed ]] || continue
  encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$typed")
  for route in "typeahead?limit=8" "search?limit=20" "search?limit=20&offset=20"; do
    echo "## $typed: $route"
    curl -sf -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/$route&q=$encoded"
    echo
  done
done
