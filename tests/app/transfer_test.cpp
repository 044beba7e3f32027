// Exports that come back whole, and duplicates found and merged.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/contacts.h"
#include "app/give.h"
#include "app/transfer.h"
#include "formats/text_encoding.h"
#include "support/temp_database.h"

namespace kith {
namespace {

ContactFields Rich(int n) {
  ContactFields fields;
  fields.display_name = n == 0 ? "Inés García-Núñez" : "Person, \"Number\" " + std::to_string(n);
  fields.emails = {"person" + std::to_string(n) + "@example.org"};
  fields.phones = {Phone{"+1 312 555 01" + std::to_string(10 + n), ""}};
  fields.company = "Fundación Luz; Grants";
  fields.title = "Program Officer, Grants";
  fields.website = "https://example.org/" + std::to_string(n);
  fields.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/p" + std::to_string(n), true, false,
           Date{2025, 9, 2}},
      Link{LinkKind::kTwitter, "https://twitter.com/p" + std::to_string(n), false, true, std::nullopt}};
  fields.city = "Madrid";
  fields.neighborhood = "Lavapiés";
  fields.hometown = "Sevilla";
  fields.how_met = "intro from Sam";
  fields.met_at = "EuroPython";
  fields.met_on = Date{2025, 7, 14};
  fields.tags = {"grants", "friend"};
  fields.skills = {"fundraising"};
  fields.interests = {"flamenco", "中文"};
  fields.open_to_opportunities = n % 2 == 0;
  fields.looking_for = n % 2 == 0 ? "board seats" : "";
  fields.notes = "Two lines\nof notes, with \\ and ; and ,";
  fields.custom = {CustomField{"Birthday", "1985-04-12"}};
  return fields;
}

class TransferTest : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  void SetUp() override {
    for (int n = 0; n < 3; ++n) {
      auto added = AddContact(source_.context(), Rich(n));
      ASSERT_TRUE(added) << added.error().message;
    }
  }

  static std::vector<Contact> Everyone(testing::TestWorld& world) {
    ListQuery query;
    query.limit = 100;
    query.sort = ListSort::kCreated;
    auto contacts = ListContacts(world.context(), query);
    EXPECT_TRUE(contacts);
    auto list = contacts ? *contacts : std::vector<Contact>{};
    std::sort(list.begin(), list.end(), [](const Contact& a, const Contact& b) { return a.uid < b.uid; });
    return list;
  }

  // Exports from one database, imports into a fresh one, and compares.
  void ExpectRoundTrip(ExportFormat format, VCardVersion version = VCardVersion::k40) {
    ExportRequest request;
    request.format = format;
    request.vcard_version = version;
    request.output = (files_.path() / "export.out").string();
    std::ostringstream unused;
    auto count = ExportContacts(source_.context(), request, unused);
    ASSERT_TRUE(count) << count.error().message;
    EXPECT_EQ(*count, 3);
    testing::TestWorld target{GetParam()};
    ImportRequest import;
    import.path = request.output;
    auto summary = ImportContacts(target.context(), import);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->added, 3);
    const auto before = Everyone(source_);
    const auto after = Everyone(target);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      EXPECT_EQ(static_cast<const ContactFields&>(after[i]), static_cast<const ContactFields&>(before[i]))
          << before[i].display_name;
      EXPECT_EQ(after[i].uid, before[i].uid);
    }
  }

  testing::TestWorld source_{GetParam()};
  testing::TempDirectory files_;
};

KITH_ON_BOTH_STORES(TransferTest);

TEST_P(TransferTest, VCard4RoundTrips) { ExpectRoundTrip(ExportFormat::kVCard); }
TEST_P(TransferTest, VCard3RoundTrips) { ExpectRoundTrip(ExportFormat::kVCard, VCardVersion::k30); }
TEST_P(TransferTest, CsvRoundTrips) { ExpectRoundTrip(ExportFormat::kCsv); }
TEST_P(TransferTest, XlsxRoundTrips) { ExpectRoundTrip(ExportFormat::kXlsx); }
TEST_P(TransferTest, JsonRoundTrips) { ExpectRoundTrip(ExportFormat::kJson); }

