# shellcheck shell=bash
# Sourced by bench/postgres/*.sh: announced_port LOG prints the port a
# `kith serve --port 0` writing to LOG announced, once the server answers
# (GET /api/v1/session); when it never does, it prints LOG to stderr and
# fails (a benchmark of a server that is not there would measure nothing).
announced_port() {
  local log=$1 port=""
  for _ in $(seq 1 100); do
    port=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$log" | head -1 | grep -oE '[0-9]+/$' | tr -d /) || true
    if [[ -n $port ]] && curl -sf "http://127.0.0.1:$port/api/v1/session" >/dev/null; then
      echo "$port"
      return 0
    fi
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}

# signed_in_cookie PORT prints the session cookie of a sign-in, on the server
# at PORT, as the account `bench` in the workspace `default` that
# bench/postgres/run.sh makes (row-level security acting as that member).
signed_in_cookie() {
  local port=$1 headers
  headers=$(mktemp)
  if ! curl -sf -D "$headers" -H 'Content-Type: application/json' -H "Origin: http://127.0.0.1:$port" \
    --data '{"account": "bench", "password": "bench-password-1", "workspace": "default"}' \
    "http://127.0.0.1:$port/api/v1/session" >/dev/null; then
    rm -f "$headers"
    return 1
  fi
  grep -i '^set-cookie:' "$headers" | head -1 | sed -E 's/^[^:]*: *//; s/;.*//'
  rm -f "$headers"
}

# serve_signed_in KITH starts `KITH serve` on the kept database
# (use_kept_cluster's $url) and sets `server` (its pid), `port` and `cookie`
# (signed in as above). The server is stopped and its log removed when the
# script exits: an EXIT trap, for a script that sets none of its own.
serve_signed_in() {
  serve_log=$(mktemp)
  server=""
  trap 'kill -TERM $server 2>/dev/null || true; wait 2>/dev/null || true; rm -f "$serve_log"' EXIT
  # shellcheck disable=SC2154  # set by use_kept_cluster (cluster_cpu.sh)
  "$1" --db "$url" serve --port 0 >"$serve_log" 2>&1 &
  server=$!
  port=$(announced_port "$serve_log") || return 1
  # shellcheck disable=SC2034  # read by the sourcing script
  cookie=$(signed_in_cookie "$port")
}
