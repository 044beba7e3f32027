# Sourced by the web benchmarks: waits until the kith server on PORT answers
# (GET /api/v1/session), trying TRIES times PAUSE seconds apart, and fails
# the script when it never does (a benchmark of a server that is not there
# would measure connection errors).
# Usage: wait_until_serving PORT [TRIES] [PAUSE]
wait_until_serving() {
  local port=$1 tries=${2:-100} pause=${3:-0.1}
  for _ in $(seq 1 "$tries"); do
    curl -sf "http://127.0.0.1:$port/api/v1/session" > /dev/null && return 0
    sleep "$pause"
  done
  echo "kith serve on port $port did not answer" >&2
  return 1
}
