#!/usr/bin/env bash
# The web benchmark: wrk against /api/v1/search on a generated database
# (2 threads, 32 connections, 10 s, queries varied by search.lua), the
# server's peak RSS, and first contentful paint of the list in chromium.
# Usage: bench/web/run.sh BUILD_DIR [PEOPLE]   (default 1,000,000; the
# database is generated once into bench/data/ and reused).
set -euo pipefail
build=${1:-build}
people=${2:-${KITH_BENCH_PEOPLE:-1000000}}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=serve_ready.sh
source "$here/serve_ready.sh"
root=$(cd "$here/../.." && pwd)
kith="$root/$build/src/kith"
data="$root/bench/data"
mkdir -p "$data"
db="$data/web-$people.db"
if [ ! -f "$db" ]; then
  echo "generating $people people into $db (once)"
  /usr/bin/time -f "gen: %e s, %M KB peak" "$kith" --db "$db.tmp" gen "$people" --seed 1
  mv "$db.tmp" "$db"
  for ext in -wal -shm; do [ -f "$db.tmp$ext" ] && mv "$db.tmp$ext" "$db$ext"; done
fi
port=$((20000 + RANDOM % 20000))
"$kith" --db "$db" serve --port "$port" --assets "$root/$build/web" > /tmp/kith-bench-serve.log 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
wait_until_serving "$port"
curl -sf "http://127.0.0.1:$port/api/v1/search?q=ada" > /dev/null  # warm the page cache once
echo "== wrk -t2 -c32 -d10s --latency (search, $people people)"
wrk -t2 -c32 -d10s --latency -s "$here/search.lua" "http://127.0.0.1:$port" | tee /tmp/kith-bench-wrk.txt
echo "== server peak RSS"
grep VmHWM "/proc/$server/status"
echo "== first contentful paint (chromium, $people people)"
node "$here/fcp.mjs" "http://127.0.0.1:$port/"
kill -TERM "$server"
wait "$server" || true
trap - EXIT
