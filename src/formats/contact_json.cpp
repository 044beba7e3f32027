#include "formats/contact_json.h"

#include <utility>

#include "formats/kith_json.h"

namespace kith {
namespace {

nlohmann::json DateOrNull(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return date->ToIso();
}

nlohmann::json PartialDateOrNull(const std::optional<PartialDate>& date) {
  if (!date) return nullptr;
  return date->ToIso();
}

// {"types": ["cell"], "pref": 1, "label": "Assistant"}: how the card's
// address book qualified the value (empty when it said nothing).
nlohmann::json TypeOf(const Contact& contact, std::string_view property, std::string_view value) {
  const ValueType* type = FindValueType(contact.value_types, property, value);
  static const ValueType kNone;
  if (type == nullptr) type = &kNone;
  return {{"types", type->types}, {"pref", type->pref}, {"label", type->label}};
}

}  // namespace

nlohmann::json ContactToJson(const Contact& contact) {
  nlohmann::json phones = nlohmann::json::array();
  nlohmann::json phones_e164 = nlohmann::json::array();
  for (const auto& phone : contact.phones) {
    phones.push_back(phone.original);
    phones_e164.push_back(phone.e164.empty() ? nlohmann::json(nullptr) : nlohmann::json(phone.e164));
  }
  nlohmann::json phone_types = nlohmann::json::array();
  for (const auto& phone : contact.phones) phone_types.push_back(TypeOf(contact, "TEL", phone.original));
  nlohmann::json email_types = nlohmann::json::array();
  for (const auto& email : contact.emails) email_types.push_back(TypeOf(contact, "EMAIL", email));
  nlohmann::json links = nlohmann::json::array();
  for (const auto& link : contact.links) {
    nlohmann::json item = {{"kind", LinkKindName(link.kind)},
                           {"url", link.url},
                           {"connected", link.connected},
                           {"followed", link.followed},
                           {"connected_on", DateOrNull(link.connected_on)}};
    item.update(TypeOf(contact, "URL", link.url));
    links.push_back(std::move(item));
  }
  nlohmann::json addresses = nlohmann::json::array();
  for (const auto& address : contact.addresses) {
    addresses.push_back({{"types", address.types},
                         {"pref", address.pref},
                         {"label", address.label},
                         {"po_box", address.po_box},
                         {"extended", address.extended},
                         {"street", address.street},
                         {"locality", address.locality},
                         {"region", address.region},
                         {"postal_code", address.postal_code},
                         {"country", address.country},
                         {"delivery_label", address.delivery_label}});
  }
  nlohmann::json custom = nlohmann::json::array();
  for (const auto& field : contact.custom) custom.push_back({{"label", field.label}, {"value", field.value}});
  return {
      {"id", contact.id.value},
      {"uid", contact.uid},
      {"name", contact.display_name},
      {"given_name", contact.given_name},
      {"family_name", contact.family_name},
      {"company", contact.company},
      {"title", contact.title},
      {"emails", contact.emails},
      {"email_types", email_types},
      {"phones", phones},
      {"phones_e164", phones_e164},
      {"phone_types", phone_types},
      {"website", contact.website},
      {"website_type", TypeOf(contact, "URL", contact.website)},
      {"links", links},
      {"kind", contact.kind},
      {"nickname", contact.nickname},
      {"role", contact.role},
      {"departments", contact.departments},
      {"birthday", PartialDateOrNull(contact.birthday)},
      {"anniversary", PartialDateOrNull(contact.anniversary)},
      {"addresses", addresses},
      {"tags", contact.tags},
      {"skills", contact.skills},
      {"interests", contact.interests},
      {"city", contact.city},
      {"neighborhood", contact.neighborhood},
      {"hometown", contact.hometown},
      {"how_met", contact.how_met},
      {"met_at", contact.met_at},
      {"met_on", DateOrNull(contact.met_on)},
      {"open_to_opportunities", contact.open_to_opportunities},
      {"looking_for", contact.looking_for},
      {"open_since", DateOrNull(contact.open_since)},
      {"notes", contact.notes},
      {"custom", custom},
      {"photo", contact.photo},
      {"vcard_properties", contact.vcard_properties},
      {"last_contact", DateOrNull(contact.last_contact)},
      {"created_at", contact.created_at},
      {"updated_at", contact.updated_at},
      {"trashed", contact.trashed_at.has_value()},
  };
}

nlohmann::json JobChangeToJson(const JobChange& change) {
  return {{"noticed_on", change.noticed_on.ToIso()}, {"source", change.source},
          {"old_company", change.old_company},       {"old_title", change.old_title},
          {"new_company", change.new_company},       {"new_title", change.new_title}};
}

nlohmann::json ContactsToJson(const std::vector<Contact>& contacts) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& contact : contacts) array.push_back(ContactToJson(contact));
  return array;
}

namespace {

// "email_types" and "phone_types" qualify "emails" and "phones" one for
// one, so a body that sends one without the other, or lists of different
// lengths, would put a type on the wrong value.
Status CheckTypesBesideValues(const nlohmann::json& object) {
  for (const auto& [types_key, values_key] :
       {std::pair<std::string, std::string>{"email_types", "emails"}, {"phone_types", "phones"}}) {
    const auto types = object.find(types_key);
    if (types == object.end() || !types->is_array()) continue;
    const auto values = object.find(values_key);
    std::string message = "'";
    message += types_key;
    if (values == object.end() || !values->is_array()) {
      message += "' goes with '";
      message += values_key;
      message += "', one for each: send both";
      return Fail(ErrorCode::kInvalidInput, message, types_key);
    }
    if (types->size() != values->size()) {
      message += "' has ";
      message += std::to_string(types->size());
      message += " entries for ";
      message += std::to_string(values->size());
      message += ' ';
      message += values_key;
      return Fail(ErrorCode::kInvalidInput, message, types_key);
    }
  }
  return Ok();
}

}  // namespace

Result<ContactFields> ContactFieldsFromJson(const nlohmann::json& object) {
  KITH_RETURN_IF_ERROR(CheckTypesBesideValues(object));
  auto record = ContactRecordFromJson(object, 1);
  if (!record) {
    // The record reader speaks of a file's contacts; here there is one.
    Error error = record.error();
    error.code = ErrorCode::kInvalidInput;
    constexpr std::string_view kPosition = "contact 1: ";
    if (error.message.starts_with(kPosition)) error.message.erase(0, kPosition.size());
    return tl::unexpected(error);
  }
  return std::move(record->fields);
}

Result<ContactPatch> ContactPatchFromJson(const nlohmann::json& object) {
  ContactPatch patch;
  KITH_ASSIGN_OR_RETURN(patch.fields, ContactFieldsFromJson(object));
  for (const auto& item : object.items()) patch.present.insert(item.key());
  if (const auto links = object.find("links"); links != object.end() && links->is_array()) {
    for (const auto& link : *links) {
      if (!link.is_object() || link.contains("types") || link.contains("pref") || link.contains("label"))
        continue;
      if (const auto url = link.find("url"); url != link.end() && url->is_string()) {
        patch.links_without_types.push_back(url->get<std::string>());
      }
    }
  }
  return patch;
}

}  // namespace kith
