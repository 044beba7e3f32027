#include "formats/kith_json.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <string>
#include <unordered_set>

#include "domain/value_qualifiers.h"
#include "formats/bounded_json.h"
#include "formats/contact_json.h"
#include "formats/give_json.h"

namespace kith {
namespace {

using nlohmann::json;

// Reads typed values out of one contact object; the first problem wins and
// names the contact and the key.
class Fields {
 public:
  Fields(const json& object, std::size_t index) : object_(object), index_(index) {}

  std::string Text(const char* key) {
    const json* value = Find(key);
    if (value == nullptr || value->is_null()) return {};
    if (!value->is_string()) return Wrong(key, "text"), std::string();
    return value->get<std::string>();
  }

  bool Flag(const char* key) {
    const json* value = Find(key);
    if (value == nullptr || value->is_null()) return false;
    if (!value->is_boolean()) return Wrong(key, "true or false"), false;
    return value->get<bool>();
  }

  std::optional<Date> OptionalDate(const json& holder, const char* key) {
    if (!holder.is_object() || !holder.contains(key) || holder[key].is_null()) return std::nullopt;
    if (!holder[key].is_string()) return Wrong(key, "a date (YYYY-MM-DD)"), std::nullopt;
    auto date = ParseIsoDate(holder[key].get<std::string>());
    if (!date) {
      Problem("'" + std::string(key) + "' " + date.error().message, key);
      return std::nullopt;
    }
    return *date;
  }
  std::optional<Date> OptionalDate(const char* key) { return OptionalDate(object_, key); }

  std::optional<PartialDate> OptionalPartialDate(const char* key) {
    const json* value = Find(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_string()) return Wrong(key, "a date (YYYY-MM-DD or --MM-DD)"), std::nullopt;
    auto date = ParsePartialDate(value->get<std::string>());
    if (!date) {
      Problem("'" + std::string(key) + "' " + date.error().message, key);
      return std::nullopt;
    }
    return *date;
  }

  // An item's vCard TYPE values: words of letters, digits and '-' ("work",
  // "cell", "x-assistant"), which every vCard version can carry. A problem
  // names `field`, the list the item is in.
  std::vector<std::string> TypesIn(const json& holder, const char* field) {
    std::vector<std::string> types;
    if (!holder.is_object() || !holder.contains("types") || holder["types"].is_null()) return types;
    if (!holder["types"].is_array()) return WrongIn(field, "types", "a list of text"), types;
    for (const auto& item : holder["types"]) {
      if (!item.is_string()) return WrongIn(field, "types", "a list of text"), types;
      const std::string name = item.get<std::string>();
      if (!IsTypeName(name)) {
        Problem("'" + std::string(field) + "': type '" + name +
                    "' is not a vCard TYPE (letters, digits and '-', at most 64)",
                field);
        return types;
      }
      types.push_back(name);
    }
    return types;
  }

  int PrefIn(const json& holder, const char* field) {
    if (!holder.is_object() || !holder.contains("pref") || holder["pref"].is_null()) return 0;
    const json& pref = holder["pref"];
    if (!pref.is_number_integer() || pref.get<std::int64_t>() < 0 || pref.get<std::int64_t>() > 100) {
      return WrongIn(field, "pref", "a whole number from 0 to 100"), 0;
    }
    return pref.get<int>();
  }

  // {"types": […], "pref": n, "label": "…"} for the value `value` of
  // `property`, an item of the list `field`.
  void ValueTypeIn(const json& holder, const char* field, std::string_view property, const std::string& value,
                   std::vector<ValueType>& types) {
    if (holder.is_null()) return;
    if (!holder.is_object()) return Wrong(field, "a list of {\"types\", \"pref\", \"label\"}");
    ValueType type{std::string(property), value, TypesIn(holder, field), PrefIn(holder, field),
                   StringIn(holder, "label")};
    if (!type.types.empty() || type.pref != 0 || !type.label.empty()) types.push_back(std::move(type));
  }

