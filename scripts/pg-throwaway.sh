#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and for trying kith on PostgreSQL:
# initdb in a directory of its own, a free TCP port on 127.0.0.1, the unix
# socket inside the directory, trust authentication (nothing in it is worth
# a password, and nobody else can reach the socket's directory).
#
#   pg-throwaway.sh start DIR    initdb + start; prints the libpq URI, also
#                                written to DIR/url
#   pg-throwaway.sh stop DIR     stops the cluster and removes DIR
#   pg-throwaway.sh run -- CMD…  starts one in a new temporary directory, runs
#                                CMD with KITH_TEST_PG_URL set to its URI,
#                                stops and removes it, exits with CMD's status
#
# PostgreSQL refuses to run as root: as root the cluster runs as the
# `postgres` user (Debian's package creates it), which gets DIR.
# Fails (exit 1) when PostgreSQL 15's binaries are missing: tests must not
# skip for want of it (scripts/install-deps.sh installs it).
set -euo pipefail

bin=${KITH_PG_BIN:-/usr/lib/postgresql/15/bin}

die() {
  echo "pg-throwaway: $*" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir=$1
  [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] ||
    die "PostgreSQL 15 is not installed ($bin/initdb missing): run scripts/install-deps.sh"
  # A cluster left by an interrupted run goes first.
  if [ -e "$dir/data" ]; then stop "$dir"; fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user to own the cluster"
    chown postgres "$dir"
  fi
  # The socket path must fit in 107 bytes.
  [ ${#dir} -le 80 ] || die "directory path '$dir' is too long for a unix socket"
  as_owner "$bin/initdb" -D "$dir/data" -U kith --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  local port
  port=$(free_port)
  # fsync off: a throwaway cluster trades durability for fast tests.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c max_connections=200" >/dev/null ||
    { cat "$dir/server.log" >&2; die "the server did not start"; }
  local url="postgresql://kith@/postgres?host=$dir&port=$port"
  echo "$url" >"$dir/url"
  echo "$url"
}

stop() {
  local dir=$1
  # A directory bench/postgres/run.sh kept (KITH_BENCH_KEEP) holds its
  # cluster in pg/: removing it whole would leave that server running.
  if [ ! -e "$dir/data" ] && [ -e "$dir/pg/data" ]; then
    die "$dir holds no cluster of its own; its cluster is $dir/pg (pg-throwaway.sh stop $dir/pg); nothing removed"
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    start "${2:?usage: pg-throwaway.sh start DIR}"
    ;;
  stop)
    stop "${2:?usage: pg-throwaway.sh stop DIR}"
    ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || die "usage: pg-throwaway.sh run -- COMMAND…"
    dir=$(mktemp -d /tmp/kith-pg-XXXXXX)
    trap 'stop "$dir"' EXIT
    KITH_TEST_PG_URL=$(start "$dir")
    export KITH_TEST_PG_URL
    status=0
    "$@" || status=$?
    exit "$status"
    ;;
  *)
    die "usage: pg-throwaway.sh start DIR | stop DIR | run -- COMMAND…"
    ;;
esac
