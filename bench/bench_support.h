// What the benchmarks share: the query classes, settings read from the
// environment, and the percentile statistics that turn repetitions of single
// queries into p50 and p99.
#pragma once

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"

namespace kith::bench {

// The date every benchmark pretends it is, so generated people and recency
// ranking are the same on every run (run.sh passes the same to `kith gen`).
inline constexpr Date kBenchToday{2026, 11, 26};

// How many hits each search asks for, as `kith search` does by default.
inline constexpr int kSearchLimit = 20;

// One line of bench/queries.tsv: a kind of query a person types, and the
// same question for the naive floor and for khard.
struct QueryClass {
  std::string name;
  std::string kith;
  std::string floor;
  std::string khard;  // "-" when khard cannot ask it
};

// $KITH_BENCH_QUERIES, else the queries.tsv beside these sources.
std::string QueryClassesPath();

// Reads the query classes. kIo when the file cannot be read; kParseError,
// naming the line, when a line does not have the four tab-separated fields.
Result<std::vector<QueryClass>> LoadQueryClasses(const std::string& path);

// The value of environment variable `name`, or `fallback` when it is unset or empty.
std::string EnvironmentOr(const char* name, const std::string& fallback);
// The same for a positive whole number; `fallback` when unset, empty or not one.
int PositiveEnvironmentOr(const char* name, int fallback);

// Configures a benchmark whose body runs one query per iteration: one
// iteration per repetition, $KITH_BENCH_REPETITIONS repetitions (default
// 200), timed by the body with SetIterationTime, reported in microseconds as
// mean, median, stddev, cv, p50 and p99 over the repetitions.
void MeasureSingleQueries(benchmark::internal::Benchmark* benchmark);

// Nearest-rank percentile of `values` (fraction in (0, 1]); 0 when empty.
double Percentile(std::vector<double> values, double fraction);

}  // namespace kith::bench