  // "email_types": a list beside "emails", one object for each.
  void ValueTypesBeside(const char* key, std::string_view property, const std::vector<std::string>& values,
                        std::vector<ValueType>& types) {
    const json* list = Array(key);
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->size() && i < values.size(); ++i) {
      ValueTypeIn((*list)[i], key, property, values[i], types);
    }
  }

  std::vector<std::string> Texts(const char* key) {
    std::vector<std::string> texts;
    const json* value = Find(key);
    if (value == nullptr || value->is_null()) return texts;
    if (!value->is_array()) return Wrong(key, "a list of text"), texts;
    for (const auto& item : *value) {
      if (!item.is_string()) return Wrong(key, "a list of text"), texts;
      texts.push_back(item.get<std::string>());
    }
    return texts;
  }

  const json* Array(const char* key) {
    const json* value = Find(key);
    if (value == nullptr || value->is_null()) return nullptr;
    if (!value->is_array()) return Wrong(key, "a list"), nullptr;
    return value;
  }

  std::string StringIn(const json& holder, const char* key) {
    if (!holder.is_object() || !holder.contains(key) || holder[key].is_null()) return {};
    if (!holder[key].is_string()) return Wrong(key, "text"), std::string();
    return holder[key].get<std::string>();
  }

  // The first problem wins; `field` is the key it concerns.
  void Problem(std::string message, std::string field = {}) {
    if (error_) return;
    error_ = "contact " + std::to_string(index_) + ": " + std::move(message);
    error_field_ = std::move(field);
  }
  const std::optional<std::string>& error() const { return error_; }
  const std::string& error_field() const { return error_field_; }

 private:
  const json* Find(const char* key) const {
    const auto found = object_.find(key);
    return found == object_.end() ? nullptr : &*found;
  }
  void Wrong(const char* key, const char* expected) {
    Problem("'" + std::string(key) + "' should be " + expected, key);
  }
  void WrongIn(const char* field, const char* key, const char* expected) {
    Problem("'" + std::string(field) + "': '" + key + "' should be " + expected, field);
  }

  const json& object_;
  std::size_t index_;
  std::optional<std::string> error_;
  std::string error_field_;
};

}  // namespace

KithJsonWriter::KithJsonWriter(std::ostream& out, const std::string& exported_at) : out_(out) {
  out_ << "{\"format\": \"kith\", \"version\": 1, \"exported_at\": " << json(exported_at).dump()
       << ",\n \"contacts\": [";
}

namespace {

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json DateOrNull(const std::optional<Date>& date) { return date ? json(date->ToIso()) : json(nullptr); }

template <typename Id>
json IdOrNull(const std::optional<Id>& id) {
  return id ? json(id->value) : json(nullptr);
}

// The names of the arrays written row by row, in KithJsonWriter::Section order.
constexpr std::array<const char*, 4> kSectionNames = {"contacts", "interactions", "facts", "reminders"};

}  // namespace

void KithJsonWriter::Enter(Section section) {
  while (section_ < section) {
    out_ << "\n]";
    section_ = static_cast<Section>(static_cast<int>(section_) + 1);
    if (section_ != Section::kDone) {
      out_ << ",\n " << json(kSectionNames.at(static_cast<std::size_t>(section_))).dump() << ": [";
    }
    first_ = true;
  }
}

void KithJsonWriter::Row(const json& row) {
  out_ << (first_ ? "\n  " : ",\n  ") << Dump(row);
  first_ = false;
}

void KithJsonWriter::Write(const Contact& contact, const std::vector<JobChange>& job_changes) {
  json object = ContactToJson(contact);
  json changes = json::array();
  for (const auto& change : job_changes) changes.push_back(JobChangeToJson(change));
  object["job_changes"] = std::move(changes);
  Enter(Section::kContacts);
  Row(object);
}

