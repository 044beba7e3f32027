// The floor: each query class asked the naive way, one FTS5 MATCH ranked by
// bm25 over a plain table, with no tiers, typo passes or cards.
#pragma once

#include <memory>
#include <vector>

#include "bench/bench_support.h"

namespace kith::bench {

class FloorSubject;

// Registers "floor/<class>" for every query class: the class's floor
// expression run as
//   SELECT rowid FROM plain WHERE plain MATCH ?1 ORDER BY bm25(plain) LIMIT 20
// against the database named by $KITH_BENCH_FLOOR_DB (run.sh builds it from
// a kith database). Without the variable, or when the database cannot be
// opened, each benchmark reports why it was skipped. The returned subject
// owns the connection and must outlive the run.
std::shared_ptr<FloorSubject> RegisterFloorBenchmarks(const std::vector<QueryClass>& classes);

}  // namespace kith::bench
