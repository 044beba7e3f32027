// The PostgreSQL store beyond the suites it shares with SQLite: settings,
// web sessions and devices on both stores; and on PostgreSQL its layout
// for scale-out, its migrations, what it refuses and how it names itself.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/account_directory.h"
#include "store/batched_lookups.h"
#include "store/candidate_matching.h"
#include "store/member_sessions.h"
#include "store/postgres/connection.h"
#include "store/postgres/migrations.h"
#include "store/store.h"
#include "store/vocabulary_reaches.h"
#include "support/postgres_cluster.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class BothStores : public ::testing::TestWithParam<testing::StoreKind> {};

// The cards `store` finds for `expression` in `table`, the first `limit`
// (none when the search fails, which fails the test).
std::vector<ContactId> Found(Store& store, SearchTable table, const std::string& expression, int limit = 8) {
  auto found = store.MatchSearchIndex(table, expression, limit);
  EXPECT_TRUE(found) << found.error().message;
  return found.value_or(std::vector<ContactId>{});
}

KITH_ON_BOTH_STORES(BothStores);

TEST_P(BothStores, SettingsAreKeptByKeyAndListedInOrder) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ASSERT_TRUE(store.SetSetting("profile.name", "Ada"));
  ASSERT_TRUE(store.SetSetting("cadence.tag.mentor", "30"));
  ASSERT_TRUE(store.SetSetting("profile.name", "Ada O."));
  auto name = store.GetSetting("profile.name");
  ASSERT_TRUE(name) << name.error().message;
  EXPECT_EQ(*name, std::optional<std::string>("Ada O."));
  EXPECT_EQ(*store.GetSetting("missing"), std::nullopt);
  auto all = store.AllSettings();
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, (std::vector<std::pair<std::string, std::string>>{{"cadence.tag.mentor", "30"},
                                                                    {"profile.name", "Ada O."}}));
}

TEST_P(BothStores, WebSessionsAreFoundTouchedPrunedAndRemoved) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ASSERT_TRUE(store.InsertWebSession({"aa", 100, 100, ""}));
  ASSERT_TRUE(store.InsertWebSession({"bb", 200, 300, ""}));
  ASSERT_TRUE(store.InsertWebSession({"cc", 250, 400, ""}));
  const auto taken = store.InsertWebSession({"aa", 1, 1, ""});
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store.TouchWebSession("aa", 500));
  EXPECT_EQ(store.FindWebSession("aa")->value().last_seen_at, 500);
  EXPECT_EQ(*store.FindWebSession("zz"), std::nullopt);
  // Made before 150 goes; of the rest only the most recently seen stays.
  ASSERT_TRUE(store.PruneWebSessions(150, 0, 1));
  EXPECT_EQ(*store.FindWebSession("aa"), std::nullopt);
  EXPECT_EQ(*store.FindWebSession("bb"), std::nullopt);
  ASSERT_TRUE(store.FindWebSession("cc")->has_value());
  ASSERT_TRUE(store.RemoveWebSession("cc"));
  EXPECT_EQ(*store.FindWebSession("cc"), std::nullopt);
}

TEST_P(BothStores, DevicesAreFoundByNameUntilRevoked) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  EXPECT_FALSE(*store.HasLiveDevices());
  auto phone = store.InsertDevice({0, "Phone", "$argon2id$hash", "2026-11-26T10:00:00Z", "", "", ""});
  ASSERT_TRUE(phone) << phone.error().message;
  auto laptop = store.InsertDevice({0, "Laptop", "$argon2id$other", "2026-11-26T11:00:00Z", "", "", ""});
  ASSERT_TRUE(laptop);
  EXPECT_NE(phone->id, laptop->id);
  const auto twin = store.InsertDevice({0, "PHONE", "$argon2id$x", "2026-11-26T12:00:00Z", "", "", ""});
  ASSERT_FALSE(twin) << "one live device per name, case ignored";
  EXPECT_EQ(twin.error().code, ErrorCode::kConflict);
  auto found = store.FindLiveDevice("phone");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->id, phone->id);
  ASSERT_TRUE(store.TouchDevice(phone->id, "2026-11-27T08:00:00Z"));
  ASSERT_TRUE(store.RevokeDevice(phone->id, "2026-11-28T08:00:00Z"));
  EXPECT_EQ(*store.FindLiveDevice("phone"), std::nullopt);
  const auto again = store.RevokeDevice(phone->id, "2026-11-29T08:00:00Z");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  auto devices = store.Devices();
  ASSERT_TRUE(devices);
  ASSERT_EQ(devices->size(), 2U);
  EXPECT_EQ(devices->front().last_used_at, "2026-11-27T08:00:00Z");
  EXPECT_EQ(devices->front().revoked_at, "2026-11-28T08:00:00Z");
  EXPECT_TRUE(*store.HasLiveDevices());
}

TEST_P(BothStores, JobChangesAreKeptOldestFirst) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto ada = store.InsertContact(fields, "u1", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(ada);
  const JobChange later{Date{2026, 11, 1}, "Connections.csv", "Acme", "Engineer", "Initech", "CTO"};
  const JobChange earlier{Date{2025, 1, 1}, "old.csv", "Globex", "Intern", "Acme", "Engineer"};
  ASSERT_TRUE(store.AddJobChange(ada->id, later));
  ASSERT_TRUE(store.AddJobChange(ada->id, earlier));
  auto changes = store.JobChanges(ada->id);
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 2U);
  EXPECT_EQ(changes->at(0).noticed_on, earlier.noticed_on);
  EXPECT_EQ(changes->at(0).old_company, "Globex");
  EXPECT_EQ(changes->at(1).new_title, "CTO");
  EXPECT_TRUE(store.JobChanges(ContactId{99})->empty());
}

TEST_P(BothStores, ACardImageKeepsEveryByteAndTheLatestWins) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto ada = store.InsertContact(fields, "u1", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(ada);
  std::vector<std::byte> bytes(256);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::byte>(i);
  ASSERT_TRUE(store.SaveCardImage(ada->id, {"image/jpeg", {std::byte{1}}, "2026-11-25"}));
  ASSERT_TRUE(store.SaveCardImage(ada->id, {"image/heic", bytes, "2026-11-26"}));
  auto image = store.CardImage(ada->id);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->mime, "image/heic");
  EXPECT_EQ(image->bytes, bytes);
  EXPECT_EQ(image->added_on, "2026-11-26");
  EXPECT_EQ(store.SaveCardImage(ContactId{99}, {"image/jpeg", bytes, "2026-11-26"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store.CardImage(ContactId{99}).error().code, ErrorCode::kNotFound);
}

TEST_P(BothStores, AFailedWriteLeavesTheTransactionUsable) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ASSERT_TRUE(store.InsertWebSession({"aa", 1, 1, ""}));
  {
    auto transaction = store.Begin();
    ASSERT_TRUE(transaction) << transaction.error().message;
    ASSERT_FALSE(store.InsertWebSession({"aa", 2, 2, ""}));
    ASSERT_TRUE(store.SetSetting("after", "the failure"));
    ASSERT_TRUE(transaction->Commit());
  }
  EXPECT_EQ(*store.GetSetting("after"), std::optional<std::string>("the failure"));
}

TEST_P(BothStores, ARolledBackTransactionWritesNothing) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  {
    auto transaction = store.Begin();
    ASSERT_TRUE(transaction);
    ContactFields fields;
    fields.display_name = "Ada Okafor";
    ASSERT_TRUE(store.InsertContact(fields, "u1", "2026-11-26T00:00:00Z"));
    ASSERT_TRUE(store.SetSetting("k", "v"));
  }
  EXPECT_EQ(*store.CountContacts({}), 0);
  EXPECT_EQ(*store.GetSetting("k"), std::nullopt);
}

// The typeahead's line per person: in the order asked, the first email,
// an unknown id left out.
TEST_P(BothStores, GlancesComeInTheOrderAskedWithTheFirstEmail) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ContactFields ada;
  ada.display_name = "Ada Okafor";
  ada.company = "Acme";
  ada.title = "CTO";
  ada.emails = {"ada@acme.com", "ada@home.org"};
  ada.city = "Lagos";
  ada.met_at = "PyCon";
  ada.notes = "climbs";
  ContactFields bo;
  bo.display_name = "Bo Chen";
  const auto first = store.InsertContact(ada, "u1", "2026-11-26T00:00:00Z");
  const auto second = store.InsertContact(bo, "u2", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(first && second);
  const auto glances = store.ContactGlances({second->id, ContactId{999}, first->id});
  ASSERT_TRUE(glances) << glances.error().message;
  ASSERT_EQ(glances->size(), 2U);
  EXPECT_EQ((*glances)[0].display_name, "Bo Chen");
  EXPECT_EQ((*glances)[0].email, "");
  const ContactGlance& glance = (*glances)[1];
  EXPECT_EQ(glance.id, first->id);
  EXPECT_EQ(glance.display_name, "Ada Okafor");
  EXPECT_EQ(glance.company, "Acme");
  EXPECT_EQ(glance.title, "CTO");
  EXPECT_EQ(glance.email, "ada@acme.com");
  EXPECT_EQ(glance.city, "Lagos");
  EXPECT_EQ(glance.met_at, "PyCon");
  EXPECT_EQ(glance.notes, "climbs");
}

