// Enum text in the database that kith does not know (a newer kith wrote it,
// or someone edited the file by hand) is an error naming the table and the
// value, never a silent default.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr const char* kNow = "2026-11-26T12:00:00Z";
constexpr Date kToday{2026, 11, 26};

class UnknownValues : public ::testing::Test {
 protected:
  void SetUp() override {
    ContactFields fields;
    fields.display_name = "Ada Okafor";
    fields.links.push_back(Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", false, false, {}});
    auto contact = store().InsertContact(fields, "uid-ada", kNow);
    ASSERT_TRUE(contact) << contact.error().message;
    ada_ = contact->id;
  }

  Store& store() { return world_.store(); }

  // Writes `sql` past the schema's CHECK constraints, as a hand edit would.
  void WriteRaw(const std::string& sql) {
    sqlite3* database = nullptr;
    ASSERT_EQ(sqlite3_open(world_.database_path().c_str(), &database), SQLITE_OK);
    const std::string edit = "PRAGMA ignore_check_constraints = 1; " + sql;
    char* message = nullptr;
    const int rc = sqlite3_exec(database, edit.c_str(), nullptr, nullptr, &message);
    const std::string why = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_close(database);
    ASSERT_EQ(rc, SQLITE_OK) << why;
  }

  template <typename T>
  static void ExpectNamed(const Result<T>& read, const std::string& table, const std::string& value) {
    ASSERT_FALSE(read) << "the unknown value was read as a default";
    EXPECT_NE(read.error().message.find("table " + table), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().message.find("'" + value + "'"), std::string::npos) << read.error().message;
  }

  testing::TestWorld world_;
  ContactId ada_;
};

TEST_F(UnknownValues, AnUnknownInteractionKindIsAnErrorNamingTheTableAndValue) {
  ASSERT_TRUE(store().InsertInteraction(InteractionFields{ada_, InteractionKind::kCoffee, kToday, "", 60}));
  WriteRaw("UPDATE interactions SET kind = 'hologram'");
  ExpectNamed(store().InteractionsOf(ada_, 10), "interactions", "hologram");
  ExpectNamed(store().InteractionsAfter(InteractionId{0}, 10), "interactions", "hologram");
}

TEST_F(UnknownValues, AnUnknownFactKindIsAnErrorNamingTheTableAndValue) {
  Fact fact;
  fact.contact = ada_;
  fact.kind = FactKind::kPersonal;
  fact.key = "hometown";
  fact.value = "Pilsen";
  fact.learned_on = kToday;
  ASSERT_TRUE(store().SetFact(fact));
  WriteRaw("UPDATE facts SET kind = 'secret'");
  ExpectNamed(store().FactsOf(ada_), "facts", "secret");
}

TEST_F(UnknownValues, AnUnknownReminderStateIsAnErrorNamingTheTableAndValue) {
  Reminder reminder;
  reminder.contact = ada_;
  reminder.kind = ReminderKind::kFollowUp;
  reminder.due = kToday;
  reminder.created_on = kToday;
  auto stored = store().InsertReminder(reminder);
  ASSERT_TRUE(stored) << stored.error().message;
  WriteRaw("UPDATE reminders SET state = 'paused'");
  ExpectNamed(store().GetReminder(stored->id), "reminders", "paused");
}

TEST_F(UnknownValues, AnUnknownLedgerDirectionIsAnErrorNamingTheTableAndValue) {
  LedgerEntry entry;
  entry.contact = ada_;
  entry.what = "an intro to a designer";
  entry.on = kToday;
  ASSERT_TRUE(store().InsertLedgerEntry(entry));
  WriteRaw("UPDATE ledger SET direction = 'sideways'");
  ExpectNamed(store().LedgerOf(ada_), "ledger", "sideways");
}

TEST_F(UnknownValues, AnUnknownOpportunityKindIsAnErrorNamingTheTableAndValue) {
  OpportunityFields fields;
  fields.title = "Staff C++ engineer";
  fields.skills = {"C++"};
  auto opportunity = store().InsertOpportunity(fields, kToday);
  ASSERT_TRUE(opportunity) << opportunity.error().message;
  WriteRaw("UPDATE opportunities SET kind = 'raffle'");
  ExpectNamed(store().GetOpportunity(opportunity->id), "opportunities", "raffle");
}

TEST_F(UnknownValues, AnUnknownLinkKindIsAnErrorNamingTheTableAndValue) {
  WriteRaw("UPDATE contact_links SET kind = 'myspace'");
  ExpectNamed(store().GetContact(ada_), "contact_links", "myspace");
}

}  // namespace
}  // namespace kith
