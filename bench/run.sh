#!/usr/bin/env bash
# bench/run.sh — measures kith search and insert performance and prints a
# markdown report to paste into BENCHMARKS.md.
#
# For each database size it:
#   1. generates a seeded database with `kith gen` (cached; the bulk insert
#      rate is the `kith gen` timing: people added / seconds in GenerateContacts),
#   2. builds the floor: a plain FTS5 table (name, company, title, city, tags,
#      notes) filled from the same contacts, queried the naive way
#      (MATCH … ORDER BY bm25 LIMIT 20),
#   3. runs kith_bench: p50/p99 of each query class in-process
#      (kith::SearchContacts, kith::Search ids only, and the floor through the
#      SQLite C API), single queries repeated $KITH_BENCH_REPETITIONS times,
#   4. times `kith search` as a whole process with hyperfine (median) beside
#      the floor asked through the sqlite3 shell, and records the peak RSS of
#      `kith search` with /usr/bin/time -v,
#   5. at $KITH_BENCH_KHARD_SIZE people: exports the contacts as vCards and
#      times `khard list` against `kith list`, and `khard list TERMS` against
#      `kith search QUERY`, with hyperfine.
# Once per run it also measures the bulk insert rate of the current build with
# kith_bench's insert/generate benchmark. The query classes come from
# bench/queries.tsv, shared with kith_bench.
#
# Usage:
#   bench/run.sh                                  # 10k, 100k and 1M people
#   KITH_BENCH_SIZES="10000 100000" bench/run.sh  # skip 1M
#
# Environment (all optional):
#   KITH_BENCH_SIZES        sizes to measure (default "10000 100000 1000000")
#   KITH_BENCH_SEED         generator seed (default 7)
#   KITH_BENCH_DATA         where databases, vCards and results go
#                           (default bench/data, which is gitignored)
#   KITH_BENCH_REGENERATE=1 regenerate databases even when cached (they are
#                           regenerated anyway when the sources that write them,
#                           src/{app,demo,domain,formats,store}, have changed)
#   KITH_BENCH_REPETITIONS  repetitions per query class in kith_bench (default 200)
#   KITH_BENCH_CLI_RUNS     hyperfine runs per command (default 30)
#   KITH_BENCH_RSS_RUNS     /usr/bin/time runs per query class (default 5; the maximum is kept)
#   KITH_BENCH_KHARD_SIZE   size compared with khard (default 10000; empty to skip)
#   KITH_BENCH_KHARD_RUNS   hyperfine runs per khard command (default 5)
#   KITH_BENCH_QUIET_WAIT   seconds to wait, before each measured stage, for no
#                           other process to be running (default 120; 0 to not
#                           wait). The load average at the start and end of each
#                           stage is recorded either way and shown in the report.
#   KITH_BUILD_DIR          CMake build directory (default build-bench, so `make test`'s
#                           build/ keeps its own build type and is not rebuilt)
#   KITH_BUILD_TYPE         CMake build type of that directory (default Release)
#   KITH_CMAKE_ARGS         extra arguments for the CMake configure step
#
# Results (JSON from each tool, logs, and report.md) are kept under
# $KITH_BENCH_DATA/results/<timestamp>/. Everything measured is read from those
# files by bench/report.py; nothing in the report is typed in by hand.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
sizes="${KITH_BENCH_SIZES:-10000 100000 1000000}"
seed="${KITH_BENCH_SEED:-7}"
data_dir="${KITH_BENCH_DATA:-$bench_dir/data}"
build_dir="${KITH_BUILD_DIR:-$repo_dir/build-bench}"
build_type="${KITH_BUILD_TYPE:-Release}"
cli_runs="${KITH_BENCH_CLI_RUNS:-30}"
rss_runs="${KITH_BENCH_RSS_RUNS:-5}"
khard_size="${KITH_BENCH_KHARD_SIZE-10000}"
khard_runs="${KITH_BENCH_KHARD_RUNS:-5}"
queries_file="${KITH_BENCH_QUERIES:-$bench_dir/queries.tsv}"
# The date kith_bench uses too (bench_support.h), so every run sees the same people.
today="2026-11-26"
limit=20

quiet_wait="${KITH_BENCH_QUIET_WAIT:-120}"

