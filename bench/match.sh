#!/usr/bin/env bash
# `kith match` at 1,000,000 people (issue 6): the whole process, top 20 with
# reasons, for a few representative opportunities. Target: median <= 200 ms.
#
#   bench/match.sh                       # uses bench/data/match-1m.db, copying it if missing
#
# Environment:
#   KITH                    the binary (default build/src/kith); copied into the results
#                           directory for the run, so a concurrent rebuild cannot swap it
#   KITH_MATCH_SOURCE_DB    the generated 1M database (default bench/data/kith-1000000-seed7.db,
#                           written by bench/run.sh: `kith gen 1000000 --seed 7`); never opened
#   KITH_MATCH_DB           the working copy (default bench/data/match-1m.db). Copied from the
#                           source when missing; the first open upgrades its schema in place.
#   KITH_MATCH_RUNS         timed runs per opportunity (default 15, after 3 warm-up runs)
#   KITH_MATCH_QUIET_WAIT   seconds to wait for a quiet machine before timing (default 120)
#   KITH_MATCH_QUIET_BUSY   "quiet": whole-machine CPU busy at most this percent for 3 s in a
#                           row (default 55: one of two CPUs free; 10 for an idle machine)
#   KITH_MATCH_NICE         niceness of the timed processes (default 10: the machine is shared)
#   KITH_MATCH_OUT          results directory (default bench/data/results/match-<UTC time>)
#
# Times are warm page cache (3 warm-up runs first): a person running `kith match`
# twice in a row, not the first query after a reboot. Peak RSS comes from
# /usr/bin/time -v (the largest of 3 runs). Needs hyperfine, python3, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

kith_src="${KITH:-build/src/kith}"
source_db="${KITH_MATCH_SOURCE_DB:-bench/data/kith-1000000-seed7.db}"
db="${KITH_MATCH_DB:-bench/data/match-1m.db}"
runs="${KITH_MATCH_RUNS:-15}"
quiet_wait="${KITH_MATCH_QUIET_WAIT:-120}"
quiet_busy="${KITH_MATCH_QUIET_BUSY:-55}"
niceness="${KITH_MATCH_NICE:-10}"
out="${KITH_MATCH_OUT:-bench/data/results/match-$(date -u +%Y%m%d-%H%M%S)}"
today=2026-11-26
target_ms=200

log() { printf '>> %s\n' "$*" >&2; }
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { log "missing $tool"; exit 1; }
done

mkdir -p "$out"
kith="$out/kith"
cp "$kith_src" "$kith"
trap 'rm -f "$kith"' EXIT  # its sha256 stays in environment.txt

if [[ ! -f "$db" ]]; then
  [[ -f "$source_db" ]] || { log "no $source_db: run bench/run.sh (KITH_BENCH_SIZES=1000000) first"; exit 1; }
  log "copying $source_db to $db"
  cp --reflink=auto "$source_db" "$db"
  log "first open (upgrades the schema in place)"
  /usr/bin/time -f '%e' -o "$out/first-open-seconds.txt" \
    nice -n "$niceness" "$kith" --db "$db" --today "$today" opp list >/dev/null
fi

k() { "$kith" --db "$db" --today "$today" "$@"; }

# The opportunities: a job, a project, tickets, an intro and one described only in
# words. Added once; later runs find them by title.
opportunities=(
  "job|Staff C++ engineer|--skill|C++|--skill|SQLite|--place|Chicago"
  "project|Brand refresh for a coffee roaster|--skill|branding|--skill|typography"
  "tickets|Two tickets to the jazz festival|--skill|jazz|--place|Chicago"
  "intro|A startup wants to meet Rust people|--skill|Rust"
  "other|Looking for a weekend trip buddy|--description|A weekend of hiking and camping in Wisconsin."
)
existing="$(k --json opp list)"
ids=()
for line in "${opportunities[@]}"; do
  IFS='|' read -r -a fields <<<"$line"
  kind="${fields[0]}" title="${fields[1]}"
  id="$(python3 -c 'import json,sys; print(next((o["id"] for o in json.loads(sys.argv[1]) if o["title"] == sys.argv[2]), ""))' \
    "$existing" "$title")"
  if [[ -z "$id" ]]; then
    id="$(k --json opp add "$title" --kind "$kind" "${fields[@]:2}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
    log "added opportunity $id: $title"
  fi
  ids+=("$id")
  printf '%s\t%s\t%s\n' "$id" "$kind" "$title" >>"$out/opportunities.tsv"
