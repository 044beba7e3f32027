#!/usr/bin/env bash
# The search API's throughput and the server's CPU per request: `kith serve`
# on an existing database, one warm-up request, then wrk (2 threads, 50
# connections) over the queries of search.lua; the server's CPU time
# (utime + stime of /proc/PID/stat) over the run divided by the requests.
# CPU per request is the figure to compare on a shared machine.
# Usage: bench/web/cpu_per_request.sh KITH_BINARY DATABASE [search|typeahead] [SECONDS]
set -euo pipefail
kith=${1:?usage: bench/web/cpu_per_request.sh KITH_BINARY DATABASE [search|typeahead] [SECONDS]}
db=${2:?database file}
endpoint=${3:-typeahead}
seconds=${4:-10}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=serve_ready.sh
source "$here/serve_ready.sh"
port=$((20000 + RANDOM % 20000))
# KITH_SERVE_FLAGS: more flags for kith serve (--threads N).
"$kith" --db "$db" serve --port "$port" ${KITH_SERVE_FLAGS:-} > /tmp/kith-cpu-per-request.log 2>&1 &
server=$!  # kith serve execs kith-server: the same process
trap 'kill -TERM $server 2>/dev/null || true' EXIT
wait_until_serving "$port"
curl -sf "http://127.0.0.1:$port/api/v1/$endpoint?q=ada" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# Context switches of all the server's threads (a thread that blocks, and
# one the scheduler takes the core from).
switches() { cat /proc/"$server"/task/*/status | awk '/ctxt_switches/ {n += $2} END {print n}'; }
before=$(ticks)
switched=$(switches)
# wrk shares the machine's cores with the server: its own CPU is reported
# too, to tell what the server could answer with the cores to itself.
TIMEFORMAT='%U %S'
{ time KITH_WRK_ENDPOINT=$endpoint wrk -t2 -c50 -d"${seconds}s" --latency -s "$here/search.lua" \
  "http://127.0.0.1:$port" > /tmp/kith-cpu-per-request.wrk; } 2> /tmp/kith-cpu-per-request.wrk-cpu
after=$(ticks)
switched=$(($(switches) - switched))
requests=$(awk '/requests in/ {print $1}' /tmp/kith-cpu-per-request.wrk)
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" -v e="$endpoint" -v s="$switched" \
  'BEGIN {printf "%s: %d requests, server CPU %.2f s, %.3f ms per request, %.1f context switches per request\n",
          e, n, t / hz, t / hz * 1000 / n, s / n}'
awk -v n="$requests" '{printf "wrk CPU %.2f s, %.3f ms per request\n", $1 + $2, ($1 + $2) * 1000 / n}' \
  /tmp/kith-cpu-per-request.wrk-cpu
grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors" /tmp/kith-cpu-per-request.wrk