void KithJsonWriter::Write(const BackupInteraction& row) {
  const Interaction& interaction = row.interaction;
  Enter(Section::kInteractions);
  json object = {{"id", interaction.id.value},
                 {"contact_uid", row.contact_uid},
                 {"kind", InteractionKindName(interaction.kind)},
                 {"on", interaction.on.ToIso()},
                 {"summary", interaction.summary},
                 {"they_talked", interaction.they_talked ? json(*interaction.they_talked) : json(nullptr)}};
  if (interaction.visibility == Visibility::kPrivate) object["private"] = true;
  Row(object);
}

void KithJsonWriter::Write(const BackupFact& row) {
  const Fact& fact = row.fact;
  Enter(Section::kFacts);
  json object = {{"id", fact.id.value},
                 {"contact_uid", row.contact_uid},
                 {"kind", FactKindName(fact.kind)},
                 {"key", fact.key},
                 {"value", fact.value},
                 {"learned_on", fact.learned_on.ToIso()},
                 {"interaction_id", IdOrNull(fact.interaction)}};
  if (fact.visibility == Visibility::kPrivate) object["private"] = true;
  Row(object);
}

void KithJsonWriter::Write(const BackupReminder& row) {
  const Reminder& reminder = row.reminder;
  Enter(Section::kReminders);
  Row({{"id", reminder.id.value},
       {"contact_uid", row.contact_uid},
       {"kind", ReminderKindName(reminder.kind)},
       {"due", reminder.due.ToIso()},
       {"snoozed_until", DateOrNull(reminder.snoozed_until)},
       {"note", reminder.note},
       {"state", ReminderStateName(reminder.state)},
       {"closed_on", DateOrNull(reminder.closed_on)},
       {"event_id", IdOrNull(reminder.event)},
       {"created_on", reminder.created_on.ToIso()}});
}

void KithJsonWriter::End(const KithBackupTables& tables) {
  for (const auto& row : tables.interactions) Write(row);
  for (const auto& row : tables.facts) Write(row);
  for (const auto& row : tables.reminders) Write(row);
  Enter(Section::kDone);
  json events = json::array();
  for (const auto& event : tables.events) {
    events.push_back({{"id", event.id.value},
                      {"name", event.name},
                      {"on", event.on.ToIso()},
                      {"place", event.place},
                      {"notes", event.notes}});
  }
  json cadences = json::array();
  for (const auto& cadence : tables.cadences) {
    cadences.push_back({{"contact_uid", cadence.contact_uid}, {"days", cadence.days}});
  }
  json posts = json::array();
  for (const auto& post : tables.posts) {
    posts.push_back({{"id", post.id.value},
                     {"channel", post.channel},
                     {"url", post.url},
                     {"topic", post.topic},
                     {"on", post.on.ToIso()}});
  }
  json opportunities = json::array();
  for (const auto& opportunity : tables.opportunities)
    opportunities.push_back(OpportunityToJson(opportunity));
  json ledger = json::array();
  for (const auto& item : tables.ledger) {
    json entry = LedgerEntryToJson(item.entry);
    entry["contact_uid"] = item.contact_uid;
    entry["introduced_to_uid"] =
        item.introduced_to_uid.empty() ? json(nullptr) : json(item.introduced_to_uid);
    ledger.push_back(std::move(entry));
  }
  json settings = json::object();
  for (const auto& [key, value] : tables.settings) settings[key] = value;
  out_ << ",\n \"events\": " << Dump(events) << ",\n \"cadences\": " << Dump(cadences)
       << ",\n \"posts\": " << Dump(posts) << ",\n \"opportunities\": " << Dump(opportunities)
       << ",\n \"ledger\": " << Dump(ledger) << ",\n \"settings\": " << Dump(settings) << "}\n";
}

