#include "bench/search_bench.h"

#include <chrono>
#include <memory>
#include <string>

#include "app/contacts.h"
#include "app/context.h"
#include "domain/clock.h"
#include "search/search.h"
#include "store/store.h"

namespace kith::bench {

// The database every search benchmark reads, or the reason there is none.
class SearchSubject {
 public:
  SearchSubject() {
    const std::string path = EnvironmentOr("KITH_BENCH_DB", "");
    if (path.empty()) {
      problem_ = "set KITH_BENCH_DB to a database made by `kith gen`";
      return;
    }
    auto store = OpenSqliteStore(path, OpenIntent::kReadOnly);
    if (!store) {
      problem_ = "cannot open " + path + ": " + store.error().message;
      return;
    }
    store_ = std::move(*store);
    context_ = std::make_unique<Context>(Context{*store_, clock_, ""});
  }

  // Empty when the database is open.
  [[nodiscard]] const std::string& problem() const { return problem_; }
  Context& context() { return *context_; }
  Store& store() { return *store_; }

 private:
  std::string problem_;
  std::unique_ptr<Store> store_;
  FixedClock clock_{kBenchToday};
  std::unique_ptr<Context> context_;
};

namespace {

// Runs `query` once per iteration and times only that call. The first run
// of each benchmark is a warm-up outside the timing, so the numbers describe
// a process that has already touched the database, as an open server or a
// long-lived session would; the whole-process cost is measured by run.sh.
template <typename Query>
void TimeQuery(benchmark::State& state, SearchSubject& subject, Query query, bool& warmed_up) {
  if (!subject.problem().empty()) {
    state.SkipWithError(subject.problem().c_str());
    return;
  }
  if (!warmed_up) {
    auto warm_up = query();
    if (!warm_up) {
      state.SkipWithError(warm_up.error().message.c_str());
      return;
    }
    warmed_up = true;
  }
  std::size_t hits = 0;
  for (auto _ : state) {
    const auto started = std::chrono::steady_clock::now();
    auto found = query();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    if (!found) {
      state.SkipWithError(found.error().message.c_str());
      return;
    }
    hits = found->size();
    benchmark::DoNotOptimize(found);
    state.SetIterationTime(elapsed.count());
  }
  // A query class that finds nothing measures nothing useful; the count
  // shows it in the report.
  state.counters["hits"] = static_cast<double>(hits);
}

}  // namespace

std::shared_ptr<SearchSubject> RegisterSearchBenchmarks(const std::vector<QueryClass>& classes) {
  auto subject = std::make_shared<SearchSubject>();
  // Without a database each benchmark runs once, to say why it was skipped.
  const auto configure = [&subject](benchmark::internal::Benchmark* benchmark) {
    if (subject->problem().empty()) {
      MeasureSingleQueries(benchmark);
    } else {
      benchmark->Iterations(1);
    }
  };
  for (const auto& query_class : classes) {
    const SearchRequest request{query_class.kith, kSearchLimit, 0};
    auto cards_warmed_up = std::make_shared<bool>(false);
    configure(benchmark::RegisterBenchmark(
        ("search/" + query_class.name).c_str(), [subject, request, cards_warmed_up](benchmark::State& state) {
          TimeQuery(
              state, *subject, [&] { return SearchContacts(subject->context(), request); }, *cards_warmed_up);
        }));
    auto ids_warmed_up = std::make_shared<bool>(false);
    configure(benchmark::RegisterBenchmark(
        ("search_ids/" + query_class.name).c_str(),
        [subject, request, ids_warmed_up](benchmark::State& state) {
          TimeQuery(
              state, *subject, [&] { return Search(subject->store(), request); }, *ids_warmed_up);
        }));
  }
  return subject;
}

}  // namespace kith::bench
