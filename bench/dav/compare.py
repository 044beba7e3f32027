#!/usr/bin/env python3
"""kith and Radicale side by side on the same cards, as a sync client sees them.

For each size N: `kith gen N --seed 7` makes the list; `kith export
--vcard-version 3.0 -o DIR/` writes it as one .vcf per person, and those very
files are Radicale's address book (Debian's radicale, filesystem storage).
Each server is then measured over loopback HTTP by the same client code:

  propfind     PROPFIND Depth 1 of the book (getetag), the whole answer read
  full sync    sync-collection with no token (following kith's 507
               continuations) + addressbook-multiget of every card, 1,000
               hrefs a request, getetag + address-data
  incremental  sync-collection with the full sync's token after 10 cards were
               changed by PUT (GET, one line added, PUT; not timed)
  peak RSS     the server process's VmHWM after every run

One warm-up pass (reported as "cold") precedes --runs measured passes; the
report gives medians. Sizes in --kith-only run kith alone (Radicale at 1M
would need a 1M-file export and hours of its cache building: say so).

Not run by `make test`. Usage:
  nice bench/dav/compare.py --kith build/src/kith --sizes 10000 100000 \\
      --kith-only 1000000 --multiply-from 100000 --runs 3 --data /tmp/dav-bench --out results.json
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

MULTIGET_CHUNK = 1000
SERVERS = ("kith before", "kith", "radicale")
EDITS = 10
HREF = re.compile(r"<(?:\w+:)?href>([^<]+)</(?:\w+:)?href>")
TOKEN = re.compile(r"<(?:\w+:)?sync-token>([^<]+)</(?:\w+:)?sync-token>")
PROPFIND = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'


def sync_body(token):
    return ('<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>' + token +
            '</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>')


def multiget_body(hrefs):
    return ('<?xml version="1.0"?><c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
            '<d:prop><d:getetag/><c:address-data/></d:prop>' + "".join(f"<d:href>{h}</d:href>" for h in hrefs) +
            "</c:addressbook-multiget>")


class Server:
    """A running CardDAV server: where its book is, and its process."""

    def __init__(self, name, process, port, book, headers):
        self.name, self.process, self.port, self.book, self.headers = name, process, port, book, headers

    def request(self, method, path, body="", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=3600)
        all_headers = dict(self.headers)
        all_headers.update(headers or {})
        if body:
            all_headers.setdefault("Content-Type", "application/xml; charset=utf-8")
        connection.request(method, path, body=body.encode() if body else None, headers=all_headers)
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, data, response

    def peak_rss_kb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """User + system CPU the server process has used: on a loaded box the
        wall time counts other people's work, this does not."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, seconds=600):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nothing listens on {port} after {seconds} s")