Result<ImportRecord> ContactRecordFromJson(const json& value, std::size_t index) {
  if (!value.is_object()) {
    return Fail(ErrorCode::kParseError, "contact " + std::to_string(index) + ": expected an object");
  }
  Fields read(value, index);
  ImportRecord record;
  record.line = index;
  record.uid = read.Text("uid");
  ContactFields& fields = record.fields;
  fields.display_name = read.Text("name");
  fields.given_name = read.Text("given_name");
  fields.family_name = read.Text("family_name");
  fields.company = read.Text("company");
  fields.title = read.Text("title");
  fields.emails = read.Texts("emails");
  const std::vector<std::string> phones = read.Texts("phones");
  for (const auto& phone : phones) fields.phones.push_back(Phone{phone, ""});
  fields.website = read.Text("website");
  read.ValueTypesBeside("email_types", "EMAIL", fields.emails, fields.value_types);
  read.ValueTypesBeside("phone_types", "TEL", phones, fields.value_types);
  if (const auto found = value.find("website_type"); found != value.end()) {
    read.ValueTypeIn(*found, "website_type", "URL", fields.website, fields.value_types);
  }
  if (const json* links = read.Array("links")) {
    for (const auto& item : *links) {
      Link link;
      const std::string kind = read.StringIn(item, "kind");
      const auto parsed = ParseLinkKind(kind);
      if (!parsed) read.Problem("link kind '" + kind + "' is not one kith knows", "links");
      link.kind = parsed.value_or(LinkKind::kOther);
      link.url = read.StringIn(item, "url");
      link.connected = item.is_object() && item.value("connected", false);
      link.followed = item.is_object() && item.value("followed", false);
      link.connected_on = read.OptionalDate(item, "connected_on");
      read.ValueTypeIn(item, "links", "URL", link.url, fields.value_types);
      fields.links.push_back(std::move(link));
    }
  }
  fields.tags = read.Texts("tags");
  fields.skills = read.Texts("skills");
  fields.interests = read.Texts("interests");
  fields.city = read.Text("city");
  fields.neighborhood = read.Text("neighborhood");
  fields.hometown = read.Text("hometown");
  fields.how_met = read.Text("how_met");
  fields.met_at = read.Text("met_at");
  fields.met_on = read.OptionalDate("met_on");
  fields.open_to_opportunities = read.Flag("open_to_opportunities");
  fields.looking_for = read.Text("looking_for");
  fields.open_since = read.OptionalDate("open_since");
  fields.notes = read.Text("notes");
  if (const json* custom = read.Array("custom")) {
    for (const auto& item : *custom) {
      fields.custom.push_back(CustomField{read.StringIn(item, "label"), read.StringIn(item, "value")});
    }
  }
  fields.kind = read.Text("kind");
  fields.nickname = read.Text("nickname");
  fields.role = read.Text("role");
  fields.departments = read.Texts("departments");
  fields.birthday = read.OptionalPartialDate("birthday");
  fields.anniversary = read.OptionalPartialDate("anniversary");
  if (const json* addresses = read.Array("addresses")) {
    for (const auto& item : *addresses) {
      fields.addresses.push_back(Address{
          read.TypesIn(item, "addresses"), read.PrefIn(item, "addresses"), read.StringIn(item, "label"),
          read.StringIn(item, "po_box"), read.StringIn(item, "extended"), read.StringIn(item, "street"),
          read.StringIn(item, "locality"), read.StringIn(item, "region"), read.StringIn(item, "postal_code"),
          read.StringIn(item, "country"), read.StringIn(item, "delivery_label")});
    }
  }
  OrderValueTypes(fields);
  fields.photo = read.Text("photo");
  fields.vcard_properties = read.Texts("vcard_properties");
  if (const json* changes = read.Array("job_changes")) {
    for (const auto& item : *changes) {
      JobChange change;
      if (auto date = read.OptionalDate(item, "noticed_on")) change.noticed_on = *date;
      change.source = read.StringIn(item, "source");
      change.old_company = read.StringIn(item, "old_company");
      change.old_title = read.StringIn(item, "old_title");
      change.new_company = read.StringIn(item, "new_company");
      change.new_title = read.StringIn(item, "new_title");
      record.job_changes.push_back(std::move(change));
    }
  }
  if (read.error()) return Fail(ErrorCode::kParseError, *read.error(), read.error_field());
  return record;
}

