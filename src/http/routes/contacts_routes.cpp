// The running list: contacts, search, duplicates and merges, the demo network.
#include <algorithm>
#include <map>

#include "app/contacts.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "app/transfer.h"
#include "formats/contact_json.h"
#include "formats/kith_json.h"
#include "http/routes/routes.h"

namespace kith::http {
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

nlohmann::json ContactsToJson(const std::vector<Contact>& contacts) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& contact : contacts) array.push_back(ContactToJson(contact));
  return array;
}

Result<ListQuery> ListQueryFrom(const httplib::Request& request) {
  static const std::map<std::string, ListSort> kSorts = {{"name", ListSort::kName},
                                                         {"met", ListSort::kMetOn},
                                                         {"last-contact", ListSort::kLastContact},
                                                         {"added", ListSort::kCreated}};
  ListQuery query;
  query.tag = QueryText(request, "tag");
  query.event = QueryText(request, "event");
  const std::string sort = QueryText(request, "sort");
  if (!sort.empty()) {
    const auto found = kSorts.find(sort);
    if (found == kSorts.end()) {
      return Fail(ErrorCode::kInvalidInput, "sort should be name, met, last-contact, added or health",
                  "sort");
    }
    query.sort = found->second;
  }
  constexpr int kMaxPage = 1000;
  KITH_ASSIGN_OR_RETURN(query.limit, QueryInt(request, "limit", 50, 1, kMaxPage));
  KITH_ASSIGN_OR_RETURN(query.offset, QueryInt(request, "offset", 0, 0, 1 << 30));
  KITH_ASSIGN_OR_RETURN(query.trashed, QueryBool(request, "trash"));
  return query;
}

Result<ApiReply> ListRoute(const httplib::Request& request, Context& context) {
  if (QueryText(request, "sort") == "health") return ListByHealthRoute(request, context);
  KITH_ASSIGN_OR_RETURN(const ListQuery query, ListQueryFrom(request));
  KITH_ASSIGN_OR_RETURN(auto contacts, ListContacts(context, query));
  KITH_ASSIGN_OR_RETURN(const bool with_health, QueryBool(request, "health"));
  nlohmann::json array = nlohmann::json::array();
  if (with_health) {
    // Health for the page shown, whatever it is sorted by.
    KITH_ASSIGN_OR_RETURN(const auto page, WithHealth(context, std::move(contacts)));
    for (const auto& item : page) array.push_back(ContactWithHealthToJson(item));
  } else {
    array = ContactsToJson(contacts);
  }
  ApiReply reply = Json(std::move(array));
  KITH_ASSIGN_OR_RETURN(const bool with_total, QueryBool(request, "total"));
  if (with_total) {
    KITH_ASSIGN_OR_RETURN(const std::int64_t total, CountContacts(context, query));
    reply.headers.emplace_back("X-Total-Count", std::to_string(total));
  }
  return reply;
}

Result<ApiReply> ShowRoute(const httplib::Request& request, Context& context) {
  const ContactId id{PathId(request)};
  KITH_ASSIGN_OR_RETURN(const Contact contact, ResolveContact(context, std::to_string(id.value)));
  KITH_ASSIGN_OR_RETURN(const auto changes, JobChangesOf(context, id));
  nlohmann::json json = ContactToJson(contact);
  json["job_changes"] = nlohmann::json::array();
  for (const auto& change : changes) json["job_changes"].push_back(JobChangeToJson(change));
  return Json(std::move(json));
}

// A contact as the API receives it: the shape of ContactToJson. A wrong type
// or a bad date is kInvalidInput naming the key.
Result<ContactFields> FieldsFromBody(const nlohmann::json& body) {
  auto record = ContactRecordFromJson(body, 1);
  if (!record) {
    Error error = record.error();
    error.code = ErrorCode::kInvalidInput;
    if (error.message.starts_with("contact 1: ")) error.message.erase(0, 11);
    return tl::unexpected(error);
  }
  return std::move(record->fields);
}

Result<ApiReply> CreateRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(ContactFields fields, FieldsFromBody(body));
  KITH_ASSIGN_OR_RETURN(const Contact contact, AddContact(context, std::move(fields)));
  return Json(ContactToJson(contact), 201);
}

// The items to add and to remove to turn `before` into `after`.
void Diff(const std::vector<std::string>& before, const std::vector<std::string>& after,
          std::vector<std::string>& additions, std::vector<std::string>& removals) {
  for (const auto& value : after) {
    if (std::find(before.begin(), before.end(), value) == before.end()) additions.push_back(value);
  }
  for (const auto& value : before) {
    if (std::find(after.begin(), after.end(), value) == after.end()) removals.push_back(value);
  }
}