// An edit that drops the first email (or puts another first) moves the line
// to the card's new first email.
TEST_P(BothStores, GlancesShowTheFirstEmailAfterAnEdit) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ContactFields ada;
  ada.display_name = "Ada Okafor";
  ada.emails = {"ada@acme.com", "ada@home.org", "ada@club.net"};
  const auto added = store.InsertContact(ada, "u1", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(added);
  ada.emails = {"ada@home.org", "ada@club.net"};
  ASSERT_TRUE(store.UpdateContact(added->id, ada, "2026-11-27T00:00:00Z"));
  auto glances = store.ContactGlances({added->id});
  ASSERT_TRUE(glances) << glances.error().message;
  ASSERT_EQ(glances->size(), 1U);
  EXPECT_EQ(glances->front().email, "ada@home.org");
  ada.emails = {"ada@club.net", "ada@home.org"};
  ASSERT_TRUE(store.UpdateContact(added->id, ada, "2026-11-28T00:00:00Z"));
  glances = store.ContactGlances({added->id});
  ASSERT_TRUE(glances) << glances.error().message;
  ASSERT_EQ(glances->size(), 1U);
  EXPECT_EQ(glances->front().email, "ada@club.net");
}

// PostgreSQL only.

// A database written by a kith before CardDAV and merges came to
// PostgreSQL (schema version 2) upgrades in place: its cards start the
// changes journal in id order, so a client's first sync sees every one,
// and a card's image stays readable as the latest.
TEST(PostgresStore, AnOlderDatabaseStartsTheJournalInIdOrderAndKeepsItsImages) {
  testing::TempPgDatabase database;
  {
    auto connection = postgres::Connection::Open(database.url());
    ASSERT_TRUE(connection) << connection.error().message;
    for (std::size_t step = 0; step < 2; ++step) {
      ASSERT_TRUE((*connection)->Execute(postgres::Migrations().at(step)));
    }
    ASSERT_TRUE(
        (*connection)
            ->Execute("CREATE TABLE kith_schema(version integer NOT NULL);"
                      "INSERT INTO kith_schema(version) VALUES (2);"
                      "INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, "
                      "updated_at) VALUES (1, 2, 'linus', 'Linus Lee', 'linus lee', 't', 't'), "
                      "(1, 1, 'ada', 'Ada Okafor', 'ada okafor', 't', 't');"
                      "INSERT INTO id_counters(workspace_id, name, last_id) VALUES (1, 'contacts', 2);"
                      "INSERT INTO card_images(workspace_id, contact_id, mime, bytes, added_on) "
                      "VALUES (1, 1, 'image/png', '\\x00ff', '2026-11-01')"));
  }
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  auto changes = (*store)->ChangesAfter(0, "", 10);
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 2U);
  EXPECT_EQ((*changes)[0].contact, ContactId{1});
  EXPECT_EQ((*changes)[0].sequence, 1);
  EXPECT_EQ((*changes)[1].uid, "linus");
  EXPECT_EQ(*(*store)->LatestChange(), 2);
  auto image = (*store)->CardImage(ContactId{1});
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->bytes, (std::vector<std::byte>{std::byte{0x00}, std::byte{0xff}}));
  ASSERT_TRUE(
      (*store)->SaveCardImage(ContactId{2}, CardImageData{"image/png", {std::byte{1}}, "2026-11-02"}));
  ASSERT_TRUE((*store)->TrashContact(ContactId{2}, "2026-11-26T00:00:00Z"));
  EXPECT_EQ(*(*store)->LatestChange(), 3) << "the journal goes on from the cards it started with";
}

// What is shared and what is mine, in the store's own queries (the first
// of the two layers, docs/team.md): two members of one workspace, each
// on a connection of their own, as the cluster's superuser, whom the
// row-level security policies (the second layer, tested by pgTAP) let
// through. Ada's private fact and interaction, her reminder and her
// cadence stay hers; her shared coffee is everyone's, with her name on it.
TEST(PostgresStore, AMemberSeesTheSharedRowsAndTheirOwnNeverAnothersPrivateOnes) {
  testing::TempPgDatabase database;
  auto admin = postgres::Connection::Open(database.url());
  ASSERT_TRUE(admin) << admin.error().message;
  auto super = (*admin)->Query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  ASSERT_TRUE(super && super->Bool(0, 0)) << "the policies must not be what hides the rows here";
  auto opened_ada = OpenPostgresStore(database.url());
  auto opened_bo = OpenPostgresStore(database.url());
  ASSERT_TRUE(opened_ada && opened_bo);
  Store& ada_store = **opened_ada;
  Store& bo_store = **opened_bo;
  ASSERT_TRUE(AccountsOf(ada_store)->ActAs({1, Role::kEditor, "ada", "default"}));
  ASSERT_TRUE(AccountsOf(bo_store)->ActAs({1, Role::kEditor, "bo", "default"}));
  ContactFields lin;
  lin.display_name = "Lin Park";
  const ContactId card = ada_store.InsertContact(lin, "lin", "2026-11-01T00:00:00Z")->id;

  InteractionFields secret{card, InteractionKind::kCall, Date{2026, 11, 2}, "her health", 55};
  secret.visibility = Visibility::kPrivate;
  ASSERT_TRUE(ada_store.InsertInteraction(secret));
  auto coffee = ada_store.InsertInteraction(
      InteractionFields{card, InteractionKind::kCoffee, Date{2026, 11, 3}, "the new studio", 70});
  ASSERT_TRUE(coffee) << coffee.error().message;
  EXPECT_EQ(coffee->author, "ada");
  Fact family{FactId{}, card, FactKind::kPersonal, "family", "two kids", Date{2026, 11, 2}, std::nullopt};
  family.visibility = Visibility::kPrivate;
  ASSERT_TRUE(ada_store.SetFact(family));
  ASSERT_TRUE(ada_store.SetFact(
      Fact{FactId{}, card, FactKind::kPersonal, "hometown", "Busan", Date{2026, 11, 2}, std::nullopt}));
  Reminder reminder;
  reminder.contact = card;
  reminder.due = Date{2026, 11, 20};
  reminder.note = "send the deck";
  reminder.created_on = Date{2026, 11, 2};
  auto mine = ada_store.InsertReminder(reminder);
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_EQ(mine->author, "ada");
  ASSERT_TRUE(ada_store.SetCadence(card, 30));

  auto seen = bo_store.InteractionsOf(card, 10);
  ASSERT_TRUE(seen) << seen.error().message;
  ASSERT_EQ(seen->size(), 1U) << "bo sees the shared coffee, not ada's private call";
  EXPECT_EQ(seen->front().summary, "the new studio");
  EXPECT_EQ(seen->front().author, "ada") << "a shared meeting says who logged it";
  EXPECT_EQ(bo_store.InteractionsAfter(InteractionId{}, 10)->size(), 1U);
  EXPECT_TRUE(bo_store.RecentInteractions(true, 10)->empty()) << "bo's listening is bo's own";
  auto facts = bo_store.FactsOf(card);
  ASSERT_TRUE(facts) << facts.error().message;
  ASSERT_EQ(facts->size(), 1U);
  EXPECT_EQ(facts->front().key, "hometown");
  EXPECT_EQ(bo_store.FactsAfter(FactId{}, 10)->size(), 1U);
  EXPECT_TRUE(bo_store.RemindersOf(card)->empty());
  EXPECT_TRUE(bo_store.OpenReminders(Date{2026, 12, 31}, std::nullopt, 10)->empty());
  EXPECT_EQ(*bo_store.CountOpenReminders(Date{2026, 12, 31}, std::nullopt), 0);
  EXPECT_TRUE(bo_store.OpenRemindersAfter(ReminderId{}, 10)->empty());
  EXPECT_TRUE(bo_store.RemindersAfter(ReminderId{}, 10)->empty());
  EXPECT_EQ(bo_store.GetReminder(mine->id).error().code, ErrorCode::kNotFound);
  Reminder taken = *mine;
  taken.state = ReminderState::kDone;
  EXPECT_EQ(bo_store.UpdateReminder(taken).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*bo_store.CadenceOf(card), std::nullopt);
  EXPECT_TRUE(bo_store.AllCadences()->empty());
  auto activity = bo_store.ActivityOf({card}, Date{2026, 11, 1});
  ASSERT_TRUE(activity) << activity.error().message;
  EXPECT_EQ(activity->front().contacts_since, 1) << "the shared coffee only";
  EXPECT_EQ(activity->front().facts, 1);
  EXPECT_EQ(activity->front().they_talked_average, std::nullopt) << "bo logged no conversation";
  EXPECT_EQ(activity->front().cadence_days, std::nullopt);

  ASSERT_TRUE(bo_store.SetCadence(card, 90));
  EXPECT_EQ(*bo_store.CadenceOf(card), std::optional<int>(90));
  EXPECT_EQ(*ada_store.CadenceOf(card), std::optional<int>(30)) << "each keeps their own cadence";
  Fact bo_family = family;
  bo_family.value = "a daughter";
  ASSERT_TRUE(bo_store.SetFact(bo_family)) << "bo's private fact of the same key stands beside ada's";
  ASSERT_TRUE(bo_store.RemoveFact(card, FactKind::kPersonal, "family"));
  EXPECT_EQ(ada_store.FactsOf(card)->size(), 2U) << "removing bo's left ada's private fact";

  EXPECT_EQ(ada_store.InteractionsOf(card, 10)->size(), 2U) << "ada sees all hers";
  EXPECT_EQ(ada_store.RemindersOf(card)->size(), 1U);
  EXPECT_EQ(ada_store.FactsAfter(FactId{}, 10)->size(), 2U);
  EXPECT_EQ(ada_store.ActivityOf({card}, Date{2026, 11, 1})->front().they_talked_average,
            std::optional<int>(63));
}

