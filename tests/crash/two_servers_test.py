#!/usr/bin/python3
"""Two `kith serve` processes on one PostgreSQL database, as behind a load
balancer (docs/team.md), and one of them killed with SIGKILL mid-write.

  two_servers_test.py --kith BUILD/src/kith --postgres URL_FILE [--kills N] [--seed S]

- A session started on one server is valid on the other (sessions live in
  the database; the CSRF token follows from the session id).
- A write through one server is read through the other at once: a new
  card (show and search), an edit, a logged coffee.
- A password guesser is held to one count: wrong passwords sent to one
  server make the other refuse the next try (429) before its own free
  tries would have been spent (the failures live in the database).
- Each round runs a write storm against both servers and kills one of
  them with SIGKILL at a random moment: every write either server answered
  2xx is in the database afterwards, no card is half-written (each storm
  card has its company, tag and search entry: `kith check` recounts the
  index), and the other server went on answering every write.

ctest runs it with the postgres_cluster fixture (URL_FILE is the cluster's
URI); the database is a new one, dropped at the end.
"""

import argparse
import atexit
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kith_processes import Server, WriteStorm, check_database  # noqa: E402


def need(tool):
    found = shutil.which(tool)
    assert found, f"{tool} is not installed (scripts/install-deps.sh installs it)"
    return found


def fresh_postgres_database(url_file, suffix=""):
    """A new database in the cluster whose URI is in `url_file`, dropped at exit."""
    psql = need("psql")
    with open(url_file, encoding="utf-8") as file:
        cluster = file.readline().strip()
    name = f"kith_two_servers_{os.getpid()}{suffix}"
    subprocess.run([psql, cluster, "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"],
                   check=True, capture_output=True, timeout=60)
    atexit.register(subprocess.run, [psql, cluster, "-qc", f"DROP DATABASE IF EXISTS {name}"],
                    capture_output=True, timeout=60)
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(cluster)._replace(path=f"/{name}"))


