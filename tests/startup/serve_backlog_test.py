#!/usr/bin/env python3
"""`kith serve` listens with a backlog of SOMAXCONN connections, not the 5
cpp-httplib's library was built with: a browser opening six connections at
once, or 50 clients starting together, had the connections past the fifth
dropped by the kernel and sent again a second later (the typeahead's p99
went from 40 ms to 180-830 ms in runs with such drops, BENCHMARKS.md,
sixteenth round).

The backlog of a listening socket is what `ss -ltn` shows as its Send-Q
(iproute2, installed by scripts/install-deps.sh). The kernel caps a backlog
at net.core.somaxconn, so the test expects that cap (4096 on Debian 12).

Usage: serve_backlog_test.py --kith KITH --work DIR
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
from kith_processes import Server, database_with_a_card  # noqa: E402  (the shared helper for a real kith serve)


def listen_backlog(port):
    """The backlog of the socket listening on 127.0.0.1:PORT, as `ss` reports it."""
    shown = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=True)
    rows = [row.split() for row in shown.stdout.splitlines() if row.strip()]
    assert len(rows) == 1, f"expected one socket listening on port {port}, ss shows: {shown.stdout!r}"
    state, _queued, backlog, local = rows[0][:4]
    assert state == "LISTEN" and local.endswith(f":{port}"), f"not the listening socket: {rows[0]}"
    return int(backlog)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    arguments = parser.parse_args()
    shutil.which("ss") or sys.exit("ss (Debian package iproute2) is needed: scripts/install-deps.sh installs it")
    database = database_with_a_card(arguments.kith, arguments.work)
    with open("/proc/sys/net/core/somaxconn", encoding="ascii") as somaxconn:
        most = int(somaxconn.read())

    server = Server(arguments.kith, database)
    try:
        status, _ = server.request("GET", "/api/v1/session")
        assert status == 200, f"kith serve did not serve: {status}"
        backlog = listen_backlog(server.port)
    finally:
        server.stop()
    assert backlog == most, f"kith serve listens with a backlog of {backlog}, not {most} (net.core.somaxconn)"
    print(f"ok: kith serve listens with a backlog of {backlog} connections")


if __name__ == "__main__":
    main()
