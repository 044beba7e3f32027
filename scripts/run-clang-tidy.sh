#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over the project's sources; any finding fails.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
files=$(git ls-files 'src/*.cpp' 2>/dev/null || find src -name '*.cpp')
# shellcheck disable=SC2086
if ! printf '%s\n' $files | xargs -P 2 -n 4 clang-tidy -p "$build" --quiet --warnings-as-errors='*' --extra-arg=-Wno-unknown-warning-option > "$log" 2>&1; then
  grep -E "(warning|error):" -A3 "$log" >&2 || cat "$log" >&2
  echo "tidy: findings above (fix them, or say why in a NOLINT comment)" >&2
  exit 1
fi
echo "tidy: no findings"
