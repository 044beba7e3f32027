#!/usr/bin/env python3
"""Turns the files bench/run.sh wrote into a markdown report.

Usage: bench/report.py RESULTS_DIRECTORY SIZE...

Every number comes from the tools' own output in RESULTS_DIRECTORY:
kith_bench JSON (bench-SIZE.json, insert.json), hyperfine JSON
(cli-SIZE.json, floor-cli-SIZE.json, khard-SIZE.json), `kith gen --json`
(gen-SIZE.json) and /usr/bin/time -v peaks (rss-SIZE.tsv). The targets are
checked here against those numbers, at 1,000,000 people when that size was
measured.
"""

import json
import os
import sys

TARGET_SIZE = 1_000_000
TARGET_P99_MS = 5.0
TARGET_PROCESS_MS = 30.0
TARGET_RSS_MB = 40.0
TARGET_INSERT_PER_SECOND = 100_000
TARGET_KHARD_RATIO = 100.0

UNIT_TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def load_json(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as source:
        return json.load(source)


def milliseconds(value):
    if value is None:
        return "–"
    if value < 1:
        return "%.3f ms" % value
    if value < 10:
        return "%.2f ms" % value
    return "%.1f ms" % value


def times(value):
    return "%.1f×" % value if value < 100 else "%.0f×" % value


def ratio(numerator, denominator):
    if numerator is None or denominator is None or denominator <= 0:
        return "–"
    return times(numerator / denominator)


def versus(kith, floor):
    """kith against the floor, in words: "12× faster" or "2.6× slower"."""
    if kith is None or floor is None or kith <= 0 or floor <= 0:
        return "–"
    if kith <= floor:
        return times(floor / kith) + " faster"
    return times(kith / floor) + " slower"


def read_queries(directory):
    classes = []
    with open(os.path.join(directory, "queries.tsv"), encoding="utf-8") as source:
        for line in source:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, kith, floor, khard = line.split("\t")
            classes.append({"name": name, "kith": kith, "floor": floor, "khard": khard})
    return classes


def read_machine(directory):
    machine = {}
    with open(os.path.join(directory, "machine.txt"), encoding="utf-8") as source:
        for line in source:
            key, _, value = line.rstrip("\n").partition("=")
            machine[key] = value
    return machine


def benchmark_aggregates(report):
    """{(family, class): {"p50": ms, "p99": ms, "hits": n, "error": text}}"""
    found = {}
    for entry in (report or {}).get("benchmarks", []):
        parts = entry.get("run_name", entry["name"]).split("/")
        key = (parts[0], parts[1] if len(parts) > 1 else "")
        slot = found.setdefault(key, {})
        if entry.get("error_occurred"):
            slot["error"] = entry.get("error_message", "error")
            continue
        aggregate = entry.get("aggregate_name")
        if aggregate in ("p50", "p99", "median", "mean"):
            slot[aggregate] = entry["real_time"] * UNIT_TO_MS[entry["time_unit"]]
        if aggregate == "median":
            for counter in ("hits", "contacts_per_second"):
                if counter in entry:
                    slot[counter] = entry[counter]
    return found


def hyperfine_medians(report):
    """{command name: median in ms}"""
    return {result["command"]: result["median"] * 1e3 for result in (report or {}).get("results", [])}


def read_rss(path):
    peaks = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as source:
            for line in source:
                name, kilobytes = line.split("\t")
                peaks[name] = int(kilobytes) / 1024
    return peaks


def verdict(met):
    return "**met**" if met else "**not met**"


def main(arguments):
    if len(arguments) < 2:
        sys.stderr.write(__doc__)
        return 2
    directory = arguments[0]
    sizes = [int(size) for size in arguments[1:]]
    classes = read_queries(directory)
    machine = read_machine(directory)
    out = []
    write = out.append

    write("### Machine\n")
    write("- Date: %s" % machine.get("date"))
    write("- CPU: %s, %s cores (nproc)" % (machine.get("cpu"), machine.get("nproc")))
    write("- RAM: %.1f GiB" % (int(machine.get("memory_kb", "0")) / 1024 / 1024))
    write("- SQLite: %s (sqlite3 shell; kith links the same system library)" % machine.get("sqlite_linked"))
    write("- Sources: digest %s of src/ and bench/; %s" % (machine.get("source_digest"),
                                                        machine.get("build_type")))
    write("- Kernel %s; %s; %s; %s" % (machine.get("kernel"), machine.get("compiler"),
                                     machine.get("hyperfine"), machine.get("khard")))
    write("- Seed %s; %s repetitions per query class in-process; %s hyperfine runs per command\n" %
          (machine.get("seed"), machine.get("repetitions"), machine.get("cli_runs")))

    write("### Bulk insert\n")
    write("| people | `kith gen` seconds | contacts/s | database size | generated |")
    write("|---:|---:|---:|---:|---|")
    insert_rates = {}
    for size in sizes:
        generation = load_json(os.path.join(directory, "gen-%d.json" % size))
        if not generation:
            continue
        rate = generation["added"] / generation["seconds"]
        insert_rates[size] = rate
        database_bytes = 0
        size_file = os.path.join(directory, "dbsize-%d.txt" % size)
        if os.path.exists(size_file):
            with open(size_file, encoding="utf-8") as source:
                database_bytes = int(source.read().strip() or 0)
        write("| %s | %.2f | %s | %.0f MB | %s |" % (f"{size:,}", generation["seconds"], f"{rate:,.0f}",
                                                    database_bytes / 1e6, generation.get("generated_at", "–")))
    insert = benchmark_aggregates(load_json(os.path.join(directory, "insert.json")))
    in_process = insert.get(("insert", "generate"), {})
    if "contacts_per_second" in in_process:
        write("\nkith_bench `insert/generate` (this build, fresh database each repetition): median "
              "%s contacts/s." % f"{in_process['contacts_per_second']:,.0f}")
    elif "error" in in_process:
        write("\nkith_bench `insert/generate` failed: %s" % in_process["error"])
    write("")

    per_size = {}
    for size in sizes:
        bench = benchmark_aggregates(load_json(os.path.join(directory, "bench-%d.json" % size)))
        processes = hyperfine_medians(load_json(os.path.join(directory, "cli-%d.json" % size)))
        floor_processes = hyperfine_medians(load_json(os.path.join(directory, "floor-cli-%d.json" % size)))
        peaks = read_rss(os.path.join(directory, "rss-%d.tsv" % size))
        per_size[size] = (bench, processes, peaks)
        write("### %s people\n" % f"{size:,}")
        write("| query class | query | kith p50 | kith p99 | ids only p50 | floor p50 | floor p99 "
              "| kith vs floor p50 | kith vs floor p99 | hits kith / floor | `kith search` process "
              "| sqlite3 floor process | peak RSS |")
        write("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for query in classes:
            name = query["name"]
            kith = bench.get(("search", name), {})
            ids = bench.get(("search_ids", name), {})
            floor = bench.get(("floor", name), {})
            if "error" in kith:
                write("| %s | `%s` | error: %s |||||||||||" % (name, query["kith"], kith["error"]))
                continue
            hits = "%s / %s" % (int(kith["hits"]) if "hits" in kith else "–",
                                int(floor["hits"]) if "hits" in floor else "–")
            write("| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                name, query["kith"], milliseconds(kith.get("p50")), milliseconds(kith.get("p99")),
                milliseconds(ids.get("p50")), milliseconds(floor.get("p50")),
                milliseconds(floor.get("p99")), versus(kith.get("p50"), floor.get("p50")),
                versus(kith.get("p99"), floor.get("p99")), hits, milliseconds(processes.get(name)),
                milliseconds(floor_processes.get(name)),
                "%.1f MB" % peaks[name] if name in peaks else "–"))
        write("")

        khard = hyperfine_medians(load_json(os.path.join(directory, "khard-%d.json" % size)))
        if khard:
            write("#### khard against kith at %s people\n" % f"{size:,}")
            write("| what | khard median | kith median | khard ÷ kith |")
            write("|---|---:|---:|---:|")
            rows = [("list everyone", "khard list", "kith list")]
            rows += [("search %s (`%s` / khard `%s`)" % (query["name"], query["kith"], query["khard"]),
                      "khard " + query["name"], "kith " + query["name"])
                     for query in classes if query["khard"] != "-"]
            for label, khard_name, kith_name in rows:
                if khard_name in khard and kith_name in khard:
                    write("| %s | %s | %s | %s |" % (label, milliseconds(khard[khard_name]),
                                                    milliseconds(khard[kith_name]),
                                                    ratio(khard[khard_name], khard[kith_name])))
            per_size[size] = (bench, processes, peaks, khard)
            write("")

    loads = os.path.join(directory, "loads.tsv")
    if os.path.exists(loads):
        stages = {}
        with open(loads, encoding="utf-8") as source:
            for line in source:
                stage, when, load, waited = line.rstrip("\n").split("\t")
                slot = stages.setdefault(stage, {})
                slot[when] = load
                if when == "start":
                    slot["waited"] = waited
        write("### Load during the run\n")
        write("The machine has %s cores; another process running beside a stage inflates its tails." %
              machine.get("nproc"))
        write("1-minute load average when each stage started and ended, and how long the script waited "
              "for the machine to be idle first.\n")
        write("| stage | waited | load at start | load at end |")
        write("|---|---:|---:|---:|")
        for stage, slot in stages.items():
            write("| %s | %s s | %s | %s |" % (stage, slot.get("waited", "–"), slot.get("start", "–"),
                                              slot.get("end", "–")))
        write("")

    write("### Targets\n")
    measured_target = TARGET_SIZE in per_size
    target_size = TARGET_SIZE if measured_target else max(per_size) if per_size else None
    if target_size is None:
        write("Nothing was measured.")
        print("\n".join(out))
        return 0
    if not measured_target:
        write("1,000,000 people were not measured in this run; the checks below use the largest size "
              "measured, %s people, and do not decide the 1M targets.\n" % f"{target_size:,}")
    bench, processes, peaks = per_size[target_size][:3]
    p99s = {query["name"]: bench.get(("search", query["name"]), {}).get("p99") for query in classes}
    slow = {name: value for name, value in p99s.items() if value is None or value > TARGET_P99_MS}
    write("- Every query class p99 ≤ %g ms in-process at %s: %s (worst: %s)" % (
        TARGET_P99_MS, f"{target_size:,}", verdict(not slow),
        ", ".join("%s %s" % (name, milliseconds(value)) for name, value in
                  sorted(p99s.items(), key=lambda item: -(item[1] or 1e9))[:3])))
    worst_process = max(processes.values()) if processes else None
    write("- `kith search` whole process ≤ %g ms (median, every class) at %s: %s (slowest median %s)" % (
        TARGET_PROCESS_MS, f"{target_size:,}",
        verdict(worst_process is not None and worst_process <= TARGET_PROCESS_MS), milliseconds(worst_process)))
    worst_rss = max(peaks.values()) if peaks else None
    write("- `kith search` peak RSS ≤ %g MB at %s: %s (largest %s)" % (
        TARGET_RSS_MB, f"{target_size:,}",
        verdict(worst_rss is not None and worst_rss <= TARGET_RSS_MB),
        "%.1f MB" % worst_rss if worst_rss is not None else "–"))
    if insert_rates:
        rate_size = TARGET_SIZE if TARGET_SIZE in insert_rates else max(insert_rates)
        rate = insert_rates[rate_size]
        write("- Bulk insert ≥ %s contacts/s (`kith gen` %s): %s (%s contacts/s)" % (
            f"{TARGET_INSERT_PER_SECOND:,}", f"{rate_size:,}", verdict(rate >= TARGET_INSERT_PER_SECOND),
            f"{rate:,.0f}"))
    for size, measured in per_size.items():
        if len(measured) < 4:
            continue
        khard = measured[3]
        ratios = {name[len("khard "):]: khard[name] / khard["kith " + name[len("khard "):]]
                  for name in khard if name.startswith("khard ") and "kith " + name[len("khard "):] in khard}
        searches = {name: value for name, value in ratios.items() if name != "list"}
        if searches:
            smallest = min(searches, key=searches.get)
            write("- ≥ %g× faster than khard at %s, searching: %s (smallest ratio %s, %s)" % (
                TARGET_KHARD_RATIO, f"{size:,}", verdict(searches[smallest] >= TARGET_KHARD_RATIO),
                times(searches[smallest]), smallest))
        if "list" in ratios:
            write("- ≥ %g× faster than khard at %s, listing everyone: %s (%s)" % (
                TARGET_KHARD_RATIO, f"{size:,}", verdict(ratios["list"] >= TARGET_KHARD_RATIO),
                times(ratios["list"])))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
