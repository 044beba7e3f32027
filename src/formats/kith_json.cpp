#include "formats/kith_json.h"

#include <string>

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
      Problem("'" + std::string(key) + "' " + date.error().message);
      return std::nullopt;
    }
    return *date;
  }
  std::optional<Date> OptionalDate(const char* key) { return OptionalDate(object_, key); }

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

  void Problem(std::string message) {
    if (!error_) error_ = "contact " + std::to_string(index_) + ": " + std::move(message);
  }
  const std::optional<std::string>& error() const { return error_; }

 private:
  const json* Find(const char* key) const {
    const auto found = object_.find(key);
    return found == object_.end() ? nullptr : &*found;
  }
  void Wrong(const char* key, const char* expected) {
    Problem("'" + std::string(key) + "' should be " + expected);
  }

  const json& object_;
  std::size_t index_;
  std::optional<std::string> error_;
};

}  // namespace

KithJsonWriter::KithJsonWriter(std::ostream& out, const std::string& exported_at) : out_(out) {
  out_ << "{\"format\": \"kith\", \"version\": 1, \"exported_at\": " << json(exported_at).dump()
       << ",\n \"contacts\": [";
}

void KithJsonWriter::Write(const Contact& contact, const std::vector<JobChange>& job_changes) {
  json object = ContactToJson(contact);
  json changes = json::array();
  for (const auto& change : job_changes) changes.push_back(JobChangeToJson(change));
  object["job_changes"] = std::move(changes);
  out_ << (first_ ? "\n  " : ",\n  ") << object.dump(-1, ' ', false, json::error_handler_t::replace);
  first_ = false;
}

void KithJsonWriter::End(const KithBackupTables& tables) {
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
  const auto dump = [](const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  out_ << "\n],\n \"opportunities\": " << dump(opportunities) << ",\n \"ledger\": " << dump(ledger)
       << ",\n \"settings\": " << dump(settings) << "}\n";
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
  if (const json* links = read.Array("links")) {
    for (const auto& item : *links) {
      Link link;
      const std::string kind = read.StringIn(item, "kind");
      const auto parsed = ParseLinkKind(kind);
      if (!parsed) read.Problem("link kind '" + kind + "' is not one kith knows");
      link.kind = parsed.value_or(LinkKind::kOther);
      link.url = read.StringIn(item, "url");
      link.connected = item.is_object() && item.value("connected", false);
      link.followed = item.is_object() && item.value("followed", false);
      link.connected_on = read.OptionalDate(item, "connected_on");
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
  if (read.error()) return Fail(ErrorCode::kParseError, *read.error());
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

}  // namespace

Result<KithBackupTables> ReadKithJson(std::istream& in, const RecordSink& sink) {
  json document;
  try {
    document = json::parse(in);
  } catch (const json::parse_error& error) {
    // nlohmann's message names the line and column of the problem.
    std::string what = error.what();
    if (const auto bracket = what.find("] ");
        what.starts_with("[json.exception") && bracket != std::string::npos) {
      what.erase(0, bracket + 2);
    }
    return Fail(ErrorCode::kParseError, "malformed JSON: " + what);
  }
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
  return tables;
}

}  // namespace kith
