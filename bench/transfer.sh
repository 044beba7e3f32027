#!/usr/bin/env bash
# bench/transfer.sh — measures `kith import` and `kith export` and prints a
# markdown report to paste into BENCHMARKS.md ("Import and export").
#
# For each CSV size (rows) it:
#   1. writes a LinkedIn Connections.csv with bench/make_linkedin_csv.py
#      (cached under $KITH_BENCH_DATA/transfer/),
#   2. times `kith import FILE` into a fresh, empty database, and the floor:
#      the sqlite3 shell's `.import --skip 4` of the same file into a bare
#      7-column table with no index (the 4 skipped records are LinkedIn's
#      "Notes:" preamble, its explanation, the blank line and the header; the
#      floor's row count is checked against the file's). Each under
#      /usr/bin/time -v: wall time and peak RSS; the runs alternate kith, floor
#      (the floor always gets $KITH_BENCH_IMPORT_RUNS runs, even at 1M),
#   3. at $KITH_BENCH_DRY_RUN_SIZES rows, times `kith import --dry-run` (all
#      the work, then a rollback instead of the commit).
# For each vCard size (people) it:
#   4. generates a database with `kith gen N --seed S` (cached; regenerated when
#      src/{app,demo,domain,formats,store} change), times `kith export -o
#      cards.vcf` (vCard 4.0, the default), and then `kith import cards.vcf`
#      of that file, as exported, into a fresh database.
# Then:
#   5. runs kith_bench's formats/ benchmarks, the readers alone on files in
#      memory (no database): formats/vcard_parse on the largest cards.vcf and
#      formats/linkedin_csv_parse on the $KITH_BENCH_CSV_PARSE_SIZE-row CSV,
#      $KITH_BENCH_PARSE_REPETITIONS repetitions, median bytes/s,
#   6. exports the $KITH_BENCH_EXPORT_SIZE-person database to csv, vcard, xlsx
#      and json (`kith export --format F -o FILE`): wall time, peak RSS, size.
#      That database is, in order of preference: $KITH_BENCH_EXPORT_DB; a cached
#      copy in $KITH_BENCH_DATA/transfer/; a copy of bench/run.sh's
#      kith-<size>-seed<seed>.db; or a fresh `kith gen`. The copy is opened once
#      untimed (to apply any schema migration) and read once into the page cache,
#   7. optionally (KITH_BENCH_PERF_SIZE, when `perf` is installed) records a
#      profile of one CSV import of that many rows and keeps the top symbols.
# Every database a measurement writes is new and is deleted afterwards;
# nothing in bench/data that run.sh made is modified.
#
# Usage:
#   bench/transfer.sh                                         # everything
#   KITH_BENCH_IMPORT_SIZES="10000 100000" KITH_BENCH_EXPORT_SIZE=100000 bench/transfer.sh
#
# Environment (all optional):
#   KITH_BENCH_IMPORT_SIZES   CSV rows to import (default "100000 1000000")
#   KITH_BENCH_VCARD_SIZES    people exported to and imported from vCard
#                             (default "10000 100000"; the largest is parsed in step 5)
#   KITH_BENCH_EXPORT_SIZE    people exported to each format (default 1000000; empty to skip)
#   KITH_BENCH_IMPORT_RUNS    runs of each measured command, median reported (default 3)
#   KITH_BENCH_LARGE_RUNS     runs at sizes of 1,000,000 and more (default: as
#                             KITH_BENCH_IMPORT_RUNS; the report says how many ran)
#   KITH_BENCH_DRY_RUN_SIZES  CSV sizes also imported with --dry-run, once (default "100000")
#   KITH_BENCH_CSV_PARSE_SIZE CSV rows parsed by formats/linkedin_csv_parse (default 100000)
#   KITH_BENCH_PARSE_REPETITIONS  repetitions of each formats/ benchmark (default 5)
#   KITH_BENCH_PERF_SIZE      CSV rows imported under `perf record` (default empty: skip)
#   KITH_BENCH_SEED           seed for the CSV and for `kith gen` (default 7)
#   KITH_BENCH_DATA           where files and results go (default bench/data, gitignored)
#   KITH_BENCH_EXPORT_DB      a kith database to export instead (it is copied first)
#   KITH_BENCH_REGENERATE=1   regenerate cached CSVs and databases
#   KITH_BENCH_QUIET_WAIT     seconds to wait, before each stage, for idle CPUs
#                             (default 120; 0 to not wait), as in run.sh
#   KITH_BUILD_DIR            CMake build directory (default build-bench)
#   KITH_BUILD_TYPE           CMake build type (default RelWithDebInfo)
#   KITH_BUILD_JOBS           parallel build jobs (default: nproc)
#   KITH_BENCH_SKIP_BUILD=1   use the binaries already in KITH_BUILD_DIR
#   KITH_CMAKE_ARGS           extra arguments for the CMake configure step
#
# Results (each command's GNU time output, stdout and stderr, kith_bench's
# JSON, measurements.tsv, machine.txt, report.md) are kept under
# $KITH_BENCH_DATA/results/<timestamp>-transfer/. bench/transfer_report.py
# writes the report from those files alone; nothing in it is typed by hand.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
import_sizes="${KITH_BENCH_IMPORT_SIZES:-100000 1000000}"
vcard_sizes="${KITH_BENCH_VCARD_SIZES:-10000 100000}"
export_size="${KITH_BENCH_EXPORT_SIZE-1000000}"
runs="${KITH_BENCH_IMPORT_RUNS:-3}"
large_runs="${KITH_BENCH_LARGE_RUNS:-$runs}"
dry_run_sizes="${KITH_BENCH_DRY_RUN_SIZES-100000}"
csv_parse_size="${KITH_BENCH_CSV_PARSE_SIZE:-100000}"
parse_repetitions="${KITH_BENCH_PARSE_REPETITIONS:-5}"
perf_size="${KITH_BENCH_PERF_SIZE:-}"
seed="${KITH_BENCH_SEED:-7}"
data_dir="${KITH_BENCH_DATA:-$bench_dir/data}"
build_dir="${KITH_BUILD_DIR:-$repo_dir/build-bench}"
build_type="${KITH_BUILD_TYPE:-RelWithDebInfo}"
build_jobs="${KITH_BUILD_JOBS:-$(nproc)}"
quiet_wait="${KITH_BENCH_QUIET_WAIT:-120}"
regenerate="${KITH_BENCH_REGENERATE:-0}"
# The date run.sh and kith_bench use, so generated people are the same.
today="2026-11-26"
python=/usr/bin/python3

