#!/usr/bin/env bash
# The typeahead while large exports stream: `kith serve` on a copy of
# DATABASE, two clients exporting every card as vCards at full speed and two
# at 100 KB/s (a phone on a slow network), and wrk's typeahead load (2
# threads, 50 connections, search.lua) for SECONDS beside them. A streamed
# response holds a store connection for as long as its client reads; the
# short requests must still find one.
# Usage: bench/web/exports_beside.sh KITH_BINARY DATABASE [SECONDS]
set -euo pipefail
kith=${1:?usage: bench/web/exports_beside.sh KITH_BINARY DATABASE [SECONDS]}
source_db=${2:?database file}
seconds=${3:-10}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=serve_ready.sh
source "$here/serve_ready.sh"
work=$(mktemp -d)
cp "$source_db" "$work/kith.db"
port=$((20000 + RANDOM % 20000))
"$kith" --db "$work/kith.db" serve --port "$port" > "$work/serve.log" 2>&1 &
server=$!
curls=()
trap 'kill "${curls[@]}" 2>/dev/null || true; kill -TERM $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
wait_until_serving "$port"
url="http://127.0.0.1:$port/api/v1/export?format=vcard"
for i in 1 2; do
  curl -s -o /dev/null -w "full speed $i: HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n" "$url" &
  curls+=($!)
done
for _ in 1 2; do
  curl -s -o /dev/null --limit-rate 100k "$url" &
  curls+=($!)
done
sleep 0.5
KITH_WRK_ENDPOINT=typeahead wrk -t2 -c50 -d"${seconds}s" --latency -s "$here/search.lua" "http://127.0.0.1:$port" |
  grep -E "requests in|Requests/sec|  50%|  99%|Non-2xx|Socket errors"
wait "${curls[0]}" "${curls[1]}"
