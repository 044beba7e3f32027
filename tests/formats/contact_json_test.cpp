#include "formats/contact_json.h"

#include <gtest/gtest.h>

#include <set>

namespace kith {
namespace {

TEST(ContactToJson, HasTheKeysCliDocuments) {
  Contact contact;
  contact.id = ContactId{42};
  contact.uid = "u-1";
  contact.display_name = "Ada Okafor";
  contact.company = "Acme";
  contact.emails = {"ada@acme.com"};
  contact.phones = {Phone{"+1 312 555 0134", "+13125550134"}};
  contact.links = {Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, std::nullopt}};
  contact.tags = {"mentor"};
  contact.met_on = Date{2026, 5, 1};
  const nlohmann::json json = ContactToJson(contact);
  EXPECT_EQ(json["id"], 42);
  EXPECT_EQ(json["name"], "Ada Okafor");
  EXPECT_EQ(json["emails"][0], "ada@acme.com");
  EXPECT_EQ(json["phones"][0], "+1 312 555 0134");
  EXPECT_EQ(json["phones_e164"][0], "+13125550134");
  EXPECT_EQ(json["links"][0]["kind"], "linkedin");
  EXPECT_EQ(json["links"][0]["connected"], true);
  EXPECT_EQ(json["met_on"], "2026-05-01");
  EXPECT_TRUE(json["last_contact"].is_null());
  EXPECT_EQ(json["open_to_opportunities"], false);
  for (const char* key : {"uid", "title", "skills", "interests", "city", "met_at", "tags"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
}

TEST(ContactPatchFromJson, NamesTheKeysGiven) {
  auto patch = ContactPatchFromJson(nlohmann::json::parse(R"({"company": "Ferrous", "tags": []})"));
  ASSERT_TRUE(patch) << patch.error().message;
  EXPECT_EQ(patch->present, (std::set<std::string>{"company", "tags"}));
  EXPECT_EQ(patch->fields.company, "Ferrous");
  EXPECT_TRUE(patch->fields.tags.empty());
}

TEST(ContactPatchFromJson, AWrongTypeIsInvalidInputNamingTheKey) {
  auto patch = ContactPatchFromJson(nlohmann::json::parse(R"({"met_on": "2026-02-30"})"));
  ASSERT_FALSE(patch);
  EXPECT_EQ(patch.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(patch.error().message.find("contact 1"), std::string::npos) << patch.error().message;
  EXPECT_NE(patch.error().message.find("met_on"), std::string::npos) << patch.error().message;
}

}  // namespace
}  // namespace kith
