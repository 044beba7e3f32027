#!/usr/bin/env bash
# bench/postgres/profile_import.sh — where a PostgreSQL import's database time
# goes (issue 13): one `kith import` of the LinkedIn-shaped CSV
# (bench/make_linkedin_csv.py, seed 7) into a throwaway cluster made as
# bench/postgres/run.sh makes it (scripts/pg-throwaway.sh; the database owned
# by an ordinary role, so row-level security is in play), with
# pg_stat_statements (track = all: the statements inside triggers and the
# foreign-key checks are counted too), track_functions and log_checkpoints.
# Prints wall and CPU seconds (kith's, the cluster's), then the statements by
# total time, the trigger functions, and the checkpoints that ran.
#
# Usage: bench/postgres/profile_import.sh KITH_BINARY SIZE
# Environment: EXTRA_CONF (lines added to postgresql.conf, e.g.
# $'shared_buffers = 2GB\nmax_wal_size = 8GB'), KITH_BENCH_DATA (default bench/data).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
kith=$(realpath "${1:?usage: profile_import.sh KITH_BINARY SIZE}")
size=${2:?usage: profile_import.sh KITH_BINARY SIZE}
data=${KITH_BENCH_DATA:-$root/bench/data}/import-scaling
csv="$data/linkedin-$size-seed7.csv"
mkdir -p "$data"
[[ -f $csv ]] || /usr/bin/python3 "$root/bench/make_linkedin_csv.py" "$size" 7 >"$csv"
bin=${KITH_PG_BIN:-/usr/lib/postgresql/15/bin}

work=$(mktemp -d /tmp/kith-pgprof-XXXXXX)
chmod 755 "$work"
trap '"$root/scripts/pg-throwaway.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
admin=$("$root/scripts/pg-throwaway.sh" start "$work/pg")
cat >>"$work/pg/data/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
pg_stat_statements.max = 2000
track_functions = all
log_checkpoints = on
${EXTRA_CONF:-}
CONF
# pg_ctl restart keeps the options the cluster was started with.
if [[ $(id -u) == 0 ]]; then
  runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -w restart >/dev/null
else
  "$bin/pg_ctl" -D "$work/pg/data" -w restart >/dev/null
fi
psql "$admin" -qX -c "CREATE ROLE kith_bench LOGIN" -c "CREATE DATABASE kith_bench OWNER kith_bench" >/dev/null
psql "$admin&dbname=kith_bench" -qX -c "CREATE EXTENSION pg_stat_statements" >/dev/null
url="$admin&user=kith_bench&dbname=kith_bench"
"$kith" --db "$url" list --limit 1 >/dev/null  # the schema, made before the clock starts
psql "$admin&dbname=kith_bench" -qX -c "SELECT pg_stat_statements_reset()" -c "SELECT pg_stat_reset()" >/dev/null

postmaster=$(head -1 "$work/pg/data/postmaster.pid")
tck=$(getconf CLK_TCK)
# shellcheck source=bench/postgres/cluster_cpu.sh
source "$(dirname "${BASH_SOURCE[0]}")/cluster_cpu.sh"
start_load=$(cut -d' ' -f1-3 /proc/loadavg)
before=$(pg_cpu)
/usr/bin/time -f '%e %U %S' -o "$work/time" "$kith" --db "$url" --today 2026-11-26 --json import "$csv" \
  >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
for _ in $(seq 1 100); do  # the import's backend reaped, its CPU counted
  [[ $(psql "$admin" -qXAtc "SELECT count(*) FROM pg_stat_activity WHERE datname = 'kith_bench' AND usename = 'kith_bench'") == 0 ]] && break
  sleep 0.1
done
sleep 0.5
after=$(pg_cpu)
read -r wall user sys <"$work/time"
echo "rows $size: wall $wall s, kith CPU $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}') s, database CPU $(awk -v a="$after" -v b="$before" 'BEGIN{printf "%.2f", a-b}') s, load $start_load -> $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "calls | total ms | mean ms | rows | statement"
psql "$admin&dbname=kith_bench" -XAt -F' | ' -c "SELECT calls, round(total_exec_time), round(mean_exec_time::numeric, 2), rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25"
echo
echo "function | calls | total ms | self ms"
psql "$admin&dbname=kith_bench" -XAt -F' | ' -c "SELECT funcname, calls, round(total_time), round(self_time) FROM pg_stat_user_functions ORDER BY total_time DESC"
echo
echo "checkpoints during the import:"
grep -E "checkpoint (starting|complete)" "$work/pg/server.log" | grep -v "shutdown" || echo "(none)"
