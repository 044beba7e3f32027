"""Real kith processes for the crash, fault and backup tests: run a command,
serve on a free port, storm the API with writes, and check a database file.

Standard library only. Every check raises AssertionError with what was
expected, so a failing run says what broke.
"""

import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import threading
import time


def run_kith(kith, database, *args, env=None, wrapper=(), timeout=600):
    """Runs `kith --db DATABASE ARGS`; returns the CompletedProcess."""
    command = [*wrapper, kith, "--db", database, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)


def database_with_a_card(kith, work):
    """WORK emptied and made again, holding kith.db with one card in it:
    where a test of a real `kith serve` starts. Returns the database's path."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    database = os.path.join(work, "kith.db")
    made = run_kith(kith, database, "add", "--name", "Ada Lovelace")
    assert made.returncode == 0, made.stderr
    return database


def check_database(kith, database):
    """`kith check` must call the file sound: integrity_check, foreign_key_check
    and each FTS5 table's integrity-check."""
    checked = run_kith(kith, database, "--json", "check")
    assert checked.returncode == 0, f"kith check failed on {database}:\n{checked.stdout}{checked.stderr}"
    report = json.loads(checked.stdout)
    assert report["sound"] and not report["problems"], f"{database} is damaged: {report['problems']}"


def count_rows(database, table, where="1"):
    with sqlite3.connect(database) as connection:
        return connection.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]


class Server:
    """`kith serve` on a free port of 127.0.0.1, started under `wrapper`
    (fiu-run, for one) when given."""

    def __init__(self, kith, database, extra=(), wrapper=(), env=None):
        self.process = subprocess.Popen(
            [*wrapper, kith, "--db", database, "serve", "--port", "0", "--threads", "8", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        # The line naming the address; a backup taken at start may print first.
        line, found = "", None
        for _ in range(20):
            line = self.process.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if found or not line:
                break
        if not found:
            self.process.kill()
            raise AssertionError(f"kith serve did not start: {line}{self.process.stderr.read()}")
        self.port = int(found.group(1))
        self.output = []
        # Keep reading what serve prints so its pipe never fills.
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()
        self.cookie, self.csrf = self._session()

    def _drain(self):
        for line in self.process.stdout:
            self.output.append(line)

    def _session(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", "/api/v1/session")
        response = connection.getresponse()
        body = json.loads(response.read())
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        connection.close()
        return cookie, body["csrf_token"]

    def request(self, method, path, body=None, timeout=30):
        """(status, decoded JSON or None); raises OSError when the server is gone."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf, "Content-Type": "application/json",
                   "Origin": f"http://127.0.0.1:{self.port}"}
        try:
            connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            response = connection.getresponse()
            raw = response.read()
            try:
                decoded = json.loads(raw) if raw else None
            except ValueError:
                decoded = None
            return response.status, decoded
        finally:
            connection.close()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


class WriteStorm:
    """Threads that add people and log a coffee with each, recording every
    write the server answered 2xx, until stopped or the server dies."""

    def __init__(self, server, label, threads=6):
        self.server = server
        self.label = label
        self.contacts = []      # (id, name) answered 201
        self.interactions = []  # (contact id, summary) answered 2xx
        self.failures = []      # (status, body) of writes refused while the server lived
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(threads)]

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _run(self, number):
        serial = 0
        while not self.stopping.is_set():
            serial += 1
            name = f"Storm {self.label} {number} {serial}"
            try:
                status, body = self.server.request("POST", "/api/v1/contacts",
                                                   {"name": name, "company": "Storm Works", "tags": ["storm"]})
                if not 200 <= status < 300:
                    with self.lock:
                        self.failures.append((status, body))
                    continue
                with self.lock:
                    self.contacts.append((body["id"], name))
                summary = f"coffee with {name}"
                status, body = self.server.request("POST", f"/api/v1/contacts/{body['id']}/interactions",
                                                   {"kind": "coffee", "summary": summary})
                if 200 <= status < 300:
                    with self.lock:
                        self.interactions.append((body.get("contact_id", None), summary))
                else:
                    with self.lock:
                        self.failures.append((status, body))
            except (OSError, http.client.HTTPException):
                # The server is gone (killed): what it answered before counts.
                if self.server.process.poll() is not None:
                    return
                time.sleep(0.01)


def assert_storm_durable(database, storm):
    """Every write the server answered 2xx is in the file."""
    with sqlite3.connect(database) as connection:
        names = dict(connection.execute("SELECT id, display_name FROM contacts").fetchall())
        summaries = {row[0] for row in connection.execute("SELECT summary FROM interactions")}
    for contact_id, name in storm.contacts:
        assert names.get(contact_id) == name, f"{name} (id {contact_id}) was answered 201 but is not in the file"
    for _, summary in storm.interactions:
        assert summary in summaries, f"'{summary}' was answered 2xx but is not in the file"
