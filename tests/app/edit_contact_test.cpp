#include <gtest/gtest.h>

#include "app/contacts.h"
#include "support/temp_database.h"

namespace kith {
namespace {

Contact AddAda(testing::TestWorld& world) {
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  fields.emails = {"ada@acme.com"};
  fields.tags = {"mentor"};
  fields.company = "Acme";
  auto contact = AddContact(world.context(), fields);
  EXPECT_TRUE(contact);
  return *contact;
}

class EditContactTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(EditContactTest);

TEST_P(EditContactTest, SetsFieldsAndKeepsTheRest) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit edit;
  edit.title = "VP Engineering";
  auto edited = EditContact(world.context(), ada.id, edit);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->title, "VP Engineering");
  EXPECT_EQ(edited->company, "Acme");
  EXPECT_EQ(edited->emails, std::vector<std::string>{"ada@acme.com"});
}

TEST_P(EditContactTest, AddsAndRemovesListItems) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit edit;
  edit.add_tags = {"investor"};
  edit.remove_tags = {"MENTOR"};
  edit.add_emails = {"ada@kite.dev"};
  edit.remove_emails = {"ada@acme.com"};
  auto edited = EditContact(world.context(), ada.id, edit);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->tags, std::vector<std::string>{"investor"});
  EXPECT_EQ(edited->emails, std::vector<std::string>{"ada@kite.dev"});
}

TEST_P(EditContactTest, RemovingWhatIsNotThereFailsAndChangesNothing) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit edit;
  edit.title = "CTO";
  edit.remove_tags = {"investor"};
  auto edited = EditContact(world.context(), ada.id, edit);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().message, "tag 'investor' is not on this contact");
  EXPECT_EQ(world.store().GetContact(ada.id)->title, "");
}

TEST_P(EditContactTest, InvalidValueFailsAndChangesNothing) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit edit;
  edit.company = "Kite";
  edit.add_emails = {"bob@"};
  auto edited = EditContact(world.context(), ada.id, edit);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().field, "email");
  EXPECT_EQ(world.store().GetContact(ada.id)->company, "Acme");
}

TEST_P(EditContactTest, NewDisplayNameRederivesParts) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit edit;
  edit.display_name = "Ada Lovelace";
  auto edited = EditContact(world.context(), ada.id, edit);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->family_name, "Lovelace");
  EXPECT_EQ(SearchContacts(world.context(), {"okafor", 5, 0})->size(), 0U);
  EXPECT_EQ(SearchContacts(world.context(), {"lovelace", 5, 0})->size(), 1U);
}

TEST_P(EditContactTest, OpeningToOpportunitiesRecordsSince) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit edit;
  edit.open_to_opportunities = true;
  edit.looking_for = "staff roles";
  auto edited = EditContact(world.context(), ada.id, edit);
  ASSERT_TRUE(edited);
  EXPECT_TRUE(edited->open_to_opportunities);
  EXPECT_EQ(edited->open_since, (Date{2026, 11, 26}));
}

TEST_P(EditContactTest, ReplacesALinkOfTheSameKind) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  ContactEdit first;
  first.add_links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/old", false, false, std::nullopt}};
  ASSERT_TRUE(EditContact(world.context(), ada.id, first));
  ContactEdit second;
  second.add_links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/new", true, false, std::nullopt}};
  auto edited = EditContact(world.context(), ada.id, second);
  ASSERT_TRUE(edited);
  ASSERT_EQ(edited->links.size(), 1U);
  EXPECT_EQ(edited->links[0].url, "https://www.linkedin.com/in/new");
  EXPECT_TRUE(edited->links[0].connected);
}

TEST_P(EditContactTest, EmptyEditIsRefused) {
  testing::TestWorld world{GetParam()};
  const Contact ada = AddAda(world);
  auto edited = EditContact(world.context(), ada.id, ContactEdit{});
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().code, ErrorCode::kInvalidInput);
}

TEST_P(EditContactTest, UnknownIdIsNotFound) {
  testing::TestWorld world{GetParam()};
  ContactEdit edit;
  edit.title = "CTO";
  EXPECT_EQ(EditContact(world.context(), ContactId{77}, edit).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kith
