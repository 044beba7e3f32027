#!/usr/bin/env bash
# `kith dupes` (issue 18): the first page of likely duplicates, and a page
# deep in the list, the whole process, on a generated database. Target: the
# first page well under 1 s at 100,000 people.
#
#   bench/dupes.sh DB [RUNS]      # e.g. a copy of `kith gen 100000 --seed 7`
#
# Environment: KITH (default build/src/kith). The database is opened as is
# (the first open upgrades its schema: run once before timing, as here).
# Needs hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/dupes.sh DB [RUNS]}
runs=${2:-10}
kith="${KITH:-build/src/kith}"
command -v hyperfine >/dev/null || { echo "missing hyperfine" >&2; exit 1; }

"$kith" --db "$db" dupes --limit 1 >/dev/null  # schema upgrade, warm cache
total=$("$kith" --db "$db" dupes --limit 1 | sed -n 's/.* of \([0-9]*\) likely duplicates.*/\1/p')
echo "pairs: $total; people: $(sqlite3 "$db" 'SELECT count(*) FROM contacts WHERE trashed_at IS NULL')"
hyperfine --warmup 2 --runs "$runs" \
  -n 'dupes (first 50)' "$kith --db $db dupes" \
  -n 'dupes --json (first 50)' "$kith --db $db --json dupes" \
  -n 'dupes (a page at the end)' "$kith --db $db dupes --offset $(( total > 50 ? total - 50 : 0 ))"
