// The ranking shared by `kith match`, the agenda and "whom to tell".
// Internal to app/.
#pragma once

#include <vector>

#include "app/context.h"
#include "domain/give.h"
#include "search/opportunity_ranking.h"

namespace kith {

// Finds candidates through the search index and ranks them
// (RankCandidates); people already offered `opportunity` are left out.
Result<std::vector<RankedMatch>> RankForOpportunity(Context& context, const Opportunity& opportunity,
                                                    int limit);

}  // namespace kith
