#!/usr/bin/python3
"""Full disks and failing disks: ENOSPC and EIO injected at write and fsync
while kith imports, exports, backs up and answers API writes.

  fault_test.py --kith BUILD/src/kith --shim BUILD/tests/libkith_fault_shim.so --work DIR

Each fault must give a clear error (exit 1 naming the reason, or an HTTP
error envelope), leave the database exactly as it was (every plain table
hashed before and after) and usable (`kith check`, then the same command
without the fault succeeds), and leave no half-written file where an export
or backup was asked for.

SQLite's own writes (pwrite, fdatasync) fail through libfiu's preload
(fiu-run, fiu-ctrl: Debian's fiu-utils). Exports and backups fail through
tests/crash/fault_shim.cpp, which fails only the calls on one file, so the
error kith prints on standard error still gets out.
"""

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kith_processes import Server, check_database, count_rows, run_kith  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENOSPC, EIO = 28, 5
REASONS = {ENOSPC: ("full", "No space left on device", "disk I/O error"),
           EIO: ("Input/output error", "disk I/O error", "I/O")}
passed = 0


def fingerprint(database):
    """A hash of every row of every plain table (the search tables' shadow
    tables included; the FTS5 virtual tables need kith's tokenizer)."""
    digest = hashlib.sha256()
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
            "ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
    return digest.hexdigest()


def require_tools():
    missing = [tool for tool in ("fiu-run", "fiu-ctrl") if shutil.which(tool) is None]
    if missing or not os.path.exists("/usr/lib/fiu/fiu_posix_preload.so"):
        sys.exit("fault test: libfiu's tools are missing (Debian packages fiu-utils and libfiu-dev; "
                 "scripts/install-deps.sh installs them)")


def expect_clear_failure(done, command, errno_value):
    assert done.returncode == 1, f"{command} under a fault exited {done.returncode}:\n{done.stdout}{done.stderr}"
    assert f"kith {command}:" in done.stderr and any(reason in done.stderr for reason in REASONS[errno_value]), (
        f"{command}: the error does not say why: {done.stderr!r}")


def case(name):
    global passed
    passed += 1
    print(f"ok - {name}", flush=True)


def import_faults(kith, work, connections):
    database = os.path.join(work, "import.db")
    assert run_kith(kith, database, "gen", "200", "--seed", "3").returncode == 0
    # Another connection keeps the WAL index mapped, as `kith serve` would:
    # without it the first write a new process makes is to size that index,
    # and the fault would stop kith at opening the file, not at its commit.
    reader = sqlite3.connect(database)
    reader.execute("SELECT count(*) FROM contacts").fetchone()
    for point in ("posix/io/rw/pwrite", "posix/io/sync/fdatasync"):
        for errno_value in (ENOSPC, EIO):
            before = fingerprint(database)
            fiu = ("fiu-run", "-x", "-c", f"enable name={point},failinfo={errno_value}")
            done = run_kith(kith, database, "import", connections, wrapper=fiu)
            expect_clear_failure(done, "import", errno_value)
            print(f"  {done.stderr.strip()}")
            assert fingerprint(database) == before, f"a failed import ({point}) changed the database"
            check_database(kith, database)
            case(f"import, {point} fails with errno {errno_value}: clear error, nothing written")
    # Faults at random moments: each run lands whole or not at all.
    rng = random.Random(11)
    for attempt in range(4):
        before_count = count_rows(database, "contacts")
        before = fingerprint(database)
        fiu = ("fiu-run", "-x", "-c", f"enable_random name=posix/io/rw/pwrite,probability={rng.uniform(0.0005, 0.05):.4f}")
        done = run_kith(kith, database, "--json", "import", connections, wrapper=fiu)
        if done.returncode == 0:
            assert count_rows(database, "contacts") >= before_count
        else:
            assert done.returncode == 1 and "kith import:" in done.stderr, done.stderr
            assert fingerprint(database) == before, "a failed import changed the database"
        check_database(kith, database)
        case(f"import, random pwrite faults (run {attempt + 1}, exit {done.returncode}): whole or nothing")
    reader.close()
    again = run_kith(kith, database, "import", connections)
    assert again.returncode == 0, again.stderr
    check_database(kith, database)
    case("import after the faults succeeds")


