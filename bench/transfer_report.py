#!/usr/bin/python3
"""Writes the markdown report of one bench/transfer.sh run from its files alone.

Usage: bench/transfer_report.py RESULTS_DIR > report.md

Reads RESULTS_DIR/machine.txt, measurements.tsv (one row per measured command),
runs/<id>.time (GNU time -v: peak RSS, CPU), runs/<id>.wall_ns (wall
time), runs/<id>.out (kith --json), runs/<id>.err,
runs/floor-csv-*.rows, csv-files.tsv, parse-files.tsv, formats.json
(kith_bench), export-db-*.txt, loads.tsv and perf-*.txt. Nothing is typed in
by hand. MB are 10^6 bytes; MB/s likewise. Medians of an even number of runs
are the mean of the middle two.
"""

import json
import os
import re
import statistics
import sys

# The targets.
IMPORT_SECONDS_TARGET = 15.0  # the 1M-row LinkedIn import, indexes included
IMPORT_TARGET_ROWS = 1_000_000
FLOOR_RATIO_TARGET = 3.0  # kith within 3x of sqlite3 .import
VCARD_PARSE_TARGET = 50.0  # MB/s
# "Peak memory flat as the file grows": the largest file's peak RSS at most
# this much above the smallest's, while the file grows 10x.
FLAT_RSS_RATIO = 1.25
# SQLite entry points worth showing in the profile beside kith's own functions.
INTERESTING_SQLITE = {"sqlite3_step", "sqlite3_exec", "sqlite3_prepare_v2", "sqlite3_prepare_v3",
                      "sqlite3VtabSavepoint", "sqlite3VdbeHalt", "sqlite3WalFrames", "sqlite3PagerCommitPhaseOne"}


def read_kv(path):
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if "=" in line:
                    key, value = line.rstrip("\n").split("=", 1)
                    values[key] = value
    return values


def read_tsv(path, header=True):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    if not header:
        return lines
    names = lines[0]
    return [dict(zip(names, line)) for line in lines[1:]]


def read_text(path, default=""):
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read().strip()


def parse_time(path):
    """Wall seconds and peak RSS (kB) from GNU time -v output."""
    text = read_text(path)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    user = re.search(r"User time \(seconds\): (\S+)", text)
    system = re.search(r"System time \(seconds\): (\S+)", text)
    seconds = None
    if wall:
        parts = [float(p) for p in wall.group(1).split(":")]
        seconds = 0.0
        for part in parts:
            seconds = seconds * 60 + part
    return {
        "seconds": seconds,
        "rss_kb": int(rss.group(1)) if rss else None,
        "cpu_seconds": (float(user.group(1)) + float(system.group(1))) if user and system else None,
    }


class Results:
    def __init__(self, directory):
        self.dir = directory
        self.machine = read_kv(os.path.join(directory, "machine.txt"))
        self.rows = read_tsv(os.path.join(directory, "measurements.tsv"))
        for row in self.rows:
            row.update(parse_time(os.path.join(directory, "runs", row["id"] + ".time")))
            wall_ns = read_text(os.path.join(directory, "runs", row["id"] + ".wall_ns"))
            if wall_ns.isdigit():  # finer than GNU time's 10 ms
                row["seconds"] = int(wall_ns) / 1e9
            row["status"] = int(row["status"])
            row["bytes"] = int(row["bytes"])
            row["size"] = int(row["size"])
            out = read_text(os.path.join(directory, "runs", row["id"] + ".out"))
            try:
                row["json"] = json.loads(out) if out else None
            except json.JSONDecodeError:
                row["json"] = None
            row["error"] = read_text(os.path.join(directory, "runs", row["id"] + ".err"))

    def runs(self, kind, size):
        return [r for r in self.rows if r["kind"] == kind and r["size"] == size]

    def sizes(self, kind):
        return sorted({r["size"] for r in self.rows if r["kind"] == kind})

    def summary(self, kind, size):
        """Medians over the successful runs, or None; 'failed' holds a failure."""
        runs = self.runs(kind, size)
        if not runs:
            return None
        good = [r for r in runs if r["status"] == 0 and r["seconds"] is not None]
        if not good:
            first = runs[0]
            return {"failed": first_line(first["error"]) or f"exit {first['status']}", "runs": len(runs)}
        return {
            "seconds": statistics.median(r["seconds"] for r in good),
            "cpu_seconds": statistics.median(r["cpu_seconds"] for r in good),
            "all_seconds": [r["seconds"] for r in good],
            "rss_kb": max(r["rss_kb"] for r in good),
            "bytes": statistics.median(r["bytes"] for r in good),
            "runs": len(good),
            "failed_runs": len(runs) - len(good),
            "json": good[-1]["json"],
        }