TEST_P(TransferTest, JsonBackupRestoresOpportunitiesLedgerAndProfileOnce) {
  const auto people = Everyone(source_);
  OpportunityFields job;
  job.kind = OpportunityKind::kJob;
  job.title = "Grants officer";
  job.skills = {"fundraising"};
  auto opportunity = AddOpportunity(source_.context(), job);
  ASSERT_TRUE(opportunity) << opportunity.error().message;
  GiveRequest give;
  give.contact = people[0].id;
  give.opportunity = opportunity->id;
  ASSERT_TRUE(RecordGive(source_.context(), give));
  ASSERT_TRUE(
      RecordIntroduction(source_.context(), people[1].id, people[2].id, "both fund arts", std::nullopt));
  ASSERT_TRUE(ChangeMyProfile(source_.context(),
                              ProfileChange{"Sam", std::vector<std::string>{"SQLite"}, "databases"}));

  ExportRequest request;
  request.format = ExportFormat::kJson;
  request.output = (files_.path() / "backup.json").string();
  std::ostringstream unused;
  ASSERT_TRUE(ExportContacts(source_.context(), request, unused));
  testing::TestWorld target{GetParam()};
  ImportRequest import;
  import.path = request.output;
  for (int round = 0; round < 2; ++round) {
    auto summary = ImportContacts(target.context(), import);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->opportunities, round == 0 ? 1 : 0);
    EXPECT_EQ(summary->ledger_entries, round == 0 ? 3 : 0);
  }
  const auto restored = Everyone(target);
  auto offered = MatchOpportunity(target.context(), ListOpportunities(target.context(), false)->at(0).id, 10);
  ASSERT_TRUE(offered);
  for (const auto& match : *offered) EXPECT_NE(match.contact.uid, people[0].uid) << "already offered it";
  const auto uid_to_id = [&](const std::string& uid) {
    for (const auto& contact : restored) {
      if (contact.uid == uid) return contact.id;
    }
    return ContactId{};
  };
  auto ledger = LedgerFor(target.context(), uid_to_id(people[1].uid));
  ASSERT_TRUE(ledger);
  ASSERT_EQ(ledger->entries.size(), 1U);
  EXPECT_EQ(ledger->entries[0].introduced_to, uid_to_id(people[2].uid));
  EXPECT_EQ(ShowMyProfile(target.context())->known_for, "databases");
}

TEST_P(TransferTest, VCardToADirectoryWritesOneFilePerPerson) {
  ExportRequest request;
  request.output = (files_.path() / "cards").string() + "/";
  std::ostringstream unused;
  ASSERT_TRUE(ExportContacts(source_.context(), request, unused));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(files_.path() / "cards")) {
    EXPECT_EQ(entry.path().extension(), ".vcf");
    ++files;
  }
  EXPECT_EQ(files, 3);
}

TEST_P(TransferTest, XlsxNeedsAFile) {
  ExportRequest request;
  request.format = ExportFormat::kXlsx;
  std::ostringstream unused;
  auto count = ExportContacts(source_.context(), request, unused);
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().message, "an .xlsx export needs a file: add -o contacts.xlsx");
}

TEST_P(TransferTest, TrashedPeopleAreNotExported) {
  const auto people = Everyone(source_);
  ASSERT_TRUE(RemoveContact(source_.context(), people[0].id));
  ExportRequest request;
  request.format = ExportFormat::kCsv;
  std::ostringstream out;
  auto count = ExportContacts(source_.context(), request, out);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2);
  EXPECT_EQ(out.str().find(people[0].uid), std::string::npos);
}

class Duplicates : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(Duplicates);

