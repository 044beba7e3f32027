#include "bench/bench_support.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>

namespace kith::bench {
namespace {

constexpr int kDefaultRepetitions = 200;

// Google Benchmark takes plain function pointers for statistics.
double P50(const std::vector<double>& values) { return Percentile(values, 0.50); }
double P99(const std::vector<double>& values) { return Percentile(values, 0.99); }

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

std::string QueryClassesPath() { return EnvironmentOr("KITH_BENCH_QUERIES", KITH_BENCH_DEFAULT_QUERIES); }

Result<std::vector<QueryClass>> LoadQueryClasses(const std::string& path) {
  std::ifstream file(path);
  if (!file) return Fail(ErrorCode::kIo, "cannot read the query classes in " + path, "KITH_BENCH_QUERIES");
  std::vector<QueryClass> classes;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    const auto fields = SplitTabs(line);
    if (fields.size() != 4 || fields[0].empty() || fields[1].empty() || fields[2].empty()) {
      return Fail(ErrorCode::kParseError,
                  path + ":" + std::to_string(number) +
                      ": expected four tab-separated fields: class, kith query, floor, khard",
                  "line " + std::to_string(number));
    }
    classes.push_back(QueryClass{fields[0], fields[1], fields[2], fields[3]});
  }
  if (classes.empty()) return Fail(ErrorCode::kParseError, path + " holds no query classes");
  return classes;
}

std::string EnvironmentOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before any thread starts
  return value == nullptr || *value == '\0' ? fallback : std::string(value);
}

int PositiveEnvironmentOr(const char* name, int fallback) {
  const std::string text = EnvironmentOr(name, "");
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1) return fallback;
  return value;
}

void MeasureSingleQueries(benchmark::internal::Benchmark* benchmark) {
  benchmark->Iterations(1)
      ->Repetitions(PositiveEnvironmentOr("KITH_BENCH_REPETITIONS", kDefaultRepetitions))
      ->UseManualTime()
      ->Unit(benchmark::kMicrosecond)
      ->ComputeStatistics("p50", P50)
      ->ComputeStatistics("p99", P99)
      ->ReportAggregatesOnly(true);
}

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(fraction * static_cast<double>(values.size()));
  const auto index = static_cast<std::size_t>(std::max(rank, 1.0)) - 1;
  return values[std::min(index, values.size() - 1)];
}

}  // namespace kith::bench
