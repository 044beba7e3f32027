#!/usr/bin/env bash
# The server's user-space instructions per typeahead request (callgrind's
# Ir), a figure the machine's load does not move, unlike CPU time: kith-server
# under callgrind with instrumentation off, the 20 queries of search.lua once
# to warm up, then ROUNDS times each on one keep-alive connection with
# instrumentation on. The kernel's share (system calls) is not counted.
# Usage: bench/web/instructions_per_request.sh KITH_SERVER DATABASE [ROUNDS]
set -euo pipefail
server_binary=${1:?usage: bench/web/instructions_per_request.sh KITH_SERVER DATABASE [ROUNDS]}
db=${2:?database file}
rounds=${3:-10}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=serve_ready.sh
source "$here/serve_ready.sh"
out=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/callgrind.out" \
  "$server_binary" --db "$db" serve --port "$port" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
wait_until_serving "$port" 600 0.2
# The queries as search.lua lists them (the quoted words of its table).
mapfile -t queries < <(sed -n '/^local queries/,/^}/p' "$here/search.lua" | grep -o '"[^"]*"' | tr -d '"')
urls=()
for q in "${queries[@]}"; do urls+=("http://127.0.0.1:$port/api/v1/typeahead?q=$q&limit=20"); done
curl -sf "${urls[@]}" > /dev/null
measured=()
for _ in $(seq 1 "$rounds"); do measured+=("${urls[@]}"); done
callgrind_control -i on "$server" > /dev/null 2>&1
curl -sf "${measured[@]}" > /dev/null
callgrind_control -i off "$server" > /dev/null 2>&1
kill -TERM "$server"
wait "$server" || true
trap - EXIT
awk -v n="${#measured[@]}" '/^totals:/ {printf "%d requests, %.0f k instructions per request (user space)\n", n, $2 / n / 1000}' \
  "$out/callgrind.out"
echo "profile: $out/callgrind.out (callgrind_annotate --inclusive=yes)"
