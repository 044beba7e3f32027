// The search query parser (search/query) and the search passes behind it
// (search/search: FTS5 MATCH expressions, prefix and typo passes) on any
// text, over a generated network of 300 people: no crash, leak or unbounded
// growth, no query the store refuses (a MATCH syntax error would be one), and
// the parser's contract: no empty term or filter.
#include <memory>
#include <string>
#include <utility>

#include "app/contacts.h"
#include "domain/clock.h"
#include "fuzz/fuzz_support.h"
#include "search/query.h"
#include "search/search.h"
#include "store/store.h"

namespace {

using kith::fuzz::Check;

kith::Store& SearchedStore() {
  static const std::unique_ptr<kith::Store> store = [] {
    auto opened = kith::OpenSqliteStore(kith::fuzz::ScratchPath("search.db"));
    Check(opened.has_value(), "the scratch database opens");
    const kith::FixedClock clock(kith::Date{2026, 11, 26});
    kith::Context context{**opened, clock, "US"};
    Check(kith::GenerateContacts(context, 300, 7).has_value(), "the network is generated");
    return std::move(*opened);
  }();
  return *store;
}

}  // namespace

// The network is generated before the first input, so its few seconds are
// not counted against the first input's -timeout (under ASan on a loaded
// machine they once were: a "timeout" on the empty input).
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  SearchedStore();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(kith::fuzz::AsText(data, size));
  kith::Store& store = SearchedStore();
  const kith::ParsedQuery parsed = kith::ParseQuery(query, store);
  for (const std::string& term : parsed.terms) Check(!term.empty(), "a free term is never empty");
  for (const kith::QueryFilter& filter : parsed.filters) {
    Check(!filter.column.empty() && !filter.terms.empty(), "a filter names a column and has terms");
    for (const std::string& term : filter.terms) Check(!term.empty(), "a filter term is never empty");
  }
  const auto hits = kith::Search(store, kith::SearchRequest{query, 20, 0});
  Check(hits.has_value(), "search answers every query: " + (hits ? std::string() : hits.error().message));
  Check(hits->size() <= 20, "search keeps to its limit");
  return 0;
}
