#!/usr/bin/python3
"""The restore drill: back up while `kith serve` takes writes, then open each
backup as a database of its own.

  backup_drill.py --kith BUILD/src/kith --work DIR

- `kith backup FILE` three times during a write storm: each copy passes
  `kith check`, `kith --db COPY list` works, and it holds at least every
  person the server had acknowledged before the backup started and no more
  than it had when the backup ended (a snapshot, not a blend).
- `kith serve --backup-every 1s --keep 3 --backup-dir DIR` under the same
  storm: the rotation keeps exactly the newest three, each sound.
"""

import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kith_processes import Server, WriteStorm, check_database, count_rows, run_kith  # noqa: E402


def acknowledged(storm):
    with storm.lock:
        return len(storm.contacts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    options = parser.parse_args()
    kith, work = options.kith, options.work
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    database = os.path.join(work, "kith.db")
    assert run_kith(kith, database, "gen", "300", "--seed", "4").returncode == 0
    seeded = count_rows(database, "contacts")
    rotation = os.path.join(work, "rotation")

    server = Server(kith, database, extra=("--backup-every", "1s", "--keep", "3", "--backup-dir", rotation))
    storm = WriteStorm(server, "drill", threads=4).start()
    try:
        for number in range(3):
            time.sleep(0.7)
            copy = os.path.join(work, f"backup-{number}.db")
            low = acknowledged(storm)
            done = run_kith(kith, database, "--json", "backup", copy)
            high = acknowledged(storm)
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout)["output"] == copy
            check_database(kith, copy)
            listed = run_kith(kith, copy, "--json", "list", "--limit", "5")
            assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 5, listed.stderr
            people = count_rows(copy, "contacts")
            # In flight while the copy was taken: between `low` and `high`
            # of the storm's people, on top of the generated ones.
            assert seeded + low <= people <= seeded + high + len(storm.threads), (
                f"backup {number} holds {people} people; the server had acknowledged {seeded + low} "
                f"before and {seeded + high} after")
            print(f"ok - backup {number} during the storm: sound, {people} people "
                  f"(acknowledged {seeded + low}..{seeded + high})", flush=True)
        time.sleep(2.5)
    finally:
        storm.stop()
        server.stop()
    assert not storm.failures, storm.failures[:3]
    assert any("backed up to" in line for line in server.output), "serve reported no scheduled backup"
    kept = sorted(name for name in os.listdir(rotation) if name.endswith(".db"))
    assert len(kept) == 3, f"--keep 3 kept {kept}"
    assert all(name.startswith("kith-") for name in kept), kept
    for name in kept:
        check_database(kith, os.path.join(rotation, name))
        assert count_rows(os.path.join(rotation, name), "contacts") >= seeded
    print(f"ok - serve --backup-every 1s --keep 3 kept {kept}, each sound", flush=True)
    # Restoring is copying a backup over the database while kith is stopped.
    check_database(kith, database)
    restored = os.path.join(work, "restored.db")
    shutil.copyfile(os.path.join(rotation, kept[-1]), restored)
    added = run_kith(kith, restored, "add", "--name", "After The Restore")
    assert added.returncode == 0, added.stderr
    check_database(kith, restored)
    print("ok - a restored backup takes writes", flush=True)


if __name__ == "__main__":
    main()
