#!/usr/bin/env bash
# `make run`: kith on a generated demo network, one command at a time.
# Uses its own database under build/, so your real list is never touched.
set -euo pipefail
kith=${1:-build/src/kith}
db="$(cd "$(dirname "$kith")/.." && pwd)/demo.db"
rm -f "$db" "$db-wal" "$db-shm"

step() {
  printf '\n\033[1m$ kith %s\033[0m\n' "$*"
  "$kith" --db "$db" "$@"
}

step gen 2000 --seed 7
step add --name "Ada Okafor" --email ada@acme.example --company "Acme Robotics" --title "Staff Engineer" \
  --city Chicago --neighborhood Pilsen --tag mentor --skill "C++" --skill SQLite \
  --met-at "Chicago Tech Meetup" --met-on "$(date +%F)" --note "Training for the marathon; ask about the move to Pilsen."
step show "Ada Okafor"
step search okafr
step search nunez --limit 5
step search company:acme --limit 5
step list --sort met --limit 10
samples="$(cd "$(dirname "$0")/.." && pwd)/tests/data/samples"
step import "$samples/linkedin_connections.csv"
step import "$samples/linkedin_connections.csv"
step import "$samples/apple_contact.vcf" --dry-run
step export --format csv -o "$(dirname "$db")/demo-export.csv"
step dupes
printf '\nThe demo database is %s — try: %s --db %s search <anything>\n' "$db" "$kith" "$db"
