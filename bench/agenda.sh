#!/usr/bin/env bash
# The relationship loop at scale (issue 4): `kith today` and `kith brief` on
# 1,000,000 people with 5,000,000 interactions, and `kith ics` for 100,000
# open reminders — whole process, warm cache. Targets: today and brief
# median <= 50 ms; ics <= 2 s.
#
#   bench/agenda.sh
#
# Environment:
#   KITH                    the binary (default build/src/kith); copied into the results
#                           directory so a concurrent rebuild cannot swap it
#   KITH_AGENDA_SOURCE_DB   the generated 1M database (default bench/data/kith-1000000-seed7.db,
#                           from `kith gen 1000000 --seed 7`, see bench/run.sh); never opened
#   KITH_AGENDA_DB          the working copy (default bench/data/agenda-1m.db), made once:
#                           copied, upgraded by kith, then filled by SQL (below)
#   KITH_AGENDA_RUNS        timed runs per command (default 20, after 3 warm-up runs)
#   KITH_AGENDA_PEOPLE      how many people the source database holds (default 1000000)
#   KITH_AGENDA_INTERACTIONS  interactions to write (default 5000000); facts are 2/5 of
#                           that, ledger entries 1/5; the reminders stay 100,000
#   KITH_AGENDA_OUT         results directory (default bench/data/results/agenda-<UTC time>)
#
# The history is written straight into the tables with SQL (5M interactions,
# 2M facts, 1M ledger rows, 100,000 open reminders: 95,000 reconnects spread
# over the past and next year and 5,000 follow-ups from the last days), since
# logging 5M meetings one by one through kith would take hours. last_contact
# is set from the interactions; the search index still files those cards
# under their old recency (search is not measured here).
set -euo pipefail
cd "$(dirname "$0")/.."

kith_src="${KITH:-build/src/kith}"
source_db="${KITH_AGENDA_SOURCE_DB:-bench/data/kith-1000000-seed7.db}"
db="${KITH_AGENDA_DB:-bench/data/agenda-1m.db}"
runs="${KITH_AGENDA_RUNS:-20}"
people="${KITH_AGENDA_PEOPLE:-1000000}"
interactions="${KITH_AGENDA_INTERACTIONS:-5000000}"
out="${KITH_AGENDA_OUT:-bench/data/results/agenda-$(date -u +%Y%m%d-%H%M%S)}"
today=2026-11-26

log() { printf '>> %s\n' "$*" >&2; }
for tool in hyperfine sqlite3 /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { log "missing $tool (KITH_DEPS_BENCH=1 scripts/install-deps.sh)"; exit 1; }
done
mkdir -p "$out"
kith="$out/kith"
cp "$kith_src" "$kith"

if [ ! -f "$db" ]; then
  [ -f "$source_db" ] || { log "no $source_db: run bench/run.sh (or kith gen 1000000 --seed 7) first"; exit 1; }
  log "copying $source_db to $db"
  cp "$source_db" "$db.partial"
  "$kith" --db "$db.partial" --today "$today" list --limit 1 >/dev/null  # upgrades the schema
  log "writing $interactions interactions, $((interactions * 2 / 5)) facts, $((interactions / 5)) ledger entries, 100k reminders over $people people"
  sqlite3 "$db.partial" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
-- Deterministic pseudo-random numbers from the row number.
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $interactions) INSERT INTO n SELECT i FROM c;
INSERT INTO interactions(contact_id, kind, on_date, summary, they_talked)
SELECT 1 + (i * 7919) % $people,
       CASE i % 7 WHEN 0 THEN 'coffee' WHEN 1 THEN 'meeting' WHEN 2 THEN 'call' WHEN 3 THEN 'email'
                  WHEN 4 THEN 'message' WHEN 5 THEN 'event' ELSE 'note' END,
       date('2026-11-26', '-' || ((i * 104729) % 1460) || ' days'),
       'talked about project ' || (i % 997),
       CASE WHEN i % 7 IN (0, 1, 2, 5) THEN 20 + (i * 31) % 70 END