// Two stores on one new database, as two servers would have: the first
// holds Ada and Linus, and has begun a transaction in which it gave Ada a
// company (so it holds the workspace's journal number until it commits).
class TwoWriters : public ::testing::Test {
 protected:
  static constexpr const char* kLater = "2026-11-26T01:00:00Z";

  static ContactFields Named(std::string name, std::string company = "") {
    ContactFields fields;
    fields.display_name = std::move(name);
    fields.company = std::move(company);
    return fields;
  }

  void SetUp() override {
    auto opened_first = OpenPostgresStore(database_.url());
    auto opened_second = OpenPostgresStore(database_.url());
    ASSERT_TRUE(opened_first && opened_second);
    first_ = std::move(*opened_first);
    second_ = std::move(*opened_second);
    ada_ = *first_->InsertContact(Named("Ada Okafor"), "ada", "2026-11-26T00:00:00Z");
    linus_ = *first_->InsertContact(Named("Linus Lee"), "linus", "2026-11-26T00:00:00Z");
    before_ = *first_->LatestChange();
    auto transaction = first_->Begin();
    ASSERT_TRUE(transaction);
    transaction_.emplace(std::move(*transaction));
    ASSERT_TRUE(first_->UpdateContact(ada_.id, Named("Ada Okafor", "Acme"), kLater));
  }

  testing::TempPgDatabase database_;
  std::unique_ptr<Store> first_;
  std::unique_ptr<Store> second_;
  Contact ada_;
  Contact linus_;
  std::int64_t before_ = 0;
  std::optional<Transaction> transaction_;
};

// Sync tokens on a shared database: another writer's journal number is
// always later and commits later; a client that has read "everything up
// to N" never misses a card that commits after it read.
TEST_F(TwoWriters, AJournalNumberIsNeverCommittedBeforeAnEarlierOne) {
  std::atomic<bool> done = false;
  std::thread other([&]() {
    EXPECT_TRUE(second_->UpdateContact(linus_.id, Named("Linus Lee", "Initech"), kLater));
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(done) << "the second writer waits for the first's journal number";
  ASSERT_TRUE(transaction_->Commit());
  other.join();
  const auto changes = *second_->ChangesAfter(before_, "", 10);
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].contact, ada_.id);
  EXPECT_EQ(changes[1].contact, linus_.id);
  EXPECT_LT(changes[0].sequence, changes[1].sequence);
}

// The first writer now adds a card while the second adds one: both take
// the journal's number before a new card's id, so they wait in turn and
// never for each other in a circle.
TEST_F(TwoWriters, AddingACardAfterAnUpdateDoesNotDeadlockAnotherWriter) {
  std::thread other([&]() {
    const auto added = second_->InsertContact(Named("Grace Hopper"), "grace", kLater);
    EXPECT_TRUE(added) << added.error().message;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto added = first_->InsertContact(Named("Alan Turing"), "alan", kLater);
  ASSERT_TRUE(added) << added.error().message;
  ASSERT_TRUE(transaction_->Commit());
  other.join();
  const auto changes = *first_->ChangesAfter(before_, "", 10);
  ASSERT_EQ(changes.size(), 3U);
  EXPECT_EQ(changes[2].uid, "grace") << "the waiting writer's card comes last";
}

// The layout Citus distributes by workspace: every table but the
// workspaces themselves and the schema version leads its primary key and
// every index with workspace_id.
TEST(PostgresStore, EveryKeyAndIndexLeadsWithTheWorkspace) {
  testing::TempPgDatabase database;
  ASSERT_TRUE(OpenPostgresStore(database.url()));
  auto connection = postgres::Connection::Open(database.url());
  ASSERT_TRUE(connection);
  auto indexes = (*connection)
                     ->Query(
                         "SELECT t.relname, i.relname, a.attname FROM pg_index x "
                         "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                         "JOIN pg_namespace n ON n.oid = t.relnamespace "
                         "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] "
                         "WHERE n.nspname = 'public' AND t.relname NOT IN ('workspaces', 'accounts', "
                         "'kith_schema', 'sign_in_failures') ORDER BY 1, 2");
  ASSERT_TRUE(indexes) << indexes.error().message;
  ASSERT_GT(indexes->size(), 20);
  for (int row = 0; row < indexes->size(); ++row) {
    EXPECT_EQ(indexes->Text(row, 2), "workspace_id")
        << "index " << indexes->Text(row, 1) << " of table " << indexes->Text(row, 0);
  }
  auto keyless =
      (*connection)
          ->Query(
              "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
              "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'kith_schema' "
              "AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid AND x.indisprimary)");
  ASSERT_TRUE(keyless);
  EXPECT_EQ(keyless->size(), 0) << "a table without a primary key: " << keyless->Text(0, 0);
}

TEST(PostgresStore, ReopeningKeepsTheDataAndANewerSchemaIsRefused) {
  testing::TempPgDatabase database;
  {
    auto store = OpenPostgresStore(database.url());
    ASSERT_TRUE(store) << store.error().message;
    ContactFields fields;
    fields.display_name = "Ada Okafor";
    ASSERT_TRUE((*store)->InsertContact(fields, "u1", "2026-11-26T00:00:00Z"));
  }
  {
    auto again = OpenPostgresStore(database.url());
    ASSERT_TRUE(again) << again.error().message;
    auto ada = (*again)->GetContact(ContactId{1});
    ASSERT_TRUE(ada) << ada.error().message;
    EXPECT_EQ(ada->display_name, "Ada Okafor");
  }
  auto connection = postgres::Connection::Open(database.url());
  ASSERT_TRUE(connection);
  ASSERT_TRUE((*connection)->Execute("UPDATE kith_schema SET version = 999"));
  const auto newer = OpenPostgresStore(database.url());
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code, ErrorCode::kConflict);
  EXPECT_THAT(newer.error().message, HasSubstr("schema version 999"));
}

// `kith check`: PostgreSQL keeps its pages and keys itself; the check finds
// a search index or vocabulary that no longer describes the cards.
TEST(PostgresStore, TheCheckFindsASearchIndexThatNoLongerDescribesTheCards) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  for (const std::string name : {"Ada Okafor", "Grace Hopper", "Linus Pauling"}) {
    ContactFields fields;
    fields.display_name = name;
    fields.company = "Acme";
    ASSERT_TRUE((*store)->InsertContact(fields, "uid-" + name, "2026-11-26T00:00:00Z"));
  }
  ASSERT_TRUE((*store)->TrashContact(ContactId{3}, "2026-11-26T01:00:00Z"));
  auto sound = (*store)->CheckIntegrity();
  ASSERT_TRUE(sound) << sound.error().message;
  EXPECT_THAT(*sound, ::testing::IsEmpty());

  auto connection = postgres::Connection::Open(database.url());
  ASSERT_TRUE(connection);
  ASSERT_TRUE((*connection)->Execute("DELETE FROM search_entries WHERE contact_id = 1"));
  ASSERT_TRUE((*connection)
                  ->Execute("UPDATE search_entries SET terms = array_to_tsvector('{name:grace}') "
                            "WHERE contact_id = 2"));
  ASSERT_TRUE((*connection)->Execute("UPDATE search_vocabulary SET documents = 7 WHERE term = 'acme'"));
  auto broken = (*store)->CheckIntegrity();
  ASSERT_TRUE(broken) << broken.error().message;
  EXPECT_THAT(*broken, ::testing::UnorderedElementsAre(
                           "contact 1 is not in the search index",
                           "the search index entry of contact 2 does not match the card",
                           "the vocabulary counts 7 cards with the term 'acme', 2 have it"));
}

// The names' btree (name_terms, migration 12) is derived from the search
// entries by triggers; the check finds it out of step with them.
TEST(PostgresStore, TheCheckFindsNameTermsThatNoLongerMatchTheSearchIndex) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  for (const std::string name : {"Ada Okafor", "Grace Hopper"}) {
    ContactFields fields;
    fields.display_name = name;
    ASSERT_TRUE((*store)->InsertContact(fields, "uid-" + name, "2026-11-26T00:00:00Z"));
  }
  auto connection = postgres::Connection::Open(database.url());
  ASSERT_TRUE(connection);
  ASSERT_TRUE((*connection)->Execute("DELETE FROM name_terms WHERE term = 'okafor'"));
  ASSERT_TRUE(
      (*connection)
          ->Execute("INSERT INTO name_terms(workspace_id, term, search_key) "
                    "SELECT workspace_id, 'admiral', search_key FROM search_entries WHERE contact_id = 2"));
  auto broken = (*store)->CheckIntegrity();
  ASSERT_TRUE(broken) << broken.error().message;
  EXPECT_THAT(*broken, ::testing::UnorderedElementsAre(
                           "the name terms of contact 1 do not match its search index entry",
                           "the name terms of contact 2 do not match its search index entry"));
}