TEST_P(Duplicates, ListsPairsWithTheirReasons) {
  testing::TestWorld world{GetParam()};
  ContactFields a;
  a.display_name = "Ada Okafor";
  a.company = "Acme";
  a.emails = {"ada@acme.com"};
  ContactFields b;
  b.display_name = "Adah Okafor";
  b.company = "acme";
  b.emails = {"Ada@Acme.com"};
  ContactFields c;
  c.display_name = "Zed Okafor";
  c.company = "Acme";
  ASSERT_TRUE(AddContact(world.context(), a));
  ASSERT_TRUE(AddContact(world.context(), b));
  ASSERT_TRUE(AddContact(world.context(), c));
  auto found = FindDuplicates(world.context(), {});
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->pairs.size(), 1U) << "Zed shares the family name and company but not the given name";
  EXPECT_EQ(found->total, 1);
  EXPECT_EQ(found->pairs[0].reasons,
            (std::vector<std::string>{"same email ada@acme.com", "similar name at Acme"}));
}

// The surest pairs come first, whatever their ids: a shared phone, then the
// same whole name at one company, then a similar given name there.
TEST_P(Duplicates, ListsTheSurestPairsFirst) {
  testing::TestWorld world{GetParam()};
  const auto add = [&](const std::string& name, const std::string& company, const std::string& phone) {
    ContactFields fields;
    fields.display_name = name;
    fields.company = company;
    if (!phone.empty()) fields.phones = {Phone{phone, ""}};
    auto added = AddContact(world.context(), fields);
    EXPECT_TRUE(added) << added.error().message;
    return added->id;
  };
  const ContactId rob = add("Rob Lindqvist", "Northwind", "");
  const ContactId robert = add("Robert Lindqvist", "Northwind", "");
  const ContactId mara = add("Mara Ilves", "Lumen", "");
  const ContactId mara_again = add("Mara Ilves", "lumen", "");
  const ContactId tomas = add("Tomas Berg", "", "+1 312 555 0199");
  const ContactId tomas_again = add("T. Berg", "", "+13125550199");
  auto found = FindDuplicates(world.context(), {});
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->pairs.size(), 3U);
  EXPECT_EQ(found->pairs[0].first.id, tomas);
  EXPECT_EQ(found->pairs[0].second.id, tomas_again);
  EXPECT_EQ(found->pairs[0].reasons, std::vector<std::string>{"same phone +1 312 555 0199"});
  EXPECT_EQ(found->pairs[1].first.id, mara);
  EXPECT_EQ(found->pairs[1].second.id, mara_again);
  EXPECT_EQ(found->pairs[1].reasons, std::vector<std::string>{"same name at Lumen"});
  EXPECT_EQ(found->pairs[2].first.id, rob);
  EXPECT_EQ(found->pairs[2].second.id, robert);
  EXPECT_EQ(found->pairs[2].reasons, std::vector<std::string>{"similar name at Northwind"});
}

TEST_P(Duplicates, PagesThroughEveryPairWithTheTotal) {
  testing::TestWorld world{GetParam()};
  for (int i = 0; i < 5; ++i) {
    for (int copy = 0; copy < 2; ++copy) {
      ContactFields fields;
      fields.display_name = "Person" + std::string(1, static_cast<char>('a' + i)) + " Halden";
      fields.company = "Firm " + std::to_string(i);
      ASSERT_TRUE(AddContact(world.context(), fields));
    }
  }
  std::vector<std::int64_t> seen;
  for (int offset = 0; offset < 6; offset += 2) {
    auto page = FindDuplicates(world.context(), DuplicatesRequest{2, offset});
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 5);
    for (const auto& pair : page->pairs) seen.push_back(pair.first.id.value);
  }
  EXPECT_EQ(seen.size(), 5U);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "pairs of one strength come in id order";
  auto past = FindDuplicates(world.context(), DuplicatesRequest{2, 10});
  ASSERT_TRUE(past);
  EXPECT_TRUE(past->pairs.empty());
  EXPECT_EQ(past->total, 5);
}

TEST_P(Duplicates, RefusesAPageOutOfRange) {
  testing::TestWorld world{GetParam()};
  for (const DuplicatesRequest request :
       {DuplicatesRequest{0, 0}, DuplicatesRequest{501, 0}, DuplicatesRequest{10, -1}}) {
    auto found = FindDuplicates(world.context(), request);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code, ErrorCode::kInvalidInput);
  }
}

// Merging keeps a journal for undo, on both stores.
class Merges : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(Merges);