log() { printf '>> %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------

need_packages=()
for tool in sqlite3 jq; do
  command -v "$tool" >/dev/null || need_packages+=("$tool")
done
[[ -x /usr/bin/time ]] || need_packages+=(time)
[[ -x $python ]] || need_packages+=(python3)
if ((${#need_packages[@]})); then
  log "installing ${need_packages[*]}"
  sudo_command=()
  [[ $(id -u) -eq 0 ]] || sudo_command=(sudo)
  "${sudo_command[@]}" apt-get install -y "${need_packages[@]}" >&2
fi

# --- build -------------------------------------------------------------------

if [[ ${KITH_BENCH_SKIP_BUILD:-0} != 1 ]]; then
  log "building $build_type in $build_dir"
  # shellcheck disable=SC2086  # KITH_CMAKE_ARGS is a list of arguments
  cmake -S "$repo_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DKITH_BUILD_BENCH=ON \
    ${KITH_CMAKE_ARGS:-} >&2
  cmake --build "$build_dir" -j"$build_jobs" --target kith kith_bench >&2
fi
kith="$build_dir/src/kith"
kith_bench="$build_dir/bench/kith_bench"

cache="$data_dir/transfer"
scratch="$cache/scratch"
results="$data_dir/results/$(date +%Y%m%d-%H%M%S)-transfer"
mkdir -p "$cache" "$scratch" "$results/runs"
log "results go to $results"
printf 'kind\tsize\trun\tstatus\tbytes\tid\n' >"$results/measurements.tsv"

# --- machine -----------------------------------------------------------------

{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo)"
  echo "sqlite_shell=$(sqlite3 --version | cut -d' ' -f1)"
  echo "sqlite_linked=$(sqlite3 :memory: 'select sqlite_version()')"
  echo "kernel=$(uname -r)"
  echo "filesystem=$(df -T "$data_dir" | awk 'NR==2 {print $2}')"
  echo "source_digest=$(cd "$repo_dir" && find src bench -type f ! -path 'bench/data/*' -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  echo "build_type=$(grep -E '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)"
  echo "compiler=$(c++ --version | head -1)"
  echo "vcard_reader_bytes=$(wc -c <"$repo_dir/src/formats/vcard_reader.cpp")"
  echo "vcard_writer_bytes=$(wc -c <"$repo_dir/src/formats/vcard_writer.cpp")"
  echo "seed=$seed"
  echo "runs=$runs"
  echo "large_runs=$large_runs"
  echo "parse_repetitions=$parse_repetitions"
  echo "import_sizes=$import_sizes"
  echo "vcard_sizes=$vcard_sizes"
  echo "export_size=$export_size"
} >"$results/machine.txt"

# What a generated database depends on: the sources that make and store people.
data_digest=$(cd "$repo_dir" && find src/app src/demo src/domain src/formats src/store -type f -print0 |
  sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)

# --- helpers -----------------------------------------------------------------

# Waits up to $quiet_wait seconds until the CPUs have been at least 90% idle
# for three one-second samples in a row, then records the load (as run.sh).
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

runs_for() { if (($1 >= 1000000)); then echo "$large_runs"; else echo "$runs"; fi; }

remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# A database's size on disk, its WAL included.
db_bytes() {
  local total=0 file
  for file in "$1" "$1-wal"; do
    [[ -f $file ]] && total=$((total + $(stat -c %s "$file")))
  done
  echo "$total"
}

# measure KIND SIZE RUN COMMAND…: runs COMMAND under /usr/bin/time -v (peak
# RSS, CPU time) with stdout and stderr kept, times it with `date +%s%N`, and appends a row to measurements.tsv (the bytes
# column is filled by the caller through $measured_bytes_of, a file or db
# path measured after the command). A failing command is recorded, not fatal.
measured_bytes_of=""
measure() {
  local kind=$1 size=$2 run=$3 id status=0 bytes=0 started
  shift 3
  id="$kind-$size-$run"
  started=$(date +%s%N)
  /usr/bin/time -v -o "$results/runs/$id.time" "$@" >"$results/runs/$id.out" \
    2>"$results/runs/$id.err" || status=$?
  # GNU time rounds the wall time to 10 ms; this is to the nanosecond.
  echo "$(($(date +%s%N) - started))" >"$results/runs/$id.wall_ns"
  if [[ -n $measured_bytes_of ]]; then
    if [[ -d $measured_bytes_of ]]; then
      bytes=$(du -sb "$measured_bytes_of" | cut -f1)
    else
      bytes=$(db_bytes "$measured_bytes_of")
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$size" "$run" "$status" "$bytes" "$id" >>"$results/measurements.tsv"
  if ((status != 0)); then log "  $id failed ($status): $(head -c 300 "$results/runs/$id.err")"; fi
  return 0
}

# A LinkedIn CSV of SIZE rows, cached; prints its path.
linkedin_csv() {
  local size=$1 file="$cache/linkedin-$1-seed$seed.csv"
  if [[ ! -f $file || $bench_dir/make_linkedin_csv.py -nt $file || $regenerate == 1 ]]; then
    log "writing a $size-row LinkedIn CSV"
    "$python" "$bench_dir/make_linkedin_csv.py" "$size" "$seed" >"$file.partial"
    mv "$file.partial" "$file"
  fi
  echo "$file"
}

# A `kith gen SIZE` database, cached by the digest of the sources that write
# it; prints its path.
generated_db() {
  local size=$1 database="$cache/gen-$1-seed$seed.db" cached_digest=""
  local generation="$database.gen.json"
  [[ -f $generation ]] && cached_digest=$(jq -r '.source_digest // ""' "$generation")
  if [[ ! -f $database || $cached_digest != "$data_digest" || $regenerate == 1 ]]; then
    log "generating $size people (seed $seed)"
    remove_db "$database"
    remove_db "$database.partial"
    "$kith" --db "$database.partial" --today "$today" --json gen "$size" --seed "$seed" >"$generation.partial"
    mv "$database.partial" "$database"
    jq --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg digest "$data_digest" \
      '. + {generated_at: $date, source_digest: $digest}' "$generation.partial" >"$generation"
    rm -f "$generation.partial"
  fi
  echo "$database"
}

# --- CSV import against the floor --------------------------------------------

for size in $import_sizes; do
  csv=$(linkedin_csv "$size")
  rows=$(($(wc -l <"$csv") - 4))  # no line breaks inside fields in this generator
  printf '%s\t%s\t%s\n' "$size" "$(stat -c %s "$csv")" "$rows" >>"$results/csv-files.tsv"

  floor_sql="$results/floor-$size.sql"
  cat >"$floor_sql" <<SQL
CREATE TABLE c(first, last, url, email, company, position, connected_on);
.mode csv
.import --skip 4 '$csv' c
SQL
  kith_db="$scratch/import-$size.db"
  floor_db="$scratch/floor-$size.db"
  kith_runs=$(runs_for "$size")
  log "importing $size LinkedIn rows: kith ($kith_runs run(s)) and the sqlite3 floor ($runs)"
  stage_start "import-csv-$size"
  # The floor is cheap: it always gets $runs runs. The runs alternate.
  for ((run = 1; run <= (kith_runs > runs ? kith_runs : runs); run++)); do
    if ((run <= kith_runs)); then
      remove_db "$kith_db"
      measured_bytes_of="$kith_db" measure import-csv "$size" "$run" \
        "$kith" --db "$kith_db" --today "$today" --json import "$csv"
      remove_db "$kith_db"
    fi
    ((run <= runs)) || continue
    remove_db "$floor_db"
    measured_bytes_of="$floor_db" measure floor-csv "$size" "$run" \
      sqlite3 "$floor_db" ".read $floor_sql"
    sqlite3 "$floor_db" 'SELECT count(*) FROM c' >"$results/runs/floor-csv-$size-$run.rows"
    remove_db "$floor_db"
  done
  stage_end "import-csv-$size"

  if [[ " $dry_run_sizes " == *" $size "* ]]; then
    log "kith import --dry-run of $size rows"
    stage_start "import-csv-dry-$size"
    remove_db "$kith_db"
    measured_bytes_of="$kith_db" measure import-csv-dry "$size" 1 \
      "$kith" --db "$kith_db" --today "$today" --json import --dry-run "$csv"
    remove_db "$kith_db"
    stage_end "import-csv-dry-$size"
  fi
done

# --- vCard export and import -------------------------------------------------

largest_vcf=""
for size in $vcard_sizes; do
  source_db=$(generated_db "$size")
  cp "$source_db.gen.json" "$results/gen-$size.json"
  vcf="$cache/cards-$size-seed$seed.vcf"
  log "vCard export and import of $size people"
  stage_start "vcard-$size"
  for ((run = 1; run <= $(runs_for "$size"); run++)); do
    rm -f "$vcf"
    measured_bytes_of="$vcf" measure vcard-export "$size" "$run" \
      "$kith" --db "$source_db" --today "$today" --json export --format vcard -o "$vcf"
  done
  if [[ -s $vcf ]]; then
    largest_vcf="$vcf"
    kith_db="$scratch/vcard-import-$size.db"
    for ((run = 1; run <= $(runs_for "$size"); run++)); do
      remove_db "$kith_db"
      measured_bytes_of="$kith_db" measure vcard-import "$size" "$run" \
        "$kith" --db "$kith_db" --today "$today" --json import "$vcf"
      remove_db "$kith_db"
    done
  fi
  stage_end "vcard-$size"
done

# --- parsing throughput ------------------------------------------------------

csv_for_parse=$(linkedin_csv "$csv_parse_size")
printf 'csv\t%s\t%s\nvcf\t%s\t%s\n' "$csv_for_parse" "$(stat -c %s "$csv_for_parse")" \
  "${largest_vcf:-none}" "$( [[ -n $largest_vcf ]] && stat -c %s "$largest_vcf" || echo 0)" \
  >"$results/parse-files.tsv"
log "kith_bench formats/ (vCard: ${largest_vcf:-none}; CSV: $csv_for_parse)"
stage_start parse
KITH_BENCH_VCF="$largest_vcf" KITH_BENCH_LINKEDIN_CSV="$csv_for_parse" \
  "$kith_bench" --benchmark_filter='^formats/' --benchmark_repetitions="$parse_repetitions" \
  --benchmark_min_time=2 --benchmark_report_aggregates_only=true \
  --benchmark_out="$results/formats.json" --benchmark_out_format=json >"$results/formats.log" 2>&1 ||
  log "kith_bench formats/ failed: see $results/formats.log"
stage_end parse

# --- exports -----------------------------------------------------------------

if [[ -n $export_size ]]; then
  export_db="$cache/export-$export_size-seed$seed.db"
  if [[ -n ${KITH_BENCH_EXPORT_DB:-} ]]; then
    log "copying $KITH_BENCH_EXPORT_DB to export"
    remove_db "$export_db"
    cp "$KITH_BENCH_EXPORT_DB" "$export_db"
    echo "copy of $KITH_BENCH_EXPORT_DB" >"$export_db.source"
  elif [[ ! -f $export_db || $regenerate == 1 ]]; then
    remove_db "$export_db"
    run_sh_db="$data_dir/kith-$export_size-seed$seed.db"
    if [[ -f $run_sh_db && ! -f $run_sh_db-wal ]]; then
      log "copying run.sh's $run_sh_db to export"
      cp "$run_sh_db" "$export_db.partial"
      echo "copy of bench/run.sh's $(basename "$run_sh_db") ($(jq -c . "$run_sh_db.gen.json" 2>/dev/null || echo 'no gen.json'))" \
        >"$export_db.source"
    else
      log "generating $export_size people to export"
      "$kith" --db "$export_db.partial" --today "$today" --json gen "$export_size" --seed "$seed" \
        >"$export_db.gen.json"
      echo "kith gen $export_size --seed $seed ($(jq -c . "$export_db.gen.json"))" >"$export_db.source"
    fi
    mv "$export_db.partial" "$export_db"
  fi
  # Untimed: apply any schema migration, then warm the page cache.
  "$kith" --db "$export_db" --today "$today" list --limit 1 >/dev/null
  cat "$export_db" >/dev/null
  cp "$export_db.source" "$results/export-db-source.txt"
  sqlite3 -readonly "$export_db" 'SELECT count(*) FROM contacts WHERE trashed_at IS NULL' \
    >"$results/export-db-people.txt"
  db_bytes "$export_db" >"$results/export-db-bytes.txt"

  for format in csv vcard xlsx json; do
    out="$scratch/export.$format"
    log "export $export_size people as $format, $(runs_for "$export_size") run(s)"
    stage_start "export-$format"
    for ((run = 1; run <= $(runs_for "$export_size"); run++)); do
      rm -f "$out" "$out.partial"
      measured_bytes_of="$out" measure "export-$format" "$export_size" "$run" \
        "$kith" --db "$export_db" --today "$today" --json export --format "$format" -o "$out"
      rm -f "$out" "$out.partial"
    done
    stage_end "export-$format"
  done
fi

# --- profile -----------------------------------------------------------------

if [[ -n $perf_size ]] && command -v perf >/dev/null; then
  csv=$(linkedin_csv "$perf_size")
  kith_db="$scratch/perf-$perf_size.db"
  log "perf record of a $perf_size-row import"
  remove_db "$kith_db"
  stage_start "perf-$perf_size"
  perf record -F 199 --call-graph dwarf,16384 -o "$scratch/perf.data" -- \
    "$kith" --db "$kith_db" --today "$today" --json import "$csv" >"$results/perf-import.out" 2>"$results/perf-record.err" ||
    log "perf record failed: see $results/perf-record.err"
  stage_end "perf-$perf_size"
  remove_db "$kith_db"
  if [[ -f $scratch/perf.data ]]; then
    perf report -i "$scratch/perf.data" --no-children --sort dso,symbol --stdio --percent-limit 0.7 -g none \
      >"$results/perf-self.txt" 2>/dev/null || true
    perf report -i "$scratch/perf.data" --children --sort symbol --stdio --percent-limit 2 -g none \
      >"$results/perf-children.txt" 2>/dev/null || true
    echo "$perf_size" >"$results/perf-size.txt"
    rm -f "$scratch/perf.data" "$scratch/perf.data.old"
  fi
fi

# shellcheck disable=SC2086  # one argument per size
"$python" "$bench_dir/transfer_report.py" "$results" | tee "$results/report.md"
log "report saved to $results/report.md"
