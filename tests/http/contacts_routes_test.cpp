#include <gmock/gmock.h>

#include <map>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

// Every route on both stores.
class ContactsRoutes : public ServerTestOnBothStores {};
KITH_ON_BOTH_STORES(ContactsRoutes);

TEST_P(ContactsRoutes, CreatesAContactAndReturnsItInTheCliShape) {
  const json ada = AddPerson({{"name", "Ada Okafor"}, {"company", "Acme"}, {"emails", {"ada@acme.com"}}});
  EXPECT_EQ(ada["name"], "Ada Okafor");
  EXPECT_EQ(ada["emails"], json({"ada@acme.com"}));
  EXPECT_TRUE(ada["id"].is_number_integer());
  const json shown = Expect(Send("GET", "/api/v1/contacts/" + ada["id"].dump()), 200);
  EXPECT_EQ(shown["company"], "Acme");
  EXPECT_TRUE(shown["job_changes"].is_array());
}

TEST_P(ContactsRoutes, ListsWithTotalSortAndFilters) {
  AddPerson({{"name", "Zed Young"}, {"tags", {"mentor"}}});
  AddPerson({{"name", "Ada Okafor"}});
  auto response = Send("GET", "/api/v1/contacts?sort=name&limit=1&total=true");
  const json page = Expect(response, 200);
  ASSERT_EQ(page.size(), 1U);
  EXPECT_EQ(page[0]["name"], "Ada Okafor");
  EXPECT_EQ(response->get_header_value("X-Total-Count"), "2");
  const json mentors = Expect(Send("GET", "/api/v1/contacts?tag=mentor"), 200);
  ASSERT_EQ(mentors.size(), 1U);
  EXPECT_EQ(mentors[0]["name"], "Zed Young");
}

TEST_P(ContactsRoutes, HealthComesWithThePageWhateverTheSort) {
  AddPerson({{"name", "Zed Young"}, {"met_on", "2026-11-20"}});
  AddPerson({{"name", "Ada Okafor"}});
  const json listed = Expect(Send("GET", "/api/v1/contacts?sort=met&health=true"), 200);
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0]["name"], "Zed Young");
  for (const auto& person : listed) EXPECT_TRUE(person["health"]["score"].is_number_integer());
  const json found = Expect(Send("GET", "/api/v1/search?q=okafor&health=true"), 200);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_TRUE(found[0]["health"]["label"].is_string());
  EXPECT_TRUE(found[0].contains("match"));
  EXPECT_FALSE(Expect(Send("GET", "/api/v1/contacts"), 200)[0].contains("health"));
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?health=maybe"), 400)["error"]["field"], "health");
}

TEST_P(ContactsRoutes, TypeaheadAnswersSlimLinesWithWhereTheWordsWereFound) {
  AddPerson(
      {{"name", "Ada Okafor"}, {"company", "Acme Robotics"}, {"title", "CTO"}, {"emails", {"ada@acme.com"}}});
  AddPerson({{"name", "Linus Lee"},
             {"notes",
              "Met him at the harbour after a long talk about sailing boats, compilers and the weather "
              "in the north; he keeps bees and wants to start a linker study group"}});
  const json company = Expect(Send("GET", "/api/v1/typeahead?q=acme"), 200);
  ASSERT_EQ(company.size(), 1U);
  EXPECT_EQ(company[0]["name"], "Ada Okafor");
  EXPECT_EQ(company[0]["company"], "Acme Robotics");
  EXPECT_EQ(company[0]["title"], "CTO");
  EXPECT_EQ(company[0]["snippet"], json({{"field", "company"}, {"text", "Acme Robotics"}}));
  EXPECT_EQ(company[0]["match"]["tier"], "field");
  EXPECT_FALSE(company[0].contains("emails")) << "a line, not a card";
  const json note = Expect(Send("GET", "/api/v1/typeahead?q=linker"), 200);
  ASSERT_EQ(note.size(), 1U);
  EXPECT_EQ(note[0]["snippet"]["field"], "note");
  const std::string text = note[0]["snippet"]["text"];
  EXPECT_NE(text.find("linker study group"), std::string::npos) << text;
  EXPECT_TRUE(text.starts_with("…")) << "cut before the word: " << text;
  const json name = Expect(Send("GET", "/api/v1/typeahead?q=okaf"), 200);
  ASSERT_EQ(name.size(), 1U);
  EXPECT_EQ(name[0]["snippet"]["field"], "name");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/typeahead?q=acme&limit=51"), 400)["error"]["field"], "limit");
  EXPECT_TRUE(Expect(Send("GET", "/api/v1/typeahead?q="), 200).empty());
}