TEST_P(Merges, MergeMovesEverythingAndTrashesTheOther) {
  testing::TestWorld world{GetParam()};
  ContactFields a;
  a.display_name = "Ada Okafor";
  a.emails = {"ada@acme.com"};
  a.tags = {"mentor"};
  ContactFields b;
  b.display_name = "Ada Okafor";
  b.emails = {"ada@home.org"};
  b.phones = {Phone{"+1 312 555 0134", ""}};
  b.tags = {"climber"};
  b.notes = "Moving to Pilsen.";
  auto keep = AddContact(world.context(), a);
  auto other = AddContact(world.context(), b);
  ASSERT_TRUE(keep && other);
  ASSERT_TRUE(world.store().AddJobChange(other->id, JobChange{Date{2026, 1, 1}, "x.csv", "A", "", "B", ""}));
  auto merged = MergeContacts(world.context(), keep->id, other->id);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->kept.emails, (std::vector<std::string>{"ada@acme.com", "ada@home.org"}));
  EXPECT_EQ(merged->kept.tags, (std::vector<std::string>{"mentor", "climber"}));
  EXPECT_EQ(merged->kept.phones.size(), 1U);
  EXPECT_EQ(merged->kept.notes, "Moving to Pilsen.");
  EXPECT_EQ(JobChangesOf(world.context(), keep->id)->size(), 1U);
  EXPECT_TRUE(world.store().GetContact(other->id)->trashed_at.has_value());
  auto again = MergeContacts(world.context(), keep->id, other->id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(MergeContacts(world.context(), keep->id, keep->id));
}

// Two cards with everything a card and its history can hold, for the
// merge-and-undo tests.
struct MergedPair {
  Contact keep;
  Contact other;
};

MergedPair AddTwoFullCards(testing::TestWorld& world) {
  ContactFields a;
  a.display_name = "Ada Okafor";
  a.emails = {"ada@acme.com"};
  a.phones = {Phone{"(312) 555-0134", "+13125550134"}};
  a.company = "Acme Robotics";
  a.title = "CTO";
  a.links = {Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, Date{2026, 3, 1}}};
  a.tags = {"mentor"};
  a.met_on = Date{2025, 5, 2};
  a.notes = "Builds linkers.";
  a.custom = {CustomField{"Shoe size", "39"}};
  a.vcard_properties = {"BDAY:19850412"};
  ContactFields b;
  b.display_name = "Ada O.";
  b.emails = {"ada@home.org"};
  b.phones = {Phone{"+44 20 7946 0958", "+442079460958"}};
  b.company = "Initech";
  b.tags = {"climber"};
  b.met_on = Date{2024, 1, 9};
  b.notes = "Moving to Pilsen.";
  auto keep = AddContact(world.context(), a);
  auto other = AddContact(world.context(), b);
  EXPECT_TRUE(keep && other);
  EXPECT_TRUE(world.store().SetCadence(other->id, 30));
  EXPECT_TRUE(world.store().InsertInteraction(
      InteractionFields{other->id, InteractionKind::kCoffee, Date{2026, 11, 2}, "her linker", 60}));
  EXPECT_TRUE(world.store().SetLastContact(other->id, Date{2026, 11, 2}));
  EXPECT_TRUE(world.store().SetFact(
      Fact{FactId{}, other->id, FactKind::kPersonal, "hometown", "Pilsen", Date{2026, 11, 2}, std::nullopt}));
  EXPECT_TRUE(world.store().AddJobChange(other->id, JobChange{Date{2026, 1, 1}, "x.csv", "A", "", "B", ""}));
  return {*world.store().GetContact(keep->id), *world.store().GetContact(other->id)};
}

