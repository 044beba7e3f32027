// The running list: contacts, search, duplicates and merges, the demo network.
#include "app/contact_pages.h"
#include "app/contacts.h"
#include "app/results_json.h"
#include "app/transfer.h"
#include "formats/contact_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

Result<ListQuery> ListQueryFrom(const httplib::Request& request) {
  ListQuery query;
  query.tag = QueryText(request, "tag");
  query.event = QueryText(request, "event");
  constexpr int kMaxPage = 1000;
  KITH_ASSIGN_OR_RETURN(query.limit, QueryInt(request, "limit", 50, 1, kMaxPage));
  KITH_ASSIGN_OR_RETURN(query.offset, QueryInt(request, "offset", 0, 0, 1 << 30));
  KITH_ASSIGN_OR_RETURN(query.trashed, QueryBool(request, "trash"));
  return query;
}

// Sets X-Total-Count when the page was asked with ?total=true.
ApiReply PageReply(PeoplePage page) {
  ApiReply reply = Json(std::move(page.people));
  if (page.total) reply.headers.emplace_back("X-Total-Count", std::to_string(*page.total));
  return reply;
}

Result<PageExtras> PageExtrasFrom(const httplib::Request& request) {
  PageExtras extras;
  KITH_ASSIGN_OR_RETURN(extras.with_health, QueryBool(request, "health"));
  KITH_ASSIGN_OR_RETURN(extras.with_total, QueryBool(request, "total"));
  return extras;
}

// The running list, by a stored order or by health (the same filters).
Result<ApiReply> ListRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(ListQuery query, ListQueryFrom(request));
  const std::string sort = QueryText(request, "sort");
  KITH_ASSIGN_OR_RETURN(const ListOrder order, ParseListOrder(sort.empty() ? "name" : sort));
  KITH_ASSIGN_OR_RETURN(const PageExtras extras, PageExtrasFrom(request));
  KITH_ASSIGN_OR_RETURN(PeoplePage page, ListPeoplePage(context, std::move(query), order, extras));
  return PageReply(std::move(page));
}

Result<ApiReply> ShowRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(nlohmann::json json, PersonJson(context, ContactId{PathId(request)}));
  return Json(std::move(json));
}

Result<ApiReply> CreateRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(ContactFields fields, ContactFieldsFromJson(body));
  KITH_ASSIGN_OR_RETURN(nlohmann::json json, PersonAfter(context, AddContact, std::move(fields)));
  return Json(std::move(json), 201);
}

// A PATCH body is a partial contact: each key present replaces that field
// (lists too, as a whole); keys absent are left alone.
Result<ApiReply> PatchRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const ContactPatch patch, ContactPatchFromJson(body));
  KITH_ASSIGN_OR_RETURN(nlohmann::json json,
                        PersonAfter(context, PatchContact, ContactId{PathId(request)}, patch));
  return Json(std::move(json));
}

Result<ApiReply> RemoveRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(nlohmann::json json, PersonAfter(context, RemoveContact, ContactId{PathId(request)}));
  return Json(std::move(json));
}

Result<ApiReply> RestoreRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(nlohmann::json json,
                        PersonAfter(context, RestoreContact, ContactId{PathId(request)}));
  return Json(std::move(json));
}

Result<ApiReply> EmptyTrashRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const std::int64_t deleted, EmptyTrash(context));
  return Json({{"deleted", deleted}});
}

Result<ApiReply> SuggestionsRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const FilterField field, ParseFilterField(QueryText(request, "field")));
  constexpr int kMaxSuggestions = 50;
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 10, 1, kMaxSuggestions));
  KITH_ASSIGN_OR_RETURN(const auto values,
                        SuggestFilterValues(context, field, QueryText(request, "prefix"), limit));
  return Json(values);
}

Result<ApiReply> SearchRoute(const httplib::Request& request, Context& context) {
  SearchRequest search;
  search.query = QueryText(request, "q");
  constexpr int kMaxResults = 500;
  KITH_ASSIGN_OR_RETURN(search.limit, QueryInt(request, "limit", 20, 1, kMaxResults));
  KITH_ASSIGN_OR_RETURN(search.offset, QueryInt(request, "offset", 0, 0, 1 << 20));
  KITH_ASSIGN_OR_RETURN(const PageExtras extras, PageExtrasFrom(request));
  KITH_ASSIGN_OR_RETURN(PeoplePage page, SearchPeoplePage(context, search, extras));
  return PageReply(std::move(page));
}