// The snippet is the first field with a word that the query starts, in any
// case and with accents folded away; a field holding the letters inside a
// word is passed over.
TEST_P(ContactsRoutes, TypeaheadSnippetIsTheFirstFieldWithAWordTheQueryStarts) {
  AddPerson({{"name", "Ada Okafor"}, {"company", "Macmeans Ltd"}, {"title", "ACME liaison"}});
  AddPerson({{"name", "José Núñez"}, {"company", "Nunez Freight"}});
  const json title = Expect(Send("GET", "/api/v1/typeahead?q=acme"), 200);
  ASSERT_EQ(title.size(), 1U);
  EXPECT_EQ(title[0]["snippet"], json({{"field", "title"}, {"text", "ACME liaison"}}));
  const json accented = Expect(Send("GET", "/api/v1/typeahead?q=nunez"), 200);
  ASSERT_EQ(accented.size(), 1U);
  EXPECT_EQ(accented[0]["snippet"], json({{"field", "name"}, {"text", "José Núñez"}}));
  const json upper = Expect(Send("GET", "/api/v1/typeahead?q=LIAI"), 200);
  ASSERT_EQ(upper.size(), 1U);
  EXPECT_EQ(upper[0]["snippet"]["field"], "title");
}

// In plain ASCII a word starts after any byte that is not a letter or a
// digit, as the index splits it: the snippet takes the first field where the
// query starts such a word, looking past its letters inside a word earlier
// in the same field.
TEST_P(ContactsRoutes, TypeaheadSnippetFindsWordsAsTheIndexSplitsAscii) {
  AddPerson({{"name", "Zoe Park"}, {"company", "Stardata data labs"}, {"title", "Acme2go courier"}});
  AddPerson({{"name", "Ian Moss"}, {"company", "Bigdata Inc"}, {"title", "Lead, data-driven; 2go_team"}});
  AddPerson({{"name", "Una Bell"}, {"company", "O'Hara & Sons"}});
  const auto snippets = [this](const std::string& query) {
    std::map<std::string, json> by_name;
    for (const json& line : Expect(Send("GET", "/api/v1/typeahead?q=" + query), 200))
      by_name[line["name"]] = line["snippet"];
    return by_name;
  };
  const auto data = snippets("data");
  ASSERT_EQ(data.size(), 2U);
  EXPECT_EQ(data.at("Zoe Park"), json({{"field", "company"}, {"text", "Stardata data labs"}}));
  EXPECT_EQ(data.at("Ian Moss"), json({{"field", "title"}, {"text", "Lead, data-driven; 2go_team"}}));
  const auto driven = snippets("driven");
  ASSERT_EQ(driven.size(), 1U);
  EXPECT_EQ(driven.at("Ian Moss")["field"], "title");
  const auto two_go = snippets("2go");
  ASSERT_EQ(two_go.size(), 1U) << "acme2go is one word";
  EXPECT_EQ(two_go.at("Ian Moss")["field"], "title");
  const auto hara = snippets("HARA");
  ASSERT_EQ(hara.size(), 1U);
  EXPECT_EQ(hara.at("Una Bell"), json({{"field", "company"}, {"text", "O'Hara & Sons"}}));
}

