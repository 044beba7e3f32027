#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "search/search.h"
#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

void Exec(sqlite3* handle, const std::string& sql) {
  char* message = nullptr;
  ASSERT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << (message != nullptr ? message : "");
}

// A file as kith version 1 left it: contacts, but no search index yet.
std::string MakeVersionOneDatabase(const testing::TempDirectory& directory) {
  std::string path = (directory.path() / "v1.db").string();
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, std::string(sqlite::Migrations().at(0).sql));
  Exec(handle,
       "INSERT INTO contacts(id, uid, display_name, given_name, family_name, sort_name, company, "
       "notes, met_on, created_at, updated_at) VALUES "
       "(1, 'u1', 'José Núñez', 'José', 'Núñez', 'jose nunez', 'Acme', 'likes jazz', "
       "'2024-03-01', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z'),"
       "(2, 'u2', 'Bea Kovács', 'Bea', 'Kovács', 'bea kovacs', 'Pixelház', '', NULL, "
       "'2024-03-02T00:00:00Z', '2024-03-02T00:00:00Z');"
       "INSERT INTO contact_emails VALUES (1, 0, 'jose@acme.com');"
       "INSERT INTO contact_labels VALUES (2, 'tag', 0, 'design', 'design');"
       "PRAGMA user_version = 1;");
  sqlite3_close(handle);
  return path;
}

TEST(Migrations, UpgradeKeepsDataAndIndexesItForSearch) {
  testing::TempDirectory directory;
  const std::string path = MakeVersionOneDatabase(directory);
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store) << store.error().message;
  auto jose = (*store)->GetContact(ContactId{1});
  ASSERT_TRUE(jose);
  EXPECT_EQ(jose->display_name, "José Núñez");
  EXPECT_EQ(jose->emails, std::vector<std::string>{"jose@acme.com"});
  EXPECT_EQ(jose->met_on, (Date{2024, 3, 1}));
  EXPECT_EQ((*store)->GetContact(ContactId{2})->tags, std::vector<std::string>{"design"});

  auto hits = Search(**store, {"nunez", 10, 0});
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1U);
  EXPECT_EQ(hits->front().id.value, 1);
  EXPECT_EQ(Search(**store, {"jazz", 10, 0})->size(), 1U);
  EXPECT_EQ(Search(**store, {"tag:design", 10, 0})->size(), 1U);
  // The vocabulary is rebuilt with the index: a typo is corrected.
  EXPECT_EQ(Search(**store, {"nunex", 10, 0})->size(), 1U);
  EXPECT_EQ(Search(**store, {"kovac", 10, 0})->size(), 1U);
}

// A file as the kith before the card fields left it: ORG's unit and ROLE
// kept as custom fields "Department" and "Role".
TEST(Migrations, DepartmentAndRoleMoveFromCustomFieldsToTheirColumns) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v7.db").string();
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  // Versions 1-11: the schema just before the card fields (version 12).
  constexpr std::size_t kBeforeCardFields = 11;
  for (std::size_t i = 0; i < kBeforeCardFields; ++i) {
    Exec(handle, std::string(sqlite::Migrations().at(i).sql));
  }
  Exec(handle,
       "INSERT INTO contacts(id, uid, display_name, sort_name, created_at, updated_at) VALUES "
       "(1, 'u1', 'Ada Okafor', 'ada okafor', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z');"
       "INSERT INTO contact_extras(contact_id, kind, position, label, value) VALUES "
       "(1, 'custom', 0, 'Department', 'Platform'), (1, 'custom', 1, 'Shoe size', '44'), "
       "(1, 'custom', 2, 'Role', 'Mentor'), (1, 'custom', 3, 'Department', 'second');"
       "PRAGMA user_version = " +
           std::to_string(kBeforeCardFields) + ";");
  sqlite3_close(handle);
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store) << store.error().message;
  auto ada = (*store)->GetContact(ContactId{1});
  ASSERT_TRUE(ada) << ada.error().message;
  EXPECT_EQ(ada->departments, std::vector<std::string>{"Platform"});
  EXPECT_EQ(ada->role, "Mentor");
  ASSERT_EQ(ada->custom.size(), 2U);
  EXPECT_EQ(ada->custom[0].label, "Shoe size");
  EXPECT_EQ(ada->custom[1].value, "second");
  EXPECT_EQ(Search(**store, {"mentor", 10, 0})->size(), 1U);
}

// A query of every kind the search knows: names, fields, notes, filters,
// prefixes of every length, typos, numbers, nobody.
constexpr std::array<std::string_view, 24> kEveryKindOfQuery = {"ada",
                                                                "o",
                                                                "ok",
                                                                "oka",
                                                                "okaf",
                                                                "okafor",
                                                                "acme",
                                                                "acm",
                                                                "acme coffee",
                                                                "coff",
                                                                "coffee",
                                                                "note:coffee",
                                                                "company:acme note:cof",
                                                                "company:acme",
                                                                "engin",
                                                                "engineering",
                                                                "chicago",
                                                                "chicagx",
                                                                "okafr",
                                                                "jonh",
                                                                "bouldering",
                                                                "tag:mentor",
                                                                "555",
                                                                "zzz"};