log() { printf '>> %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------

need_packages=()
for tool in hyperfine khard sqlite3 jq python3; do
  command -v "$tool" >/dev/null || need_packages+=("$tool")
done
[[ -x /usr/bin/time ]] || need_packages+=(time)
if ((${#need_packages[@]})); then
  log "installing ${need_packages[*]}"
  sudo_command=()
  [[ $(id -u) -eq 0 ]] || sudo_command=(sudo)
  "${sudo_command[@]}" apt-get install -y "${need_packages[@]}" >&2
fi

# --- build -------------------------------------------------------------------

log "building $build_type in $build_dir"
# shellcheck disable=SC2086  # KITH_CMAKE_ARGS is a list of arguments
cmake -S "$repo_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DKITH_BUILD_BENCH=ON \
  ${KITH_CMAKE_ARGS:-} >&2
cmake --build "$build_dir" -j"$(nproc)" --target kith kith_bench >&2
kith="$build_dir/src/kith"
kith_bench="$build_dir/bench/kith_bench"

results="$data_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
log "results go to $results"
cp "$queries_file" "$results/queries.tsv"

# The query classes, in file order: parallel arrays indexed alike.
classes=() kith_queries=() floor_queries=() khard_queries=()
while IFS=$'\t' read -r name kith_query floor_query khard_query; do
  [[ -z $name || $name == \#* ]] && continue
  classes+=("$name") kith_queries+=("$kith_query") floor_queries+=("$floor_query")
  khard_queries+=("$khard_query")
done <"$queries_file"

# Before a measured stage: waits up to $quiet_wait seconds until the CPUs have
# been at least 90% idle for three one-second samples in a row (a compiler on
# a two-core machine doubles tail latencies), then records the load average.
cpu_busy_percent() {
  local user nice system idle iowait irq softirq steal before_idle before_total idle_total total
  read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
  before_idle=$((idle + iowait))
  before_total=$((user + nice + system + idle + iowait + irq + softirq + steal))
  sleep 1
  read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
  idle_total=$((idle + iowait - before_idle))
  total=$((user + nice + system + idle + iowait + irq + softirq + steal - before_total))
  echo $(((total - idle_total) * 100 / (total > 0 ? total : 1)))
}
stage_start() {
  local waited=0 calm=0
  while ((waited < quiet_wait && calm < 3)); do
    if (($(cpu_busy_percent) <= 10)); then calm=$((calm + 1)); else calm=0; fi
    waited=$((waited + 1))
  done
  printf '%s\tstart\t%s\t%s\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)" "$waited" >>"$results/loads.tsv"
}
stage_end() { printf '%s\tend\t%s\t0\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)" >>"$results/loads.tsv"; }

# Quotes a word for hyperfine's shell-less command parsing (single quotes).
quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# --- machine -----------------------------------------------------------------

{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo)"
  echo "sqlite_shell=$(sqlite3 --version | cut -d' ' -f1)"
  echo "sqlite_linked=$(sqlite3 :memory: 'select sqlite_version()')"
  echo "kernel=$(uname -r)"
  # Which sources were measured: a digest of every file under src/ and bench/.
  echo "source_digest=$(cd "$repo_dir" && find src bench -type f ! -path 'bench/data/*' -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  echo "build_type=$(grep -E '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2) $(grep -E '^KITH_WERROR' "$build_dir/CMakeCache.txt" | cut -d= -f2 |
    sed 's/^/KITH_WERROR=/')"
  echo "compiler=$(c++ --version | head -1)"
  echo "hyperfine=$(hyperfine --version)"
  echo "khard=$(khard --version 2>&1 | head -1)"
  echo "seed=$seed"
  echo "repetitions=${KITH_BENCH_REPETITIONS:-200}"
  echo "cli_runs=$cli_runs"
} >"$results/machine.txt"

# What a generated database depends on: the sources that make and store people.
data_digest=$(cd "$repo_dir" && find src/app src/demo src/domain src/formats src/store -type f -print0 |
  sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)

# --- insert rate of this build -----------------------------------------------

log "kith_bench insert/generate"
stage_start insert
"$kith_bench" --benchmark_filter='^insert/' --benchmark_out="$results/insert.json" \
  --benchmark_out_format=json >"$results/insert.log"
stage_end insert

# --- per size ----------------------------------------------------------------

for size in $sizes; do
  database="$data_dir/kith-$size-seed$seed.db"
  floor_database="$data_dir/plain-$size-seed$seed.db"
  generation="$database.gen.json"

  cached_digest=""
  [[ -f $generation ]] && cached_digest=$(jq -r '.source_digest // ""' "$generation")
  if [[ ! -f $database || $cached_digest != "$data_digest" || ${KITH_BENCH_REGENERATE:-0} == 1 ]]; then
    log "generating $size people (seed $seed)"
    stage_start "gen-$size"
    rm -f "$database" "$database-wal" "$database-shm" "$floor_database" "$floor_database.partial"
    "$kith" --db "$database.partial" --today "$today" --json gen "$size" --seed "$seed" \
      >"$generation.partial"
    mv "$database.partial" "$database"
    jq --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg digest "$data_digest" \
      '. + {generated_at: $date, source_digest: $digest}' "$generation.partial" >"$generation"
    rm -f "$generation.partial"
    stage_end "gen-$size"
  fi
  cp "$generation" "$results/gen-$size.json"
  stat -c %s "$database" >"$results/dbsize-$size.txt"

  if [[ ! -f $floor_database ]]; then
    log "building the floor for $size people"
    rm -f "$floor_database.partial"
    sqlite3 "$floor_database.partial" <<SQL
ATTACH '$database' AS kith;
CREATE VIRTUAL TABLE plain USING fts5(name, company, title, city, tags, notes,
  tokenize='unicode61 remove_diacritics 2');
INSERT INTO plain(rowid, name, company, title, city, tags, notes)
  SELECT c.id, c.display_name, c.company, c.title, c.city,
         coalesce((SELECT group_concat(v.value, ' ') FROM kith.contact_labels l
                   JOIN kith.label_values v ON v.id = l.value_id
                   WHERE l.contact_id = c.id AND l.kind = 2), ''),
         c.notes
  FROM kith.contacts c WHERE c.trashed_at IS NULL;
SQL
    mv "$floor_database.partial" "$floor_database"
  fi

  log "kith_bench search/search_ids/floor at $size"
  stage_start "kith_bench-$size"
  KITH_BENCH_DB="$database" KITH_BENCH_FLOOR_DB="$floor_database" KITH_BENCH_QUERIES="$queries_file" \
    "$kith_bench" --benchmark_filter='^(search|search_ids|floor)/' \
    --benchmark_out="$results/bench-$size.json" --benchmark_out_format=json >"$results/bench-$size.log"
  stage_end "kith_bench-$size"

  log "whole-process kith search and sqlite3 floor at $size"
  kith_commands=() floor_commands=()
  mkdir -p "$results/floor-sql"
  for i in "${!classes[@]}"; do
    kith_commands+=(-n "${classes[$i]}"
      "$kith --db $(quote "$database") --today $today search $(quote "${kith_queries[$i]}") --limit $limit")
    sql_file="$results/floor-sql/${classes[$i]}.sql"
    printf "SELECT rowid FROM plain WHERE plain MATCH '%s' ORDER BY bm25(plain) LIMIT %d;\n" \
      "${floor_queries[$i]//\'/\'\'}" "$limit" >"$sql_file"
    floor_commands+=(-n "${classes[$i]}" "sqlite3 -readonly $(quote "$floor_database") $(quote ".read $sql_file")")
  done
  stage_start "process-$size"
  hyperfine -N --output=pipe --warmup 3 --runs "$cli_runs" --export-json "$results/cli-$size.json" \
    "${kith_commands[@]}" >"$results/cli-$size.log"
  hyperfine -N --output=pipe --warmup 3 --runs "$cli_runs" --export-json "$results/floor-cli-$size.json" \
    "${floor_commands[@]}" >"$results/floor-cli-$size.log"
  stage_end "process-$size"

  log "peak RSS of kith search at $size"
  stage_start "rss-$size"
  : >"$results/rss-$size.tsv"
  for i in "${!classes[@]}"; do
    peak=0
    for ((run = 0; run < rss_runs; run++)); do
      /usr/bin/time -v -o "$results/time.txt" "$kith" --db "$database" --today "$today" \
        search "${kith_queries[$i]}" --limit "$limit" >/dev/null
      kilobytes=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$results/time.txt")
      if ((kilobytes > peak)); then peak=$kilobytes; fi
    done
    printf '%s\t%s\n' "${classes[$i]}" "$peak" >>"$results/rss-$size.tsv"
  done
  rm -f "$results/time.txt"
  stage_end "rss-$size"

  if [[ $size == "$khard_size" ]]; then
    log "khard against kith at $size"
    book="$data_dir/vcards-$size-seed$seed"
    if [[ ! -f $book/.complete || $database -nt $book/.complete ]]; then
      rm -rf "$book"
      "$kith" --db "$database" --today "$today" --json list --limit "$size" |
        python3 "$bench_dir/to_vcards.py" "$book" >&2
      touch "$book/.complete"
    fi
    find "$book" -maxdepth 1 -name '*.vcf' | wc -l >"$results/vcards-$size.txt"
    khard_config="$results/khard.conf"
    cat >"$khard_config" <<CONF
[addressbooks]
[[kith]]
path = $book

[general]
debug = no
default_action = list
editor = /bin/true
merge_editor = /bin/true

[contact table]
display = formatted_name
group_by_addressbook = no
reverse = no
show_nicknames = no
show_uids = no
sort = last_name
localize_dates = yes
preferred_phone_number_type = pref, cell, home
preferred_email_address_type = pref, work, home

[vcard]
private_objects = ,
search_in_source_files = no
skip_unparsable = no
CONF
    khard_commands=(-n "khard list" "khard -c $(quote "$khard_config") list"
      -n "kith list" "$kith --db $(quote "$database") --today $today list --limit $size")
    for i in "${!classes[@]}"; do
      [[ ${khard_queries[$i]} == "-" ]] && continue
      khard_words=""
      for word in ${khard_queries[$i]}; do khard_words+=" $(quote "$word")"; done
      khard_commands+=(-n "khard ${classes[$i]}" "khard -c $(quote "$khard_config") list$khard_words"
        -n "kith ${classes[$i]}"
        "$kith --db $(quote "$database") --today $today search $(quote "${kith_queries[$i]}") --limit $limit")
    done
    # khard exits non-zero when nothing matches; that is an answer, not a failure.
    stage_start "khard-$size"
    hyperfine -N --output=pipe -i --warmup 1 --runs "$khard_runs" --export-json "$results/khard-$size.json" \
      "${khard_commands[@]}" >"$results/khard-$size.log"
    stage_end "khard-$size"
  fi
done

# shellcheck disable=SC2086  # one argument per size
python3 "$bench_dir/report.py" "$results" $sizes | tee "$results/report.md"
log "report saved to $results/report.md"
