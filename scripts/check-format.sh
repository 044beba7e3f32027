#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (.clang-format) makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h' 'fuzz/*.cpp' 'fuzz/*.h' 2>/dev/null || true)
if [ -z "$files" ]; then
  files=$(find src tests bench fuzz -name '*.cpp' -o -name '*.h' 2>/dev/null)
fi
# shellcheck disable=SC2086
if ! clang-format --dry-run --Werror $files; then
  echo "format: run 'make format' to fix the files above" >&2
  exit 1
fi
echo "format: every file is clang-formatted"