def outcome(summary):
    """added / updated / merged / skipped from `kith import --json`."""
    if not summary:
        return "—"
    return " / ".join(number(summary.get(k, 0)) for k in ("added", "updated", "merged", "skipped"))


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def number(value):
    return f"{value:,.0f}"


def seconds(value):
    if value >= 100:
        return f"{value:,.0f} s"
    if value >= 10:
        return f"{value:.1f} s"
    return f"{value:.2f} s"


def megabytes(value):
    return f"{value / 1e6:,.1f} MB"


def rss(kb):
    return f"{kb / 1024:,.1f} MiB"


def runs_note(summary):
    note = f"{summary['runs']}"
    if summary.get("failed_runs"):
        note += f" (+{summary['failed_runs']} failed)"
    return note


def spread(summary):
    values = summary["all_seconds"]
    if len(values) < 2:
        return "1 run"
    return f"{min(values):.2f}–{max(values):.2f} s"


def fmt_failed(summary):
    return f"failed: `{summary['failed']}`"


def main(directory):
    res = Results(directory)
    m = res.machine
    out = []
    w = out.append
    verdicts = []

    w("### Machine and build")
    w("")
    memory_gib = int(m.get("memory_kb", "0")) / 1024 / 1024
    w(f"- Date: {m.get('date', '?')}; {m.get('nproc', '?')} vCPUs ({m.get('cpu', '?')}), "
      f"{memory_gib:.1f} GiB RAM, {m.get('filesystem', '?')}; Linux {m.get('kernel', '?')}")
    w(f"- SQLite {m.get('sqlite_linked', '?')} (the sqlite3 shell: {m.get('sqlite_shell', '?')}); "
      f"{m.get('compiler', '?')}; build type {m.get('build_type', '?')}")
    w(f"- Sources: `source_digest={m.get('source_digest', '?')}`; src/formats/vcard_reader.cpp is "
      f"{m.get('vcard_reader_bytes', '?')} bytes, vcard_writer.cpp {m.get('vcard_writer_bytes', '?')} bytes")
    w(f"- Runs per measurement: {m.get('runs', '?')} below 1,000,000 rows/people, "
      f"{m.get('large_runs', '?')} at 1,000,000 (the sqlite3 floor: {m.get('runs', '?')} at every size); the tables "
      "show the median wall time and the largest peak RSS of the runs")
    w("")

    # --- CSV import against the floor -----------------------------------------
    csv_files = {int(r[0]): (int(r[1]), int(r[2])) for r in read_tsv(os.path.join(directory, "csv-files.tsv"), False)}
    w("### LinkedIn CSV import against the floor")
    w("")
    w("`kith import Connections.csv` into an empty database (one transaction: rows, child tables, "
      "three FTS5 search tables and the vocabulary; WAL, `synchronous=FULL`), against the floor: "
      "`sqlite3 floor.db` with `.import --skip 4` into `CREATE TABLE c(first, last, url, email, "
      "company, position, connected_on)` (no index).")
    w("")
    w("| rows | file | runs | kith time | kith rows/s | kith peak RSS | kith database | floor time | floor rows/s "
      "| floor peak RSS | kith ÷ floor | kith: added / updated / merged / skipped |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    import_at = {}
    for size in res.sizes("import-csv"):
        kith = res.summary("import-csv", size)
        floor = res.summary("floor-csv", size)
        file_bytes, rows = csv_files.get(size, (0, size))
        floor_rows = read_text(os.path.join(directory, "runs", f"floor-csv-{size}-1.rows"), "?")
        cells = [number(size), megabytes(file_bytes)]
        if "failed" in kith:
            cells += [str(kith["runs"]), fmt_failed(kith), "", "", ""]
        else:
            cells += [runs_note(kith), f"{seconds(kith['seconds'])} ({spread(kith)})",
                      number(rows / kith["seconds"]), rss(kith["rss_kb"]), megabytes(kith["bytes"])]
        if floor is None or "failed" in floor:
            cells += ["failed" if floor else "—", "", "", ""]
        else:
            cells += [seconds(floor["seconds"]), number(rows / floor["seconds"]), rss(floor["rss_kb"]),
                      "—" if "failed" in kith else f"{kith['seconds'] / floor['seconds']:.1f}×"]
        cells.append(outcome(kith.get("json")))
        w("| " + " | ".join(cells) + " |")
        import_at[size] = (kith, floor, rows, floor_rows)
    w("")
    for size, (kith, floor, rows, floor_rows) in import_at.items():
        if floor_rows != str(rows):
            w(f"- **Row count check failed at {number(size)}**: the floor table holds {floor_rows} rows, "
              f"the file {number(rows)}.")
    if import_at:
        w("- The floor's row count equals the file's at every size ("
          + ", ".join(f"{read_text(os.path.join(directory, 'runs', f'floor-csv-{s}-1.rows'), '?')}" for s in import_at)
          + ").")
    for size in res.sizes("import-csv-dry"):
        dry = res.summary("import-csv-dry", size)
        real = res.summary("import-csv", size)
        if dry and "failed" not in dry and real and "failed" not in real:
            w(f"- `kith import --dry-run` of {number(size)} rows (everything, then a rollback): "
              f"{seconds(dry['seconds'])}, {number(size / dry['seconds'])} rows/s, peak RSS {rss(dry['rss_kb'])} "
              f"({100 * dry['seconds'] / real['seconds']:.0f}% of the real import's time).")
    w("")

    # --- vCard -----------------------------------------------------------------
    w("### vCard export and import")
    w("")
    w("A `kith gen N --seed 7` database exported with `kith export -o cards.vcf` (vCard 4.0), and that file, "
      "as exported, imported into an empty database with `kith import cards.vcf`.")
    w("")
    w("| people | export time | export peak RSS | cards.vcf | import time | cards/s | import MB/s | import peak RSS "
      "| import: added / updated / merged / skipped |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    vcard_import_at = {}
    for size in sorted(set(res.sizes("vcard-export")) | set(res.sizes("vcard-import"))):
        export = res.summary("vcard-export", size)
        imp = res.summary("vcard-import", size)
        cells = [number(size)]
        if export is None or "failed" in export:
            cells += [fmt_failed(export) if export else "—", "", ""]
        else:
            cells += [seconds(export["seconds"]), rss(export["rss_kb"]), megabytes(export["bytes"])]
        if imp is None:
            cells += ["not run (no cards.vcf)", "", "", "", ""]
        elif "failed" in imp:
            cells += [fmt_failed(imp), "", "", "", ""]
        else:
            vcf_bytes = export["bytes"] if export and "failed" not in export else 0
            cells += [f"{seconds(imp['seconds'])} ({spread(imp)})", number(size / imp["seconds"]),
                      f"{vcf_bytes / 1e6 / imp['seconds']:.2f}", rss(imp["rss_kb"]), outcome(imp.get("json"))]
            vcard_import_at[size] = imp
        w("| " + " | ".join(cells) + " |")
    w("")

    # --- parsing -----------------------------------------------------------------
    w("### Parsing throughput (readers alone, no database)")
    w("")
    parse_files = {r[0]: (r[1], int(r[2])) for r in read_tsv(os.path.join(directory, "parse-files.tsv"), False)}
    formats = {}
    formats_path = os.path.join(directory, "formats.json")
    if os.path.exists(formats_path):
        with open(formats_path, encoding="utf-8") as handle:
            formats = json.load(handle)
    w("kith_bench `formats/…`: the file is read into memory once, then parsed from memory into a sink that "
      f"counts records; median of {m.get('parse_repetitions', '?')} "
      "repetitions (each at least 2 s of parsing), over wall time.")
    w("")
    w("| benchmark | reader | file | records | median MB/s | median records/s |")
    w("|---|---|---|---:|---:|---:|")
    parse_rate = {}
    for name, reader, key in (("formats/vcard_parse", "`kith::ReadVCards`", "vcf"),
                              ("formats/linkedin_csv_parse", "`kith::ReadContactsCsv` (LinkedIn dialect)", "csv")):
        path, size = parse_files.get(key, ("none", 0))
        # UseRealTime() names the run "<name>/real_time".
        entries = [b for b in formats.get("benchmarks", [])
                   if b.get("run_name", b["name"]) in (name, name + "/real_time")]
        median = next((b for b in entries if b.get("aggregate_name") == "median"), None)
        errors = [b for b in entries if b.get("error_occurred")]
        file_cell = f"{os.path.basename(path)} ({megabytes(size)})" if path != "none" else "none"
        if median and not errors:
            mbps = median["bytes_per_second"] / 1e6
            parse_rate[name] = mbps
            w(f"| {name} | {reader} | {file_cell} | {number(median.get('records', 0))} | {mbps:.1f} "
              f"| {number(median.get('records_per_second', 0))} |")
        else:
            why = errors[0].get("error_message", "") if errors else "not run"
            w(f"| {name} | {reader} | {file_cell} | — | {('failed: `' + why + '`') if errors else why} | — |")
    w("")

    # --- flat memory -------------------------------------------------------------
    w("### Peak memory as the file grows")
    w("")
    w("| import | smaller file | peak RSS | larger file | peak RSS | file grew | RSS grew |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    flat = []
    for label, kind, sizes, unit in (("LinkedIn CSV", "import-csv", sorted(import_at), "rows"),
                                     ("vCard", "vcard-import", sorted(vcard_import_at), "cards")):
        good = [s for s in sizes if "failed" not in res.summary(kind, s)]
        if len(good) < 2:
            w(f"| {label} | — | — | — | — | — | needs two sizes that ran |")
            flat.append((label, None))
            continue
        small, large = good[0], good[-1]
        a, b = res.summary(kind, small), res.summary(kind, large)
        growth = b["rss_kb"] / a["rss_kb"]
        flat.append((label, (small, large, a["rss_kb"], b["rss_kb"], growth)))
        w(f"| {label} | {number(small)} {unit} | {rss(a['rss_kb'])} | {number(large)} {unit} | {rss(b['rss_kb'])} "
          f"| {large / small:.0f}× | {growth:.2f}× |")
    w("")

    # --- exports -----------------------------------------------------------------
    export_sizes = sorted({r["size"] for r in res.rows if r["kind"].startswith("export-")})
    if export_sizes:
        size = export_sizes[-1]
        source = read_text(os.path.join(directory, "export-db-source.txt"), "?")
        people = read_text(os.path.join(directory, "export-db-people.txt"), "?")
        db_size = int(read_text(os.path.join(directory, "export-db-bytes.txt"), "0") or 0)
        w(f"### Export of {number(size)} people")
        w("")
        w(f"`kith export --format F -o FILE` of a {megabytes(db_size)} database holding {people} live people "
          f"({source}); the file was read once into the page cache first.")
        w("")
        w("| format | runs | time | people/s | peak RSS | output | output MB/s |")
        w("|---|---:|---:|---:|---:|---:|---:|")
        for fmt in ("csv", "vcard", "xlsx", "json"):
            summary = res.summary(f"export-{fmt}", size)
            if summary is None:
                continue
            if "failed" in summary:
                w(f"| {fmt} | {summary['runs']} | {fmt_failed(summary)} | | | | |")
                continue
            w(f"| {fmt} | {runs_note(summary)} | {seconds(summary['seconds'])} | "
              f"{number(size / summary['seconds'])} | {rss(summary['rss_kb'])} | {megabytes(summary['bytes'])} | "
              f"{summary['bytes'] / 1e6 / summary['seconds']:.1f} |")
        w("")

    # --- profile -----------------------------------------------------------------
    perf_self = read_text(os.path.join(directory, "perf-self.txt"))
    perf_children = read_text(os.path.join(directory, "perf-children.txt"))
    if perf_self:
        perf_size = read_text(os.path.join(directory, "perf-size.txt"), "?")
        w(f"### Where a {number(int(perf_size))}-row LinkedIn import spends its time (perf)")
        w("")
        w("`perf record -F 199 --call-graph dwarf` of one import into an empty database. Inclusive time of kith's "
          "functions and of SQLite's entry points (a function's share includes what it calls):")
        w("")
        w("| inclusive | function |")
        w("|---:|---|")
        shown = set()
        for line in perf_children.splitlines():
            hit = re.match(r"\s+([\d.]+)%\s+([\d.]+)%\s+\[[.k]\]\s+(.*?)\s*(-\s*)?$", line)
            if not hit:
                continue
            name = re.sub(r"[\s-]+$", "", hit.group(3))
            interesting = (name.startswith("kith::") or name in INTERESTING_SQLITE) and "(inlined)" not in name
            if not interesting or name in shown or name.startswith(("kith::cli::", "kith::ImportContacts")):
                continue
            shown.add(name)
            w(f"| {hit.group(1)}% | `{name[:100]}` |")
            if len(shown) >= 22:
                break
        w("")
        w("Self time, the top entries (library, function):")
        w("")
        w("| self | library | function |")
        w("|---:|---|---|")
        count = 0
        for line in perf_self.splitlines():
            hit = re.match(r"\s+([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.*?)\s*(-\s*)?$", line)
            if hit and count < 15:
                name = re.sub(r"[\s-]+$", "", hit.group(3))
                w(f"| {hit.group(1)}% | {hit.group(2)} | `{name[:90]}` |")
                count += 1
        w("")

    # --- load --------------------------------------------------------------------
    loads = read_tsv(os.path.join(directory, "loads.tsv"), False)
    if loads:
        w("### Load during the run")
        w("")
        w("1-minute load average when each stage started and ended, and how long the script waited for idle CPUs first.")
        w("")
        w("| stage | waited | load at start | load at end |")
        w("|---|---:|---:|---:|")
        stages = {}
        for stage, edge, load, waited in loads:
            stages.setdefault(stage, {})[edge] = (load, waited)
        for stage, edges in stages.items():
            start = edges.get("start", ("?", "?"))
            end = edges.get("end", ("?", "?"))
            w(f"| {stage} | {start[1]} s | {start[0]} | {end[0]} |")
        w("")

    # --- targets -----------------------------------------------------------------
    w("### Targets")
    w("")
    big = import_at.get(IMPORT_TARGET_ROWS)
    if big and "failed" not in big[0]:
        kith, floor, rows, _ = big
        met = kith["seconds"] <= IMPORT_SECONDS_TARGET
        w(f"- 1,000,000-row LinkedIn import ≤ {IMPORT_SECONDS_TARGET:.0f} s, indexes included: "
          f"**{'met' if met else 'not met'}** ({seconds(kith['seconds'])}, {number(rows / kith['seconds'])} rows/s"
          + ("" if met else f"; {kith['seconds'] / IMPORT_SECONDS_TARGET:.1f}× over") + ")")
        if floor and "failed" not in floor:
            ratio = kith["seconds"] / floor["seconds"]
            w(f"- within {FLOOR_RATIO_TARGET:.0f}× of sqlite3 `.import` of the same file: "
              f"**{'met' if ratio <= FLOOR_RATIO_TARGET else 'not met'}** ({ratio:.1f}×; the floor took "
              f"{seconds(floor['seconds'])})")
    else:
        w("- 1,000,000-row LinkedIn import: **not measured** in this run")
    vcard_rate = parse_rate.get("formats/vcard_parse")
    if vcard_rate is not None:
        w(f"- vCard parsing ≥ {VCARD_PARSE_TARGET:.0f} MB/s: **{'met' if vcard_rate >= VCARD_PARSE_TARGET else 'not met'}** "
          f"({vcard_rate:.1f} MB/s)")
    else:
        w(f"- vCard parsing ≥ {VCARD_PARSE_TARGET:.0f} MB/s: **not measured** (the reader did not run; see above)")
    for label, data in flat:
        if data is None:
            w(f"- Peak memory flat as the file grows ({label}): **not measured** (needs two sizes)")
            continue
        small, large, a, b, growth = data
        w(f"- Peak memory flat as the file grows ({label}; flat = at most {FLAT_RSS_RATIO:.2f}× while the file "
          f"grows {large / small:.0f}×): **{'met' if growth <= FLAT_RSS_RATIO else 'not met'}** "
          f"({rss(a)} at {number(small)}, {rss(b)} at {number(large)})")
    print("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: transfer_report.py RESULTS_DIR\n")
        sys.exit(2)
    main(sys.argv[1])
