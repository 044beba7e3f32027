#!/usr/bin/env bash
# bench/postgres/run.sh — kith on PostgreSQL beside SQLite, in one run (issue 13):
#
#   1. import: `kith import` of a LinkedIn Connections.csv (bench/make_linkedin_csv.py,
#      seed 7) at each SIZE into an empty SQLite file and into an empty PostgreSQL
#      database (a throwaway cluster, the tables owned by an ordinary role so
#      row-level security is in play, as in production);
#   2. typeahead: wrk, 2 threads and 50 connections in all, queries of bench/queries.tsv
#      (typeahead.lua), against the largest import: on PostgreSQL spread over two
#      `kith serve` (one wrk thread and 25 connections each), on SQLite one server;
#   3. mixed: 20 connections, 9 typeahead reads to 1 new card (mixed.lua), the same
#      way; every answer must be 2xx.
# On PostgreSQL the database is a team's: the account `bench` owns the workspace
# `default` (the imported cards) and both loads run signed in as it, by
# POST /api/v1/session on the first server (row-level security acting as that
# member; the second server knows the session from the database). On SQLite the
# single-user session of GET /api/v1/session.
#
# Prints markdown tables: wall and CPU seconds (kith's and, on PostgreSQL, the
# cluster's), requests/s and latency percentiles. CPU seconds are the figures to
# compare on a shared machine. The throwaway cluster runs with fsync off
# (scripts/pg-throwaway.sh): a commit costs no disk flush there, while
# SQLite's does (synchronous=FULL). Run it under `nice -n 10` on a shared machine.
#
# Usage: bench/postgres/run.sh KITH_BINARY [SIZES...]     (default 100000)
# Environment: DURATION (wrk seconds, default 20), KITH_BENCH_DATA (default bench/data),
# KITH_BENCH_KEEP=DIR: the cluster (DIR/pg, left running) and the SQLite file
# (DIR/file.db) are made there and kept; a later run with the same DIR finds
# them and goes straight to the loads (the import table is then empty).
# IMPORT_ONLY=1 (the import table alone: no wrk runs), SKIP_SQLITE=1 (PostgreSQL's rows alone:
# no SQLite import and no SQLite loads).
# TYPEAHEAD_ONLY=1: no mixed load (it adds cards, and the next run's searches
# would then meet them first). STATEMENTS=1: on PostgreSQL, the statements
# the typeahead load ran, from pg_stat_statements (the cluster must preload
# it: shared_preload_libraries; planning times need pg_stat_statements.track_planning),
# as calls, and executing and planning ms (wall, CPU waits included) a request.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
kith=$(realpath "${1:?usage: bench/postgres/run.sh KITH_BINARY [SIZES...]}")
shift
sizes=("$@")
((${#sizes[@]})) || sizes=(100000)
duration=${DURATION:-20}
data=${KITH_BENCH_DATA:-$root/bench/data}/import-scaling
queries="$root/bench/queries.tsv"
mkdir -p "$data"
for tool in wrk psql curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: scripts/install-deps.sh installs it" >&2; exit 1; }
done

# A short path: the cluster's socket lives in it.
keep=${KITH_BENCH_KEEP:-}
if [[ -n $keep ]]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d /tmp/kith-pgbench-XXXXXX)
fi
chmod 755 "$work"  # the cluster runs as postgres when this runs as root
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n $keep ]] && return
  "$root/scripts/pg-throwaway.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
reuse=false
if [[ -n $keep && (-f $work/file.db || ${SKIP_SQLITE:-} == 1) && -f $work/pg/url && -f $work/pg/data/postmaster.pid ]] &&
  psql "$(cat "$work/pg/url")" -qXAtc "SELECT 1" >/dev/null 2>&1; then
  reuse=true
  admin=$(cat "$work/pg/url")
  url="$admin&user=kith_bench&dbname=kith_bench"
else
  admin=$("$root/scripts/pg-throwaway.sh" start "$work/pg")
fi
postmaster=$(head -1 "$work/pg/data/postmaster.pid")
tck=$(getconf CLK_TCK)

# shellcheck source=bench/postgres/cluster_cpu.sh
source "$(dirname "${BASH_SOURCE[0]}")/cluster_cpu.sh"
# shellcheck source=bench/postgres/kith_serve.sh
source "$(dirname "${BASH_SOURCE[0]}")/kith_serve.sh"
load() { cut -d' ' -f1-3 /proc/loadavg; }

# A new database owned by a role of its own (no superuser, no BYPASSRLS).
fresh_pg() {
  psql "$admin" -qX -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "DROP ROLE IF EXISTS $1" \
    -c "CREATE ROLE $1 LOGIN" -c "CREATE DATABASE $1 OWNER $1" >/dev/null
  echo "$admin&user=$1&dbname=$1"
}

# "wall cpu" of one command; its standard output in $work/out.
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    cat "$work/err" >&2
    return 1
  }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time"
}

echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(date -u +%Y-%m-%dT%H:%MZ), kith $(sha256sum "$kith" | cut -c1-12), $(psql --version), load $(load)"
echo
echo "## import"
echo
echo "| rows | store | wall s | kith CPU s | database CPU s | rows / wall s | added | load avg (start) |"
echo "|---:|---|---:|---:|---:|---:|---:|---|"
# (search_entries: one row per live card, and no row-level security to hide them.)
$reuse && sizes=("$(psql "$url" -qXAtc "SELECT count(*) FROM search_entries")")
for size in "${sizes[@]}"; do
  $reuse && break
  csv="$data/linkedin-$size-seed7.csv"
  [[ -f $csv ]] || /usr/bin/python3 "$root/bench/make_linkedin_csv.py" "$size" 7 >"$csv"
  rm -f "$work"/file.db*
  if [[ ${SKIP_SQLITE:-} != 1 ]]; then
    start_load=$(load)
    read -r wall cpu < <(timed "$kith" --db "$work/file.db" --today 2026-11-26 --json import "$csv")
    added=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["added"])' "$work/out")
    echo "| $size | SQLite | $wall | $cpu | – | $(awk -v n="$size" -v s="$wall" 'BEGIN{printf "%.0f", n/s}') | $added | $start_load |"
  fi
  url=$(fresh_pg kith_bench)
  "$kith" --db "$url" list --limit 1 >/dev/null  # the schema, made before the clock starts
  start_load=$(load)
  before=$(pg_cpu)
  read -r wall cpu < <(timed "$kith" --db "$url" --today 2026-11-26 --json import "$csv")
  # The backend's CPU time is in the postmaster's once it is reaped: wait
  # for it to be gone (reading too early counted almost nothing).
  for _ in $(seq 1 100); do
    [[ $(psql "$admin" -qXAtc "SELECT count(*) FROM pg_stat_activity WHERE datname = 'kith_bench'") == 0 ]] && break
    sleep 0.1
  done
  sleep 0.5
  after=$(pg_cpu)
  added=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["added"])' "$work/out")
  echo "| $size | PostgreSQL | $wall | $cpu | $(awk -v a="$after" -v b="$before" 'BEGIN{printf "%.2f", a-b}') | $(awk -v n="$size" -v s="$wall" 'BEGIN{printf "%.0f", n/s}') | $added | $start_load |"
done
[[ ${IMPORT_ONLY:-} == 1 ]] && exit 0
people=${sizes[-1]}
# Statistics for the planner and the tables' first vacuum, as autovacuum would
# make them in a while: once, autovacuum's first pass over the imported rows
# ran during the typeahead load, and that load timed out (6 requests/s at 100k).
psql "$admin&dbname=kith_bench" -qXc "VACUUM (ANALYZE)" >/dev/null  # as the superuser: the catalogs too

# `kith serve` on $1 (a file or a URI); adds its port to `ports`.
serve() {
  local log="$work/serve-${#servers[@]}.log" port
  "$kith" --db "$1" serve --port 0 >"$log" 2>&1 &
  servers+=($!)
  port=$(announced_port "$log") || exit 1
  ports+=("$port")
}
stop_servers() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  servers=()
}
# Requests/s, the 50th and 99th latency percentiles in ms, the errors and the
# requests answered, of a wrk output.
wrk_figures() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad, requests }' "$1"
}
# Runs wrk with `script` against each port at once (threads and connections
# split evenly); prints "requests/s p50 p99 errors server-CPU database-CPU
# server-ms-a-request database-ms-a-request".
load_test() {
  local script=$1 threads=$2 connections=$3
  shift 3
  local ports=("$@") outs=() pids=() cpu_before cpu_after
  cpu_before=$(pg_cpu)
  local serve_before=0
  for pid in "${servers[@]}"; do serve_before=$(awk -v a="$serve_before" -v b="$(process_cpu "$pid")" 'BEGIN{print a+b}'); done
  for port in "${ports[@]}"; do
    local out="$work/wrk-$port.txt"
    outs+=("$out")
    KITH_QUERIES="$queries" KITH_ORIGIN="http://127.0.0.1:$port" KITH_LABEL="$port" \
      wrk -t"$((threads / ${#ports[@]}))" -c"$((connections / ${#ports[@]}))" -d"${duration}s" --latency \
      -s "$here/$script" "http://127.0.0.1:$port" >"$out" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  cpu_after=$(pg_cpu)
  local serve_after=0
  for pid in "${servers[@]}"; do serve_after=$(awk -v a="$serve_after" -v b="$(process_cpu "$pid")" 'BEGIN{print a+b}'); done
  local total=0 p50=0 p99=0 errors=0 requests=0
  for out in "${outs[@]}"; do
    read -r r a b e n < <(wrk_figures "$out")
    total=$((total + r))
    errors=$((errors + e))
    requests=$((requests + n))
    p50=$(awk -v x="$p50" -v y="$a" 'BEGIN{print (y > x ? y : x)}')
    p99=$(awk -v x="$p99" -v y="$b" 'BEGIN{print (y > x ? y : x)}')
  done
  # CPU a request: what compares on a shared machine, where requests/s and
  # latencies mostly measure the wait for a CPU.
  awk -v t="$total" -v p50="$p50" -v p99="$p99" -v e="$errors" -v n="$requests" \
    -v s="$(awk -v a="$serve_after" -v b="$serve_before" 'BEGIN{print a-b}')" \
    -v d="$(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN{print a-b}')" \
    'BEGIN { n = n > 0 ? n : 1; printf "%s %s %s %s %.1f %.1f %.2f %.2f\n", t, p50, p99, e, s, d, 1000 * s / n, 1000 * d / n }'
}
# The session cookie and CSRF token the loads send: signed in as `bench` on
# PostgreSQL, the single-user session on SQLite.
session_of() {
  if [[ $2 == PostgreSQL ]]; then
    curl -sf -D "$work/headers" -H 'Content-Type: application/json' -H "Origin: http://127.0.0.1:$1" \
      --data "{\"account\": \"bench\", \"password\": \"$bench_password\", \"workspace\": \"default\"}" \
      "http://127.0.0.1:$1/api/v1/session" >"$work/session.json"
  else
    curl -sf -D "$work/headers" "http://127.0.0.1:$1/api/v1/session" >"$work/session.json"
  fi
  KITH_COOKIE=$(grep -i '^set-cookie:' "$work/headers" | head -1 | sed -E 's/^[^:]*: *//; s/;.*//')
  KITH_CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/session.json")
  export KITH_COOKIE KITH_CSRF
}