// A database from before name_terms (schema version 11) has them made from
// its search entries by the upgrade, and finds its people by name at once.
TEST(PostgresStore, AnUpgradedDatabaseFindsItsNamesThroughTheirNewTable) {
  testing::TempPgDatabase database;
  {
    auto connection = postgres::Connection::Open(database.url());
    ASSERT_TRUE(connection) << connection.error().message;
    for (std::size_t step = 0; step < 11; ++step) {
      ASSERT_TRUE((*connection)->Execute(postgres::Migrations().at(step))) << "step " << step + 1;
    }
    ASSERT_TRUE(
        (*connection)
            ->Execute("CREATE TABLE kith_schema(version integer NOT NULL);"
                      "INSERT INTO kith_schema(version) VALUES (11);"
                      "INSERT INTO workspaces(id, name, created_at) VALUES (1, 'default', 't') "
                      "ON CONFLICT DO NOTHING;"
                      "INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, "
                      "updated_at) VALUES (1, 1, 'ada', 'Ada Okafor', 'ada okafor', 't', 't');"
                      "INSERT INTO id_counters(workspace_id, name, last_id) VALUES (1, 'contacts', 1);"
                      "INSERT INTO search_entries(workspace_id, contact_id, search_key, terms) "
                      "VALUES (1, 1, 1, array_to_tsvector('{name:ada,name:okafor}'))"));
  }
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  for (const std::string expression : {"\"okafor\"", "\"okaf\"*", "\"a\"*"}) {
    auto found = (*store)->MatchSearchIndex(SearchTable::kNames, expression, 8);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(*found, std::vector<ContactId>{ContactId{1}}) << expression;
  }
  auto connection = postgres::Connection::Open(database.url());
  ASSERT_TRUE(connection);
  auto terms = (*connection)->Query("SELECT string_agg(term, ' ' ORDER BY term) FROM name_terms");
  ASSERT_TRUE(terms);
  EXPECT_EQ(terms->Text(0, 0), "ada okafor");
}

// A database from before the workspace of cards, journal entries and terms
// was checked once per statement (schema version 12) upgrades in place:
// its card, journal and terms stay, a new card is journaled after them,
// and what the foreign keys to workspaces guaranteed still holds: no row
// in a workspace that does not exist, no workspace deleted while used.
TEST(PostgresStore, AnUpgradedDatabaseStillKeepsEveryCardInAWorkspaceThatExists) {
  testing::TempPgDatabase database;
  {
    auto connection = postgres::Connection::Open(database.url());
    ASSERT_TRUE(connection) << connection.error().message;
    for (std::size_t step = 0; step < 12; ++step) {
      ASSERT_TRUE((*connection)->Execute(postgres::Migrations().at(step))) << "step " << step + 1;
    }
    ASSERT_TRUE(
        (*connection)
            ->Execute("CREATE TABLE kith_schema(version integer NOT NULL);"
                      "INSERT INTO kith_schema(version) VALUES (12);"
                      "INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, "
                      "updated_at) VALUES (1, 1, 'ada', 'Ada Okafor', 'ada okafor', 't', 't');"
                      "INSERT INTO id_counters(workspace_id, name, last_id) VALUES (1, 'contacts', 1);"
                      "INSERT INTO search_vocabulary(workspace_id, term, head, length, documents) "
                      "VALUES (1, 'okafor', 'o', 6, 1)"));
  }
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  auto ada = (*store)->GetContact(ContactId{1});
  ASSERT_TRUE(ada) << ada.error().message;
  EXPECT_EQ(ada->display_name, "Ada Okafor");
  EXPECT_EQ(*(*store)->LatestChange(), 1);
  ContactFields fields;
  fields.display_name = "Linus Lee";
  auto linus = (*store)->InsertContact(fields, "linus", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(linus) << linus.error().message;
  EXPECT_EQ(*(*store)->LatestChange(), 2) << "the journal goes on from the entry it had";

  auto connection = postgres::Connection::Open(database.url());
  ASSERT_TRUE(connection);
  for (const std::string orphan :
       {"INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at) "
        "VALUES (9, 1, 'nowhere', 'Nowhere', 'nowhere', 't', 't')",
        "INSERT INTO contact_changes(workspace_id, contact_id, sequence, uid) VALUES (9, 1, 1, 'nowhere')",
        "INSERT INTO search_vocabulary(workspace_id, term, head, length, documents) "
        "VALUES (1, 'lee', 'l', 3, 1), (9, 'nowhere', 'n', 7, 1)"}) {
    EXPECT_FALSE((*connection)->Execute(orphan)) << orphan;
  }
  const auto deleted = (*connection)->Execute("DELETE FROM workspaces WHERE id = 1");
  ASSERT_FALSE(deleted) << "a workspace with cards stays";
  EXPECT_THAT(deleted.error().message, HasSubstr("still has cards"));

  // A workspace nothing uses goes, in READ COMMITTED (where the check sees
  // what was committed while the deletion waited for the workspace).
  ASSERT_TRUE(
      (*connection)->Execute("INSERT INTO workspaces(id, name, created_at) VALUES (2, 'empty', 't')"));
  ASSERT_TRUE((*connection)->Execute("BEGIN ISOLATION LEVEL REPEATABLE READ"));
  EXPECT_FALSE((*connection)->Execute("DELETE FROM workspaces WHERE id = 2"));
  ASSERT_TRUE((*connection)->EndTransaction("ROLLBACK"));
  EXPECT_TRUE((*connection)->Execute("DELETE FROM workspaces WHERE id = 2"));
  auto cards = (*connection)->Query("SELECT count(*) FROM contacts WHERE workspace_id = 1");
  ASSERT_TRUE(cards);
  EXPECT_EQ(cards->Int(0, 0), 2);
}

// An import's lookups asked for a batch at once (FindManyContactIds) answer
// each as the lookup alone does: by uid, email, phone, profile URL, name
// and namesakes at a company, a trashed card and a value nobody has among
// them, in any order and more than once.
TEST(PostgresStore, ManyLookupsAtOnceAnswerEachAsItsLookupAlone) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  BatchedLookups* batched = BatchedLookupsOf(**store);
  ASSERT_NE(batched, nullptr);
  const auto add = [&](const std::string& name, const std::string& company, const std::string& email,
                       const std::string& url) {
    ContactFields fields;
    fields.display_name = name;
    fields.company = company;
    fields.emails = {email};
    fields.phones = {Phone{"+1 555 0100", "+15550100"}};
    fields.links = {Link{LinkKind::kLinkedIn, url, false, false, std::nullopt}};
    auto contact =
        (*store)->InsertContact(fields, "uid-" + url.substr(url.rfind('/') + 1), "2026-11-26T00:00:00Z");
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  };
  add("Ada Okafor", "Acme", "ada@acme.example", "https://www.linkedin.com/in/ada");
  add("Ada Okafor", "Acme", "ADA@acme.example", "https://www.linkedin.com/in/ada-2");
  add("Ada Okafor", "Globex", "ada@globex.example", "https://www.linkedin.com/in/ada-3");
  const ContactId gone = add("Bo Li", "Acme", "bo@acme.example", "https://www.linkedin.com/in/bo");
  ASSERT_TRUE((*store)->TrashContact(gone, "2026-11-27T00:00:00Z"));

  const std::vector<ContactLookup> lookups = {
      ContactLookup::Namesakes("Ada Okafor", "ACME"),
      ContactLookup::ByKey(ContactKey::kEmail, "Ada@Acme.example"),
      ContactLookup::ByKey(ContactKey::kUid, "uid-ada-2"),
      ContactLookup::ByKey(ContactKey::kPhone, "+15550100"),
      ContactLookup::ByKey(ContactKey::kLinkUrl, "https://www.LinkedIn.com/in/ada-3"),
      ContactLookup::ByKey(ContactKey::kName, "ada okafor"),
      ContactLookup::ByKey(ContactKey::kEmail, "bo@acme.example"),
      ContactLookup::ByKey(ContactKey::kUid, "uid-bo"),
      ContactLookup::Namesakes("Bo Li", "Acme"),
      ContactLookup::ByKey(ContactKey::kLinkUrl, "https://www.linkedin.com/in/nobody"),
      ContactLookup::ByKey(ContactKey::kEmail, ""),
      ContactLookup::Namesakes("Ada Okafor", "Initech"),
      ContactLookup::ByKey(ContactKey::kEmail, "Ada@Acme.example"),
  };
  auto answers = batched->FindManyContactIds(lookups);
  ASSERT_TRUE(answers) << answers.error().message;
  ASSERT_EQ(answers->size(), lookups.size());
  bool found_any = false;
  for (std::size_t i = 0; i < lookups.size(); ++i) {
    const ContactLookup& lookup = lookups[i];
    auto alone = lookup.namesakes ? (*store)->FindNamesakes(lookup.value, lookup.company)
                                  : (*store)->FindContactIds(lookup.key, lookup.value);
    ASSERT_TRUE(alone) << alone.error().message;
    EXPECT_EQ((*answers)[i], *alone) << "lookup " << i << ": " << lookup.value;
    found_any = found_any || !alone->empty();
  }
  EXPECT_EQ((*answers)[0].size(), 2U) << "both namesakes at Acme";
  EXPECT_EQ((*answers)[3].size(), 3U) << "the live cards sharing the phone";
  EXPECT_TRUE(found_any);
}