TEST_P(ContactsRoutes, HealthOrderFollowsAWriteOnTheServer) {
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  AddPerson({{"name", "Zed Young"}});
  const json before = Expect(Send("GET", "/api/v1/contacts?sort=health&limit=2"), 200);
  ASSERT_EQ(before.size(), 2U);
  const json met = Expect(Send("POST", "/api/v1/contacts/" + ada["id"].dump() + "/interactions",
                               json({{"kind", "coffee"}, {"they_talked", 60}}).dump()),
                          201);
  const json after = Expect(Send("GET", "/api/v1/contacts?sort=health&limit=2"), 200);
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[1]["name"], "Ada Okafor") << "a coffee raises her above Zed";
  EXPECT_GT(after[1]["health"]["score"], after[0]["health"]["score"]);
}

TEST_P(ContactsRoutes, RejectsABadSortOrLimit) {
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/contacts?sort=height"), 400)), "invalid_input");
  const json body = Expect(Send("GET", "/api/v1/contacts?limit=abc"), 400);
  EXPECT_EQ(body["error"]["field"], "limit");
}

TEST_P(ContactsRoutes, SearchFindsByPrefixAndAccent) {
  AddPerson({{"name", "José Núñez"}, {"company", "Kite Labs"}});
  const json found = Expect(Send("GET", "/api/v1/search?q=nunez"), 200);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]["name"], "José Núñez");
  EXPECT_TRUE(found[0].contains("match"));
  EXPECT_EQ(Expect(Send("GET", "/api/v1/search?q=kite%20l&limit=5"), 200).size(), 1U);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/search?q=a&limit=0"), 400)), "invalid_input");
}