def api_faults(kith, work):
    database = os.path.join(work, "api.db")
    assert run_kith(kith, database, "gen", "50", "--seed", "5").returncode == 0
    server = Server(kith, database, wrapper=("fiu-run", "-x"))
    try:
        pid = str(server.process.pid)
        for point in ("posix/io/rw/pwrite", "posix/io/sync/fdatasync"):
            for errno_value in (ENOSPC, EIO):
                before = count_rows(database, "contacts")
                subprocess.run(["fiu-ctrl", "-c", f"enable name={point},failinfo={errno_value}", pid], check=True)
                name = f"Refused {point} {errno_value}"
                status, body = server.request("POST", "/api/v1/contacts", {"name": name})
                assert status >= 500 and body and body["error"]["message"], (status, body)
                print(f"  {status} {body['error']['message']}")
                status, body = server.request("GET", "/api/v1/contacts?limit=5")
                assert status == 200, f"reads fail while writes do: {status} {body}"
                subprocess.run(["fiu-ctrl", "-c", f"disable name={point}", pid], check=True)
                status, body = server.request("POST", "/api/v1/contacts", {"name": f"Accepted {point} {errno_value}"})
                assert status == 201, f"the server did not recover from the fault: {status} {body}"
                with sqlite3.connect(database) as connection:
                    names = {row[0] for row in connection.execute("SELECT display_name FROM contacts")}
                assert name not in names, f"a write answered {status} with an error is in the file"
                assert count_rows(database, "contacts") == before + 1
                case(f"API write, {point} fails with errno {errno_value}: error envelope, then recovers")
    finally:
        server.stop()
    check_database(kith, database)


def file_faults(kith, shim, work, command, args_for, output_name):
    """`command` writing `output_name` fails at write or fsync; the old file
    is kept whole and nothing half-written is left."""
    database = os.path.join(work, "files.db")
    if not os.path.exists(database):
        assert run_kith(kith, database, "gen", "300", "--seed", "9").returncode == 0
    output = os.path.join(work, output_name)
    rng = random.Random(output_name)
    for calls in ("write", "fsync"):
        for errno_value in (ENOSPC, EIO):
            with open(output, "w", encoding="utf-8") as old:
                old.write("the previous file\n")
            before = fingerprint(database)
            env = dict(os.environ, LD_PRELOAD=shim, KITH_FAULT_PATH=output_name, KITH_FAULT_CALLS=calls,
                       KITH_FAULT_ERRNO=str(errno_value), KITH_FAULT_AFTER=str(rng.randrange(0, 20000)))
            done = run_kith(kith, database, *args_for(output), env=env)
            expect_clear_failure(done, command, errno_value)
            with open(output, encoding="utf-8") as kept:
                assert kept.read() == "the previous file\n", f"{command} under a fault damaged {output}"
            assert not os.path.exists(output + ".partial"), f"{command} left {output}.partial behind"
            assert fingerprint(database) == before
            case(f"{' '.join(args_for(output_name))}, {calls} fails with errno {errno_value}: old file kept")
    done = run_kith(kith, database, *args_for(output))
    assert done.returncode == 0, done.stderr
    assert os.path.getsize(output) > 1000
    check_database(kith, database)
    case(f"{command} without the fault succeeds")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kith", required=True)
    parser.add_argument("--shim", required=True)
    parser.add_argument("--work", required=True)
    options = parser.parse_args()
    require_tools()
    assert os.path.exists(options.shim), f"the fault shim {options.shim} is not built"
    shutil.rmtree(options.work, ignore_errors=True)
    os.makedirs(options.work)
    started = time.monotonic()
    connections = os.path.join(options.work, "connections.csv")
    with open(connections, "w", encoding="utf-8") as out:
        subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "bench", "make_linkedin_csv.py"), "2000", "7"],
                       stdout=out, check=True)
    import_faults(options.kith, options.work, connections)
    api_faults(options.kith, options.work)
    for fmt, name in (("vcard", "out.vcf"), ("csv", "out.csv"), ("json", "out.json"), ("xlsx", "out.xlsx")):
        file_faults(options.kith, options.shim, options.work, "export",
                    lambda output, fmt=fmt: ["export", "--format", fmt, "-o", output], name)
    file_faults(options.kith, options.shim, options.work, "backup", lambda output: ["backup", output], "copy.db")
    print(f"fault test: {passed} cases in {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