def start_kith(kith, database, name="kith"):
    process = subprocess.Popen([kith, "serve", "--port", "0", "--db", database], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not found:
        sys.exit(f"kith serve said {line!r}")
    return Server(name, process, int(found.group(1)), "/dav/books/default/", {})


def start_radicale(folder):
    port = free_port()
    config = os.path.join(folder, "config")
    with open(config, "w") as out:
        out.write(f"""[server]
hosts = 127.0.0.1:{port}
timeout = 3600
max_content_length = 1000000000
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = {folder}/collections
[web]
type = none
[logging]
level = warning
""")
    process = subprocess.Popen([shutil.which("radicale"), "--config", config], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_for_port(port, process)
    # auth "none" takes any user name; the book is that user's.
    return Server("radicale", process, port, "/bench/contacts/", {"Authorization": "Basic YmVuY2g6eA=="})


def card_hrefs(server, body):
    return [h for h in HREF.findall(body) if h.rstrip("/") != server.book.rstrip("/") and h.endswith(".vcf")]


def full_sync(server):
    """sync-collection without a token (all pages), then multiget of all."""
    cpu_before = server.cpu_seconds()
    started = time.perf_counter()
    hrefs, token, pages = [], "", 0
    while True:
        status, body, _ = server.request("REPORT", server.book, sync_body(token))
        if status != 207:
            sys.exit(f"{server.name} sync-collection: {status} {body[:300]}")
        pages += 1
        hrefs += card_hrefs(server, body)
        token = TOKEN.findall(body)[-1]
        if "507 Insufficient Storage" not in body:
            break
    listed = time.perf_counter()
    cards = 0
    for at in range(0, len(hrefs), MULTIGET_CHUNK):
        status, body, _ = server.request("REPORT", server.book, multiget_body(hrefs[at:at + MULTIGET_CHUNK]),
                                         {"Depth": "1"})
        if status != 207:
            sys.exit(f"{server.name} multiget: {status} {body[:300]}")
        cards += body.count("BEGIN:VCARD")
    done = time.perf_counter()
    return {"seconds": done - started, "listing_seconds": listed - started, "pages": pages,
            "server_cpu_seconds": server.cpu_seconds() - cpu_before,
            "hrefs": len(hrefs), "cards": cards, "token": token, "all_hrefs": hrefs}


def edit_cards(server, hrefs, tag):
    for href in hrefs[:EDITS]:
        status, card, _ = server.request("GET", href)
        if status != 200:
            sys.exit(f"{server.name} GET {href}: {status}")
        card = card.replace("\r\nEND:VCARD", f"\r\nX-BENCH-EDIT:{tag}\r\nEND:VCARD", 1)
        status, body, _ = server.request("PUT", href, card, {"Content-Type": "text/vcard; charset=utf-8"})
        if status not in (200, 201, 204):
            sys.exit(f"{server.name} PUT {href}: {status} {body[:300]}")


def incremental(server, token):
    started = time.perf_counter()
    status, body, _ = server.request("REPORT", server.book, sync_body(token))
    seconds = time.perf_counter() - started
    if status != 207:
        sys.exit(f"{server.name} incremental sync: {status} {body[:300]}")
    return {"seconds": seconds, "changed": len(card_hrefs(server, body)), "token": TOKEN.findall(body)[-1]}


def propfind(server):
    started = time.perf_counter()
    status, body, _ = server.request("PROPFIND", server.book, PROPFIND, {"Depth": "1"})
    seconds = time.perf_counter() - started
    if status != 207:
        sys.exit(f"{server.name} PROPFIND: {status} {body[:300]}")
    hrefs = card_hrefs(server, body)
    return {"seconds": seconds, "hrefs": len(hrefs), "bytes": len(body), "all_hrefs": hrefs}


def current_token(server):
    """The book's sync-token now (PROPFIND Depth 0), for a client that
    synced before this run."""
    body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:sync-token/></d:prop></d:propfind>'
    status, answer, _ = server.request("PROPFIND", server.book, body, {"Depth": "0"})
    if status != 207 or not TOKEN.findall(answer):
        sys.exit(f"{server.name} sync-token: {status} {answer[:300]}")
    return TOKEN.findall(answer)[-1]


def measure(server, runs, full_syncs, log, with_propfind=True):
    """One cold pass, then `runs` passes; full syncs (and PROPFINDs) only in
    the first `full_syncs` passes, the cold one included (the others sync
    incrementally from the last token)."""
    results = []
    token, hrefs = "", []
    for run in range(runs + 1):
        label = "cold" if run == 0 else f"run {run}"
        entry = {"run": label}
        if with_propfind and (run < full_syncs or not hrefs):
            entry["propfind"] = propfind(server)
            hrefs = hrefs or entry["propfind"]["all_hrefs"]
            del entry["propfind"]["all_hrefs"]
            log(f"  {server.name} {label}: PROPFIND {entry['propfind']['seconds']:.3f} s "
                f"({entry['propfind']['hrefs']} cards)")
        if not token and full_syncs == 0:
            token = current_token(server)
        if run < full_syncs:
            sync = full_sync(server)
            token, hrefs = sync.pop("token"), sync.pop("all_hrefs")
            entry["full_sync"] = sync
            log(f"  {server.name} {label}: full sync {sync['seconds']:.3f} s "
                f"(listing {sync['listing_seconds']:.3f} s in {sync['pages']} answers, {sync['cards']} cards, "
                f"server CPU {sync['server_cpu_seconds']:.2f} s)")
        edit_cards(server, hrefs, f"{label}-{time.time()}")
        entry["incremental"] = incremental(server, token)
        token = entry["incremental"].pop("token")  # the client is now up to date
        log(f"  {server.name} {label}: incremental after {EDITS} edits {entry['incremental']['seconds'] * 1000:.1f} ms "
            f"({entry['incremental']['changed']} changed)")
        entry["peak_rss_kb"] = server.peak_rss_kb()
        results.append(entry)
    return results


def prepare(kith, size, data, need_cards, log, multiply_from=0):
    database = os.path.join(data, f"kith-{size}.db")
    if not os.path.exists(database) and multiply_from and size > multiply_from:
        prepare(kith, multiply_from, data, False, log)
        multiply(multiply_from, size, database, log)
    if not os.path.exists(database):
        log(f"generating {size} people")
        started = time.time()
        subprocess.run([kith, "--db", database + ".tmp", "--today", "2026-11-26", "gen", str(size), "--seed", "7"],
                       check=True, stdout=subprocess.DEVNULL)
        os.rename(database + ".tmp", database)
        log(f"  generated in {time.time() - started:.0f} s")
    cards = os.path.join(data, f"cards-{size}")
    if need_cards and not os.path.isdir(cards):
        log(f"exporting {size} cards (vCard 3.0, one file each)")
        subprocess.run([kith, "--db", database, "export", "--vcard-version", "3.0", "-o", cards + ".tmp/"], check=True,
                       stdout=subprocess.DEVNULL)
        os.rename(cards + ".tmp", cards)
    return database, cards


CARD_TABLES = ("contact_emails", "contact_phones", "contact_labels", "contact_links", "contact_extras")


def multiply(base, size, target, log):
    """A SIZE-person database from the BASE-person one, made by SQL rather
    than `kith gen` (which needs hours at 1M on a loaded 2-core box): every
    person and what their card shows (emails, phones, labels, links,
    extras) copied with new ids and UIDs, the journal filled by kith's own
    triggers. The search index is not copied: syncing does not read it."""
    import sqlite3
    factor = size // base
    shutil.copyfile(os.path.join(os.path.dirname(target), f"kith-{base}.db"), target + ".tmp")
    started = time.time()
    db = sqlite3.connect(target + ".tmp")
    columns = [row[1] for row in db.execute("PRAGMA table_info(contacts)") if row[1] not in ("id", "uid")]
    copies = f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {factor - 1}) "
    db.execute(f"INSERT INTO contacts(id, uid, {', '.join(columns)}) {copies}"
               f"SELECT id + n * {base}, printf('%08x', n) || substr(uid, 9), {', '.join(columns)} "
               f"FROM contacts, k WHERE id <= {base} ORDER BY n, id")
    for table in CARD_TABLES:
        rest = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "contact_id"]
        db.execute(f"INSERT INTO {table}(contact_id, {', '.join(rest)}) {copies}"
                   f"SELECT contact_id + n * {base}, {', '.join(rest)} FROM {table}, k WHERE contact_id <= {base}")
    db.commit()
    db.close()
    os.rename(target + ".tmp", target)
    log(f"  {size} people by copying {base} {factor}x in {time.time() - started:.0f} s")


