#!/usr/bin/python3
"""SIGKILL kith at random moments and check that nothing was lost or torn.

  crash_test.py --kith BUILD/src/kith --work DIR [--import-kills N] [--serve-kills N]
                [--rows 100000] [--seed S] [--json RESULTS]

Two kinds of kill, each followed by `kith check` (PRAGMA integrity_check,
PRAGMA foreign_key_check, and each FTS5 table's 'integrity-check'):

- `kith import` of a generated LinkedIn Connections.csv (bench/make_linkedin_csv.py),
  killed somewhere inside its run: the import must have landed whole (every
  row it adds) or not at all.
- `kith serve` under a write storm (threads adding people and logging a
  coffee with each), killed at a random moment, then started again on the
  same file for the next round: every write it answered 2xx must be there.

`make test` runs a handful (ctest: crash_safety); bench/crash/run.sh runs
hundreds and records the numbers.
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kith_processes import (Server, WriteStorm, assert_storm_durable, check_database,  # noqa: E402
                            count_rows, run_kith)

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_connections(work, rows, seed):
    path = os.path.join(work, f"connections-{rows}-{seed}.csv")
    if not os.path.exists(path):
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "bench", "make_linkedin_csv.py"),
                            str(rows), str(seed)], stdout=out, check=True)
        os.rename(path + ".tmp", path)
    return path


def fresh_database(kith, work, name):
    database = os.path.join(work, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    added = run_kith(kith, database, "add", "--name", "Already Here", "--email", "here@example.org")
    assert added.returncode == 0, added.stderr
    return database


class ImportKills:
    def __init__(self, kith, work, connections, rng):
        self.kith, self.work, self.connections, self.rng = kith, work, connections, rng
        self.full_added = None   # what a whole import adds, learned from one that finished
        self.full_seconds = None
        self.results = {"kills": 0, "landed_none": 0, "landed_whole": 0, "finished_before_kill": 0}

    def learn_whole_import(self):
        """Runs one import to the end: how many it adds, how long it takes."""
        database = fresh_database(self.kith, self.work, "import-whole.db")
        started = time.monotonic()
        done = run_kith(self.kith, database, "--json", "import", self.connections)
        self.full_seconds = time.monotonic() - started
        assert done.returncode == 0, done.stderr
        self.full_added = json.loads(done.stdout)["added"]
        assert count_rows(database, "contacts") == 1 + self.full_added
        check_database(self.kith, database)

    def kill_once(self, window):
        database = fresh_database(self.kith, self.work, "import-kill.db")
        before = count_rows(database, "contacts")
        process = subprocess.Popen([self.kith, "--db", database, "--json", "import", self.connections],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(self.rng.uniform(0.05, window))
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        stdout, stderr = process.communicate()
        self.results["kills"] += 0 if finished else 1
        check_database(self.kith, database)
        after = count_rows(database, "contacts")
        if finished:
            assert process.returncode == 0, stderr
            self.results["finished_before_kill"] += 1
            assert after == before + json.loads(stdout)["added"], "a finished import is not all there"
        elif after == before:
            self.results["landed_none"] += 1
        else:
            # Killed after its commit reached the disk: then all of it.
            if self.full_added is None:
                self.learn_whole_import()
            assert after == before + self.full_added, (
                f"a killed import left {after - before} people: neither none nor all {self.full_added}")
            self.results["landed_whole"] += 1
        # The file takes writes again after the crash.
        added = run_kith(self.kith, database, "add", "--name", "After The Crash")
        assert added.returncode == 0, added.stderr
        assert count_rows(database, "contacts") == after + 1


class ServeKills:
    def __init__(self, kith, work, rng):
        self.kith, self.work, self.rng = kith, work, rng
        self.database = fresh_database(kith, work, "serve-kill.db")
        self.storms = []
        self.results = {"kills": 0, "acknowledged_contacts": 0, "acknowledged_interactions": 0,
                        "refused_writes": 0}

    def kill_once(self, round_number, window):
        server = Server(self.kith, self.database)
        storm = WriteStorm(server, f"r{round_number}").start()
        time.sleep(self.rng.uniform(0.2, window))
        server.kill()
        storm.stop()
        self.storms.append(storm)
        self.results["kills"] += 1
        self.results["acknowledged_contacts"] += len(storm.contacts)
        self.results["acknowledged_interactions"] += len(storm.interactions)
        self.results["refused_writes"] += len(storm.failures)
        assert not storm.failures, f"writes refused while the server lived: {storm.failures[:3]}"
        check_database(self.kith, self.database)
        # Every round's acknowledged writes, not only this one's: a later
        # recovery must not lose an earlier round's.
        for earlier in self.storms:
            assert_storm_durable(self.database, earlier)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--import-kills", type=int, default=3)
    parser.add_argument("--serve-kills", type=int, default=4)
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--import-window", type=float, default=0.0,
                        help="seconds within which to kill an import (default: a whole import's time)")
    parser.add_argument("--serve-window", type=float, default=2.0)
    parser.add_argument("--json", help="write the counts here")
    options = parser.parse_args()
    os.makedirs(options.work, exist_ok=True)
    rng = random.Random(options.seed)
    print(f"crash test: seed {options.seed}", flush=True)
    started = time.monotonic()

    imports = ImportKills(options.kith, options.work, make_connections(options.work, options.rows, 7), rng)
    window = options.import_window
    if options.import_kills > 0 and window <= 0:
        imports.learn_whole_import()
        window = imports.full_seconds
    for number in range(options.import_kills):
        imports.kill_once(window)
        print(f"import kill {number + 1}/{options.import_kills}: {imports.results}", flush=True)

    serves = ServeKills(options.kith, options.work, rng)
    for number in range(options.serve_kills):
        serves.kill_once(number, options.serve_window)
        print(f"serve kill {number + 1}/{options.serve_kills}: {serves.results}", flush=True)

    results = {"seed": options.seed, "rows": options.rows, "import": imports.results,
               "import_seconds_whole": imports.full_seconds, "import_rows_added_whole": imports.full_added,
               "serve": serves.results, "seconds": round(time.monotonic() - started, 1)}
    print(json.dumps(results, indent=2))
    if options.json:
        with open(options.json, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