TEST_P(ContactsRoutes, PatchesOnlyTheFieldsGiven) {
  const json ada = AddPerson({{"name", "Ada Okafor"}, {"company", "Acme"}, {"tags", {"a", "b"}}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  const json edited = Expect(Send("PATCH", path, json({{"title", "CTO"}, {"tags", {"b", "c"}}}).dump()), 200);
  EXPECT_EQ(edited["title"], "CTO");
  EXPECT_EQ(edited["company"], "Acme");
  EXPECT_EQ(edited["tags"], json({"b", "c"}));
  const json linked = Expect(
      Send("PATCH", path,
           json({{"links",
                  {{{"kind", "linkedin"}, {"url", "https://linkedin.com/in/ada"}, {"connected", true}}}}})
               .dump()),
      200);
  ASSERT_EQ(linked["links"].size(), 1U);
  EXPECT_EQ(linked["links"][0]["connected"], true);
}

TEST_P(ContactsRoutes, PatchesWhatAddressBooksKeep) {
  const json ada = AddPerson({{"name", "Ada Okafor"},
                              {"emails", {"ada@acme.example"}},
                              {"phones", {"+1 312 555 0100"}},
                              {"email_types", {{{"types", {"work"}}, {"pref", 0}, {"label", ""}}}}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  const json edited = Expect(
      Send("PATCH", path, R"({"nickname": "Ace", "role": "Mentor", "departments": ["Platform", "Compilers"],
        "birthday": "--04-12", "anniversary": "2015-06-01",
        "phones": ["+1 312 555 0100", "+1 312 555 0199"],
        "phone_types": [{"types": ["cell"], "pref": 1}, {"label": "Assistant"}],
        "addresses": [{"types": ["work"], "street": "1 Main St", "locality": "Chicago", "postal_code": "60601"}]})"),
      200);
  const json shown = Expect(Send("GET", path), 200);
  for (const json& card : {edited, shown}) {
    EXPECT_EQ(card["nickname"], "Ace") << card.dump();
    EXPECT_EQ(card["role"], "Mentor");
    EXPECT_EQ(card["departments"], json({"Platform", "Compilers"}));
    EXPECT_EQ(card["birthday"], "--04-12");
    EXPECT_EQ(card["anniversary"], "2015-06-01");
    EXPECT_EQ(card["phone_types"][0], json({{"types", {"cell"}}, {"pref", 1}, {"label", ""}}));
    EXPECT_EQ(card["phone_types"][1]["label"], "Assistant");
    EXPECT_EQ(card["email_types"][0]["types"], json({"work"})) << "the emails' types stay when not sent";
    ASSERT_EQ(card["addresses"].size(), 1U);
    EXPECT_EQ(card["addresses"][0]["street"], "1 Main St");
    EXPECT_EQ(card["addresses"][0]["types"], json({"work"}));
  }
  // Dropping a phone drops its type; null clears a date.
  const json trimmed =
      Expect(Send("PATCH", path,
                  R"({"phones": ["+1 312 555 0199"], "birthday": null, "email_types": [{"label": "Lab"}],
                              "emails": ["ada@acme.example"]})"),
             200);
  EXPECT_EQ(trimmed["phone_types"],
            json::array({{{"types", json::array()}, {"pref", 0}, {"label", "Assistant"}}}));
  EXPECT_TRUE(trimmed["birthday"].is_null());
  EXPECT_EQ(trimmed["email_types"][0]["label"], "Lab");
  EXPECT_EQ(trimmed["email_types"][0]["types"], json::array());
  EXPECT_EQ(trimmed["nickname"], "Ace");
}

TEST_P(ContactsRoutes, PatchesTheTypesOfWebAddresses) {
  const json ada =
      AddPerson({{"name", "Ada Okafor"},
                 {"website", "https://ada.example"},
                 {"links",
                  {{{"kind", "github"}, {"url", "https://github.com/ada"}},
                   {{"kind", "other"}, {"url", "https://blog.ada.example"}, {"label", "Blog"}}}}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  EXPECT_EQ(ada["links"][1]["label"], "Blog");
  // website_type alone qualifies the website the card has.
  const json typed = Expect(Send("PATCH", path, R"({"website_type": {"types": ["work"], "pref": 1}})"), 200);
  EXPECT_EQ(typed["website_type"], json({{"types", {"work"}}, {"pref", 1}, {"label", ""}}));
  EXPECT_EQ(typed["links"][1]["label"], "Blog") << "the links' types stay when links are not sent";
  // Links carry their own types: a label given replaces the link's, a link
  // that says nothing of its type keeps the one it had.
  const json linked = Expect(Send("PATCH", path, R"({"links": [
      {"kind": "github", "url": "https://github.com/ada", "types": ["work"], "label": "Code"},
      {"kind": "other", "url": "https://blog.ada.example"}]})"),
                             200);
  EXPECT_EQ(linked["links"][0]["label"], "Code");
  EXPECT_EQ(linked["links"][0]["types"], json({"work"}));
  EXPECT_EQ(linked["links"][1]["label"], "Blog");
  EXPECT_EQ(linked["website_type"]["types"], json({"work"})) << "the website's type stays when not sent";
  // Empty types clear them; the same body again writes nothing.
  const json cleared =
      Expect(Send("PATCH", path, R"({"website_type": {"types": [], "pref": 0, "label": ""}})"), 200);
  EXPECT_EQ(cleared["website_type"], json({{"types", json::array()}, {"pref", 0}, {"label", ""}}));
  const json same =
      Expect(Send("PATCH", path, R"({"website_type": {"types": [], "pref": 0, "label": ""}})"), 200);
  EXPECT_EQ(same["updated_at"], cleared["updated_at"]);
  const json shown = Expect(Send("GET", path), 200);
  EXPECT_EQ(shown["links"][0]["label"], "Code");
  // A bad type is refused naming the field, and nothing is written.
  const json refused = Expect(Send("PATCH", path, R"({"website_type": {"pref": 101}})"), 400);
  EXPECT_EQ(refused["error"]["field"], "website_type") << refused.dump();
  EXPECT_EQ(Expect(Send("GET", path), 200), shown);
}

TEST_P(ContactsRoutes, PatchesAnAddressesDeliveryLabel) {
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  const json edited = Expect(Send("PATCH", path, R"({"addresses": [{"types": ["work"], "street": "1 Main St",
      "locality": "Chicago", "delivery_label": "Ada Okafor\n1 Main St\nChicago"}]})"),
                             200);
  EXPECT_EQ(edited["addresses"][0]["delivery_label"], "Ada Okafor\n1 Main St\nChicago");
  EXPECT_EQ(Expect(Send("GET", path), 200)["addresses"], edited["addresses"]);
}