def sql(database, query):
    """Rows of `query` as lists of text (psql, unaligned, tab-separated)."""
    done = subprocess.run([need("psql"), database, "-XAtqF", "\t", "-c", query],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, f"psql failed: {done.stderr}"
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def request_as(server, cookie, csrf, method, path, body=None):
    """A request to `server` carrying another server's session."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    headers = {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json",
               "Origin": f"http://127.0.0.1:{server.port}"}
    try:
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw else None)
    finally:
        connection.close()


def check_sessions_and_reads(kith, database):
    first, second = Server(kith, database), Server(kith, database)
    try:
        # The session first's session answers on second, for a read and a write.
        status, body = request_as(second, first.cookie, first.csrf, "GET", "/api/v1/session")
        assert status == 200 and body["authenticated"] and body["csrf_token"] == first.csrf, (
            f"first's session on second: {status} {body}")
        status, added = request_as(second, first.cookie, first.csrf, "POST", "/api/v1/contacts",
                                   {"name": "Ada Okafor", "company": "Acme", "tags": ["mentor"]})
        assert status == 201, f"a write with first's session through second: {status} {added}"
        # …and read through first at once: the card, the search, the list.
        status, shown = first.request("GET", f"/api/v1/contacts/{added['id']}")
        assert status == 200 and shown["name"] == "Ada Okafor", f"second's write read on first: {status} {shown}"
        status, found = first.request("GET", "/api/v1/search?q=okaf")
        names = [hit.get("name") for hit in found or []]
        assert status == 200 and "Ada Okafor" in names, f"search on first for second's write: {status} {found}"
        # An edit through first, read through second at once.
        status, edited = first.request("PATCH", f"/api/v1/contacts/{added['id']}", {"company": "Zenith Labs"})
        assert 200 <= status < 300, f"edit through first: {status} {edited}"
        status, shown = second.request("GET", f"/api/v1/contacts/{added['id']}")
        assert status == 200 and shown["company"] == "Zenith Labs", f"first's edit read on second: {shown}"
        # A coffee logged through second, in the card's history on first.
        status, logged = second.request("POST", f"/api/v1/contacts/{added['id']}/interactions",
                                        {"kind": "coffee", "summary": "talked about WAL mode"})
        assert 200 <= status < 300, f"log through second: {status} {logged}"
        status, history = first.request("GET", f"/api/v1/contacts/{added['id']}/interactions")
        assert status == 200 and "talked about WAL mode" in json.dumps(history), f"the coffee on first: {history}"
        # Signing out on one signs out on both.
        status, _ = request_as(second, first.cookie, first.csrf, "DELETE", "/api/v1/session")
        assert 200 <= status < 300, f"sign-out through second: {status}"
        status, body = request_as(first, first.cookie, first.csrf, "POST", "/api/v1/contacts",
                                  {"name": "After Sign Out"})
        assert status in (401, 403), f"a signed-out session still wrote through first: {status} {body}"
    finally:
        first.stop()
        second.stop()
    print("sessions and reads across two servers: ok", flush=True)


class AccountServer(Server):
    """`kith serve` on a database with accounts: nobody is signed in at start."""

    def _session(self):
        return "", ""


def sign_in(server, password):
    """(status, Retry-After) of a sign-in by account to `server`."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    body = json.dumps({"account": "ada", "password": password, "workspace": "acme"})
    try:
        connection.request("POST", "/api/v1/session", body=body,
                           headers={"Content-Type": "application/json",
                                    "Origin": f"http://127.0.0.1:{server.port}"})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Retry-After")
    finally:
        connection.close()


def check_one_throttle(kith, url_file):
    """Wrong passwords on one server count on the other."""
    database = fresh_postgres_database(url_file, "_throttle")
    password = "correct horse battery"
    for args, stdin in ((["account", "add", "ada"], password + "\n"),
                        (["workspace", "add", "acme", "--owner", "ada"], None)):
        done = subprocess.run([kith, "--db", database, *args], input=stdin, capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, f"kith {' '.join(args)}: {done.stderr}"
    first, second = AccountServer(kith, database), AccountServer(kith, database)
    try:
        for attempt in range(5):
            status, _ = sign_in(first, "wrong password")
            assert status == 401, f"wrong password {attempt + 1} on first: {status}"
        # Five failures spent the free tries of the address on every server:
        # second refuses before checking (429), though it saw none of them.
        # (Its first try may come after the first wait of 1 s on a loaded
        # machine; it then counts as the sixth failure, and the wait doubles.)
        answers = []
        for _ in range(3):
            status, retry_after = sign_in(second, password)
            answers.append(status)
            if status == 429:
                assert retry_after and int(retry_after) >= 1, f"429 without Retry-After: {retry_after}"
                break
            assert status == 401, f"a try on second after five failures on first: {status}"
        assert answers[-1] == 429, f"second never throttled the guesser first counted: {answers}"
        rows = sql(database, "SELECT address_key, failures FROM sign_in_failures")
        assert rows and rows[0][0] == "127.0.0.1" and int(rows[0][1]) >= 5, f"the count in the database: {rows}"
        # The right password, once the wait is over, clears the count on both.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status, retry_after = sign_in(first, password)
            if status != 429:
                break
            time.sleep(int(retry_after or "1"))
        assert status == 201, f"the right password after the wait: {status}"
        assert sql(database, "SELECT count(*) FROM sign_in_failures") == [["0"]], "the count was not cleared"
    finally:
        first.stop()
        second.stop()
    print("one sign-in throttle across two servers: ok", flush=True)


def assert_durable(database, storms):
    """Every write any storm had answered 2xx is in the database, whole."""
    names = dict((int(row[0]), row[1]) for row in sql(database, "SELECT id, display_name FROM contacts"))
    summaries = {row[0] for row in sql(database, "SELECT summary FROM interactions")}
    for storm in storms:
        for contact_id, name in storm.contacts:
            assert names.get(contact_id) == name, f"{name} (id {contact_id}) was answered 201 but is not there"
        for _, summary in storm.interactions:
            assert summary in summaries, f"'{summary}' was answered 2xx but is not there"
    # No storm card without its company, its tag or its search entry.
    torn = sql(database, "SELECT c.id FROM contacts c WHERE c.display_name LIKE 'Storm %' AND ("
                         "c.company <> 'Storm Works' OR NOT EXISTS (SELECT 1 FROM contact_labels l WHERE "
                         "l.workspace_id = c.workspace_id AND l.contact_id = c.id AND l.kind = 'tag' AND "
                         "l.value = 'storm') OR NOT EXISTS (SELECT 1 FROM search_entries s WHERE "
                         "s.workspace_id = c.workspace_id AND s.contact_id = c.id))")
    assert not torn, f"half-written cards: {torn[:5]}"


def kill_rounds(kith, database, rounds, rng):
    storms = []
    totals = {"kills": 0, "acknowledged_contacts": 0, "acknowledged_interactions": 0}
    survivor = Server(kith, database)
    try:
        for number in range(rounds):
            victim = Server(kith, database)
            on_victim = WriteStorm(victim, f"v{number}", threads=4).start()
            on_survivor = WriteStorm(survivor, f"s{number}", threads=4).start()
            time.sleep(rng.uniform(0.5, 2.0))
            victim.kill()
            on_victim.stop()
            # The survivor keeps writing after the other died.
            time.sleep(0.5)
            on_survivor.stop()
            assert not on_victim.failures, f"writes refused while the killed server lived: {on_victim.failures[:3]}"
            assert not on_survivor.failures, f"the surviving server refused writes: {on_survivor.failures[:3]}"
            assert on_survivor.contacts, "the surviving server answered no write"
            storms += [on_victim, on_survivor]
            totals["kills"] += 1
            totals["acknowledged_contacts"] += len(on_victim.contacts) + len(on_survivor.contacts)
            totals["acknowledged_interactions"] += len(on_victim.interactions) + len(on_survivor.interactions)
            assert_durable(database, storms)
            check_database(kith, database)
            print(f"kill {number + 1}/{rounds}: {totals}", flush=True)
    finally:
        survivor.stop()
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kith", required=True)
    parser.add_argument("--postgres", required=True, metavar="URL_FILE")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    options = parser.parse_args()
    print(f"two servers: seed {options.seed}", flush=True)
    database = fresh_postgres_database(options.postgres)
    check_sessions_and_reads(options.kith, database)
    check_one_throttle(options.kith, options.postgres)
    totals = kill_rounds(options.kith, database, options.kills, random.Random(options.seed))
    print(json.dumps({"seed": options.seed, **totals}))


if __name__ == "__main__":
    main()
