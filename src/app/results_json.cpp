#include "app/results_json.h"

#include "formats/contact_json.h"
#include "formats/give_json.h"
#include "formats/json_text.h"

namespace kith {
namespace {

std::string_view TierName(MatchTier tier) {
  switch (tier) {
    case MatchTier::kName:
      return "name";
    case MatchTier::kField:
      return "field";
    case MatchTier::kNote:
      return "note";
  }
  return "note";
}

std::string_view QualityName(MatchQuality quality) {
  switch (quality) {
    case MatchQuality::kExact:
      return "exact";
    case MatchQuality::kPrefix:
      return "prefix";
    case MatchQuality::kCorrected:
      return "corrected";
  }
  return "corrected";
}

}  // namespace

nlohmann::json FoundContactsToJson(const std::vector<FoundContact>& found) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& item : found) {
    auto json = ContactToJson(item.contact);
    json["match"] = {{"tier", TierName(item.hit.tier)}, {"quality", QualityName(item.hit.quality)}};
    array.push_back(std::move(json));
  }
  return array;
}

std::string TypeaheadHitsJsonText(const std::vector<TypeaheadHit>& hits) {
  constexpr std::size_t kBytesPerHit = 192;
  std::string text;
  text.reserve(2 + hits.size() * kBytesPerHit);
  text += '[';
  for (const auto& item : hits) {
    if (text.size() > 1) text += ',';
    text += "{\"company\":";
    AppendJsonString(text, item.company);
    text += ",\"id\":";
    text += std::to_string(item.id.value);
    // The names of a quality and a tier are plain words: nothing to escape.
    text += ",\"match\":{\"quality\":\"";
    text += QualityName(item.hit.quality);
    text += "\",\"tier\":\"";
    text += TierName(item.hit.tier);
    text += "\"},\"name\":";
    AppendJsonString(text, item.name);
    text += ",\"snippet\":";
    if (item.snippet_field.empty()) {
      text += "null";
    } else {
      text += "{\"field\":";
      AppendJsonString(text, item.snippet_field);
      text += ",\"text\":";
      AppendJsonString(text, item.snippet);
      text += '}';
    }
    text += ",\"title\":";
    AppendJsonString(text, item.title);
    text += '}';
  }
  text += ']';
  return text;
}

nlohmann::json MatchesToJson(const std::vector<RankedMatch>& matches) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& match : matches) {
    nlohmann::json item = ContactToJson(match.contact);
    item["score"] = match.score;
    item["reasons"] = match.reasons;
    item["parts"] = nlohmann::json::array();
    for (const auto& part : match.parts)
      item["parts"].push_back({{"signal", part.signal}, {"points", part.points}});
    list.push_back(std::move(item));
  }
  return list;
}

nlohmann::json LedgerToJson(const Ledger& ledger) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& entry : ledger.entries) entries.push_back(LedgerEntryToJson(entry));
  return {{"id", ledger.contact.id.value},
          {"name", ledger.contact.display_name},
          {"entries", entries},
          {"given", ledger.balance.given},
          {"received", ledger.balance.received},
          {"open_asks", ledger.balance.open_asks},
          {"balance", ledger.balance.balance()}};
}

nlohmann::json ProfileToJson(const MyProfile& profile) {
  return {{"name", profile.name}, {"skills", profile.skills}, {"known_for", profile.known_for}};
}

nlohmann::json ImportSummaryToJson(const ImportSummary& summary) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& moved : summary.job_changes) {
    changes.push_back({{"id", moved.id.value},
                       {"name", moved.name},
                       {"old_company", moved.change.old_company},
                       {"old_title", moved.change.old_title},
                       {"new_company", moved.change.new_company},
                       {"new_title", moved.change.new_title}});
  }
  return {{"format", summary.format},
          {"dry_run", summary.dry_run},
          {"added", summary.added},
          {"updated", summary.updated},
          {"unchanged", summary.unchanged},
          {"merged", summary.merged},
          {"skipped", summary.skipped},
          {"errors", summary.skipped_rows},
          {"set_aside", summary.set_aside},
          {"problems", summary.problems},
          {"job_changes", changes},
          {"opportunities", summary.opportunities},
          {"ledger_entries", summary.ledger_entries}};
}

nlohmann::json ImportPreviewToJson(const std::string& filename, const ImportPreview& preview) {
  nlohmann::json mapping = nlohmann::json::array();
  for (const auto& column : preview.mapping)
    mapping.push_back({{"column", column.column}, {"field", column.field}});
  nlohmann::json sample = nlohmann::json::array();
  for (const auto& fields : preview.sample) {
    Contact contact;
    static_cast<ContactFields&>(contact) = fields;
    nlohmann::json json = ContactToJson(contact);
    // Not stored yet: the sample has no id to give.
    json.erase("id");
    sample.push_back(std::move(json));
  }
  return {{"filename", filename},
          {"format", preview.format},
          {"mapping", mapping},
          {"sample", sample},
          {"summary", ImportSummaryToJson(preview.summary)}};
}

nlohmann::json LikelyDuplicatesToJson(const std::vector<LikelyDuplicate>& pairs) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& pair : pairs) {
    array.push_back({{"first", ContactToJson(pair.first)},
                     {"second", ContactToJson(pair.second)},
                     {"reasons", pair.reasons}});
  }
  return array;
}

nlohmann::json MergedContactsToJson(const MergedContacts& merged) {
  nlohmann::json json = ContactToJson(merged.kept);
  json["merge"] = {{"id", merged.merge.id.value},
                   {"kept", merged.merge.kept.value},
                   {"other", merged.merge.other.value},
                   {"merged_at", merged.merge.merged_at},
                   {"undone_at", merged.merge.undone_at ? nlohmann::json(*merged.merge.undone_at)
                                                        : nlohmann::json(nullptr)}};
  json["other"] = ContactToJson(merged.other);
  return json;
}

}  // namespace kith
