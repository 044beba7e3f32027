#!/usr/bin/env bash
# CardDAV at scale: a generated list of N people served by `kith serve`;
# times a PROPFIND Depth 1 of the whole book, a full sync-collection (in
# 10,000-card answers), and an incremental sync after 10 edits, with the
# server's peak memory after each. Usage: bench/dav/measure.sh KITH N
set -euo pipefail
kith=${1:?usage: measure.sh KITH N}
count=${2:?usage: measure.sh KITH N}
work=$(mktemp -d)
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
db=$work/kith.db
/usr/bin/time -f "gen $count: %e s, %M KB" "$kith" gen "$count" --db "$db" >/dev/null
"$kith" serve --port 0 --db "$db" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "serving" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -nE 's#.*http://127\.0\.0\.1:([0-9]+)/.*#\1#p' "$work/serve.log")
book=http://127.0.0.1:$port/dav/books/default/
peak() { grep VmHWM "/proc/$server/status" | awk '{print $2 " KB"}'; }

propfind='<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
curl -s -o "$work/propfind.xml" -w "PROPFIND Depth 1 of $count: %{time_total} s, %{size_download} bytes\n" \
  -X PROPFIND -H "Depth: 1" -H "Content-Type: application/xml" --data "$propfind" "$book"
echo "server peak memory: $(peak)"

sync_body() {
  echo "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>$1</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
}
token=""
start=$(date +%s.%N)
rounds=0
while true; do
  curl -s -o "$work/sync.xml" -X REPORT -H "Content-Type: application/xml" --data "$(sync_body "$token")" "$book"
  rounds=$((rounds + 1))
  token=$(sed -nE 's#.*<d:sync-token>([^<]*)</d:sync-token>.*#\1#p' "$work/sync.xml")
  grep -q "507 Insufficient Storage" "$work/sync.xml" || break
done
echo "full sync of $count: $(echo "$(date +%s.%N) - $start" | bc) s in $rounds answers; peak memory: $(peak)"

for id in $(seq 1 10); do "$kith" edit "$id" --title "Edited $id" --db "$db" >/dev/null; done
curl -s -o "$work/incremental.xml" -w "incremental sync after 10 edits: %{time_total} s\n" \
  -X REPORT -H "Content-Type: application/xml" --data "$(sync_body "$token")" "$book"
echo "  $(grep -o '<d:getetag>' "$work/incremental.xml" | wc -l) changed cards reported"
