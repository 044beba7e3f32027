#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets with clang (ASan + UBSan) in
# their own build folder, then runs each for FUZZ_SECONDS, one at a time, at
# low priority. New inputs go to BUILD/corpus/<name>/ (the seeds in
# fuzz/corpus/ are read, not written); a crash, leak, timeout or memory
# overrun stops that target and leaves the input in BUILD/artifacts/<name>/.
# Usage: fuzz/run.sh [BUILD] [SECONDS] [TARGET…]   (default: build-fuzz 300 all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-fuzz}
seconds=${2:-300}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(vcard_reader csv_table kith_json xlsx_reader search_query followup_template field_extraction http_json dav_request)
fi

launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DKITH_FUZZ=ON -DKITH_WERROR=OFF -DKITH_BUILD_TESTS=OFF -DKITH_BUILD_BENCH=OFF -DKITH_BUILD_WEB=OFF \
    "${launcher[@]}" >"$build.configure.log"
fi
cmake --build "$build" -j"${JOBS:-2}" --target "${targets[@]/#/fuzz_}"

status=0
report="$build/fuzz-report.txt"
for name in "${targets[@]}"; do
  corpus="$build/corpus/$name"
  artifacts="$build/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  # -rss_limit_mb: a parser that grows without bound is a finding, not a slow run.
  # -max_len: inputs as big as real files' interesting parts; xlsx needs room for a zip.
  max_len=16384
  if [ "$name" = xlsx_reader ]; then max_len=65536; fi
  echo "== $name for ${seconds}s" | tee -a "$report"
  if ! nice -n 10 "$build/fuzz/fuzz_$name" -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
      -timeout=25 -max_len="$max_len" -dict="$root/fuzz/dict/$name.dict" -artifact_prefix="$artifacts/" \
      -print_final_stats=1 "$corpus" "$root/fuzz/corpus/$name" 2>"$build/$name.log"; then
    status=1
    echo "   FOUND something: see $build/$name.log and $artifacts/" | tee -a "$report"
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE" "$build/$name.log" | tee -a "$report" || true
  echo "   corpus: $(find "$corpus" -type f | wc -l) inputs" | tee -a "$report"
done
exit "$status"