namespace {

Result<Opportunity> OpportunityFromJson(const json& value, std::size_t index) {
  const std::string where = "opportunity " + std::to_string(index) + ": ";
  if (!value.is_object()) return Fail(ErrorCode::kParseError, where + "expected an object");
  Opportunity opportunity;
  try {
    opportunity.id = OpportunityId{value.at("id").get<std::int64_t>()};
    const auto kind = ParseOpportunityKind(value.value("kind", "other"));
    if (!kind) return Fail(ErrorCode::kParseError, where + "'kind' is not one kith knows");
    opportunity.kind = *kind;
    opportunity.title = value.at("title").get<std::string>();
    opportunity.description = value.value("description", "");
    opportunity.skills = value.value("skills", std::vector<std::string>{});
    opportunity.place = value.value("place", "");
    opportunity.source = value.value("source", "");
    for (const auto& [key, target] :
         {std::pair<const char*, std::optional<Date>*>{"deadline", &opportunity.deadline},
          {"closed_on", &opportunity.closed_on}}) {
      if (!value.contains(key) || value[key].is_null()) continue;
      auto date = ParseIsoDate(value[key].get<std::string>());
      if (!date) return Fail(ErrorCode::kParseError, where + "'" + key + "' " + date.error().message);
      *target = *date;
    }
    auto created = ParseIsoDate(value.at("created_on").get<std::string>());
    if (!created) return Fail(ErrorCode::kParseError, where + "'created_on' " + created.error().message);
    opportunity.created_on = *created;
  } catch (const json::exception& error) {
    return Fail(ErrorCode::kParseError, where + "missing or wrong-typed key (" + error.what() + ")");
  }
  return opportunity;
}

Result<BackupLedgerEntry> LedgerEntryFromJson(const json& value, std::size_t index) {
  const std::string where = "ledger entry " + std::to_string(index) + ": ";
  if (!value.is_object()) return Fail(ErrorCode::kParseError, where + "expected an object");
  BackupLedgerEntry item;
  LedgerEntry& entry = item.entry;
  try {
    item.contact_uid = value.at("contact_uid").get<std::string>();
    if (value.contains("introduced_to_uid") && !value["introduced_to_uid"].is_null()) {
      item.introduced_to_uid = value["introduced_to_uid"].get<std::string>();
    }
    const std::string kind = value.at("kind").get<std::string>();
    if (kind != "give" && kind != "ask" && kind != "intro") {
      return Fail(ErrorCode::kParseError, where + "'kind' '" + kind + "' is not give, ask or intro");
    }
    entry.kind = kind == "ask" ? LedgerKind::kAsk : kind == "intro" ? LedgerKind::kIntro : LedgerKind::kGive;
    entry.direction =
        value.value("direction", "from-me") == "to-me" ? LedgerDirection::kToMe : LedgerDirection::kFromMe;
    entry.what = value.at("what").get<std::string>();
    entry.why = value.value("why", "");
    const auto outcome = ParseLedgerOutcome(value.value("outcome", "open"));
    if (!outcome) return Fail(ErrorCode::kParseError, where + "'outcome' is not one kith knows");
    entry.outcome = *outcome;
    auto on = ParseIsoDate(value.at("on").get<std::string>());
    if (!on) return Fail(ErrorCode::kParseError, where + "'on' " + on.error().message);
    entry.on = *on;
    if (value.contains("opportunity_id") && !value["opportunity_id"].is_null()) {
      entry.opportunity = OpportunityId{value["opportunity_id"].get<std::int64_t>()};
    }
  } catch (const json::exception& error) {
    return Fail(ErrorCode::kParseError, where + "missing or wrong-typed key (" + error.what() + ")");
  }
  return item;
}

enum class Presence { kRequired, kOptional };

// Reads typed values out of one row of a relationship table; the first
// problem wins and names the array, the row's 0-based index and the key.
class RowFields {
 public:
  RowFields(const json& row, std::string where) : row_(row), where_(std::move(where)) {
    if (!row_.is_object()) Problem("expected an object");
  }