FROM n;
INSERT INTO facts(contact_id, kind, key, value, learned_on)
SELECT 1 + (i * 15485863) % $people,
       CASE i % 2 WHEN 0 THEN 'personal' ELSE 'professional' END,
       CASE i % 6 WHEN 0 THEN 'hometown' WHEN 1 THEN 'goal' WHEN 2 THEN 'hobby' WHEN 3 THEN 'current_work'
                  WHEN 4 THEN 'kids' ELSE 'how_started' END || (i % 3),
       'value ' || i,
       date('2026-11-26', '-' || (i % 900) || ' days')
FROM n WHERE i <= $interactions * 2 / 5;
INSERT INTO ledger(contact_id, kind, direction, what, on_date)
SELECT 1 + (i * 32452843) % $people, CASE i % 3 WHEN 0 THEN 'ask' ELSE 'give' END,
       CASE i % 2 WHEN 0 THEN 'from-me' ELSE 'to-me' END, 'favour ' || i,
       date('2026-11-26', '-' || (i % 700) || ' days')
FROM n WHERE i <= $interactions / 5;
INSERT INTO reminders(contact_id, kind, due, note, created_on)
SELECT 1 + (i * 49979687) % $people, 'reconnect',
       date('2026-11-26', (((i * 7) % 730) - 365) || ' days'), 'time to catch up', '2026-01-01'
FROM n WHERE i <= 95000;
INSERT INTO reminders(contact_id, kind, due, note, created_on)
SELECT 1 + (i * 86028121) % $people, 'follow-up',
       date('2026-11-26', '-' || (i % 10) || ' days'), 'write to say it was good to meet', '2026-11-20'
FROM n WHERE i <= 5000;
INSERT INTO posts(channel, topic, on_date) VALUES ('linkedin', 'WAL mode', '2026-11-10');
UPDATE contacts SET last_contact = (SELECT max(on_date) FROM interactions i
                                    WHERE i.contact_id = contacts.id AND i.kind <> 'note');
COMMIT;
ANALYZE;
SQL
  mv "$db.partial" "$db"
  rm -f "$db.partial-wal" "$db.partial-shm"
fi

# A person with a rich history for the brief: the most interactions.
brief_id=$(sqlite3 "$db" "SELECT contact_id FROM interactions GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1")
log "timing on $db (brief of contact $brief_id)"
hyperfine --warmup 3 --runs "$runs" --export-json "$out/hyperfine.json" \
  -n today "$kith --db $db --today $today today" \
  -n "today --json" "$kith --db $db --today $today --json today" \
  -n brief "$kith --db $db --today $today brief $brief_id" \
  -n ics "$kith --db $db --today $today ics -o $out/reminders.ics" | tee "$out/hyperfine.txt"
for command in today "brief $brief_id"; do
  /usr/bin/time -v "$kith" --db "$db" --today "$today" $command 2>"$out/time-${command%% *}.txt" >/dev/null
done
/usr/bin/time -v "$kith" --db "$db" --today "$today" ics -o "$out/reminders.ics" 2>"$out/time-ics.txt"
python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
data = json.load(open(f"{out}/hyperfine.json"))
targets = {"today": 50, "today --json": 50, "brief": 50, "ics": 2000}
print(f"{'command':<14} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'target ms':>10}")
for result in data["results"]:
    times = sorted(result["times"])
    median = times[len(times) // 2] * 1000
    print(f"{result['command']:<14} {median:>10.1f} {times[0] * 1000:>8.1f} {times[-1] * 1000:>8.1f} "
          f"{targets[result['command']]:>10}")
for name in ("today", "brief", "ics"):
    text = open(f"{out}/time-{name}.txt").read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    print(f"peak RSS {name}: {rss / 1024:.1f} MiB")
events = open(f"{out}/reminders.ics").read().count("BEGIN:VEVENT")
print(f"ics events written: {events}")
PY