TEST_P(ContactsRoutes, PatchRemovesARawFieldOnceItIsFixed) {
  const json ada = AddPerson(
      {{"name", "Ada Okafor"},
       {"custom",
        {{{"label", "raw EMAIL"}, {"value", "ada at acme"}}, {{"label", "Shoe size"}, {"value", "38"}}}}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  ASSERT_EQ(ada["custom"].size(), 2U);
  const json fixed = Expect(Send("PATCH", path, R"({"emails": ["ada@acme.example"],
      "custom": [{"label": "Shoe size", "value": "38"}]})"),
                            200);
  EXPECT_EQ(fixed["emails"], json({"ada@acme.example"}));
  EXPECT_EQ(fixed["custom"], json({{{"label", "Shoe size"}, {"value", "38"}}}));
  EXPECT_EQ(Expect(Send("GET", path), 200)["custom"], fixed["custom"]);
}

TEST_P(ContactsRoutes, BadCardValuesAreRefusedNamingTheFieldAndNothingIsWritten) {
  const json ada = AddPerson({{"name", "Ada Okafor"}, {"emails", {"ada@acme.example"}}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"birthday": "April"})", "birthday"},
      {R"({"anniversary": "2015-02-30"})", "anniversary"},
      {R"({"departments": "Platform"})", "departments"},
      {R"({"email_types": [{"label": "Lab"}]})", "email_types"},
      {R"({"emails": ["ada@acme.example"], "email_types": [{}, {}]})", "email_types"},
      {R"({"emails": ["ada@acme.example"], "email_types": [{"types": ["work;x"]}]})", "email_types"},
      {R"({"phones": ["+1 312 555 0100"], "phone_types": [{"pref": 101}]})", "phone_types"},
      {R"({"addresses": [{"types": ["home"], "pref": "first"}]})", "addresses"},
      {R"({"nickname": 7})", "nickname"},
  };
  for (const auto& [body, field] : cases) {
    const json refused = Expect(Send("PATCH", path, body), 400);
    EXPECT_EQ(ErrorCodeOf(refused), "invalid_input") << body;
    EXPECT_EQ(refused["error"]["field"], field) << body << " " << refused.dump();
  }
  const json after = Expect(Send("GET", path), 200);
  EXPECT_TRUE(after["birthday"].is_null());
  EXPECT_EQ(after["email_types"][0], json({{"types", json::array()}, {"pref", 0}, {"label", ""}}));
  EXPECT_EQ(after["updated_at"], ada["updated_at"]) << "nothing was written";
}

TEST_P(ContactsRoutes, TheOpenApiDocumentListsTheCardFields) {
  const json schemas = Expect(Send("GET", "/api/v1/openapi.json"), 200)["components"]["schemas"];
  const json& contact = schemas["Contact"]["properties"];
  for (const char* key : {"nickname", "role", "departments", "birthday", "anniversary", "addresses", "kind",
                          "email_types", "phone_types", "website_type"}) {
    EXPECT_TRUE(contact.contains(key)) << key;
  }
  EXPECT_EQ(schemas["ValueType"]["properties"]["pref"]["maximum"], 100);
  EXPECT_TRUE(schemas["Address"]["properties"].contains("postal_code"));
  // Every key a contact is given in JSON is documented.
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  const json shown = Expect(Send("GET", "/api/v1/contacts/" + ada["id"].dump()), 200);
  for (const auto& [key, value] : shown.items()) EXPECT_TRUE(contact.contains(key)) << key;
  // And every key of an address, a link and a value's type.
  const json full = AddPerson({{"name", "Ravi Menon"},
                               {"emails", {"ravi@kite.example"}},
                               {"email_types", {{{"types", {"work"}}}}},
                               {"links", {{{"kind", "github"}, {"url", "https://github.com/ravi"}}}},
                               {"addresses", {{{"street", "1 Main St"}, {"delivery_label", "1 Main St"}}}}});
  for (const auto& [key, value] : full["addresses"][0].items()) {
    EXPECT_TRUE(schemas["Address"]["properties"].contains(key)) << key;
  }
  for (const auto& [key, value] : full["links"][0].items()) {
    EXPECT_TRUE(schemas["Link"]["properties"].contains(key)) << key;
  }
  for (const auto& [key, value] : full["email_types"][0].items()) {
    EXPECT_TRUE(schemas["ValueType"]["properties"].contains(key)) << key;
  }
}