  std::string Text(const char* key, Presence presence) {
    const json* value = Find(key, presence);
    if (value == nullptr) return {};
    if (!value->is_string()) return Wrong(key, "text"), std::string();
    return value->get<std::string>();
  }

  std::optional<std::int64_t> Integer(const char* key, Presence presence) {
    const json* value = Find(key, presence);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_integer()) return Wrong(key, "a whole number"), std::nullopt;
    return value->get<std::int64_t>();
  }

  std::optional<Date> OptionalDate(const char* key, Presence presence) {
    const json* value = Find(key, presence);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) return Wrong(key, "a date (YYYY-MM-DD)"), std::nullopt;
    auto date = ParseIsoDate(value->get<std::string>());
    if (!date) {
      Problem("'" + std::string(key) + "' " + date.error().message);
      return std::nullopt;
    }
    return *date;
  }
  Date RequiredDate(const char* key) { return OptionalDate(key, Presence::kRequired).value_or(Date{}); }
  // An optional true/false: false when absent.
  bool Flag(const char* key) {
    const json* value = Find(key, Presence::kOptional);
    if (value == nullptr) return false;
    if (!value->is_boolean()) return Wrong(key, "true or false"), false;
    return value->get<bool>();
  }

  // An enum by its name, e.g. ParseReminderKind for "kind".
  template <typename Enum, typename Parse>
  Enum Named(const char* key, Parse parse, Enum fallback) {
    const std::string name = Text(key, Presence::kRequired);
    if (error_) return fallback;
    const std::optional<Enum> parsed = parse(name);
    if (!parsed) Problem("'" + std::string(key) + "' '" + name + "' is not one kith knows");
    return parsed.value_or(fallback);
  }

  void Problem(const std::string& message) {
    if (!error_) error_ = where_ + ": " + message;
  }
  // The first problem, or nothing.
  [[nodiscard]] Status Finish() const {
    if (error_) return Fail(ErrorCode::kParseError, *error_);
    return Ok();
  }

 private:
  // The value under `key`; nullptr when it is absent or null, a problem too
  // when the key is required.
  const json* Find(const char* key, Presence presence) {
    if (row_.is_object()) {
      const auto found = row_.find(key);
      if (found != row_.end() && !found->is_null()) return &*found;
    }
    if (presence == Presence::kRequired) Problem("'" + std::string(key) + "' is missing");
    return nullptr;
  }
  void Wrong(const char* key, const char* expected) {
    Problem("'" + std::string(key) + "' should be " + expected);
  }

  const json& row_;
  std::string where_;
  std::optional<std::string> error_;
};

Result<Event> EventFromJson(RowFields& read) {
  Event event;
  event.id = EventId{read.Integer("id", Presence::kRequired).value_or(0)};
  event.name = read.Text("name", Presence::kRequired);
  if (event.name.empty()) read.Problem("'name' is empty");
  event.on = read.RequiredDate("on");
  event.place = read.Text("place", Presence::kOptional);
  event.notes = read.Text("notes", Presence::kOptional);
  KITH_RETURN_IF_ERROR(read.Finish());
  return event;
}

Result<BackupInteraction> InteractionFromJson(RowFields& read) {
  BackupInteraction row;
  Interaction& interaction = row.interaction;
  interaction.id = InteractionId{read.Integer("id", Presence::kRequired).value_or(0)};
  row.contact_uid = read.Text("contact_uid", Presence::kRequired);
  interaction.kind = read.Named("kind", ParseInteractionKind, InteractionKind::kNote);
  interaction.on = read.RequiredDate("on");
  interaction.summary = read.Text("summary", Presence::kOptional);
  if (const auto share = read.Integer("they_talked", Presence::kOptional)) {
    if (*share < 0 || *share > 100) {
      read.Problem("'they_talked' " + std::to_string(*share) + " is not a share between 0 and 100");
    }
    interaction.they_talked = static_cast<int>(*share);
  }
  if (read.Flag("private")) interaction.visibility = Visibility::kPrivate;
  KITH_RETURN_IF_ERROR(read.Finish());
  return row;
}