// The answers to every kind of query, with how they matched and how many
// match in all: as a new file gives them, and after upgrading one of version 18.
std::vector<std::string> Answers(Store& store) {
  std::vector<std::string> answers;
  for (const std::string_view asked : kEveryKindOfQuery) {
    const std::string query(asked);
    auto hits = Search(store, {query, 20, 0});
    EXPECT_TRUE(hits) << query << ": " << hits.error().message;
    std::string line = query + ":";
    for (const auto& hit : *hits) {
      line += " " + std::to_string(hit.id.value) + "/" + std::to_string(static_cast<int>(hit.tier)) + "/" +
              std::to_string(static_cast<int>(hit.quality));
    }
    auto counted = CountSearchMatches(store, query);
    EXPECT_TRUE(counted);
    answers.push_back(line + " (" + std::to_string(counted ? *counted : -1) + ")");
  }
  return answers;
}

// Opening the file upgrades it: the same answers as the file made new gave,
// and a sound check.
void ExpectUpgradedAnswersAsNew(const std::string& path, const std::vector<std::string>& as_new) {
  auto upgraded = OpenSqliteStore(path);
  ASSERT_TRUE(upgraded) << upgraded.error().message;
  EXPECT_EQ(Answers(**upgraded), as_new);
  auto problems = (*upgraded)->CheckIntegrity();
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty());
}

TEST(Migrations, AVersion18FileUpgradesAndSearchesTheSame) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v19.db").string();
  std::vector<std::string> as_new;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    const auto add = [&](const std::string& name, const std::function<void(ContactFields&)>& fill) {
      ContactFields fields;
      fields.display_name = name;
      fill(fields);
      ASSERT_TRUE((*store)->InsertContact(fields, "u-" + name, "2026-01-01T00:00:00Z"));
    };
    add("Ada Okafor", [](ContactFields& f) {
      f.company = "Acme";
      f.title = "Engineering lead";
      f.notes = "met over coffee in Chicago";
      f.tags = {"mentor"};
      f.met_on = Date{2024, 3, 1};
    });
    add("John Chicago", [](ContactFields& f) {
      f.emails = {"john555@example.com"};
      f.notes = "loves bouldering";
      f.met_on = Date{2025, 1, 1};
    });
    add("Bea Kovacs", [](ContactFields& f) {
      f.company = "Acme Coffee";
      f.phones = {Phone{"+1 312 555 0134", "+13125550134"}};
    });
    add("Okafor Jonh", [](ContactFields& f) { f.city = "Chicago"; });
    as_new = Answers(**store);
  }
  // The search tables as version 18 left them (its step run again over
  // them), and the version it recorded.
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, "CREATE TABLE search_everything(x); DROP TABLE search_layout;");
  Exec(handle, std::string(sqlite::Migrations().at(17).sql));
  Exec(handle, "PRAGMA user_version = 18;");
  sqlite3_close(handle);

  ExpectUpgradedAnswersAsNew(path, as_new);
}

// Version 19 keyed the index with the id in the low 32 bits of the rowid;
// version 20 records the width (search_layout) and lays the index out with
// the narrowest of its widths that holds every id.
TEST(Migrations, AVersion19FileUpgradesToNarrowKeysAndSearchesTheSame) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v19.db").string();
  ASSERT_TRUE(OpenSqliteStore(path));
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, "UPDATE search_layout SET key_shift = 32;");
  sqlite3_close(handle);
  std::vector<std::string> as_new;
  {
    // Indexed with 32-bit ids, as version 19 wrote them.
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    for (int n = 0; n < 300; ++n) {
      ContactFields fields;
      fields.display_name = "Person" + std::to_string(n) + (n % 3 == 0 ? " Okafor" : " Kovacs");
      fields.company = n % 2 == 0 ? "Acme" : "Globex";
      fields.notes = n % 5 == 0 ? "met over coffee in Chicago" : "";
      fields.met_on = Date{2020, 1, 1}.AddDays((n * 53) % 700);
      ASSERT_TRUE((*store)->InsertContact(fields, "u" + std::to_string(n), "2026-01-01T00:00:00Z"));
    }
    as_new = Answers(**store);
  }
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, "DROP TABLE search_layout; PRAGMA user_version = 19;");
  sqlite3_close(handle);

  ExpectUpgradedAnswersAsNew(path, as_new);
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, "SELECT key_shift FROM search_layout", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), 13);  // 300 ids
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

TEST(Migrations, UpgradedFileRecordsTheNewVersion) {
  testing::TempDirectory directory;
  const std::string path = MakeVersionOneDatabase(directory);
  ASSERT_TRUE(OpenSqliteStore(path));
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, "PRAGMA user_version", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), CurrentSchemaVersion());
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

TEST(Migrations, EveryStepIsNumberedAfterTheLast) {
  EXPECT_EQ(static_cast<int>(sqlite::Migrations().size()), CurrentSchemaVersion());
  EXPECT_GE(CurrentSchemaVersion(), 2);
}

}  // namespace
}  // namespace kith
