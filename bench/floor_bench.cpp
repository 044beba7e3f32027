#include "bench/floor_bench.h"

#include <sqlite3.h>

#include <chrono>
#include <string>

namespace kith::bench {

// One read-only connection to the plain FTS5 table and its prepared query.
class FloorSubject {
 public:
  FloorSubject() {
    const std::string path = EnvironmentOr("KITH_BENCH_FLOOR_DB", "");
    if (path.empty()) {
      problem_ = "set KITH_BENCH_FLOOR_DB to the plain FTS5 database run.sh builds";
      return;
    }
    if (sqlite3_open_v2(path.c_str(), &database_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      problem_ = "cannot open " + path + ": " + sqlite3_errmsg(database_);
      return;
    }
    constexpr const char* kQuery =
        "SELECT rowid FROM plain WHERE plain MATCH ?1 ORDER BY bm25(plain) LIMIT ?2";
    if (sqlite3_prepare_v2(database_, kQuery, -1, &select_, nullptr) != SQLITE_OK) {
      problem_ = "cannot query " + path + ": " + sqlite3_errmsg(database_);
    }
  }
  FloorSubject(const FloorSubject&) = delete;
  FloorSubject& operator=(const FloorSubject&) = delete;
  ~FloorSubject() {
    sqlite3_finalize(select_);
    sqlite3_close(database_);
  }

  // Empty when the query is ready.
  [[nodiscard]] const std::string& problem() const { return problem_; }

  // The number of rows the floor query returns for `expression`, or -1 on
  // an error (the message is then in problem()).
  int Run(const std::string& expression) {
    sqlite3_reset(select_);
    sqlite3_bind_text(select_, 1, expression.data(), static_cast<int>(expression.size()), SQLITE_STATIC);
    sqlite3_bind_int(select_, 2, kSearchLimit);
    int rows = 0;
    while (true) {
      const int step = sqlite3_step(select_);
      if (step == SQLITE_DONE) return rows;
      if (step != SQLITE_ROW) {
        problem_ = sqlite3_errmsg(database_);
        return -1;
      }
      benchmark::DoNotOptimize(sqlite3_column_int64(select_, 0));
      ++rows;
    }
  }

 private:
  std::string problem_;
  sqlite3* database_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
};

namespace {

// Times one floor query per iteration, after an untimed warm-up, exactly as
// the search benchmarks do.
void TimeFloor(benchmark::State& state, FloorSubject& subject, const std::string& expression,
               bool& warmed_up) {
  if (!subject.problem().empty()) {
    state.SkipWithError(subject.problem().c_str());
    return;
  }
  if (!warmed_up) {
    if (subject.Run(expression) < 0) {
      state.SkipWithError(subject.problem().c_str());
      return;
    }
    warmed_up = true;
  }
  int rows = 0;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    rows = subject.Run(expression);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    if (rows < 0) {
      state.SkipWithError(subject.problem().c_str());
      return;
    }
    state.SetIterationTime(elapsed.count());
  }
  state.counters["hits"] = rows;
}

}  // namespace

std::shared_ptr<FloorSubject> RegisterFloorBenchmarks(const std::vector<QueryClass>& classes) {
  auto subject = std::make_shared<FloorSubject>();
  for (const auto& query_class : classes) {
    auto warmed_up = std::make_shared<bool>(false);
    auto* benchmark = benchmark::RegisterBenchmark(
        ("floor/" + query_class.name).c_str(),
        [subject, expression = query_class.floor, warmed_up](benchmark::State& state) {
          TimeFloor(state, *subject, expression, *warmed_up);
        });
    // Without a database each benchmark runs once, to say why it was skipped.
    if (subject->problem().empty()) {
      MeasureSingleQueries(benchmark);
    } else {
      benchmark->Iterations(1);
    }
  }
  return subject;
}

}  // namespace kith::bench