// Inside a bulk write into a small workspace the store answers most
// lookups from the keys it has listed, without a query: every answer must
// still be the one the tables give — for cards written before the bulk,
// copied in it, added one at a time and rewritten in it, and for emails
// and profile URLs that only the database's lower() folds (beyond ASCII).
TEST(PostgresStore, LookupsInABulkWriteFindEveryCardTheTablesFind) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  BatchedLookups* batched = BatchedLookupsOf(**store);
  ASSERT_NE(batched, nullptr);
  const auto card = [](const std::string& name, const std::string& email, const std::string& url) {
    ContactFields fields;
    fields.display_name = name;
    fields.company = "Acme";
    fields.emails = {email};
    fields.links = {Link{LinkKind::kLinkedIn, url, false, false, std::nullopt}};
    return fields;
  };
  ContactFields listed = card("Åsa Berg", "ÅSA@berg.example", "https://x.example/in/ÅSA");
  listed.emails.push_back("\u212Aim@berg.example");
  auto before = (*store)->InsertContact(listed, "uid-before", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(before) << before.error().message;
  ContactFields kelvin = card("Kim Kelvin", "kim@kelvin.example", "https://x.example/in/kim");
  kelvin.company = "\u212Aelvin AB";
  ASSERT_TRUE((*store)->InsertContact(kelvin, "uid-kelvin", "2026-11-26T00:00:00Z"));

  auto transaction = (*store)->BeginBulk();
  ASSERT_TRUE(transaction) << transaction.error().message;
  // The first lookup lists the keys.
  auto first = batched->FindManyContactIds(
      std::vector<ContactLookup>{ContactLookup::ByKey(ContactKey::kEmail, "åsa@BERG.example")});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, std::vector<std::vector<ContactId>>{{before->id}});
  std::vector<ContactFields> copied;
  std::vector<std::string> uids;
  for (int n = 0; n < 20; ++n) {
    copied.push_back(card("Copied Person" + std::to_string(n), "Card" + std::to_string(n) + "@Copy.example",
                          "https://www.linkedin.com/in/copied-" + std::to_string(n)));
    copied.back().phones = {Phone{"+1 555 01" + std::to_string(10 + n), "+1555010" + std::to_string(10 + n)}};
    uids.push_back("uid-copied-" + std::to_string(n));
  }
  copied[3].emails = {"ÉMILE@copy.example"};
  copied[5].emails = {"\u212Aate@copy.example"};
  copied[8].company = "ÅKER AB";
  copied[9].company = "\u212Aone";
  auto ids = (*store)->InsertContacts(copied, uids, "2026-11-26T00:00:00Z");
  ASSERT_TRUE(ids) << ids.error().message;
  auto alone = (*store)->InsertContact(card("Zoë Alone", "ZOË@one.example", "https://x.example/in/zoë"),
                                       "uid-alone", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(alone) << alone.error().message;
  ContactFields rewritten = listed;
  rewritten.display_name = "Åsa Berg-Lund";
  rewritten.emails.push_back("New@Update.example");
  ASSERT_TRUE((*store)->UpdateContact(before->id, rewritten, "2026-11-27T00:00:00Z"));

  // Each lookup, and whether a card answers it. The Kelvin sign (U+212A)
  // is a capital K that lower() folds to an ASCII "k" in a Unicode locale.
  const std::vector<std::pair<ContactLookup, bool>> cases = {
      {ContactLookup::ByKey(ContactKey::kEmail, "åsa@berg.example"), true},
      {ContactLookup::ByKey(ContactKey::kLinkUrl, "https://X.example/in/åsa"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "kim@berg.example"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "card7@COPY.example"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "émile@copy.example"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "kate@copy.example"), true},
      {ContactLookup::ByKey(ContactKey::kUid, "uid-copied-11"), true},
      {ContactLookup::ByKey(ContactKey::kPhone, "+155501015"), true},
      {ContactLookup::ByKey(ContactKey::kLinkUrl, "https://www.LINKEDIN.com/in/copied-19"), true},
      {ContactLookup::Namesakes("Copied Person4", "ACME"), true},
      {ContactLookup::ByKey(ContactKey::kName, "copied person5"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "zoë@one.example"), true},
      {ContactLookup::ByKey(ContactKey::kLinkUrl, "https://x.example/in/ZOË"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "new@update.example"), true},
      {ContactLookup::Namesakes("Åsa Berg-Lund", "acme"), true},
      {ContactLookup::Namesakes("Kim Kelvin", "KELVIN ab"), true},
      {ContactLookup::Namesakes("Copied Person8", "åker ab"), true},
      {ContactLookup::Namesakes("Copied Person9", "KONE"), true},
      {ContactLookup::ByKey(ContactKey::kEmail, "nobody@copy.example"), false},
      {ContactLookup::ByKey(ContactKey::kUid, "uid-nobody"), false},
      {ContactLookup::ByKey(ContactKey::kPhone, "+15559999"), false},
      {ContactLookup::Namesakes("Copied Person4", "Initech"), false},
      {ContactLookup::ByKey(ContactKey::kName, "nobody at all"), false},
  };
  std::vector<ContactLookup> lookups;
  for (const auto& [lookup, found] : cases) lookups.push_back(lookup);
  auto answers = batched->FindManyContactIds(lookups);
  ASSERT_TRUE(answers) << answers.error().message;
  ASSERT_EQ(answers->size(), lookups.size());
  for (std::size_t i = 0; i < lookups.size(); ++i) {
    const ContactLookup& lookup = lookups[i];
    auto asked = lookup.namesakes ? (*store)->FindNamesakes(lookup.value, lookup.company)
                                  : (*store)->FindContactIds(lookup.key, lookup.value);
    ASSERT_TRUE(asked) << asked.error().message;
    EXPECT_EQ((*answers)[i], *asked) << "lookup " << i << ": " << lookup.value;
    EXPECT_EQ(!(*answers)[i].empty(), cases[i].second) << "lookup " << i << ": " << lookup.value;
  }
  ASSERT_TRUE(transaction->Commit());
}

// Two workspaces with an Okafor each: a name asked in one finds its own
// alone, as typed, as a prefix and with a typo's correction.
TEST(PostgresStore, ANameIsFoundInItsOwnWorkspaceOnly) {
  testing::TempPgDatabase database;
  auto first = OpenPostgresStore(database.url());
  auto second = OpenPostgresStore(database.url());
  ASSERT_TRUE(first && second);
  auto other = AccountsOf(**second)->InsertWorkspace("other", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE(AccountsOf(**second)->ActAs({other->id, Role::kOwner, "", "other"}));
  ContactFields fields;
  fields.display_name = "Linus Lee";
  ASSERT_TRUE((*second)->InsertContact(fields, "linus", "2026-11-26T00:00:00Z"));
  fields.display_name = "Chidi Okafor";
  auto chidi = (*second)->InsertContact(fields, "chidi", "2026-11-26T00:00:00Z");
  fields.display_name = "Ada Okafor";
  auto ada = (*first)->InsertContact(fields, "ada", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(ada && chidi);
  ASSERT_NE(ada->id, chidi->id) << "the test tells the two apart by id";
  for (const std::string expression : {"\"okafor\"", "\"okaf\"*", "\"o\"*", "(\"okafr\"* OR \"okafor\")"}) {
    auto mine = (*first)->MatchSearchIndex(SearchTable::kNames, expression, 8);
    auto theirs = (*second)->MatchSearchIndex(SearchTable::kNames, expression, 8);
    ASSERT_TRUE(mine && theirs);
    EXPECT_EQ(*mine, std::vector<ContactId>{ada->id}) << expression;
    EXPECT_EQ(*theirs, std::vector<ContactId>{chidi->id}) << expression;
  }
}

// Several words asked of the names: nobody when one of them is in no name
// (name_terms says so), the cards whose names hold them all otherwise.
TEST(PostgresStore, SeveralWordsOfTheNamesFindNobodyWhenOneIsInNoName) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  fields.company = "Acme";
  auto ada = (*store)->InsertContact(fields, "ada", "2026-11-26T00:00:00Z");
  fields.display_name = "Ada Lovelace";
  ASSERT_TRUE((*store)->InsertContact(fields, "lovelace", "2026-11-26T00:00:00Z"));
  ASSERT_TRUE(ada) << ada.error().message;
  const auto names = [&](const std::string& expression) {
    return Found(**store, SearchTable::kNames, expression);
  };
  EXPECT_EQ(names("\"ada\" AND \"acme\""), std::vector<ContactId>{});
  EXPECT_EQ(names("\"ada\" AND (\"okafr\"* OR \"okafor\")"), std::vector<ContactId>{ada->id});
  EXPECT_EQ(names("\"ad\"* AND \"okaf\"*"), std::vector<ContactId>{ada->id});
  EXPECT_EQ(names("\"okafor\" AND \"lovelace\""), std::vector<ContactId>{});
}

// Testing a few known cards (CandidateMatching) answers what the index
// does for them: only the candidates that match the expression in the
// table asked, the most recent relationship first, up to the limit.
TEST(PostgresStore, CandidatesAreTestedAgainstTheExpressionNewestFirst) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  CandidateMatching* among = CandidateMatchingOf(**store);
  ASSERT_NE(among, nullptr);
  const auto add = [&](const std::string& name, const std::string& company, Date met_on) {
    ContactFields fields;
    fields.display_name = name;
    fields.company = company;
    fields.met_on = met_on;
    auto contact = (*store)->InsertContact(fields, name, "2026-11-26T00:00:00Z");
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  };
  const ContactId ada = add("Ada Okafor", "", Date{2020, 1, 1});
  const ContactId chidi = add("Chidi Okafor", "Acme", Date{2024, 1, 1});
  add("Bea Okafor", "Acme", Date{2025, 1, 1});
  const std::vector<ContactId> candidates = {ada, chidi};
  const auto ask = [&](SearchTable table, const std::string& expression, int limit) {
    auto found = among->MatchSearchIndexAmong(table, expression, candidates, limit);
    EXPECT_TRUE(found) << found.error().message;
    return found.value_or(std::vector<ContactId>{});
  };
  EXPECT_EQ(ask(SearchTable::kNames, "\"okaf\"*", 8), (std::vector<ContactId>{chidi, ada}));
  EXPECT_EQ(ask(SearchTable::kNames, "\"okaf\"*", 1), std::vector<ContactId>{chidi});
  EXPECT_EQ(ask(SearchTable::kNames, "\"acme\"", 8), std::vector<ContactId>{});
  EXPECT_EQ(ask(SearchTable::kCards, "\"acme\" AND (\"okafr\"* OR \"okafor\")", 8),
            std::vector<ContactId>{chidi});
  EXPECT_EQ(ask(SearchTable::kCards, "\"zebra\"", 8), std::vector<ContactId>{});
}

