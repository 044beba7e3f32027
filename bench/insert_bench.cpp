#include "bench/insert_bench.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "app/contacts.h"
#include "app/context.h"
#include "bench/bench_support.h"
#include "domain/clock.h"
#include "store/store.h"

namespace kith::bench {
namespace {

constexpr int kDefaultCount = 20000;
constexpr int kDefaultRepetitions = 3;
constexpr std::uint64_t kSeed = 1;

void RemoveDatabase(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path.string() + suffix, ignored);
  }
}

void GenerateIntoFreshDatabase(benchmark::State& state, std::int64_t count) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("kith_insert_bench_" + std::to_string(getpid()) + ".db");
  const FixedClock clock(kBenchToday);
  for (auto _ : state) {
    RemoveDatabase(path);
    auto store = OpenSqliteStore(path.string());
    if (!store) {
      state.SkipWithError(("cannot create " + path.string() + ": " + store.error().message).c_str());
      return;
    }
    Context context{**store, clock, ""};
    const auto started = std::chrono::steady_clock::now();
    auto added = GenerateContacts(context, count, kSeed);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    store->reset();
    RemoveDatabase(path);
    if (!added) {
      state.SkipWithError(added.error().message.c_str());
      return;
    }
    state.SetIterationTime(elapsed.count());
  }
  state.counters["contacts_per_second"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

void RegisterInsertBenchmark() {
  const std::int64_t count = PositiveEnvironmentOr("KITH_BENCH_INSERT_COUNT", kDefaultCount);
  benchmark::RegisterBenchmark("insert/generate",
                               [count](benchmark::State& state) { GenerateIntoFreshDatabase(state, count); })
      ->Iterations(1)
      ->Repetitions(PositiveEnvironmentOr("KITH_BENCH_INSERT_REPETITIONS", kDefaultRepetitions))
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->ReportAggregatesOnly(true);
}

}  // namespace kith::bench
