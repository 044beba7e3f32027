#!/usr/bin/env bash
# Runs the pgTAP tests of kith's row-level security policies
# (workspace_policies.sql) with pg_prove, against a fresh database of the
# test cluster whose tables belong to an ordinary role (no superuser, no
# BYPASSRLS): the role kith should run as. kith itself creates the tables,
# so the policies under test are the ones its migrations make.
#
#   run_policies_test.sh KITH_BINARY CLUSTER_URL_FILE
#
# Fails (never skips) when pg_prove, pgTAP or the cluster is missing.
set -euo pipefail

kith=$1
url_file=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v pg_prove >/dev/null || { echo "pg_prove is missing: scripts/install-deps.sh installs postgresql-15-pgtap" >&2; exit 1; }
[ -f "$url_file" ] || { echo "no test cluster at $url_file (ctest's postgres_cluster fixture)" >&2; exit 1; }
admin_url=$(cat "$url_file")

suffix="$$_$RANDOM"
database="kith_policies_$suffix"
role="kith_policies_$suffix"
cleanup() {
  psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -q -v ON_ERROR_STOP=1 "$admin_url" -c "CREATE ROLE $role LOGIN" -c "CREATE DATABASE $database OWNER $role" >/dev/null
# The cluster's URL names its admin; libpq takes the last user and dbname given.
role_url="$admin_url&user=$role&dbname=$database"
psql -q -v ON_ERROR_STOP=1 "$admin_url&dbname=$database" -c "CREATE EXTENSION pgtap" >/dev/null
"$kith" --db "$role_url" list >/dev/null  # kith creates its tables as the role
# pg_prove takes no URI: the cluster's host (its socket directory) and port
# come from the URI's query.
host=$(sed -n 's/.*[?&]host=\([^&]*\).*/\1/p' "$url_file")
port=$(sed -n 's/.*[?&]port=\([^&]*\).*/\1/p' "$url_file")
pg_prove --host "$host" --port "$port" --username "$role" --dbname "$database" "$here/workspace_policies.sql"
