// Give: opportunities, whom to offer them to, the ledger, your profile.
#include "app/contacts.h"
#include "app/give.h"
#include "app/results_json.h"
#include "formats/give_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

Result<ApiReply> ListRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const bool closed, QueryBool(request, "closed"));
  KITH_ASSIGN_OR_RETURN(const auto all, ListOpportunities(context, closed));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& opportunity : all) items.push_back(OpportunityToJson(opportunity));
  return Json(std::move(items));
}

Result<ApiReply> CreateRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  OpportunityFields fields;
  KITH_ASSIGN_OR_RETURN(const auto kind, TextMember(body, "kind"));
  if (kind) {
    const auto parsed = ParseOpportunityKind(*kind);
    if (!parsed) {
      return Fail(ErrorCode::kInvalidInput, "'kind' should be job, project, tickets, intro or other", "kind");
    }
    fields.kind = *parsed;
  }
  KITH_ASSIGN_OR_RETURN(const auto title, TextMember(body, "title"));
  KITH_ASSIGN_OR_RETURN(const auto description, TextMember(body, "description"));
  KITH_ASSIGN_OR_RETURN(const auto place, TextMember(body, "place"));
  KITH_ASSIGN_OR_RETURN(const auto source, TextMember(body, "source"));
  KITH_ASSIGN_OR_RETURN(fields.skills, TextsMember(body, "skills"));
  KITH_ASSIGN_OR_RETURN(fields.deadline, DateMember(body, "deadline"));
  fields.title = title.value_or("");
  fields.description = description.value_or("");
  fields.place = place.value_or("");
  fields.source = source.value_or("");
  KITH_ASSIGN_OR_RETURN(const Opportunity opportunity, AddOpportunity(context, fields));
  return Json(OpportunityToJson(opportunity), 201);
}

Result<ApiReply> ShowRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Opportunity opportunity,
                        ShowOpportunity(context, OpportunityId{PathId(request)}));
  return Json(OpportunityToJson(opportunity));
}

Result<ApiReply> CloseRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Opportunity opportunity,
                        CloseOpportunity(context, OpportunityId{PathId(request)}));
  return Json(OpportunityToJson(opportunity));
}

Result<ApiReply> MatchRoute(const httplib::Request& request, Context& context) {
  constexpr int kMaxMatches = 200;
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 20, 1, kMaxMatches));
  KITH_ASSIGN_OR_RETURN(const auto matches, MatchOpportunity(context, OpportunityId{PathId(request)}, limit));
  return Json(MatchesToJson(matches));
}

Result<LedgerDirection> DirectionFrom(const nlohmann::json& body, LedgerDirection fallback) {
  KITH_ASSIGN_OR_RETURN(const auto text, TextMember(body, "direction"));
  if (!text) return fallback;
  if (*text == "from-me") return LedgerDirection::kFromMe;
  if (*text == "to-me") return LedgerDirection::kToMe;
  return Fail(ErrorCode::kInvalidInput, "'direction' should be from-me or to-me", "direction");
}

Result<ContactId> RequiredContact(const nlohmann::json& body, const std::string& name) {
  KITH_ASSIGN_OR_RETURN(const auto id, IdMember(body, name));
  if (!id) return Fail(ErrorCode::kInvalidInput, "'" + name + "' is required: a contact id", name);
  return ContactId{*id};
}

Result<ApiReply> GiveRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  GiveRequest give;
  KITH_ASSIGN_OR_RETURN(give.contact, RequiredContact(body, "contact_id"));
  KITH_ASSIGN_OR_RETURN(const auto what, TextMember(body, "what"));
  give.what = what.value_or("");
  KITH_ASSIGN_OR_RETURN(const auto opportunity, IdMember(body, "opportunity_id"));
  if (opportunity) give.opportunity = OpportunityId{*opportunity};
  KITH_ASSIGN_OR_RETURN(give.direction, DirectionFrom(body, LedgerDirection::kFromMe));
  KITH_ASSIGN_OR_RETURN(give.on, DateMember(body, "on"));
  KITH_ASSIGN_OR_RETURN(const LedgerEntry entry, RecordGive(context, give));
  return Json(LedgerEntryToJson(entry), 201);
}

Result<ApiReply> AskRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  AskRequest ask;
  KITH_ASSIGN_OR_RETURN(ask.contact, RequiredContact(body, "contact_id"));
  KITH_ASSIGN_OR_RETURN(const auto what, TextMember(body, "what"));
  ask.what = what.value_or("");
  KITH_ASSIGN_OR_RETURN(ask.direction, DirectionFrom(body, LedgerDirection::kToMe));
  KITH_ASSIGN_OR_RETURN(ask.on, DateMember(body, "on"));
  KITH_ASSIGN_OR_RETURN(const LedgerEntry entry, RecordAsk(context, ask));
  return Json(LedgerEntryToJson(entry), 201);
}