// A PATCH body is a partial contact: each key present replaces that field
// (lists too, as a whole); keys absent are left alone.
ContactEdit EditFrom(const nlohmann::json& body, const ContactFields& wanted, const Contact& current) {
  ContactEdit edit;
  const auto has = [&](const char* key) { return body.contains(key); };
  const auto text = [&](const char* key, std::optional<std::string>& target, const std::string& value,
                        const std::string& now) {
    if (has(key) && value != now) target = value;
  };
  text("name", edit.display_name, wanted.display_name, current.display_name);
  text("given_name", edit.given_name, wanted.given_name, current.given_name);
  text("family_name", edit.family_name, wanted.family_name, current.family_name);
  text("company", edit.company, wanted.company, current.company);
  text("title", edit.title, wanted.title, current.title);
  text("website", edit.website, wanted.website, current.website);
  text("city", edit.city, wanted.city, current.city);
  text("neighborhood", edit.neighborhood, wanted.neighborhood, current.neighborhood);
  text("hometown", edit.hometown, wanted.hometown, current.hometown);
  text("how_met", edit.how_met, wanted.how_met, current.how_met);
  text("met_at", edit.met_at, wanted.met_at, current.met_at);
  text("looking_for", edit.looking_for, wanted.looking_for, current.looking_for);
  text("notes", edit.notes, wanted.notes, current.notes);
  if (has("met_on") && wanted.met_on != current.met_on) edit.met_on = wanted.met_on;
  if (has("open_to_opportunities") && wanted.open_to_opportunities != current.open_to_opportunities) {
    edit.open_to_opportunities = wanted.open_to_opportunities;
  }
  if (has("emails")) Diff(current.emails, wanted.emails, edit.add_emails, edit.remove_emails);
  if (has("phones")) {
    std::vector<std::string> before;
    std::vector<std::string> after;
    for (const auto& phone : current.phones) before.push_back(phone.original);
    for (const auto& phone : wanted.phones) after.push_back(phone.original);
    Diff(before, after, edit.add_phones, edit.remove_phones);
  }
  if (has("tags")) Diff(current.tags, wanted.tags, edit.add_tags, edit.remove_tags);
  if (has("skills")) Diff(current.skills, wanted.skills, edit.add_skills, edit.remove_skills);
  if (has("interests")) Diff(current.interests, wanted.interests, edit.add_interests, edit.remove_interests);
  if (has("links")) {
    for (const auto& link : current.links) {
      const bool kept = std::find(wanted.links.begin(), wanted.links.end(), link) != wanted.links.end();
      const bool replaced = std::any_of(wanted.links.begin(), wanted.links.end(), [&](const Link& other) {
        return other.kind == link.kind && link.kind != LinkKind::kOther;
      });
      if (!kept && !replaced) edit.remove_links.push_back(link.kind);
    }
    for (const auto& link : wanted.links) {
      if (std::find(current.links.begin(), current.links.end(), link) == current.links.end()) {
        edit.add_links.push_back(link);
      }
    }
  }
  return edit;
}

Result<ApiReply> PatchRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const ContactFields wanted, FieldsFromBody(body));
  const ContactId id{PathId(request)};
  KITH_ASSIGN_OR_RETURN(const Contact current, ResolveContact(context, std::to_string(id.value)));
  const ContactEdit edit = EditFrom(body, wanted, current);
  if (edit.Empty()) return Json(ContactToJson(current));
  KITH_ASSIGN_OR_RETURN(const Contact edited, EditContact(context, id, edit));
  return Json(ContactToJson(edited));
}

Result<ApiReply> RemoveRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, RemoveContact(context, ContactId{PathId(request)}));
  return Json(ContactToJson(contact));
}

Result<ApiReply> RestoreRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, RestoreContact(context, ContactId{PathId(request)}));
  return Json(ContactToJson(contact));
}