Result<BackupFact> FactFromJson(RowFields& read) {
  BackupFact row;
  Fact& fact = row.fact;
  fact.id = FactId{read.Integer("id", Presence::kOptional).value_or(0)};
  row.contact_uid = read.Text("contact_uid", Presence::kRequired);
  fact.kind = read.Named("kind", ParseFactKind, FactKind::kPersonal);
  fact.key = read.Text("key", Presence::kRequired);
  if (fact.key.empty()) read.Problem("'key' is empty");
  fact.value = read.Text("value", Presence::kRequired);
  fact.learned_on = read.RequiredDate("learned_on");
  if (const auto interaction = read.Integer("interaction_id", Presence::kOptional)) {
    fact.interaction = InteractionId{*interaction};
  }
  if (read.Flag("private")) fact.visibility = Visibility::kPrivate;
  KITH_RETURN_IF_ERROR(read.Finish());
  return row;
}

Result<BackupReminder> ReminderFromJson(RowFields& read) {
  BackupReminder row;
  Reminder& reminder = row.reminder;
  reminder.id = ReminderId{read.Integer("id", Presence::kOptional).value_or(0)};
  row.contact_uid = read.Text("contact_uid", Presence::kRequired);
  reminder.kind = read.Named("kind", ParseReminderKind, ReminderKind::kCustom);
  reminder.due = read.RequiredDate("due");
  reminder.snoozed_until = read.OptionalDate("snoozed_until", Presence::kOptional);
  reminder.note = read.Text("note", Presence::kOptional);
  reminder.state = read.Named("state", ParseReminderState, ReminderState::kOpen);
  reminder.closed_on = read.OptionalDate("closed_on", Presence::kOptional);
  if (const auto event = read.Integer("event_id", Presence::kOptional)) reminder.event = EventId{*event};
  reminder.created_on = read.RequiredDate("created_on");
  KITH_RETURN_IF_ERROR(read.Finish());
  return row;
}

Result<BackupCadence> CadenceFromJson(RowFields& read) {
  BackupCadence row;
  row.contact_uid = read.Text("contact_uid", Presence::kRequired);
  const auto days = read.Integer("days", Presence::kRequired);
  if (days && (*days < 1 || *days > std::numeric_limits<int>::max())) {
    read.Problem("'days' " + std::to_string(*days) + " is not a number of days");
  }
  row.days = static_cast<int>(days.value_or(0));
  KITH_RETURN_IF_ERROR(read.Finish());
  return row;
}

Result<Post> PostFromJson(RowFields& read) {
  Post post;
  post.id = PostId{read.Integer("id", Presence::kOptional).value_or(0)};
  post.channel = read.Text("channel", Presence::kRequired);
  if (post.channel.empty()) read.Problem("'channel' is empty");
  post.url = read.Text("url", Presence::kOptional);
  post.topic = read.Text("topic", Presence::kOptional);
  post.on = read.RequiredDate("on");
  KITH_RETURN_IF_ERROR(read.Finish());
  return post;
}

// Reads the array `name` of `document` (absent or null: nothing) row by row
// into `rows`.
template <typename T, typename FromJson>
Status ReadRows(const json& document, const char* name, FromJson from_json, std::vector<T>& rows) {
  const auto found = document.find(name);
  if (found == document.end() || found->is_null()) return Ok();
  if (!found->is_array())
    return Fail(ErrorCode::kParseError, "\"" + std::string(name) + "\" should be a list");
  rows.reserve(found->size());
  std::size_t index = 0;
  for (const auto& value : *found) {
    RowFields read(value, std::string(name) + "[" + std::to_string(index++) + "]");
    KITH_ASSIGN_OR_RETURN(T row, from_json(read));
    rows.push_back(std::move(row));
  }
  return Ok();
}

