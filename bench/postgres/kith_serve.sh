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