done

# Wait until the machine is quiet (busy <= $quiet_busy% over a second, three
# seconds in a row; by default one of two CPUs free: the timed process is
# single-threaded).
cpu_busy_percent() {
  local user nice system idle iowait irq softirq steal before_idle before_total
  read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
  before_idle=$((idle + iowait))
  before_total=$((user + nice + system + idle + iowait + irq + softirq + steal))
  sleep 1
  read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
  local idle_delta=$((idle + iowait - before_idle))
  local total=$((user + nice + system + idle + iowait + irq + softirq + steal - before_total))
  echo $(((total - idle_delta) * 100 / (total > 0 ? total : 1)))
}
waited=0 calm=0
while ((waited < quiet_wait && calm < 3)); do
  if (($(cpu_busy_percent) <= quiet_busy)); then calm=$((calm + 1)); else calm=0; fi
  waited=$((waited + 1))
done
log "waited ${waited}s for CPU busy <= ${quiet_busy}%; load average $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "waited_seconds=$waited (limit $quiet_wait, busy <= $quiet_busy%)"
  echo "loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "kith_sha256=$(sha256sum "$kith" | cut -c1-16)"
  echo "db_bytes=$(stat -c %s "$db")"
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$out/environment.txt"

for id in "${ids[@]}"; do
  k match "$id" --limit 20 >"$out/match-$id.txt"
  nice -n "$niceness" hyperfine -N --warmup 3 --runs "$runs" --style basic \
    --export-json "$out/hyperfine-$id.json" \
    "$kith --db $db --today $today match $id --limit 20" >&2
  for _ in 1 2 3; do
    nice -n "$niceness" /usr/bin/time -v "$kith" --db "$db" --today "$today" match "$id" --limit 20 \
      2>&1 >/dev/null | sed -n 's/^\tMaximum resident set size (kbytes): //p'
  done | sort -n | tail -1 >"$out/rss-kb-$id.txt"
done
echo "loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/environment.txt"

python3 - "$out" "$target_ms" <<'EOF' | tee "$out/report.md"
import json, math, os, sys
out, target = sys.argv[1], float(sys.argv[2])
env = dict(line.rstrip("\n").split("=", 1) for line in open(os.path.join(out, "environment.txt")))
print(f"`kith match ID --limit 20` (text, with reasons), whole process, "
      f"{int(env['db_bytes']) / 1e9:.2f} GB database of 1,000,000 people; {env['cpu']}; "
      f"{env['date']}; kith {env['kith_sha256']}; load average {env['loadavg_before']} before, "
      f"{env['loadavg_after']} after.\n")
print("| opportunity | kind | runs | median ms | p90 ms | min ms | max ms | peak RSS MB |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
medians, p90s, rss_all = [], [], []
for line in open(os.path.join(out, "opportunities.tsv")):
    oid, kind, title = line.rstrip("\n").split("\t")
    times = sorted(json.load(open(os.path.join(out, f"hyperfine-{oid}.json")))["results"][0]["times"])
    ms = [t * 1000 for t in times]
    n = len(ms)
    median = (ms[(n - 1) // 2] + ms[n // 2]) / 2
    p90 = ms[math.ceil(0.9 * n) - 1]  # nearest rank
    rss = int(open(os.path.join(out, f"rss-kb-{oid}.txt")).read()) / 1024
    medians.append(median); p90s.append(p90); rss_all.append(rss)
    print(f"| #{oid} {title} | {kind} | {n} | {median:.1f} | {p90:.1f} | {ms[0]:.1f} | {ms[-1]:.1f} | {rss:.1f} |")
worst = max(medians)
print()
print(f"Target median ≤ {target:.0f} ms: **{'met' if worst <= target else 'not met'}** "
      f"(slowest median {worst:.1f} ms, slowest p90 {max(p90s):.1f} ms, largest RSS {max(rss_all):.1f} MB).")
EOF
log "results in $out"