Result<ApiReply> SearchRoute(const httplib::Request& request, Context& context) {
  SearchRequest search;
  search.query = QueryText(request, "q");
  constexpr int kMaxResults = 500;
  KITH_ASSIGN_OR_RETURN(search.limit, QueryInt(request, "limit", 20, 1, kMaxResults));
  KITH_ASSIGN_OR_RETURN(search.offset, QueryInt(request, "offset", 0, 0, 1 << 20));
  KITH_ASSIGN_OR_RETURN(const auto found, SearchContacts(context, search));
  KITH_ASSIGN_OR_RETURN(const bool with_health, QueryBool(request, "health"));
  std::vector<ContactWithHealth> healths;
  if (with_health) {
    std::vector<Contact> contacts;
    contacts.reserve(found.size());
    for (const auto& item : found) contacts.push_back(item.contact);
    KITH_ASSIGN_OR_RETURN(healths, WithHealth(context, std::move(contacts)));
  }
  nlohmann::json array = nlohmann::json::array();
  for (std::size_t i = 0; i < found.size(); ++i) {
    auto json = i < healths.size() ? ContactWithHealthToJson(healths[i]) : ContactToJson(found[i].contact);
    json["match"] = {{"tier", TierName(found[i].hit.tier)}, {"quality", QualityName(found[i].hit.quality)}};
    array.push_back(std::move(json));
  }
  return Json(std::move(array));
}

Result<ApiReply> DupesRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto found, FindDuplicates(context));
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& pair : found) {
    pairs.push_back({{"first", ContactToJson(pair.first)},
                     {"second", ContactToJson(pair.second)},
                     {"reasons", pair.reasons}});
  }
  return Json(std::move(pairs));
}

Result<ApiReply> MergeRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const auto keep, IdMember(body, "keep"));
  KITH_ASSIGN_OR_RETURN(const auto other, IdMember(body, "other"));
  if (!keep) return Fail(ErrorCode::kInvalidInput, "'keep' is required: the id of the card to keep", "keep");
  if (!other) return Fail(ErrorCode::kInvalidInput, "'other' is required: the id to merge into it", "other");
  KITH_ASSIGN_OR_RETURN(const Contact merged, MergeContacts(context, ContactId{*keep}, ContactId{*other}));
  return Json(ContactToJson(merged));
}

Result<ApiReply> DemoRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  const auto count = body.find("count");
  constexpr std::int64_t kMaxDemo = 100000;
  if (count == body.end() || !count->is_number_integer() || count->get<std::int64_t>() < 1 ||
      count->get<std::int64_t>() > kMaxDemo) {
    return Fail(ErrorCode::kInvalidInput, "'count' should be a whole number from 1 to 100000", "count");
  }
  KITH_ASSIGN_OR_RETURN(const std::int64_t added, GenerateContacts(context, count->get<std::int64_t>(), 1));
  return Json({{"added", added}}, 201);
}

}  // namespace

void AddContactRoutes(std::vector<Route>& routes) {
  const std::vector<std::string> list_query = {"tag",    "event", "sort",  "limit",
                                               "offset", "trash", "total", "health"};
  routes.push_back({Method::kGet, "/contacts", Access::kRead, ListRoute,
                    "The running list, sorted and filtered, a page at a time (total=true adds X-Total-Count; "
                    "health=true each one's health)",
                    "contacts", "", "Contact[]", list_query});
  routes.push_back({Method::kPost, "/contacts", Access::kWrite, CreateRoute, "Add a person", "contacts",
                    "Contact", "Contact"});
  routes.push_back({Method::kGet, "/contacts/{id}", Access::kRead, ShowRoute,
                    "A whole card, with its job changes", "contacts", "", "Contact"});
  routes.push_back({Method::kPatch, "/contacts/{id}", Access::kWrite, PatchRoute,
                    "Change a card: each key given replaces that field", "contacts", "Contact", "Contact"});
  routes.push_back({Method::kDelete, "/contacts/{id}", Access::kWrite, RemoveRoute, "Move to the trash",
                    "contacts", "", "Contact"});
  routes.push_back({Method::kPost, "/contacts/{id}/restore", Access::kWrite, RestoreRoute,
                    "Bring back from the trash", "contacts", "", "Contact"});
  routes.push_back({Method::kGet,
                    "/search",
                    Access::kRead,
                    SearchRoute,
                    "Find people by anything: prefixes, accents and typos forgiven, field:term",
                    "contacts",
                    "",
                    "Contact[]",
                    {"q", "limit", "offset", "health"}});
  routes.push_back({Method::kGet, "/dupes", Access::kRead, DupesRoute, "Likely duplicates, and why",
                    "contacts", "", "DuplicatePair[]"});
  routes.push_back({Method::kPost, "/merge", Access::kWrite, MergeRoute,
                    "Merge one card into another; nothing is lost", "contacts", "Merge", "Contact"});
  routes.push_back({Method::kPost, "/demo", Access::kWrite, DemoRoute,
                    "Add a generated demo network (kith gen)", "contacts", "Demo", "Generated"});
}

}  // namespace kith::http