// Search as you type: slim lines, no cards.
Result<ApiReply> TypeaheadRoute(const httplib::Request& request, Context& context) {
  SearchRequest search;
  search.query = QueryText(request, "q");
  constexpr int kMostLines = 50;
  KITH_ASSIGN_OR_RETURN(search.limit, QueryInt(request, "limit", 8, 1, kMostLines));
  KITH_ASSIGN_OR_RETURN(const auto hits, Typeahead(context, search));
  return JsonText(TypeaheadHitsJsonText(hits));
}

Result<ApiReply> DupesRoute(const httplib::Request& request, Context& context) {
  DuplicatesRequest page;
  KITH_ASSIGN_OR_RETURN(page.limit, QueryInt(request, "limit", 50, 1, kMostDuplicatesPerPage));
  KITH_ASSIGN_OR_RETURN(page.offset, QueryInt(request, "offset", 0, 0, 1 << 30));
  KITH_ASSIGN_OR_RETURN(const auto found, FindDuplicates(context, page));
  ApiReply reply = Json(LikelyDuplicatesToJson(found.pairs));
  reply.headers.emplace_back("X-Total-Count", std::to_string(found.total));
  return reply;
}

Result<ApiReply> MergeRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const auto keep, IdMember(body, "keep"));
  KITH_ASSIGN_OR_RETURN(const auto other, IdMember(body, "other"));
  if (!keep) return Fail(ErrorCode::kInvalidInput, "'keep' is required: the id of the card to keep", "keep");
  if (!other) return Fail(ErrorCode::kInvalidInput, "'other' is required: the id to merge into it", "other");
  KITH_ASSIGN_OR_RETURN(const auto merged, MergeContacts(context, ContactId{*keep}, ContactId{*other}));
  return Json(MergedContactsToJson(merged), 201);
}

Result<ApiReply> UndoMergeRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto undone, UndoMerge(context, MergeId{PathId(request)}));
  return Json(MergedContactsToJson(undone));
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
                    "Change a card: each key given replaces that field (lists as a whole; email_types, "
                    "phone_types, website_type and the links' types replace the types of their values)",
                    "contacts", "Contact", "Contact"});
  routes.push_back({Method::kDelete, "/contacts/{id}", Access::kWrite, RemoveRoute, "Move to the trash",
                    "contacts", "", "Contact"});
  routes.push_back({Method::kPost, "/contacts/{id}/restore", Access::kWrite, RestoreRoute,
                    "Bring back from the trash", "contacts", "", "Contact"});
  routes.push_back({Method::kDelete, "/trash", Access::kWrite, EmptyTrashRoute,
                    "Delete everyone in the trash for good (kith empty-trash)", "contacts", "", "Deleted"});
  routes.push_back({Method::kGet,
                    "/search",
                    Access::kRead,
                    SearchRoute,
                    "Find people by anything: prefixes, accents and typos forgiven, field:term "
                    "(total=true adds X-Total-Count)",
                    "contacts",
                    "",
                    "Contact[]",
                    {"q", "limit", "offset", "health", "total"}});
  routes.push_back({Method::kGet,
                    "/typeahead",
                    Access::kRead,
                    TypeaheadRoute,
                    "Search as you type: the best hits as slim lines (id, name, company, title) with the "
                    "field the words were found in; GET /contacts/{id} for a whole card",
                    "contacts",
                    "",
                    "TypeaheadHit[]",
                    {"q", "limit"}});
  routes.push_back({Method::kGet,
                    "/suggestions",
                    Access::kRead,
                    SuggestionsRoute,
                    "Values a list filter can take, as you type: field=tag|event, prefix, limit",
                    "contacts",
                    "",
                    "Text[]",
                    {"field", "prefix", "limit"}});
  routes.push_back({Method::kGet,
                    "/dupes",
                    Access::kRead,
                    DupesRoute,
                    "Likely duplicates, and why, surest first, a page at a time (X-Total-Count: every pair)",
                    "contacts",
                    "",
                    "DuplicatePair[]",
                    {"limit", "offset"}});
  routes.push_back({Method::kPost, "/merges", Access::kWrite, MergeRoute,
                    "Merge one card into another; nothing is lost, and the merge can be undone", "contacts",
                    "Merge", "MergedContacts"});
  routes.push_back({Method::kPost, "/merges/{id}/undo", Access::kWrite, UndoMergeRoute,
                    "Undo a merge: both cards as they were (409 when either was edited since)", "contacts",
                    "", "MergedContacts"});
  routes.push_back({Method::kPost, "/demo", Access::kWrite, DemoRoute,
                    "Add a generated demo network (kith gen)", "contacts", "Demo", "Generated"});
}

}  // namespace kith::http