# The team: one account owning the workspace the cards were imported into.
bench_password=bench-password-1
if ! "$kith" --db "$url" account list | grep -qE '^bench( |$)'; then
  echo "$bench_password" | "$kith" --db "$url" account add bench >/dev/null
  "$kith" --db "$url" workspace add default --owner bench >/dev/null
fi

echo
echo "## typeahead and a mixed load ($people people, wrk ${duration} s each)"
echo
echo "| store | servers | load | requests/s | p50 ms | p99 ms | errors | kith serve CPU s | database CPU s | kith CPU ms / request | database CPU ms / request | load avg (start) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
rm -f "$work/statements.txt"
stores=(PostgreSQL)
[[ ${SKIP_SQLITE:-} == 1 ]] || stores+=(SQLite)
for store in "${stores[@]}"; do
  ports=()
  if [[ $store == PostgreSQL ]]; then
    serve "$url"
    serve "$url"
  else
    serve "$work/file.db"
  fi
  # One session for every server: on PostgreSQL the second server knows it too.
  session_of "${ports[0]}" "$store"
  for port in "${ports[@]}"; do
    curl -sf -H "Cookie: $KITH_COOKIE" "http://127.0.0.1:$port/api/v1/typeahead?q=ma" >/dev/null
  done
  start_load=$(load)
  statements=false
  if [[ ${STATEMENTS:-} == 1 && $store == PostgreSQL ]]; then
    statements=true
    psql "$admin&dbname=kith_bench" -qXc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
      -c "SELECT pg_stat_statements_reset()" >/dev/null
  fi
  read -r rps p50 p99 errors serve_cpu db_cpu serve_ms db_ms < <(load_test typeahead.lua 2 50 "${ports[@]}")
  [[ $store == SQLite ]] && db_cpu="–" && db_ms="–"
  echo "| $store | ${#ports[@]} | typeahead, 2 threads, 50 connections | $rps | $p50 | $p99 | $errors | $serve_cpu | $db_cpu | $serve_ms | $db_ms | $start_load |"
  if $statements; then
    requests=$(awk -v r="$rps" -v d="$duration" 'BEGIN{print r * d}')
    psql "$admin&dbname=kith_bench" -qXAt -F'|' -c "
      SELECT round(calls / $requests::numeric, 2), round(total_exec_time::numeric / $requests, 3),
             round(mean_exec_time::numeric, 3), round(total_plan_time::numeric / $requests, 3),
             left(regexp_replace(query, '\s+', ' ', 'g'), 110)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kith_bench')
      ORDER BY total_exec_time + total_plan_time DESC LIMIT 25" >"$work/statements.txt"
  fi
  if [[ ${TYPEAHEAD_ONLY:-} == 1 ]]; then
    stop_servers
    continue
  fi
  start_load=$(load)
  read -r rps p50 p99 errors serve_cpu db_cpu serve_ms db_ms < <(load_test mixed.lua 2 20 "${ports[@]}")
  [[ $store == SQLite ]] && db_cpu="–" && db_ms="–"
  echo "| $store | ${#ports[@]} | mixed 90% typeahead / 10% add, 20 connections | $rps | $p50 | $p99 | $errors | $serve_cpu | $db_cpu | $serve_ms | $db_ms | $start_load |"
  stop_servers
done
if [[ -f $work/statements.txt ]]; then
  echo
  echo "## the typeahead load's statements on PostgreSQL (pg_stat_statements, the costliest 25)"
  echo
  echo "| calls / request | executing ms / request | mean ms | planning ms / request | statement |"
  echo "|---:|---:|---:|---:|---|"
  sed -E 's/\|/ | /g; s/^/| /; s/$/ |/' "$work/statements.txt"
fi
