"""What the tests of real CardDAV clients share: running tools (a missing one
fails the test), a kith database driven through the CLI (an SQLite file, or
with --postgres a new database in a PostgreSQL cluster), `kith serve` on a
free port, and a vdirsyncer pair between it and a filesystem vdir."""

import atexit
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import urllib.parse


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def need(tool):
    path = shutil.which(tool)
    if not path:
        fail(f"{tool} is not installed (scripts/install-deps.sh installs it)")
    return path


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class Kith:
    def __init__(self, binary, database):
        self.binary = binary
        self.database = database

    def __call__(self, *args):
        return run([self.binary, *args, "--db", self.database])

    def people(self, trash=False):
        args = ["list", "--json", "--limit", "1000"] + (["--trash"] if trash else [])
        listed = json.loads(self(*args))
        return {person["name"]: person for person in (listed if isinstance(listed, list) else listed["contacts"])}


def fresh_postgres_database(url_file):
    """A new database in the PostgreSQL cluster whose libpq URI is in
    `url_file` (ctest's postgres_cluster fixture writes it), dropped when
    the test ends; returns its URI."""
    psql = need("psql")
    with open(url_file, encoding="utf-8") as file:
        cluster = file.readline().strip()
    name = f"kith_dav_{os.getpid()}"
    run([psql, cluster, "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"])
    atexit.register(subprocess.run, [psql, cluster, "-qc", f"DROP DATABASE IF EXISTS {name}"],
                    capture_output=True, timeout=60)
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(cluster)._replace(path=f"/{name}"))


def fresh_work(parser):
    """Parses --kith, --work and --postgres (and whatever `parser` adds),
    empties the work folder; returns the options, the folder and its kith
    database (a file in the folder, or a new PostgreSQL database)."""
    parser.add_argument("--kith", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--postgres", metavar="URL_FILE",
                        help="serve a new database in the PostgreSQL cluster whose URI is in this file")
    options = parser.parse_args()
    shutil.rmtree(options.work, ignore_errors=True)
    os.makedirs(options.work)
    work = os.path.abspath(options.work)
    database = fresh_postgres_database(options.postgres) if options.postgres else os.path.join(work, "kith.db")
    return options, work, Kith(options.kith, database)


@contextlib.contextmanager
def serving(kith, *flags, scheme="http"):
    """`kith serve` on a free loopback port for the block; yields its URL."""
    server = subprocess.Popen([kith.binary, "serve", "--port", "0", "--db", kith.database, *flags],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        found = re.search(scheme + r"://127\.0\.0\.1:(\d+)/", line)
        if not found:
            fail(f"kith serve did not say where it listens: {line!r} {server.stderr.read()}")
        yield f"{scheme}://127.0.0.1:{found.group(1)}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def write_vdirsyncer_config(work, url, conflict_resolution="", server_options=""):
    """A pair `kith` between the server at `url` (side a) and the vdir
    WORK/contacts (side b, one .vcf per card); returns the config's path."""
    config = os.path.join(work, "vdirsyncer.conf")
    with open(config, "w") as out:
        out.write(textwrap.dedent(f"""\
            [general]
            status_path = "{work}/status/"

            [pair kith]
            a = "kith_server"
            b = "kith_vdir"
            collections = ["from a"]
            {conflict_resolution}

            [storage kith_vdir]
            type = "filesystem"
            path = "{work}/contacts/"
            fileext = ".vcf"

            [storage kith_server]
            type = "carddav"
            url = "{url}"
            """) + server_options)
    return config
