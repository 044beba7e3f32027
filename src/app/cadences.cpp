// Cadences: how often to be in touch with someone, per person and per tag.
#include <algorithm>
#include <cstdlib>

#include "app/access.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "domain/validation.h"

namespace kith {
namespace {

constexpr int kLongestCadenceDays = 3650;

Status CheckCadence(std::optional<int> days) {
  if (days && (*days < 1 || *days > kLongestCadenceDays)) {
    return Fail(ErrorCode::kInvalidInput,
                "a cadence of " + std::to_string(*days) + " days: give between 1 and 3650 days (or none)",
                "days");
  }
  return Ok();
}

}  // namespace

Result<CadenceReport> SetCadence(Context& context, ContactId id, std::optional<int> days) {
  KITH_RETURN_IF_ERROR(CheckCadence(days));
  KITH_ASSIGN_OR_RETURN(const Contact contact, LiveContact(context, id));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "set a cadence"));
  KITH_RETURN_IF_ERROR(context.store.SetCadence(id, days));
  KITH_RETURN_IF_ERROR(PlanReconnectWithin(context, contact));
  KITH_ASSIGN_OR_RETURN(CadenceReport report, CadenceOf(context, id));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return report;
}

Result<int> SetTagCadence(Context& context, std::string_view tag, std::optional<int> days) {
  KITH_RETURN_IF_ERROR(CheckCadence(days));
  const std::string name = Trim(tag);
  if (name.empty()) return Fail(ErrorCode::kInvalidInput, "give a tag", "tag");
  const std::string key = TagCadenceKey(context.store, name);
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "set a tag's cadence"));
  // Settings hold text; an empty value is how a default is taken away.
  KITH_RETURN_IF_ERROR(context.store.SetSetting(key, days ? std::to_string(*days) : std::string()));
  int planned = 0;
  constexpr int kPage = 500;
  for (int offset = 0;; offset += kPage) {
    ListQuery query;
    query.tag = name;
    query.limit = kPage;
    query.offset = offset;
    KITH_ASSIGN_OR_RETURN(const auto people, context.store.ListContacts(query));
    for (const auto& person : people) {
      KITH_RETURN_IF_ERROR(PlanReconnectWithin(context, person));
      ++planned;
    }
    if (static_cast<int>(people.size()) < kPage) break;
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return planned;
}

Result<std::vector<std::pair<std::string, int>>> TagCadences(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto settings, context.store.AllSettings());
  std::vector<std::pair<std::string, int>> cadences;
  for (const auto& [key, value] : settings) {
    if (!key.starts_with(kTagCadencePrefix) || value.empty()) continue;
    cadences.emplace_back(key.substr(kTagCadencePrefix.size()), std::atoi(value.c_str()));
  }
  return cadences;
}

Result<CadenceReport> CadenceOf(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, context.store.GetContact(id));
  KITH_ASSIGN_OR_RETURN(const CadenceInput input, CadenceInputFor(context, contact));
  CadenceReport report;
  report.own_days = input.cadence_days;
  report.tag_days = input.tag_cadence_days;
  report.next = ComputeNextReconnect(input);
  report.effective_days = EffectiveCadenceDays(input);
  return report;
}

Result<std::optional<Reminder>> PlanReconnect(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, LiveContact(context, id));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "plan a reconnect"));
  KITH_ASSIGN_OR_RETURN(auto next, PlanReconnectWithin(context, contact));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return next;
}

}  // namespace kith