// A word as typed beside a prefix many more cards hold ("chicago" beside
// "joh"*): the GIN index is asked for the word's cards alone and each is
// tested for the prefix, in whichever column either is. The answer is the
// one the whole expression gives: the cards holding both, newest first.
TEST(PostgresStore, AWordBesideACommonPrefixFindsTheCardsHoldingBothNewestFirst) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  int day = 0;
  const auto add = [&](const std::string& name, const std::string& company, const std::string& title) {
    ContactFields fields;
    fields.display_name = name;
    fields.company = company;
    fields.title = title;
    fields.met_on = Date{2020, 1, 1}.AddDays(day++);
    auto contact = (*store)->InsertContact(fields, name, "2026-11-26T00:00:00Z");
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  };
  // Fourteen cards start a word with "joh" (the prefix's three completions
  // counted in fourteen cards: more than three times the three Chicago cards).
  for (int n = 0; n < 6; ++n) add("John Doe" + std::string(1, static_cast<char>('a' + n)), "Acme", "Clerk");
  for (int n = 0; n < 5; ++n) add("Mary Johnson" + std::string(1, static_cast<char>('a' + n)), "Initech", "");
  const ContactId in_name = add("John Smith", "City of Chicago", "Planner");
  const ContactId apart = add("Zed Zulu", "Chicago Bulls", "");
  const ContactId in_title = add("Ana Lima", "Chicago Tribune", "Johnny Walker fan");
  add("Johnny Ray", "Globex", "Singer");
  add("Joe Blow", "Jo's Diner", "Cook");
  const auto ask = [&](const std::string& expression, int limit) {
    return Found(**store, SearchTable::kCards, expression, limit);
  };
  EXPECT_EQ(ask("\"chicago\" AND \"joh\"*", 8), (std::vector<ContactId>{in_title, in_name}));
  EXPECT_EQ(ask("\"chicago\" AND \"joh\"*", 1), std::vector<ContactId>{in_title});
  EXPECT_EQ(ask("\"joh\"* AND \"chicago\"", 8), (std::vector<ContactId>{in_title, in_name}));
  EXPECT_EQ(ask("\"chicago\" AND (\"johnsen\" OR \"joh\"*)", 8), (std::vector<ContactId>{in_title, in_name}));
  EXPECT_EQ(ask("\"chicago\" AND \"bulls\" AND \"joh\"*", 8), std::vector<ContactId>{});
  EXPECT_EQ(ask("\"chicago\" AND \"zul\"*", 8), std::vector<ContactId>{apart});
  EXPECT_EQ(ask("{company} : \"chicago\" AND \"joh\"*", 8), (std::vector<ContactId>{in_title, in_name}));
  EXPECT_EQ(ask("{title} : \"chicago\" AND \"joh\"*", 8), std::vector<ContactId>{});
  // A prefix of one or two letters beside the word: the word's cards are
  // tested for it too ("Jo's Diner" is not in Chicago).
  EXPECT_EQ(ask("\"jo\"* AND \"chicago\"", 8), (std::vector<ContactId>{in_title, in_name}));
  EXPECT_EQ(ask("\"chicago\" AND \"j\"*", 1), std::vector<ContactId>{in_title});
  EXPECT_EQ(ask("\"chicago\" AND \"z\"*", 8), std::vector<ContactId>{apart});
}

// A word the vocabulary counts in no card finds nobody, whatever the other
// words are, in any column or under a filter. In a bulk the vocabulary is
// written at the commit: a card written one at a time there is found by its
// new words all the same, as the index holds it already.
TEST(PostgresStore, AWordInNoCardFindsNobodyAndABulksOwnCardIsFoundByItsNewWords) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  fields.company = "Acme";
  fields.tags = {"neighbor"};
  auto ada = (*store)->InsertContact(fields, "ada", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(ada) << ada.error().message;
  const auto ask = [&](const std::string& expression) {
    return Found(**store, SearchTable::kCards, expression);
  };
  EXPECT_EQ(ask("\"acme\" AND \"neighbor\""), std::vector<ContactId>{ada->id});
  EXPECT_EQ(ask("\"acme\" AND \"zanzibar\""), std::vector<ContactId>{});
  EXPECT_EQ(ask("\"acm\"* AND (\"zanzibar\" OR \"zanzi\"*)"), std::vector<ContactId>{});
  EXPECT_EQ(ask("{company} : \"acme\"* AND {tag} : \"friend\"*"), std::vector<ContactId>{});
  auto transaction = (*store)->BeginBulk();
  ASSERT_TRUE(transaction) << transaction.error().message;
  fields.display_name = "Zed Zanzibar";
  auto zed = (*store)->InsertContact(fields, "zed", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(zed) << zed.error().message;
  EXPECT_EQ(ask("\"acme\" AND \"zanzibar\""), std::vector<ContactId>{zed->id});
  EXPECT_EQ(ask("\"acm\"* AND \"zanzi\"*"), std::vector<ContactId>{zed->id});
  ASSERT_TRUE(transaction->Commit());
  EXPECT_EQ(ask("\"acme\" AND \"zanzibar\""), std::vector<ContactId>{zed->id});
}

// A prefix a thousand names or more start with: the newest cards of each
// name it starts, when it starts a few, and of the whole range otherwise —
// the same answer either way, the cards newest first, each once.
TEST(PostgresStore, APrefixOfAThousandNamesFindsTheNewestOfThemAllEachOnce) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  // "okaf": 1,010 Okafors and 30 Okafurs, some of them both ("Okafor
  // Okafur"); "zub": 70 names, 15 people each.
  std::vector<ContactFields> cards;
  std::vector<std::string> uids;
  std::vector<std::pair<Date, std::string>> okaf;
  std::vector<std::pair<Date, std::string>> zub;
  const auto card = [&](const std::string& name, std::vector<std::pair<Date, std::string>>& kept) {
    ContactFields fields;
    fields.display_name = name;
    fields.met_on = Date{2000, 1, 1}.AddDays(static_cast<std::int64_t>(cards.size()) * 7 % 9001);
    uids.push_back("uid-" + std::to_string(cards.size()));
    kept.emplace_back(*fields.met_on, uids.back());
    cards.push_back(std::move(fields));
  };
  for (int n = 0; n < 1010; ++n) card("Ada Okafor", okaf);
  for (int n = 0; n < 30; ++n) card(n % 3 == 0 ? "Okafor Okafur" : "Ben Okafur", okaf);
  for (int spelling = 0; spelling < 70; ++spelling) {
    const std::string name = std::string("Zub") + static_cast<char>('a' + spelling / 26) +
                             static_cast<char>('a' + spelling % 26) + " Lee";
    for (int n = 0; n < 15; ++n) card(name, zub);
  }
  {
    auto transaction = (*store)->BeginBulk();
    ASSERT_TRUE(transaction) << transaction.error().message;
    ASSERT_TRUE((*store)->InsertContacts(cards, uids, "2026-11-26T00:00:00Z"));
    ASSERT_TRUE(transaction->Commit());
  }
  // The newest eight of `kept`, by the day met and then the card's id.
  const auto newest = [&](std::vector<std::pair<Date, std::string>> kept) {
    std::vector<std::pair<std::int64_t, std::int64_t>> keys;
    for (const auto& [met_on, uid] : kept) {
      auto ids = (*store)->FindContactIds(ContactKey::kUid, uid);
      EXPECT_TRUE(ids && ids->size() == 1);
      if (ids && ids->size() == 1) keys.emplace_back(met_on.DaysSinceEpoch(), ids->front().value);
    }
    std::sort(keys.rbegin(), keys.rend());
    std::vector<ContactId> first;
    for (std::size_t n = 0; n < 8 && n < keys.size(); ++n) first.push_back(ContactId{keys[n].second});
    return first;
  };
  for (const auto& [prefix, kept] : {std::pair{"okaf", okaf}, std::pair{"zub", zub}}) {
    auto found = (*store)->MatchSearchIndex(SearchTable::kNames, "\"" + std::string(prefix) + "\"*", 8);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(*found, newest(kept)) << prefix;
  }
}