def working_copy(database, work):
    """The servers write (the edits): each pass gets a fresh copy."""
    copy = os.path.join(work, "kith.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    shutil.copyfile(database, copy)
    return copy


def radicale_store(cards, work):
    folder = os.path.join(work, "radicale")
    shutil.rmtree(folder, ignore_errors=True)
    book = os.path.join(folder, "collections", "collection-root", "bench", "contacts")
    os.makedirs(book)
    with open(os.path.join(book, ".Radicale.props"), "w") as props:
        json.dump({"tag": "VADDRESSBOOK", "D:displayname": "bench"}, props)
    for name in os.listdir(cards):
        os.link(os.path.join(cards, name), os.path.join(book, name))
    return folder


def median(entries, *path):
    """The median over the measured runs (the cold one when it alone has it)."""
    return _median(entries[1:], *path) or _median(entries[:1], *path)


def _median(entries, *path):
    values = []
    for entry in entries:
        value = entry
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            values.append(value)
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kith", required=True)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000, 100000])
    parser.add_argument("--kith-before", default="",
                        help="another kith binary (the code before a change) measured first in the same run, "
                             "reported as 'kith before'")
    parser.add_argument("--kith-only", type=int, nargs="*", default=[])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kith-only-full-syncs", type=int, default=1,
                        help="passes with a full sync at the kith-only sizes, the cold one included (0: none; "
                             "the token then comes from a PROPFIND of sync-token); every pass syncs incrementally")
    parser.add_argument("--in-place", action="store_true",
                        help="serve the kith databases themselves, not a fresh copy (a 1M copy takes minutes)")
    parser.add_argument("--radicale-propfind-max", type=int, default=10000,
                        help="larger books skip Radicale's PROPFIND Depth 1 (82 s at 10k on a loaded 2-core box, "
                             "growing faster than the book)")
    parser.add_argument("--multiply-from", type=int, default=0, metavar="BASE",
                        help="make larger kith-only databases by copying the BASE-person one (see multiply())")
    parser.add_argument("--data", default="/tmp/kith-dav-bench")
    parser.add_argument("--out", default="")
    parser.add_argument("--markdown", nargs="*", default=None, metavar="JSON",
                        help="only print the markdown table of earlier runs' --out files")
    options = parser.parse_args()
    if options.markdown is not None:
        print(markdown([json.load(open(path)) for path in options.markdown]))
        return
    if shutil.which("radicale") is None and options.sizes:
        sys.exit("radicale is not installed (KITH_DEPS_BENCH=1 scripts/install-deps.sh)")
    os.makedirs(options.data, exist_ok=True)
    work = os.path.join(options.data, "work")
    os.makedirs(work, exist_ok=True)

    def log(message):
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    report = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "nproc": os.cpu_count(),
              "loadavg_start": open("/proc/loadavg").read().split()[:3], "sizes": {}}
    plan = [(size, True) for size in options.sizes] + [(size, False) for size in options.kith_only]
    for size, with_radicale in plan:
        database, cards = prepare(options.kith, size, options.data, with_radicale, log, options.multiply_from)
        entry = {"load_before": open("/proc/loadavg").read().split()[:3]}
        full_syncs = options.runs + 1 if with_radicale else options.kith_only_full_syncs
        binaries = ([("kith before", options.kith_before)] if options.kith_before else []) + [("kith", options.kith)]
        for name, binary in binaries:
            log(f"{size}: {name} (load {' '.join(open('/proc/loadavg').read().split()[:3])})")
            server = start_kith(binary, database if options.in_place else working_copy(database, work), name)
            try:
                entry[name] = measure(server, options.runs, full_syncs, log)
            finally:
                server.stop()
        if with_radicale:
            log(f"{size}: radicale (load {' '.join(open('/proc/loadavg').read().split()[:3])})")
            server = start_radicale(radicale_store(cards, work))
            try:
                entry["radicale"] = measure(server, options.runs, options.runs + 1, log,
                                            size <= options.radicale_propfind_max)
            finally:
                server.stop()
        entry["load_after"] = open("/proc/loadavg").read().split()[:3]
        report["sizes"][str(size)] = entry
        summarize(size, entry, log)
        if options.out:
            with open(options.out, "w") as out:
                json.dump(report, out, indent=1)
    print(markdown([report]))


