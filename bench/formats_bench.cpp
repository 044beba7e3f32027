#include "bench/formats_bench.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <streambuf>
#include <string>

#include "bench/bench_support.h"
#include "formats/contact_table.h"
#include "formats/vcard_reader.h"

namespace kith::bench {
namespace {

// An istream over bytes already in memory, without copying them (as
// std::istringstream would on every iteration).
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string& bytes) { setg(bytes.data(), bytes.data(), bytes.data() + bytes.size()); }
};

enum class Reader { kVCard, kLinkedInCsv };

Status Parse(Reader reader, std::string& bytes, std::int64_t& records) {
  MemoryBuffer buffer(bytes);
  std::istream in(&buffer);
  const RecordSink sink = [&records](ImportRecord&& record) {
    benchmark::DoNotOptimize(record.fields.display_name.data());
    ++records;
    return Ok();
  };
  if (reader == Reader::kVCard) return ReadVCards(in, sink);
  auto dialect = ReadContactsCsv(in, TableOptions{}, sink);
  if (!dialect) return tl::unexpected(dialect.error());
  return Ok();
}

void ParseFile(benchmark::State& state, Reader reader, const char* variable) {
  const std::string path = EnvironmentOr(variable, "");
  if (path.empty()) {
    state.SkipWithError((std::string("set ") + variable + " to the file to parse").c_str());
    return;
  }
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!file.good() && !file.eof()) {
    state.SkipWithError(("cannot read " + path).c_str());
    return;
  }
  std::int64_t records = 0;
  for (auto _ : state) {
    records = 0;
    if (auto parsed = Parse(reader, bytes, records); !parsed) {
      state.SkipWithError((path + ": " + parsed.error().message).c_str());
      return;
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
  state.counters["records"] = static_cast<double>(records);
  state.counters["records_per_second"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["file_bytes"] = static_cast<double>(bytes.size());
}

}  // namespace

void RegisterFormatBenchmarks() {
  benchmark::RegisterBenchmark(
      "formats/vcard_parse",
      [](benchmark::State& state) { ParseFile(state, Reader::kVCard, "KITH_BENCH_VCF"); })
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(
      "formats/linkedin_csv_parse",
      [](benchmark::State& state) { ParseFile(state, Reader::kLinkedInCsv, "KITH_BENCH_LINKEDIN_CSV"); })
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

}  // namespace kith::bench