// The typeahead's lines for the cards a search just found: on PostgreSQL
// they came with the search's statements (kept until ContactGlances); they
// show the cards as they are when asked, a card changed since included,
// and those the search did not find are read as before.
TEST_P(BothStores, GlancesAfterASearchShowTheCardsAsTheyAreNow) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  ContactFields ada;
  ada.display_name = "Ada Okafor";
  ada.company = "Acme";
  ada.emails = {"ada@acme.com", "ada@home.org"};
  ContactFields bo;
  bo.display_name = "Bo Okafor";
  bo.city = "Lagos";
  ContactFields cy;
  cy.display_name = "Cy Young";
  const auto first = store.InsertContact(ada, "u1", "2026-11-26T00:00:00Z");
  const auto second = store.InsertContact(bo, "u2", "2026-11-26T00:00:00Z");
  const auto third = store.InsertContact(cy, "u3", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(first && second && third);
  const auto found = store.MatchSearchIndex(SearchTable::kNames, "\"okaf\"*", 8);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 2U);
  auto glances = store.ContactGlances(*found);
  ASSERT_TRUE(glances) << glances.error().message;
  ASSERT_EQ(glances->size(), 2U);
  for (std::size_t i = 0; i < found->size(); ++i) EXPECT_EQ((*glances)[i].id, (*found)[i]);
  const auto glance_of = [&](ContactId id) {
    return *std::find_if(glances->begin(), glances->end(),
                         [id](const ContactGlance& g) { return g.id == id; });
  };
  EXPECT_EQ(glance_of(first->id).email, "ada@acme.com");
  EXPECT_EQ(glance_of(first->id).company, "Acme");
  EXPECT_EQ(glance_of(second->id).city, "Lagos");

  // Found, then changed: the line shows the change.
  ASSERT_TRUE(store.MatchSearchIndex(SearchTable::kNames, "\"okaf\"*", 8));
  ada.company = "Kite Labs";
  ASSERT_TRUE(store.UpdateContact(first->id, ada, "2026-11-27T00:00:00Z"));
  glances = store.ContactGlances({first->id});
  ASSERT_TRUE(glances) << glances.error().message;
  ASSERT_EQ(glances->size(), 1U);
  EXPECT_EQ((*glances)[0].company, "Kite Labs");

  // A card the search did not find beside those it did, in the order asked.
  ASSERT_TRUE(store.MatchSearchIndex(SearchTable::kNames, "\"okafor\"", 8));
  glances = store.ContactGlances({third->id, second->id, ContactId{999}});
  ASSERT_TRUE(glances) << glances.error().message;
  ASSERT_EQ(glances->size(), 2U);
  EXPECT_EQ((*glances)[0].display_name, "Cy Young");
  EXPECT_EQ((*glances)[1].display_name, "Bo Okafor");
}

// The glances a search brought on one connection are never shown once it
// acts as another workspace's member: there the cards are not to be seen.
TEST(PostgresStore, GlancesASearchBroughtAreNotShownToTheNextMember) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto ada = (*store)->InsertContact(fields, "ada", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(ada) << ada.error().message;
  auto other = AccountsOf(**store)->InsertWorkspace("other", "2026-11-26T00:00:00Z");
  ASSERT_TRUE(other) << other.error().message;
  const auto found = (*store)->MatchSearchIndex(SearchTable::kNames, "\"okafor\"", 8);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(*found, std::vector<ContactId>{ada->id});
  ASSERT_TRUE(AccountsOf(**store)->ActAs({other->id, Role::kOwner, "", "other"}));
  const auto glances = (*store)->ContactGlances(*found);
  ASSERT_TRUE(glances) << glances.error().message;
  EXPECT_TRUE(glances->empty());
}

// The vocabulary near several words in one statement answers, for each
// reach in its order, what VocabularyNear answers for it alone.
TEST(PostgresStore, TheVocabularyNearSeveralWordsIsWhatEachLookUpFinds) {
  testing::TempPgDatabase database;
  auto store = OpenPostgresStore(database.url());
  ASSERT_TRUE(store) << store.error().message;
  for (const std::string name : {"Ada Okafor", "Omar Okama", "Kofi Okoro", "Bea Abara", "Oona Okafor2"}) {
    ContactFields fields;
    fields.display_name = name;
    ASSERT_TRUE((*store)->InsertContact(fields, name, "2026-11-26T00:00:00Z"));
  }
  VocabularyReaches* batched = VocabularyReachesOf(**store);
  ASSERT_NE(batched, nullptr);
  const std::vector<VocabularyReach> reaches = {
      {"o", 4, 6}, {"a", 3, 5}, {"o", 4, 6}, {"z", 1, 9}, {"k", 4, 4}};
  const auto each = batched->VocabularyNearEach(reaches);
  ASSERT_TRUE(each) << each.error().message;
  ASSERT_EQ(each->size(), reaches.size());
  const auto terms = [](const std::vector<VocabularyEntry>& entries) {
    std::vector<std::pair<std::string, int>> sorted;
    sorted.reserve(entries.size());
    for (const auto& entry : entries) sorted.emplace_back(entry.term, entry.documents);
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  };
  for (std::size_t i = 0; i < reaches.size(); ++i) {
    const auto alone =
        (*store)->VocabularyNear(reaches[i].head, reaches[i].min_length, reaches[i].max_length);
    ASSERT_TRUE(alone) << alone.error().message;
    EXPECT_EQ(terms((*each)[i]), terms(*alone)) << reaches[i].head;
  }
  EXPECT_THAT(terms((*each)[0]), ::testing::Contains(std::pair<std::string, int>("okafor", 1)));
  EXPECT_THAT(terms((*each)[0]), ::testing::Contains(std::pair<std::string, int>("okama", 1)));
  EXPECT_TRUE((*each)[3].empty());
  EXPECT_EQ(terms((*each)[4]), (std::vector<std::pair<std::string, int>>{{"kofi", 1}}));
}

// Whom a connection acts as (PgStore::ActAs) is sent just before the next
// statement (Connection::Defer): no statement ever runs without it, a
// later choice replaces one not yet sent, and a failed transaction still
// rolls back, the choice made in it taking effect from the statement after.
TEST(PostgresStore, ADeferredSettingRunsBeforeTheNextStatementOrNothingRuns) {
  testing::TempPgDatabase database;
  auto opened = postgres::Connection::Open(database.url());
  ASSERT_TRUE(opened) << opened.error().message;
  postgres::Connection& connection = **opened;
  const std::string set = "SELECT set_config('kith.test', $1, false)";
  const std::string read = "SELECT current_setting('kith.test', true)";

  connection.Defer("SELECT 1 / 0", {});
  EXPECT_FALSE(connection.Query(read)) << "the statement after a failed deferred one does not run";
  EXPECT_FALSE(connection.Query(read)) << "and the deferred one is tried again first";
  connection.Defer(set, postgres::Params().Add("ada"));
  auto seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "ada");

  ASSERT_TRUE(connection.Execute("BEGIN"));
  EXPECT_FALSE(connection.Query("SELECT 1 / 0"));
  connection.Defer(set, postgres::Params().Add("bo"));
  ASSERT_TRUE(connection.EndTransaction("ROLLBACK")) << "the failed transaction still ends";
  seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "bo") << "the choice made in it holds from the statement after";

  // A deferred setting travels with the query after it, in one
  // transaction: when the query fails, the setting is taken back with it,
  // and sent again before the next statement.
  connection.Defer(set, postgres::Params().Add("cy"));
  EXPECT_FALSE(connection.Query("SELECT 1 / 0"));
  seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "cy") << "the setting holds although the query that carried it failed";
  ASSERT_TRUE(connection.Execute("BEGIN"));
  connection.Defer(set, postgres::Params().Add("dee"));
  EXPECT_FALSE(connection.Query("SELECT 1 / 0"));
  ASSERT_TRUE(connection.EndTransaction("ROLLBACK"));
  seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "dee") << "and when a rolled-back transaction took it back";
}

// Several deferred statements (a claimed session's check: the workspace,
// then the member read under it) go in one round trip and one
// transaction, in order: a later one sees what an earlier one set, and
// when one fails, what those before it set is taken back, the ones after
// it and the query do not run, and all are sent again before the next
// statement.
TEST(PostgresStore, DeferredStatementsRunInOrderAndAllOrNone) {
  testing::TempPgDatabase database;
  auto opened = postgres::Connection::Open(database.url());
  ASSERT_TRUE(opened) << opened.error().message;
  postgres::Connection& connection = **opened;
  const std::string set = "SELECT set_config('kith.test', $1, false)";
  const std::string read =
      "SELECT current_setting('kith.test', true) || '/' || current_setting('kith.other', true)";
  const auto statements = [&set](const std::string& value, const std::string& then) {
    std::vector<postgres::Connection::Statement> deferred;
    deferred.push_back({set, postgres::Params().Add(value)});
    deferred.push_back({then, {}});
    return deferred;
  };
  const std::string copy = "SELECT set_config('kith.other', current_setting('kith.test') || '!', false)";

  connection.Defer(statements("ada", copy));
  auto seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "ada/ada!") << "the second saw what the first set";

  connection.Defer(statements("bo", "SELECT 1 / 0"));
  EXPECT_FALSE(connection.Query(read)) << "the query after a failed deferred statement does not run";
  EXPECT_FALSE(connection.RunDeferred()) << "and they are tried again, together";
  EXPECT_TRUE(connection.HasDeferred());
  connection.Defer("SELECT 1", {});
  seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "ada/ada!") << "the first one's setting went back with the failed second";

  connection.Defer(statements("cy", copy));
  ASSERT_TRUE(connection.RunDeferred()) << "by themselves, without a query";
  EXPECT_FALSE(connection.HasDeferred());
  seen = connection.Query(read);
  ASSERT_TRUE(seen) << seen.error().message;
  EXPECT_EQ(seen->Text(0, 0), "cy/cy!");
}