def markdown(reports):
    """One row per size and server: medians of the measured runs, the cold
    run beside them, Radicale's (and an earlier kith's) times over kith's."""
    def seconds(value):
        return "-" if value is None else f"{value:.3f} s"

    rows = ["| N | server | PROPFIND Depth 1 | full sync | server CPU, full sync | incremental (10 edits) | peak RSS "
            "| cold PROPFIND / full sync | load before |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    ratios = []
    for report in reports:
        for size, entry in report["sizes"].items():
            found = {}
            for name in SERVERS:
                if name not in entry:
                    continue
                runs = entry[name]
                found[name] = (median(runs, "propfind", "seconds"), median(runs, "full_sync", "seconds"),
                               median(runs, "incremental", "seconds"))
                cpu = median(runs, "full_sync", "server_cpu_seconds")
                cold = runs[0]
                rows.append(
                    f"| {int(size):,} | {name} | {seconds(found[name][0])} | {seconds(found[name][1])} | "
                    f"{seconds(cpu)} | {found[name][2] * 1000:.1f} ms | {max(run['peak_rss_kb'] for run in runs) / 1024:.0f} MB | "
                    f"{seconds(cold.get('propfind', {}).get('seconds'))} / "
                    f"{seconds(cold.get('full_sync', {}).get('seconds'))} | {' '.join(entry['load_before'])} |")
            for slower in ("radicale", "kith before"):
                if slower not in found or "kith" not in found:
                    continue
                parts = [f"{label} {r / k:.1f}x" for label, k, r in
                         zip(("PROPFIND", "full sync", "incremental"), found["kith"], found[slower]) if k and r]
                ratios.append(f"- {int(size):,}: {slower} / kith: " + ", ".join(parts))
    return "\n".join(rows + [""] + ratios)


def summarize(size, entry, log):
    rows = []
    for name in SERVERS:
        if name not in entry:
            continue
        runs = entry[name]
        rows.append((name, median(runs, "propfind", "seconds"), median(runs, "full_sync", "seconds"),
                     median(runs, "incremental", "seconds"), max(run["peak_rss_kb"] for run in runs)))
    for name, prop, full, incr, rss in rows:
        prop_text = f"{prop:.3f} s" if prop is not None else "not run"
        full_text = f"{full:.3f} s" if full is not None else "-"
        log(f"{size} {name}: propfind {prop_text}, full sync {full_text}, incremental {incr * 1000:.1f} ms, "
            f"peak RSS {rss / 1024:.1f} MB")
    found = {row[0]: row for row in rows}
    for slower in ("radicale", "kith before"):
        if slower not in found or "kith" not in found or not found[slower][2] or not found["kith"][2]:
            continue
        mine, theirs = found["kith"], found[slower]
        propfind_ratio = f"{theirs[1] / mine[1]:.1f}x" if theirs[1] is not None and mine[1] else "not run"
        log(f"{size} ratios {slower}/kith: propfind {propfind_ratio}, full sync "
            f"{theirs[2] / mine[2]:.1f}x, incremental {theirs[3] / mine[3]:.1f}x")


if __name__ == "__main__":
    main()