TEST_P(Merges, UndoPutsBothCardsBackExactly) {
  testing::TestWorld world{GetParam()};
  const MergedPair before = AddTwoFullCards(world);
  auto merged = MergeContacts(world.context(), before.keep.id, before.other.id);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->kept.last_contact, (Date{2026, 11, 2})) << "the history moved, and its last contact";
  EXPECT_EQ(world.store().InteractionsOf(before.keep.id, 10)->size(), 1U);
  EXPECT_EQ(*world.store().CadenceOf(before.keep.id), 30);

  auto undone = UndoMerge(world.context(), merged->merge.id);
  ASSERT_TRUE(undone) << undone.error().message;
  EXPECT_TRUE(undone->merge.undone_at.has_value());
  const Contact keep = *world.store().GetContact(before.keep.id);
  const Contact other = *world.store().GetContact(before.other.id);
  EXPECT_EQ(static_cast<const ContactFields&>(keep), static_cast<const ContactFields&>(before.keep));
  EXPECT_EQ(static_cast<const ContactFields&>(other), static_cast<const ContactFields&>(before.other));
  EXPECT_EQ(keep.last_contact, before.keep.last_contact);
  EXPECT_EQ(other.last_contact, before.other.last_contact);
  EXPECT_FALSE(other.trashed_at.has_value());
  EXPECT_TRUE(world.store().InteractionsOf(before.keep.id, 10)->empty());
  EXPECT_EQ(world.store().InteractionsOf(before.other.id, 10)->size(), 1U);
  EXPECT_EQ(world.store().FactsOf(before.other.id)->size(), 1U);
  EXPECT_EQ(JobChangesOf(world.context(), before.other.id)->size(), 1U);
  EXPECT_TRUE(JobChangesOf(world.context(), before.keep.id)->empty());
  EXPECT_EQ(*world.store().CadenceOf(before.keep.id), std::nullopt);
  EXPECT_EQ(*world.store().CadenceOf(before.other.id), 30);
}

TEST_P(Merges, UndoKeepsWhatWasLoggedSinceOnTheKeptCard) {
  testing::TestWorld world{GetParam()};
  const MergedPair before = AddTwoFullCards(world);
  auto merged = MergeContacts(world.context(), before.keep.id, before.other.id);
  ASSERT_TRUE(merged) << merged.error().message;
  ASSERT_TRUE(world.store().InsertInteraction(
      InteractionFields{before.keep.id, InteractionKind::kCall, Date{2026, 11, 20}, "after", std::nullopt}));
  ASSERT_TRUE(world.store().SetLastContact(before.keep.id, Date{2026, 11, 20}));
  ASSERT_TRUE(UndoMerge(world.context(), merged->merge.id));
  const auto kept = world.store().InteractionsOf(before.keep.id, 10);
  ASSERT_EQ(kept->size(), 1U);
  EXPECT_EQ((*kept)[0].summary, "after");
  EXPECT_EQ(world.store().GetContact(before.keep.id)->last_contact, (Date{2026, 11, 20}));
}

TEST_P(Merges, UndoIsRefusedWhenTheKeptCardWasEditedSince) {
  testing::TestWorld world{GetParam()};
  const MergedPair before = AddTwoFullCards(world);
  auto merged = MergeContacts(world.context(), before.keep.id, before.other.id);
  ASSERT_TRUE(merged) << merged.error().message;
  ContactEdit edit;
  edit.title = "CEO";
  ASSERT_TRUE(EditContact(world.context(), before.keep.id, edit));
  auto undone = UndoMerge(world.context(), merged->merge.id);
  ASSERT_FALSE(undone);
  EXPECT_EQ(undone.error().code, ErrorCode::kConflict);
  EXPECT_NE(undone.error().message.find("edited"), std::string::npos) << undone.error().message;
  EXPECT_EQ(world.store().GetContact(before.keep.id)->title, "CEO") << "nothing written";
  EXPECT_TRUE(world.store().GetContact(before.other.id)->trashed_at.has_value());
}

TEST_P(Merges, UndoIsRefusedWhenTheOtherCardWasRestoredSince) {
  testing::TestWorld world{GetParam()};
  const MergedPair before = AddTwoFullCards(world);
  auto merged = MergeContacts(world.context(), before.keep.id, before.other.id);
  ASSERT_TRUE(merged) << merged.error().message;
  ASSERT_TRUE(RestoreContact(world.context(), before.other.id));
  auto undone = UndoMerge(world.context(), merged->merge.id);
  ASSERT_FALSE(undone);
  EXPECT_EQ(undone.error().code, ErrorCode::kConflict);
}