// The relationship tables of a backup; ids that repeat within a table are a
// problem, since other rows point at them.
Status ReadRelationshipTables(const json& document, KithBackupTables& tables) {
  KITH_RETURN_IF_ERROR(ReadRows(document, "events", EventFromJson, tables.events));
  KITH_RETURN_IF_ERROR(ReadRows(document, "interactions", InteractionFromJson, tables.interactions));
  KITH_RETURN_IF_ERROR(ReadRows(document, "facts", FactFromJson, tables.facts));
  KITH_RETURN_IF_ERROR(ReadRows(document, "reminders", ReminderFromJson, tables.reminders));
  KITH_RETURN_IF_ERROR(ReadRows(document, "cadences", CadenceFromJson, tables.cadences));
  KITH_RETURN_IF_ERROR(ReadRows(document, "posts", PostFromJson, tables.posts));
  const auto unique_ids = [](const char* name, const auto& rows, auto id_of) -> Status {
    std::unordered_set<std::int64_t> seen;
    for (std::size_t index = 0; index < rows.size(); ++index) {
      if (!seen.insert(id_of(rows[index])).second) {
        return Fail(ErrorCode::kParseError, std::string(name) + "[" + std::to_string(index) + "]: 'id' " +
                                                std::to_string(id_of(rows[index])) + " is used twice");
      }
    }
    return Ok();
  };
  KITH_RETURN_IF_ERROR(unique_ids("events", tables.events, [](const Event& row) { return row.id.value; }));
  return unique_ids("interactions", tables.interactions,
                    [](const BackupInteraction& row) { return row.interaction.id.value; });
}

}  // namespace

Result<KithBackupTables> ReadKithJson(std::istream& in, const RecordSink& sink) {
  KITH_ASSIGN_OR_RETURN(json document, ParseBoundedJson(in));
  const json* contacts = &document;
  if (document.is_object()) {
    if (!document.contains("contacts") || !document["contacts"].is_array()) {
      return Fail(ErrorCode::kParseError, "not a kith export: no \"contacts\" list");
    }
    contacts = &document["contacts"];
  } else if (!document.is_array()) {
    return Fail(ErrorCode::kParseError, "not a kith export: expected an object or a list of contacts");
  }
  std::size_t index = 0;
  for (const auto& value : *contacts) {
    KITH_ASSIGN_OR_RETURN(ImportRecord record, ContactRecordFromJson(value, ++index));
    KITH_RETURN_IF_ERROR(sink(std::move(record)));
  }
  KithBackupTables tables;
  if (!document.is_object()) return tables;
  if (document.contains("opportunities") && document["opportunities"].is_array()) {
    index = 0;
    for (const auto& value : document["opportunities"]) {
      KITH_ASSIGN_OR_RETURN(Opportunity opportunity, OpportunityFromJson(value, ++index));
      tables.opportunities.push_back(std::move(opportunity));
    }
  }
  if (document.contains("ledger") && document["ledger"].is_array()) {
    index = 0;
    for (const auto& value : document["ledger"]) {
      KITH_ASSIGN_OR_RETURN(BackupLedgerEntry entry, LedgerEntryFromJson(value, ++index));
      tables.ledger.push_back(std::move(entry));
    }
  }
  if (document.contains("settings") && document["settings"].is_object()) {
    for (const auto& [key, value] : document["settings"].items()) {
      if (!value.is_string()) return Fail(ErrorCode::kParseError, "setting '" + key + "' should be text");
      tables.settings.emplace_back(key, value.get<std::string>());
    }
  }
  KITH_RETURN_IF_ERROR(ReadRelationshipTables(document, tables));
  return tables;
}

}  // namespace kith