TEST_P(ContactsRoutes, RemovesToTheTrashAndRestores) {
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  const std::string path = "/api/v1/contacts/" + ada["id"].dump();
  EXPECT_EQ(Expect(Send("DELETE", path), 200)["trashed"], true);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
  EXPECT_EQ(Expect(Send("POST", path + "/restore"), 200)["trashed"], false);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 1U);
}

TEST_P(ContactsRoutes, EmptiesTheTrashForGood) {
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  AddPerson({{"name", "Ravi Menon"}});
  Expect(Send("DELETE", "/api/v1/contacts/" + ada["id"].dump()), 200);
  EXPECT_EQ(Expect(Send("DELETE", "/api/v1/trash"), 200)["deleted"], 1);
  Expect(Send("GET", "/api/v1/contacts/" + ada["id"].dump()), 404);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 1U);
}

TEST_P(ContactsRoutes, SuggestsFilterValuesAsYouType) {
  AddPerson({{"name", "Ada Okafor"}, {"tags", {"mentor"}}, {"met_at", "RustConf 2026"}});
  EXPECT_EQ(Expect(Send("GET", "/api/v1/suggestions?field=tag&prefix=MEN"), 200), json({"mentor"}));
  EXPECT_EQ(Expect(Send("GET", "/api/v1/suggestions?field=event&prefix=rust"), 200), json({"RustConf 2026"}));
  EXPECT_EQ(Expect(Send("GET", "/api/v1/suggestions?field=height&prefix=a"), 400)["error"]["field"], "field");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/suggestions?field=tag&limit=500"), 400)["error"]["field"], "limit");
}

TEST_P(ContactsRoutes, SearchCountsEveryoneItFindsWhenAsked) {
  for (const char* name : {"Ada Okafor", "Ada Lindqvist", "Ada Aksoy"}) AddPerson({{"name", name}});
  auto response = Send("GET", "/api/v1/search?q=ada&limit=1&total=true");
  EXPECT_EQ(Expect(response, 200).size(), 1U);
  EXPECT_EQ(response->get_header_value("X-Total-Count"), "3");
  EXPECT_FALSE(Send("GET", "/api/v1/search?q=ada&limit=1")->has_header("X-Total-Count"));
}

TEST_P(ContactsRoutes, UnknownIdsAreNotFound) {
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/contacts/999"), 404)), "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PATCH", "/api/v1/contacts/999", R"({"title":"x"})"), 404)), "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("DELETE", "/api/v1/contacts/999"), 404)), "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/contacts/999/restore"), 404)), "not_found");
}

TEST_P(ContactsRoutes, MalformedJsonIsRejectedAndNothingWritten) {
  const json body = Expect(Send("POST", "/api/v1/contacts", "{\"name\": \"Ada"), 400);
  EXPECT_EQ(ErrorCodeOf(body), "invalid_input");
  EXPECT_EQ(body["error"]["field"], "body");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/contacts", "[1,2]"), 400)), "invalid_input");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ContactsRoutes, WrongTypesAreRejectedAndNothingWritten) {
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/contacts", R"({"name": 42})"), 400)), "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/contacts", R"({"name": "A", "emails": "a@b.c"})"), 400)),
            "invalid_input");
  EXPECT_EQ(
      ErrorCodeOf(Expect(Send("POST", "/api/v1/contacts", R"({"name": "A", "met_on": "2026-02-30"})"), 400)),
      "invalid_input");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ContactsRoutes, InvalidFieldsNameTheField) {
  const json body = Expect(Send("POST", "/api/v1/contacts", R"({"name": "Bob", "emails": ["bob@"]})"), 400);
  EXPECT_EQ(ErrorCodeOf(body), "invalid_input");
  EXPECT_EQ(body["error"]["field"], "email");
}