TEST_P(Merges, UndoIsRefusedTwiceAndForAnUnknownMerge) {
  testing::TestWorld world{GetParam()};
  const MergedPair before = AddTwoFullCards(world);
  auto merged = MergeContacts(world.context(), before.keep.id, before.other.id);
  ASSERT_TRUE(merged) << merged.error().message;
  ASSERT_TRUE(UndoMerge(world.context(), merged->merge.id));
  auto again = UndoMerge(world.context(), merged->merge.id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("already undone"), std::string::npos) << again.error().message;
  auto unknown = UndoMerge(world.context(), MergeId{999});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

// An older kith stored quoted-printable values as decoded, valid or not;
// every export of such a database is still UTF-8 that kith and others read.
// PostgreSQL refuses text that is not UTF-8, so no such card gets in there.
TEST_P(TransferTest, ExportsAreAlwaysUtf8EvenFromInvalidStoredText) {
  ContactFields broken;
  broken.display_name = "Jos\xE9 P\xE9rez";
  broken.notes = "caf\xE9 \x93quoted\x94";
  broken.custom = {CustomField{"Caf\xE9", "cr\xE8me"}};
  const std::int64_t before = source_.store().CountContacts(ListQuery{}).value();
  auto added = AddContact(source_.context(), broken);
  if (GetParam() == testing::StoreKind::kPostgres) {
    ASSERT_FALSE(added);
    EXPECT_NE(added.error().message.find("invalid byte sequence"), std::string::npos)
        << added.error().message;
    EXPECT_EQ(source_.store().CountContacts(ListQuery{}).value(), before);
    return;
  }
  ASSERT_TRUE(added) << added.error().message;
  for (const ExportFormat format : {ExportFormat::kVCard, ExportFormat::kCsv, ExportFormat::kJson}) {
    for (const VCardVersion version : {VCardVersion::k40, VCardVersion::k30}) {
      ExportRequest request;
      request.format = format;
      request.vcard_version = version;
      std::ostringstream out;
      auto count = ExportContacts(source_.context(), request, out);
      ASSERT_TRUE(count) << count.error().message;
      EXPECT_EQ(FindInvalidUtf8(out.str()), std::nullopt) << static_cast<int>(format);
      EXPECT_NE(out.str().find("José Pérez"), std::string::npos);
    }
  }
  ExportRequest request;
  request.format = ExportFormat::kXlsx;
  request.output = (files_.path() / "all.xlsx").string();
  std::ostringstream unused;
  ASSERT_TRUE(ExportContacts(source_.context(), request, unused));
}

TEST_P(TransferTest, UidsGoOutAndComeBackByteForByte) {
  testing::TestWorld world{GetParam()};
  const std::string path = (files_.path() / "uids.vcf").string();
  std::ofstream(path, std::ios::binary)
      << "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\nFN:Ann\r\nEND:"
         "VCARD\r\n"
         "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:4FBE8971-0BC3-424C-9C26-36C3E1EFF6B2\r\nFN:Bo\r\nEND:VCARD\r\n"
         "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy\r\nEND:VCARD\r\n";
  ImportRequest import;
  import.path = path;
  ASSERT_TRUE(ImportContacts(world.context(), import));
  for (const VCardVersion version : {VCardVersion::k40, VCardVersion::k30}) {
    ExportRequest request;
    request.vcard_version = version;
    std::ostringstream out;
    ASSERT_TRUE(ExportContacts(world.context(), request, out));
    EXPECT_NE(out.str().find("\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"), std::string::npos);
    EXPECT_NE(out.str().find("\r\nUID:4FBE8971-0BC3-424C-9C26-36C3E1EFF6B2\r\n"), std::string::npos);
    const std::string again = (files_.path() / "again.vcf").string();
    std::ofstream(again, std::ios::binary) << out.str();
    import.path = again;
    auto summary = ImportContacts(world.context(), import);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->added, 0) << "a card without a uid got one, and each came back as itself";
    EXPECT_EQ(summary->unchanged, 3);
  }
}

}  // namespace
}  // namespace kith