Result<ApiReply> IntroRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const ContactId first, RequiredContact(body, "first_id"));
  KITH_ASSIGN_OR_RETURN(const ContactId second, RequiredContact(body, "second_id"));
  KITH_ASSIGN_OR_RETURN(const auto why, TextMember(body, "why"));
  KITH_ASSIGN_OR_RETURN(const auto on, DateMember(body, "on"));
  KITH_ASSIGN_OR_RETURN(const auto entries, RecordIntroduction(context, first, second, why.value_or(""), on));
  return Json(nlohmann::json::array({LedgerEntryToJson(entries.first), LedgerEntryToJson(entries.second)}),
              201);
}

Result<ApiReply> OutcomeRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const auto text, TextMember(body, "outcome"));
  const auto outcome = text ? ParseLedgerOutcome(*text) : std::nullopt;
  if (!outcome) {
    return Fail(ErrorCode::kInvalidInput, "'outcome' should be open, accepted, declined, hired or thanked",
                "outcome");
  }
  KITH_ASSIGN_OR_RETURN(const LedgerEntry entry,
                        SetLedgerOutcome(context, LedgerEntryId{PathId(request)}, *outcome));
  return Json(LedgerEntryToJson(entry));
}

Result<ApiReply> LedgerRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Ledger ledger, LedgerFor(context, ContactId{PathId(request)}));
  return Json(LedgerToJson(ledger));
}

Result<ApiReply> ShowMeRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const MyProfile profile, ShowMyProfile(context));
  return Json(ProfileToJson(profile));
}

Result<ApiReply> SaveMeRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  ProfileChange change;
  KITH_ASSIGN_OR_RETURN(change.name, TextMember(body, "name"));
  KITH_ASSIGN_OR_RETURN(change.known_for, TextMember(body, "known_for"));
  if (body.contains("skills")) {
    KITH_ASSIGN_OR_RETURN(change.skills, TextsMember(body, "skills"));
  }
  KITH_ASSIGN_OR_RETURN(const MyProfile saved, ChangeMyProfile(context, change));
  return Json(ProfileToJson(saved));
}

Result<ApiReply> TellRoute(const httplib::Request& request, Context& context) {
  const std::string topic = QueryText(request, "topic");
  if (topic.empty())
    return Fail(ErrorCode::kInvalidInput, "'topic' is required: what you want to share", "topic");
  constexpr int kMaxPeople = 200;
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 10, 1, kMaxPeople));
  KITH_ASSIGN_OR_RETURN(const auto matches, WhomToTell(context, topic, limit));
  return Json(MatchesToJson(matches));
}

}  // namespace

void AddGiveRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet,
                    "/opportunities",
                    Access::kRead,
                    ListRoute,
                    "Open opportunities, newest first (closed=true for all)",
                    "give",
                    "",
                    "Opportunity[]",
                    {"closed"}});
  routes.push_back({Method::kPost, "/opportunities", Access::kWrite, CreateRoute,
                    "Note an opportunity that came your way", "give", "Opportunity", "Opportunity"});
  routes.push_back({Method::kGet, "/opportunities/{id}", Access::kRead, ShowRoute, "One opportunity", "give",
                    "", "Opportunity"});
  routes.push_back({Method::kPost, "/opportunities/{id}/close", Access::kWrite, CloseRoute,
                    "Close an opportunity (filled, gone, given)", "give", "", "Opportunity"});
  routes.push_back({Method::kGet,
                    "/opportunities/{id}/matches",
                    Access::kRead,
                    MatchRoute,
                    "Whom to offer it to, best first, each with reasons",
                    "give",
                    "",
                    "Match[]",
                    {"limit"}});
  routes.push_back({Method::kPost, "/gives", Access::kWrite, GiveRoute,
                    "Record something offered or given (an offer of an opportunity too)", "give", "Give",
                    "LedgerEntry"});
  routes.push_back({Method::kPost, "/asks", Access::kWrite, AskRoute, "Record an ask, either way", "give",
                    "Ask", "LedgerEntry"});
  routes.push_back({Method::kPost, "/intros", Access::kWrite, IntroRoute,
                    "Record a double opt-in introduction (a give to both)", "give", "Intro",
                    "LedgerEntry[]"});
  routes.push_back({Method::kPatch, "/ledger/{id}", Access::kWrite, OutcomeRoute,
                    "How a give, ask or intro turned out", "give", "Outcome", "LedgerEntry"});
  routes.push_back({Method::kGet, "/contacts/{id}/ledger", Access::kRead, LedgerRoute,
                    "What you and one person did for each other", "give", "", "Ledger"});
  routes.push_back(
      {Method::kGet, "/me", Access::kRead, ShowMeRoute, "Your own profile", "give", "", "Profile"});
  routes.push_back({Method::kPut, "/me", Access::kWrite, SaveMeRoute, "Change your profile", "give",
                    "Profile", "Profile"});
  routes.push_back({Method::kGet,
                    "/tell",
                    Access::kRead,
                    TellRoute,
                    "Whom to tell about something you made or wrote",
                    "give",
                    "",
                    "Match[]",
                    {"topic", "limit"}});
}

}  // namespace kith::http
