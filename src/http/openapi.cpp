#include "http/openapi.h"

#include <regex>

namespace kith::http {
namespace {

using nlohmann::json;

json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json SchemaOf(const std::string& name) {
  if (name.ends_with("[]")) return {{"type", "array"}, {"items", Ref(name.substr(0, name.size() - 2))}};
  return Ref(name);
}

json Object(json properties, const std::vector<std::string>& required = {}) {
  json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

const json kText = {{"type", "string"}};
const json kNullableText = {{"type", "string"}, {"nullable", true}};
const json kDate = {{"type", "string"}, {"format", "date"}, {"nullable", true}};
const json kTexts = {{"type", "array"}, {"items", {{"type", "string"}}}};
const json kId = {{"type", "integer"}, {"format", "int64"}};
const json kInteger = {{"type", "integer"}};
const json kBoolean = {{"type", "boolean"}};
// A birthday or anniversary: "1985-04-12", or "--04-12" without the year.
const json kPref = {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}};
const json kPartialDate = {{"type", "string"},
                           {"pattern", "^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$"},
                           {"nullable", true},
                           {"description", "YYYY-MM-DD, or --MM-DD when the year is not known"}};

// The running list: a contact, its matches and merges, the session.
json ContactSchemas() {
  json contact =
      Object({{"id", kId},
              {"uid", kText},
              {"name", kText},
              {"given_name", kText},
              {"family_name", kText},
              {"company", kText},
              {"title", kText},
              {"emails", kTexts},
              {"email_types",
               {{"type", "array"},
                {"items", Ref("ValueType")},
                {"description",
                 "one for each of emails; a PATCH sends it with emails and it replaces every "
                 "email's type"}}},
              {"phones", kTexts},
              {"phones_e164", {{"type", "array"}, {"items", kNullableText}}},
              {"phone_types",
               {{"type", "array"},
                {"items", Ref("ValueType")},
                {"description",
                 "one for each of phones; a PATCH sends it with phones and it replaces every "
                 "phone's type"}}},
              {"website", kText},
              {"website_type",
               {{"allOf", json::array({Ref("ValueType")})},
                {"description",
                 "the website's TYPE, PREF and label; in a PATCH it replaces them (for the "
                 "website the PATCH sets, else the card's)"}}},
              {"links",
               {{"type", "array"},
                {"items", Ref("Link")},
                {"description",
                 "in a PATCH, each link's types, pref and label replace its URL's; a link "
                 "that gives none of them keeps the ones it had"}}},
              {"kind", {{"type", "string"}, {"description", "empty for a person; org, group, location"}}},
              {"nickname", kText},
              {"role", kText},
              {"departments", kTexts},
              {"birthday", kPartialDate},
              {"anniversary", kPartialDate},
              {"addresses", {{"type", "array"}, {"items", Ref("Address")}}},
              {"tags", kTexts},
              {"skills", kTexts},
              {"interests", kTexts},
              {"city", kText},
              {"neighborhood", kText},
              {"hometown", kText},
              {"how_met", kText},
              {"met_at", kText},
              {"met_on", kDate},
              {"open_to_opportunities", kBoolean},
              {"looking_for", kText},
              {"open_since", kDate},
              {"notes", kText},
              {"custom", {{"type", "array"}, {"items", Object({{"label", kText}, {"value", kText}})}}},
              {"photo", kText},
              {"vcard_properties", kTexts},
              {"last_contact", kDate},
              {"created_at", kText},
              {"updated_at", kText},
              {"trashed", kBoolean},
              {"has_card_image",
               {{"type", "boolean"},
                {"description",
                 "a photo of their business card is kept (GET /contacts/{id}/card-image); in answers only"}}},
              {"job_changes", {{"type", "array"}, {"items", {{"type", "object"}}}}},
              {"match", Object({{"tier", kText}, {"quality", kText}})}});
  // How an address book qualified a value: vCard's TYPE, PREF and a label.
  json value_type = Object({{"types", kTexts}, {"pref", kPref}, {"label", kText}});
  json address = value_type;
  for (const char* part : {"po_box", "extended", "street", "locality", "region", "postal_code", "country"}) {
    address["properties"][part] = kText;
  }
  address["properties"]["delivery_label"] = {
      {"type", "string"},
      {"description", "vCard's LABEL: the address as printed on an envelope, lines separated by \\n"}};
  json match = contact;
  match["properties"]["score"] = {{"type", "number"}};
  match["properties"]["reasons"] = kTexts;
  match["properties"]["parts"] = {{"type", "array"},
                                  {"items", Object({{"signal", kText}, {"points", {{"type", "number"}}}})}};
  json merged = contact;
  merged["properties"]["merge"] = Object(
      {{"id", kId}, {"kept", kId}, {"other", kId}, {"merged_at", kText}, {"undone_at", kNullableText}});
  merged["properties"]["other"] = Ref("Contact");
  return {
      {"Error", Object({{"error", Object({{"code", kText}, {"message", kText}, {"field", kNullableText}},
                                         {"code", "message"})}},
                       {"error"})},
      {"Link", Object({{"kind", kText},
                       {"url", kText},
                       {"connected", kBoolean},
                       {"followed", kBoolean},
                       {"connected_on", kDate},
                       {"types", kTexts},
                       {"pref", kPref},
                       {"label", kText}})},
      {"ValueType", value_type},
      {"Address", address},
      {"Contact", contact},
      {"Match", match},
      {"TypeaheadHit", Object({{"id", kId},
                               {"name", kText},
                               {"company", kText},
                               {"title", kText},
                               {"match", Object({{"tier", kText}, {"quality", kText}})},
                               {"snippet",
                                {{"type", "object"},
                                 {"nullable", true},
                                 {"properties", {{"field", kText}, {"text", kText}}}}}})},
      {"DuplicatePair", Object({{"first", Ref("Contact")}, {"second", Ref("Contact")}, {"reasons", kTexts}})},
      {"Merge", Object({{"keep", kId}, {"other", kId}}, {"keep", "other"})},
      {"MergedContacts", merged},
      {"Demo", Object({{"count", kInteger}}, {"count"})},
      {"Generated", Object({{"added", kInteger}})},
      {"Deleted", Object({{"deleted", kInteger}})},
      {"Text", kText},
      {"Session", Object({{"authenticated", kBoolean},
                          {"csrf_token", kNullableText},
                          {"auth_required", kBoolean},
                          {"accounts", kBoolean},
                          {"account", kNullableText},
                          {"workspace", kNullableText},
                          {"role", kNullableText}})},
      {"Login", Object({{"account", kText}, {"password", kText}, {"workspace", kText}, {"token", kText}})},
  };
}

// Giving: opportunities, the ledger and what is written to it.
json GiveSchemas() {
  json ledger_entry = Object({{"id", kId},
                              {"contact_id", kId},
                              {"kind", {{"type", "string"}, {"enum", {"give", "ask", "intro"}}}},
                              {"direction", {{"type", "string"}, {"enum", {"from-me", "to-me"}}}},
                              {"what", kText},
                              {"on", kDate},
                              {"outcome", kText},
                              {"opportunity_id", {{"type", "integer"}, {"nullable", true}}},
                              {"introduced_to", {{"type", "integer"}, {"nullable", true}}},
                              {"why", kText}});
  return {
      {"Opportunity",
       Object({{"id", kId},
               {"kind", {{"type", "string"}, {"enum", {"job", "project", "tickets", "intro", "other"}}}},
               {"title", kText},
               {"description", kText},
               {"skills", kTexts},
               {"place", kText},
               {"deadline", kDate},
               {"source", kText},
               {"created_on", kDate},
               {"closed_on", kDate}})},
      {"LedgerEntry", ledger_entry},
      {"Ledger", Object({{"id", kId},
                         {"name", kText},
                         {"entries", {{"type", "array"}, {"items", Ref("LedgerEntry")}}},
                         {"given", kInteger},
                         {"received", kInteger},
                         {"open_asks", kInteger},
                         {"balance", kInteger}})},
      {"Give", Object({{"contact_id", kId},
                       {"what", kText},
                       {"opportunity_id", kId},
                       {"direction", kText},
                       {"on", kDate}},
                      {"contact_id"})},
      {"Ask", Object({{"contact_id", kId}, {"what", kText}, {"direction", kText}, {"on", kDate}},
                     {"contact_id", "what"})},
      {"Intro", Object({{"first_id", kId}, {"second_id", kId}, {"why", kText}, {"on", kDate}},
                       {"first_id", "second_id", "why"})},
      {"Outcome",
       Object({{"outcome",
                {{"type", "string"}, {"enum", {"open", "accepted", "declined", "hired", "thanked"}}}}},
              {"outcome"})},
      {"Profile", Object({{"name", kText}, {"skills", kTexts}, {"known_for", kText}})},
  };
}

// Import and export.
json TransferSchemas() {
  json import_summary = Object({{"format", kText},
                                {"dry_run", kBoolean},
                                {"added", kInteger},
                                {"updated", kInteger},
                                {"unchanged", kInteger},
                                {"merged", kInteger},
                                {"skipped", kInteger},
                                {"errors", kTexts},
                                {"set_aside", kInteger},
                                {"problems", kTexts},
                                {"job_changes", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                                {"opportunities", kInteger},
                                {"ledger_entries", kInteger}});
  return {
      {"ImportForm", Object({{"file", {{"type", "string"}, {"format", "binary"}}},
                             {"format", kText},
                             {"event", kText},
                             {"strict", kText},
                             {"encoding", kText},
                             {"map", kText}},
                            {"file"})},
      {"ImportSummary", import_summary},
      {"ImportPreview",
       Object({{"filename", kText},
               {"format", kText},
               {"mapping", {{"type", "array"}, {"items", Object({{"column", kText}, {"field", kText}})}}},
               {"sample", {{"type", "array"}, {"items", Ref("Contact")}}},
               {"summary", Ref("ImportSummary")}})},
      {"Download", {{"type", "string"}, {"format", "binary"}}},
  };
}

json Schemas() {
  json schemas = ContactSchemas();
  schemas.update(GiveSchemas());
  schemas.update(TransferSchemas());
  return schemas;
}

// POSTs that act on an existing reminder or follow-up answer 200, not 201.
bool IsActionOnOne(const std::string& path) {
  return path.ends_with("/done") || path.ends_with("/snooze") || path.ends_with("/dismiss") ||
         path.ends_with("/send");
}

json ErrorResponse(const std::string& description) {
  return {{"description", description}, {"content", {{"application/json", {{"schema", Ref("Error")}}}}}};
}

}  // namespace

json OpenApiDocument(const std::vector<Route>& routes) {
  json paths = json::object();
  for (const auto& route : routes) {
    json operation = {{"summary", route.summary}, {"tags", {route.tag}}};
    json parameters = json::array();
    static const std::regex kParameter(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(route.path.begin(), route.path.end(), kParameter), end; it != end; ++it) {
      const std::string name = (*it)[1].str();
      parameters.push_back(
          {{"name", name}, {"in", "path"}, {"required", true}, {"schema", name == "account" ? kText : kId}});
    }
    for (const auto& name : route.query) {
      parameters.push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", kText}});
    }
    if (!parameters.empty()) operation["parameters"] = parameters;
    if (!route.request_schema.empty()) {
      const std::string media = route.multipart ? "multipart/form-data" : "application/json";
      operation["requestBody"] = {{"required", true},
                                  {"content", {{media, {{"schema", SchemaOf(route.request_schema)}}}}}};
    }
    const std::string media = route.response_schema == "Download" ? "application/octet-stream"
                              : route.response_schema == "Image"  ? "image/*"
                                                                  : "application/json";
    const bool creates = route.method == Method::kPost && route.access == Access::kWrite &&
                         route.path.find("/close") == std::string::npos &&
                         route.path.find("/restore") == std::string::npos && route.path != "/merge" &&
                         !IsActionOnOne(route.path);
    operation["responses"] = {
        {creates ? "201" : "200",
         {{"description", "OK"}, {"content", {{media, {{"schema", SchemaOf(route.response_schema)}}}}}}},
        {"400", ErrorResponse("Bad input: malformed JSON, a wrong type, an invalid value")},
        {"401", ErrorResponse("Not signed in (only when serving beyond loopback)")},
        {"403", ErrorResponse("A write without the session's CSRF token")},
        {"404", ErrorResponse("No such id")},
        {"409", ErrorResponse("A conflict: already exists, trashed, closed")},
        {"413", ErrorResponse("The body is too large")}};
    std::string method(MethodName(route.method));
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    paths[route.path][method] = operation;
  }
  json schemas = Schemas();
  schemas.update(RelationshipSchemas());
  schemas.update(ScanSchemas());
  schemas.update(DeviceSchemas());
  schemas.update(MemberSchemas());
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "kith API"},
            {"version", "1"},
            {"description",
             "The JSON API of kith serve. Shapes are those of `kith --json` (CLI.md). Writes need the "
             "X-CSRF-Token header from GET /session (or a bearer token)."}}},
          {"servers", {{{"url", "/api/v1"}}}},
          {"paths", paths},
          {"components", {{"schemas", schemas}}}};
}

}  // namespace kith::http
