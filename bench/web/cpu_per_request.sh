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
port=$((20000 + RANDOM % 20000))
"$kith" --db "$db" serve --port "$port" > /tmp/kith-cpu-per-request.log 2>&1 &
server=$!  # kith serve execs kith-server: the same process
trap 'kill -TERM $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/session" > /dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/api/v1/$endpoint?q=ada" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(ticks)
KITH_WRK_ENDPOINT=$endpoint wrk -t2 -c50 -d"${seconds}s" --latency -s "$here/search.lua" \
  "http://127.0.0.1:$port" > /tmp/kith-cpu-per-request.wrk
after=$(ticks)
requests=$(awk '/requests in/ {print $1}' /tmp/kith-cpu-per-request.wrk)
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" -v e="$endpoint" \
  'BEGIN {printf "%s: %d requests, server CPU %.2f s, %.3f ms per request\n", e, n, t / hz, t / hz * 1000 / n}'
grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors" /tmp/kith-cpu-per-request.wrk
