#include "app/merge_snapshot.h"

#include <nlohmann/json.hpp>

#include "formats/contact_json.h"

namespace kith {
namespace {

nlohmann::json OptionalJson(const std::optional<int>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json OptionalJson(const std::optional<Date>& value) {
  return value ? nlohmann::json(value->ToIso()) : nlohmann::json(nullptr);
}

std::optional<Date> DateIn(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return std::nullopt;
  auto date = ParseIsoDate(found->get<std::string>());
  if (!date) return std::nullopt;
  return *date;
}

std::optional<int> IntIn(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<int>();
}

}  // namespace

std::string MergeSnapshotToText(const Contact& kept, const MergeSnapshot& snapshot) {
  return nlohmann::json{{"kept", ContactToJson(kept)},
                        {"kept_last_contact", OptionalJson(snapshot.kept_last_contact)},
                        {"merged_last_contact", OptionalJson(snapshot.merged_last_contact)},
                        {"kept_cadence", OptionalJson(snapshot.kept_cadence)},
                        {"other_cadence", OptionalJson(snapshot.other_cadence)}}
      .dump();
}

Result<MergeSnapshot> MergeSnapshotFromText(const std::string& text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object() || !json.contains("kept") || !json["kept"].is_object()) {
    return Fail(ErrorCode::kInternal, "the merge journal holds no card to put back");
  }
  const nlohmann::json& kept = json["kept"];
  auto fields = ContactFieldsFromJson(kept);
  if (!fields) return Fail(ErrorCode::kInternal, "the merge journal's card: " + fields.error().message);
  MergeSnapshot snapshot;
  snapshot.kept_fields = std::move(*fields);
  // The contact JSON reads phones as typed; their E.164 form rides beside.
  const auto e164 = kept.find("phones_e164");
  if (e164 != kept.end() && e164->is_array() && e164->size() == snapshot.kept_fields.phones.size()) {
    for (std::size_t i = 0; i < e164->size(); ++i) {
      if ((*e164)[i].is_string()) snapshot.kept_fields.phones[i].e164 = (*e164)[i].get<std::string>();
    }
  }
  snapshot.kept_last_contact = DateIn(json, "kept_last_contact");
  snapshot.merged_last_contact = DateIn(json, "merged_last_contact");
  snapshot.kept_cadence = IntIn(json, "kept_cadence");
  snapshot.other_cadence = IntIn(json, "other_cadence");
  return snapshot;
}

}  // namespace kith
