// Search latency per query class, in-process, over an existing database.
#pragma once

#include <memory>
#include <vector>

#include "bench/bench_support.h"

namespace kith::bench {

class SearchSubject;

// Registers, for every query class, "search/<class>" (kith::SearchContacts:
// ranked hits with their cards, what `kith search` prints) and
// "search_ids/<class>" (kith::Search: the ranked ids alone) over the database
// named by $KITH_BENCH_DB, opened read-only once and shared. When the
// variable is unset, or the database cannot be opened, the benchmarks are
// still registered and each reports why it was skipped. The returned subject
// owns the open database and must outlive the run.
std::shared_ptr<SearchSubject> RegisterSearchBenchmarks(const std::vector<QueryClass>& classes);

}  // namespace kith::bench
