# shellcheck shell=bash disable=SC2154  # $postmaster and $tck come from the sourcing script
# Sourced by bench/postgres/*.sh: pg_cpu prints the CPU seconds a throwaway
# cluster has used so far — the postmaster with the backends it has reaped,
# and those still running; process_cpu PID those of one process (a kith
# server). Needs $postmaster (its pid) and $tck (getconf CLK_TCK).
pg_cpu() {
  local ticks=0 fields
  read -r -a fields <"/proc/$postmaster/stat"
  ticks=$((fields[13] + fields[14] + fields[15] + fields[16]))
  for child in $(ps -o pid= --ppid "$postmaster"); do
    if read -r -a fields <"/proc/$child/stat" 2>/dev/null; then ticks=$((ticks + fields[13] + fields[14])); fi
  done
  awk -v t="$ticks" -v hz="$tck" 'BEGIN { printf "%.2f", t / hz }'
}

process_cpu() {
  local fields
  read -r -a fields <"/proc/$1/stat"
  awk -v t="$((fields[13] + fields[14]))" -v hz="$tck" 'BEGIN { printf "%.2f", t / hz }'
}

# The cluster and database bench/postgres/run.sh kept in $1 (KITH_BENCH_KEEP):
# sets $url (its kith_bench database, as kith_bench) and, for pg_cpu and
# process_cpu, $postmaster and $tck.
use_kept_cluster() {
  # shellcheck disable=SC2034  # read by the sourcing script
  url="$(cat "$1/pg/url")&user=kith_bench&dbname=kith_bench"
  postmaster=$(head -1 "$1/pg/data/postmaster.pid")
  tck=$(getconf CLK_TCK)
}
