// kith_bench: see bench/run.sh for how it is driven and BENCHMARKS.md for
// what it measured. Every benchmark is registered on every run, so
// --benchmark_filter picks among them (search, search_ids, floor, insert,
// formats).
#include <benchmark/benchmark.h>

#include <iostream>

#include "bench/bench_support.h"
#include "bench/floor_bench.h"
#include "bench/formats_bench.h"
#include "bench/insert_bench.h"
#include "bench/search_bench.h"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  const auto classes = kith::bench::LoadQueryClasses(kith::bench::QueryClassesPath());
  if (!classes) {
    std::cerr << "kith_bench: " << classes.error().message << '\n';
    return 2;
  }
  // The subjects hold the open databases the registered benchmarks share.
  const auto search = kith::bench::RegisterSearchBenchmarks(*classes);
  const auto floor = kith::bench::RegisterFloorBenchmarks(*classes);
  kith::bench::RegisterInsertBenchmark();
  kith::bench::RegisterFormatBenchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
