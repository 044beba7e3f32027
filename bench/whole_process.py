#!/usr/bin/env python3
"""Whole-process time of a command, run again and again: the median wall
time and the median CPU time (user + system, from wait4's rusage), with the
peak RSS. On a shared machine the CPU time is the figure that compares;
the wall time carries the machine's load with it.

  bench/whole_process.py [--runs N] [--warmup N] [--label NAME] -- COMMAND ARGS...

Prints one line: label, runs, median wall ms, median CPU ms, min/max wall
ms, the largest peak RSS in MiB, and the 1-minute load average at the end.
Output of the command goes to /dev/null; a run that exits non-zero fails
the whole measurement.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    started = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(command, stdout=null, stderr=null)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} exited {os.waitstatus_to_exitcode(status)}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--label", default="")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("no command given")
    for _ in range(options.warmup):
        run_once(command)
    walls, cpus, rss = [], [], []
    for _ in range(options.runs):
        wall, cpu, peak = run_once(command)
        walls.append(wall)
        cpus.append(cpu)
        rss.append(peak)
    label = options.label or " ".join(command)
    print(f"{label}: {options.runs} runs, median wall {statistics.median(walls):.1f} ms, "
          f"median CPU {statistics.median(cpus):.1f} ms, wall {min(walls):.1f}-{max(walls):.1f} ms, "
          f"peak RSS {max(rss):.1f} MiB, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
