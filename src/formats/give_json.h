// Opportunities, matches and the ledger as JSON (`--json`, the HTTP API).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/give.h"

namespace kith {

// {"id", "kind", "title", "description", "skills", "place", "deadline",
//  "source", "created_on", "closed_on"}.
nlohmann::json OpportunityToJson(const Opportunity& opportunity);

// {"id", "contact_id", "kind", "direction", "what", "on", "outcome",
//  "opportunity_id", "introduced_to", "why"}.
nlohmann::json LedgerEntryToJson(const LedgerEntry& entry);

}  // namespace kith
