#include "formats/give_json.h"

namespace kith {
namespace {

nlohmann::json DateOrNull(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return date->ToIso();
}

}  // namespace

nlohmann::json OpportunityToJson(const Opportunity& opportunity) {
  return {{"id", opportunity.id.value},
          {"kind", OpportunityKindName(opportunity.kind)},
          {"title", opportunity.title},
          {"description", opportunity.description},
          {"skills", opportunity.skills},
          {"place", opportunity.place},
          {"deadline", DateOrNull(opportunity.deadline)},
          {"source", opportunity.source},
          {"created_on", opportunity.created_on.ToIso()},
          {"closed_on", DateOrNull(opportunity.closed_on)}};
}

nlohmann::json LedgerEntryToJson(const LedgerEntry& entry) {
  return {{"id", entry.id.value},
          {"contact_id", entry.contact.value},
          {"kind", LedgerKindName(entry.kind)},
          {"direction", LedgerDirectionName(entry.direction)},
          {"what", entry.what},
          {"on", entry.on.ToIso()},
          {"outcome", LedgerOutcomeName(entry.outcome)},
          {"opportunity_id",
           entry.opportunity ? nlohmann::json(entry.opportunity->value) : nlohmann::json(nullptr)},
          {"introduced_to",
           entry.introduced_to ? nlohmann::json(entry.introduced_to->value) : nlohmann::json(nullptr)},
          {"why", entry.why}};
}

}  // namespace kith
