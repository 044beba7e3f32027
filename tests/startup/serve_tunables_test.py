#!/usr/bin/env python3
"""`kith serve` starts kith-server with glibc's thread cache of small blocks
enlarged (GLIBC_TUNABLES glibc.malloc.tcache_count=64: the worker threads
then seldom wait for a malloc arena's lock, BENCHMARKS.md, api15), and keeps
whatever tunables the user set: their own count wins, their other tunables
are passed on with it.

1. Without GLIBC_TUNABLES: the server runs with tcache_count=64 and serves.
2. With the user's glibc.malloc.arena_max=3: the server has both.
3. With the user's glibc.malloc.tcache_count=7: the server has 7, not 64.

The server's tunables are read from /proc/PID/environ (kith serve execs
kith-server: the same process).

Usage: serve_tunables_test.py --kith KITH --work DIR
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
from kith_processes import Server, database_with_a_card  # noqa: E402  (the shared helper for a real kith serve)


def server_tunables(kith, database, user_tunables):
    """The GLIBC_TUNABLES text of a running `kith serve`, and its session answer."""
    env = {key: value for key, value in os.environ.items() if key != "GLIBC_TUNABLES"}
    if user_tunables is not None:
        env["GLIBC_TUNABLES"] = user_tunables
    server = Server(kith, database, env=env)
    try:
        status, _ = server.request("GET", "/api/v1/session")
        with open(f"/proc/{server.process.pid}/environ", "rb") as environ:
            # glibc cuts the variable at each tunable it reads: the pieces
            # are separated by NULs, joined here with ':' again.
            text = environ.read().decode(errors="replace")
    finally:
        server.stop()
    start = text.find("GLIBC_TUNABLES=")
    assert start >= 0, f"kith-server has no GLIBC_TUNABLES (user's: {user_tunables})"
    pieces = []
    for piece in text[start + len("GLIBC_TUNABLES="):].split("\0"):
        if not piece.startswith("glibc."):
            break
        pieces.append(piece)
    return ":".join(pieces), status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    arguments = parser.parse_args()
    database = database_with_a_card(arguments.kith, arguments.work)

    tunables, status = server_tunables(arguments.kith, database, None)
    assert status == 200, f"kith serve did not serve: {status}"
    assert "glibc.malloc.tcache_count=64" in tunables.split(":"), f"no larger thread cache: {tunables}"

    tunables, status = server_tunables(arguments.kith, database, "glibc.malloc.arena_max=3")
    assert status == 200, f"kith serve did not serve with the user's tunables: {status}"
    assert tunables.split(":") == ["glibc.malloc.arena_max=3", "glibc.malloc.tcache_count=64"], \
        f"the user's tunables were not kept beside the thread cache: {tunables}"

    tunables, status = server_tunables(arguments.kith, database, "glibc.malloc.tcache_count=7")
    assert status == 200, f"kith serve did not serve with the user's count: {status}"
    assert tunables.split(":") == ["glibc.malloc.tcache_count=7"], f"the user's own count did not win: {tunables}"
    print("ok: kith serve enlarges glibc's thread cache and keeps the user's tunables")


if __name__ == "__main__":
    main()
