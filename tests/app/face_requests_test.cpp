// The decisions both faces used to make on their own, now made once in app/:
// the list by health with its filters, a partial card (PATCH), an import
// from text options, and the SMTP port that goes with a security choice.
#include <gtest/gtest.h>

#include <set>

#include "app/contacts.h"
#include "app/import_options.h"
#include "app/relationships.h"
#include "support/temp_database.h"

namespace kith {
namespace {

class FaceRequests : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  Context& context() { return world_.context(); }

  Contact Add(const std::string& name, std::vector<std::string> tags = {}) {
    ContactFields fields;
    fields.display_name = name;
    fields.tags = std::move(tags);
    auto contact = AddContact(context(), fields);
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? *contact : Contact{};
  }

  testing::TestWorld world_{GetParam()};
};

KITH_ON_BOTH_STORES(FaceRequests);

TEST_P(FaceRequests, HealthOrderKeepsTheTagFilter) {
  const Contact ada = Add("Ada Okafor", {"mentor"});
  Add("Bob Stone");
  const Contact cleo = Add("Cleo Park", {"Mentor"});
  ListQuery query;
  query.tag = "mentor";
  auto mentors = ListByHealth(context(), query);
  ASSERT_TRUE(mentors) << mentors.error().message;
  ASSERT_EQ(mentors->size(), 2U);
  for (const auto& person : *mentors)
    EXPECT_TRUE(person.contact.id == ada.id || person.contact.id == cleo.id);
  query.offset = 1;
  query.limit = 5;
  EXPECT_EQ(ListByHealth(context(), query)->size(), 1U);
  auto everyone = ListByHealth(context(), ListQuery{});
  ASSERT_TRUE(everyone);
  EXPECT_EQ(everyone->size(), 3U);
}

TEST_P(FaceRequests, HealthOrderRefusesTheTrash) {
  ListQuery query;
  query.trashed = true;
  auto refused = ListByHealth(context(), query);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().field, "sort");
}

TEST_P(FaceRequests, ListOrdersAreReadByTheirNames) {
  EXPECT_EQ(ParseListOrder("health").value(), ListOrder::kHealth);
  EXPECT_EQ(ParseListOrder("Last-Contact").value(), ListOrder::kLastContact);
  EXPECT_EQ(StoredSort(ListOrder::kCreated), ListSort::kCreated);
  EXPECT_FALSE(StoredSort(ListOrder::kHealth).has_value());
  auto unknown = ParseListOrder("loudest");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "sort");
}

TEST_P(FaceRequests, APatchReplacesOnlyTheFieldsItNames) {
  Contact ada = Add("Ada Okafor", {"mentor", "rust"});
  ContactPatch patch;
  patch.fields.display_name = "Ada Okafor";
  patch.fields.company = "Ferrous";
  patch.fields.tags = {"rust", "investor"};
  patch.present = {"company", "tags"};
  auto patched = PatchContact(context(), ada.id, patch);
  ASSERT_TRUE(patched) << patched.error().message;
  EXPECT_EQ(patched->display_name, "Ada Okafor");
  EXPECT_EQ(patched->company, "Ferrous");
  EXPECT_EQ(std::set<std::string>(patched->tags.begin(), patched->tags.end()),
            (std::set<std::string>{"investor", "rust"}));
}

TEST_P(FaceRequests, APatchThatChangesNothingReturnsTheCard) {
  const Contact ada = Add("Ada Okafor");
  ContactPatch patch;
  patch.fields.display_name = "Ada Okafor";
  patch.present = {"name"};
  auto same = PatchContact(context(), ada.id, patch);
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_EQ(same->display_name, "Ada Okafor");
  auto unknown = PatchContact(context(), ContactId{999}, patch);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(FaceRequests, ImportOptionsBecomeOneRequest) {
  ImportOptions options;
  options.path = "people.csv";
  options.format = "LinkedIn";
  options.encoding = "cp1252";
  options.maps = {"Employer=company", "", "Cell=phone"};
  options.dry_run = true;
  auto request = ImportRequestFrom(options);
  ASSERT_TRUE(request) << request.error().message;
  EXPECT_EQ(request->format, ImportFormat::kLinkedIn);
  EXPECT_EQ(request->encoding, TextEncoding::kWindows1252);
  ASSERT_EQ(request->map.size(), 2U);
  EXPECT_EQ(request->map[1], (std::pair<std::string, std::string>{"Cell", "phone"}));
  EXPECT_TRUE(request->dry_run);
  EXPECT_EQ(ImportRequestFrom(ImportOptions{})->format, ImportFormat::kAuto);
}

TEST_P(FaceRequests, BadImportOptionsNameTheirField) {
  const auto field_of = [](ImportOptions options) {
    auto request = ImportRequestFrom(options);
    EXPECT_FALSE(request);
    return request ? std::string() : request.error().field;
  };
  ImportOptions format;
  format.format = "pdf";
  EXPECT_EQ(field_of(format), "format");
  ImportOptions encoding;
  encoding.encoding = "ebcdic";
  EXPECT_EQ(field_of(encoding), "encoding");
  ImportOptions map;
  map.maps = {"=company"};
  EXPECT_EQ(field_of(map), "map");
  map.maps = {"no equals sign"};
  EXPECT_EQ(field_of(map), "map");
}

TEST_P(FaceRequests, ChoosingASecurityBringsItsPortUnlessOneIsGiven) {
  SmtpChange first;
  first.host = "smtp.example.com";
  first.from = "sam@example.com";
  ASSERT_TRUE(ChangeSmtpSettings(context(), first));
  SmtpChange tls;
  tls.security = SmtpSecurity::kTls;
  EXPECT_EQ(ChangeSmtpSettings(context(), tls)->port, 465);
  SmtpChange starttls;
  starttls.security = SmtpSecurity::kStartTls;
  EXPECT_EQ(ChangeSmtpSettings(context(), starttls)->port, 587);
  SmtpChange both;
  both.security = SmtpSecurity::kTls;
  both.port = 2465;
  EXPECT_EQ(ChangeSmtpSettings(context(), both)->port, 2465);
  EXPECT_EQ(LoadSmtpSettings(context())->port, 2465);
  EXPECT_EQ(ParseSmtpSecurity("TLS"), SmtpSecurity::kTls);
  EXPECT_FALSE(ParseSmtpSecurity("ssl").has_value());
}

}  // namespace
}  // namespace kith
