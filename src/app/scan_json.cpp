#include "app/scan_json.h"

#include <cmath>
#include <vector>

#include "formats/contact_json.h"

namespace kith {

nlohmann::json ScannedCardToJson(const ScannedCard& card) {
  nlohmann::json phones = nlohmann::json::array();
  for (const auto& phone : card.phones) phones.push_back(phone.e164.empty() ? phone.original : phone.e164);
  nlohmann::json links = nlohmann::json::array();
  for (const auto& link : card.links) links.push_back({{"kind", LinkKindName(link.kind)}, {"url", link.url}});
  nlohmann::json confidence = nlohmann::json::object();
  // Two decimals: the review screen shows percentages.
  for (const auto& [field, value] : card.confidence) confidence[field] = std::round(value * 100.0) / 100.0;
  return {{"name", card.name},        {"title", card.title},
          {"company", card.company},  {"emails", card.emails},
          {"phones", phones},         {"website", card.website},
          {"address", card.address},  {"links", links},
          {"confidence", confidence}, {"source", ScanSourceName(card.source)}};
}

nlohmann::json MyCardToJson(const MyCard& card) {
  return {{"name", card.details.name},   {"title", card.details.title}, {"company", card.details.company},
          {"email", card.details.email}, {"phone", card.details.phone}, {"website", card.details.website},
          {"vcard", card.vcard}};
}

Result<nlohmann::json> ContactToJsonWithPhotoFlag(Context& context, const Contact& contact) {
  nlohmann::json json = ContactToJson(contact);
  KITH_ASSIGN_OR_RETURN(const auto have, HaveCardImages(context, {contact.id}));
  json["has_card_image"] = !have.empty() && have.front();
  return json;
}

Status AddCardImageFlags(Context& context, const std::vector<ContactId>& ids, nlohmann::json& people) {
  KITH_ASSIGN_OR_RETURN(const auto have, HaveCardImages(context, ids));
  for (std::size_t i = 0; i < have.size() && i < people.size(); ++i) {
    people[i]["has_card_image"] = static_cast<bool>(have[i]);
  }
  return Ok();
}

}  // namespace kith