// A member's session is read with the membership it signs in as, as the
// directory holds it at that moment: a new role is the role from then on,
// and a member removed has a session but no membership.
TEST(PostgresStore, AMembersSessionComesWithItsMembershipAsItIsNow) {
  testing::TempPgDatabase database;
  auto opened = OpenPostgresStore(database.url());
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = **opened;
  AccountDirectory& directory = *AccountsOf(store);
  MemberSessions* sessions = MemberSessionsOf(store);
  ASSERT_NE(sessions, nullptr);
  ASSERT_TRUE(directory.InsertAccount("ada", "hash", "2026-11-01T00:00:00Z"));
  auto acme = directory.InsertWorkspace("acme", "2026-11-01T00:00:00Z");
  ASSERT_TRUE(acme) << acme.error().message;
  ASSERT_TRUE(directory.SetMember(acme->id, "ada", Role::kEditor));
  ASSERT_TRUE(directory.ActAs({acme->id, Role::kEditor, "ada", "acme"}));
  ASSERT_TRUE(store.InsertWebSession(WebSession{"hash-of-ada", 100, 200, "ada"}));
  ASSERT_TRUE(directory.ActAs({acme->id, Role::kViewer, "", ""}));

  auto found = sessions->FindMemberSession(acme->id, "hash-of-ada");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->session.account, "ada");
  EXPECT_EQ((*found)->session.created_at, 100);
  EXPECT_EQ((*found)->session.last_seen_at, 200);
  EXPECT_EQ((*found)->member, (WorkspaceAccess{acme->id, Role::kEditor, "ada", "acme"}));

  ASSERT_TRUE(directory.SetMember(acme->id, "ada", Role::kViewer));
  found = sessions->FindMemberSession(acme->id, "hash-of-ada");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->member, (WorkspaceAccess{acme->id, Role::kViewer, "ada", "acme"}));

  ASSERT_TRUE(directory.RemoveMember(acme->id, "ada"));
  found = sessions->FindMemberSession(acme->id, "hash-of-ada");
  ASSERT_TRUE(found && found->has_value()) << "the session is still there";
  EXPECT_EQ((*found)->member, std::nullopt) << "but signs nobody in";

  found = sessions->FindMemberSession(acme->id, "no-such-hash");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_FALSE(found->has_value());
}

// A server that remembers a member's session acts on a claim the
// database checks with the next statement (the session read under its
// workspace, kith_session_refused when it does not hold, schema version
// 15): while it holds, the store reads and writes as the member;
// once the session is gone, expired, or signs in with another role, that
// statement and every one after it fail as unauthorized and nothing runs.
TEST(PostgresStore, AClaimedSessionIsCheckedWithTheFirstStatementAndNothingRunsOnARefusedOne) {
  testing::TempPgDatabase database;
  auto opened = OpenPostgresStore(database.url());
  ASSERT_TRUE(opened) << opened.error().message;
  auto other_server = OpenPostgresStore(database.url());
  ASSERT_TRUE(other_server) << other_server.error().message;
  Store& store = **opened;
  AccountDirectory& directory = *AccountsOf(store);
  MemberSessions& sessions = *MemberSessionsOf(store);
  ASSERT_TRUE(directory.InsertAccount("ada", "hash", "2026-11-01T00:00:00Z"));
  auto acme = directory.InsertWorkspace("acme", "2026-11-01T00:00:00Z");
  ASSERT_TRUE(acme) << acme.error().message;
  ASSERT_TRUE(directory.SetMember(acme->id, "ada", Role::kEditor));
  const WorkspaceAccess ada{acme->id, Role::kEditor, "ada", "acme"};
  ASSERT_TRUE(directory.ActAs(ada));
  ASSERT_TRUE(store.InsertWebSession(WebSession{"hash-of-ada", 1000, 2000, "ada"}));
  ContactFields fields;
  fields.display_name = "Grace Hopper";
  ASSERT_TRUE(store.InsertContact(fields, "grace", "2026-11-26T00:00:00Z"));
  ASSERT_TRUE(directory.ActAs(Nobody()));
  const SessionClaim live{"hash-of-ada", 999, 1999};
  const auto cards = [&]() { return store.CountContacts({}); };

  ASSERT_TRUE(sessions.ActAsClaimedMember(ada, live));
  auto counted = cards();
  ASSERT_TRUE(counted) << counted.error().message;
  EXPECT_EQ(*counted, 1) << "acting as ada in acme";
  EXPECT_TRUE(sessions.ConfirmClaim());
  EXPECT_EQ(directory.Access(), ada);

  // Checked though no statement ran.
  ASSERT_TRUE(directory.ActAs(Nobody()));
  ASSERT_TRUE(sessions.ActAsClaimedMember(ada, live));
  EXPECT_TRUE(sessions.ConfirmClaim());

  const auto refused = [&](const WorkspaceAccess& member, const SessionClaim& claim, const std::string& why) {
    ASSERT_TRUE(directory.ActAs(Nobody()));
    ASSERT_TRUE(sessions.ActAsClaimedMember(member, claim));
    const auto read = cards();
    ASSERT_FALSE(read) << why << ": read " << *read << " cards";
    EXPECT_EQ(read.error().code, ErrorCode::kUnauthorized) << why << ": " << read.error().message;
    ContactFields written;
    written.display_name = "Not Written";
    const auto added = store.InsertContact(written, "not-written", "2026-11-26T00:00:00Z");
    ASSERT_FALSE(added) << why;
    EXPECT_EQ(added.error().code, ErrorCode::kUnauthorized) << why;
    const Status confirmed = sessions.ConfirmClaim();
    ASSERT_FALSE(confirmed) << why;
    EXPECT_EQ(confirmed.error().code, ErrorCode::kUnauthorized) << why;
  };
  refused(ada, SessionClaim{"hash-of-ada", 1000, 1999}, "made too long ago");
  refused(ada, SessionClaim{"hash-of-ada", 999, 2000}, "idle too long");
  refused(ada, SessionClaim{"no-such-hash", 999, 1999}, "no such session");
  refused({acme->id, Role::kOwner, "ada", "acme"}, live, "another role");
  refused({acme->id, Role::kEditor, "bo", "acme"}, live, "another account");

  // Changed through another connection, as another server would: the
  // next statement here sees it.
  AccountDirectory& other = *AccountsOf(**other_server);
  ASSERT_TRUE(other.SetMember(acme->id, "ada", Role::kViewer));
  refused(ada, live, "demoted to viewer");
  ASSERT_TRUE(other.SetMember(acme->id, "ada", Role::kEditor));
  ASSERT_TRUE(other.ActAs({acme->id, Role::kViewer, "", ""}));
  ASSERT_TRUE((*other_server)->RemoveWebSession("hash-of-ada"));
  refused(ada, live, "signed out");

  // Nothing refused was written, and nobody else's settings were left.
  ASSERT_TRUE(directory.ActAs(ada));
  counted = cards();
  ASSERT_TRUE(counted) << counted.error().message;
  EXPECT_EQ(*counted, 1);
}

TEST(PostgresStore, ARefusedConnectionIsAnIoErrorThatKeepsThePasswordOut) {
  const auto store = OpenPostgresStore("postgresql://kith:sekrit@/kith?host=/nonexistent-kith-socket");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
  EXPECT_THAT(store.error().message, HasSubstr("cannot connect to PostgreSQL"));
  EXPECT_THAT(store.error().message, Not(HasSubstr("sekrit")));
}

TEST(StoreLocation, PostgresUrisOpenPostgresAndArePrintedWithoutPasswords) {
  EXPECT_TRUE(IsPostgresLocation("postgresql://db.example/kith"));
  EXPECT_TRUE(IsPostgresLocation("postgres:///kith"));
  EXPECT_FALSE(IsPostgresLocation("/home/ada/kith.db"));
  EXPECT_FALSE(IsPostgresLocation("postgresql.db"));
  EXPECT_EQ(PrintableLocation("postgresql://ada:s3cret@db.example:5432/kith"),
            "postgresql://ada:***@db.example:5432/kith");
  EXPECT_EQ(PrintableLocation("postgresql://db.example/kith?user=ada&password=s3cret&sslmode=require"),
            "postgresql://db.example/kith?user=ada&password=***&sslmode=require");
  EXPECT_EQ(PrintableLocation("postgresql://ada@db.example/kith"), "postgresql://ada@db.example/kith");
  EXPECT_EQ(PrintableLocation("/home/ada/kith.db"), "/home/ada/kith.db");
}

}  // namespace
}  // namespace kith