TEST_P(ContactsRoutes, OversizedBodiesAreRejectedBeforeReading) {
  const std::string huge = R"({"name": "A", "notes": ")" + std::string(100 * 1024, 'x') + "\"}";
  const json body = Expect(Send("POST", "/api/v1/contacts", huge), 413);
  EXPECT_EQ(ErrorCodeOf(body), "payload_too_large");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ContactsRoutes, BodiesNestedPastTheLimitAreRefusedAndNothingIsWritten) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  const json body = Expect(Send("POST", "/api/v1/contacts", R"({"name": "A", "custom": )" + deep + "}"), 400);
  EXPECT_EQ(ErrorCodeOf(body), "invalid_input");
  EXPECT_EQ(body["error"]["message"], "the body: the JSON nests deeper than 64 levels");
  EXPECT_EQ(body["error"]["field"], "body");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ContactsRoutes, MalformedBodiesSayWhere) {
  const json body = Expect(Send("POST", "/api/v1/contacts", "{\"name\": \"A\",}"), 400);
  EXPECT_EQ(ErrorCodeOf(body), "invalid_input");
  EXPECT_THAT(body["error"]["message"].get<std::string>(),
              ::testing::HasSubstr("line 1, column 14: syntax error"));
}

TEST_P(ContactsRoutes, ScriptInANameIsStoredAndReturnedAsText) {
  const std::string payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  const json created = AddPerson({{"name", payload}});
  auto response = Send("GET", "/api/v1/contacts/" + created["id"].dump());
  ASSERT_TRUE(response);
  EXPECT_EQ(json::parse(response->body)["name"], payload);
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_P(ContactsRoutes, FindsAndMergesDuplicates) {
  const json first = AddPerson({{"name", "Ada Okafor"}, {"emails", {"ada@acme.com"}}});
  const json second = AddPerson({{"name", "Ada Okafor"}, {"emails", {"ada@acme.com"}}, {"city", "Lagos"}});
  const json pairs = Expect(Send("GET", "/api/v1/dupes"), 200);
  ASSERT_EQ(pairs.size(), 1U);
  EXPECT_FALSE(pairs[0]["reasons"].empty());
  const json merged = Expect(
      Send("POST", "/api/v1/merges", json({{"keep", first["id"]}, {"other", second["id"]}}).dump()), 201);
  EXPECT_EQ(merged["city"], "Lagos");
  EXPECT_EQ(merged["other"]["trashed"], true);
  const std::string undo = "/api/v1/merges/" + merged["merge"]["id"].dump() + "/undo";
  const json undone = Expect(Send("POST", undo), 200);
  EXPECT_EQ(undone["city"], "");
  EXPECT_EQ(undone["other"]["trashed"], false);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", undo), 409)), "conflict");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/merges/999/undo"), 404)), "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/merges", R"({"keep": 1})"), 400)), "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/merges", R"({"keep": 1, "other": 999})"), 404)),
            "not_found");
}

TEST_P(ContactsRoutes, PagesDuplicatesWithTheirTotal) {
  for (const char* name : {"Ada Okafor", "Ada Okafor", "Bo Chen", "Bo Chen"}) {
    AddPerson({{"name", name}, {"emails", {std::string(name) == "Bo Chen" ? "bo@x.org" : "ada@x.org"}}});
  }
  const auto response = Send("GET", "/api/v1/dupes?limit=1&offset=1");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(json::parse(response->body).size(), 1U);
  EXPECT_EQ(response->get_header_value("X-Total-Count"), "2");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/dupes?limit=0"), 400)), "invalid_input");
}

TEST_P(ContactsRoutes, GeneratesADemoNetwork) {
  EXPECT_EQ(Expect(Send("POST", "/api/v1/demo", R"({"count": 25})"), 201)["added"], 25);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/demo", R"({"count": "many"})"), 400)), "invalid_input");
}

}  // namespace
}  // namespace kith::testing
