#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "search/search.h"
#include "store/sqlite/label_kinds.h"
#include "store/store.h"
#include "store/upgrade_notice.h"
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

// Takes the search index of a file this kith wrote back to version 21's
// rowids, the keys themselves rather than negated (store/sqlite/search_rowid.h):
// each card's terms, column by column, read from the index (fts5vocab) and
// written again under the other rowid. With detail=column or none that is
// all the index holds, and the tokenizer gives a folded term back as it is.
void TakeSearchIndexBackToVersion21(const std::string& path) {
  std::string cards_columns;
  for (const std::string column : {"name", "company", "title", "email", "phone", "place", "tag", "skill",
                                   "interest", "met", "web", "other", "note"}) {
    cards_columns.append(", coalesce(group_concat(CASE col WHEN '")
        .append(column)
        .append("' THEN term END, ' '), '') AS ")
        .append(column);
  }
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle,
       "CREATE VIRTUAL TABLE temp.names_terms USING fts5vocab(main, search_names, instance); "
       "CREATE VIRTUAL TABLE temp.cards_terms USING fts5vocab(main, search_cards, instance); "
       "CREATE TEMP TABLE names_v21 AS SELECT -doc AS key, group_concat(term, ' ') AS name "
       "FROM temp.names_terms GROUP BY doc; "
       "CREATE TEMP TABLE cards_v21 AS SELECT -doc AS key" +
           cards_columns +
           " FROM temp.cards_terms GROUP BY doc; "
           "INSERT INTO search_names(search_names) VALUES('delete-all'); "
           "INSERT INTO search_cards(search_cards) VALUES('delete-all'); "
           "INSERT INTO search_names(rowid, name) SELECT key, name FROM temp.names_v21 ORDER BY key; "
           "INSERT INTO search_cards(rowid, name, company, title, email, phone, place, tag, skill, interest, "
           "met, web, other, note) SELECT * FROM temp.cards_v21 ORDER BY key; "
           "PRAGMA user_version = 21;");
  sqlite3_close(handle);
}

// The lowest and highest rowid of a search table (a contentless table
// cannot be scanned; its terms' instances can).
std::pair<std::int64_t, std::int64_t> RowidRange(const std::string& path, const std::string& table) {
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, " + table + ", instance);");
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, "SELECT min(doc), max(doc) FROM temp.terms", -1, &statement, nullptr);
  EXPECT_EQ(sqlite3_step(statement), SQLITE_ROW);
  const std::pair<std::int64_t, std::int64_t> range{sqlite3_column_int64(statement, 0),
                                                    sqlite3_column_int64(statement, 1)};
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return range;
}

// Takes a file this kith wrote back to version 20's labels and changes
// journal, and to version 21's search rowids: the tables, index and
// triggers as version 20's steps made them (run over a scratch file),
// holding the same rows, the labels' texts in each row and every journal
// entry with its uid.
void TakeBackToVersion20(const testing::TempDirectory& directory, const std::string& path) {
  TakeSearchIndexBackToVersion21(path);
  std::vector<std::string> version20;
  {
    const std::string scratch = (directory.path() / "scratch-v20.db").string();
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(scratch.c_str(), &handle), SQLITE_OK);
    for (std::size_t i = 0; i < 20; ++i) Exec(handle, std::string(sqlite::Migrations().at(i).sql));
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(handle,
                       "SELECT sql FROM sqlite_master WHERE name IN ('contact_labels', "
                       "'contact_labels_by_value', 'contact_changes') OR (type = 'trigger' AND "
                       "(name LIKE 'health_on_tag%' OR name LIKE 'contact_changes_on%')) "
                       "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END",
                       -1, &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      version20.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    sqlite3_close(handle);
  }
  ASSERT_EQ(version20.size(), 12U);  // two tables, an index, nine triggers
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle,
       "DROP TRIGGER health_on_tag_cadence_insert; DROP TRIGGER health_on_tag_cadence_update; "
       "DROP TRIGGER health_on_tag_cadence_delete; DROP TRIGGER contact_changes_on_insert; "
       "DROP TRIGGER contact_changes_on_update; DROP TRIGGER contact_changes_on_delete; "
       "CREATE TABLE labels_as_text AS " +
           std::string(sqlite::kLabelRowsWithText) +
           "; DROP TABLE contact_labels; DROP TABLE label_values; "
           "ALTER TABLE contact_changes RENAME TO changes_v21;");
  for (const std::string& create : version20) Exec(handle, create);
  Exec(handle,
       "INSERT INTO contact_labels SELECT * FROM labels_as_text ORDER BY contact_id, kind, position; "
       "DROP TABLE labels_as_text; "
       "INSERT INTO contact_changes(sequence, contact_id, uid) SELECT j.sequence, j.contact_id, "
       "coalesce(j.uid, (SELECT uid FROM contacts c WHERE c.id = j.contact_id)) FROM changes_v21 j; "
       "UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'changes_v21') "
       "WHERE name = 'contact_changes'; DROP TABLE changes_v21; PRAGMA user_version = 20;");
  sqlite3_close(handle);
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

// A card named `name` (uid "u-" + name) with what `fill` gives it, as the
// upgrade tests write their people.
void AddNamed(Store& store, const std::string& name, const std::function<void(ContactFields&)>& fill) {
  ContactFields fields;
  fields.display_name = name;
  fill(fields);
  ASSERT_TRUE(store.InsertContact(fields, "u-" + name, "2026-01-01T00:00:00Z"));
}

TEST(Migrations, AVersion18FileUpgradesAndSearchesTheSame) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v19.db").string();
  std::vector<std::string> as_new;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    const auto add = [&](const std::string& name, const std::function<void(ContactFields&)>& fill) {
      AddNamed(**store, name, fill);
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
  TakeBackToVersion20(directory, path);
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
  TakeBackToVersion20(directory, path);
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

// What a file says about its labels and its changes journal, as the
// faces read them: each card's tags, skills and interests, the list by
// tag, suggestions, the labels in use, the tag cadences health reads, and
// the CardDAV journal (every entry, a tag's book, a card's entry).
std::vector<std::string> LabelAndJournalAnswers(Store& store) {
  std::vector<std::string> answers;
  const auto joined = [](const std::vector<std::string>& values) {
    std::string line;
    for (const std::string& value : values) line += "[" + value + "]";
    return line;
  };
  auto ids = store.ContactIdsAfter(ContactId{0}, 100, true);
  EXPECT_TRUE(ids);
  for (const ContactId id : *ids) {
    auto contact = store.GetContact(id);
    EXPECT_TRUE(contact);
    answers.push_back(contact->display_name + " tags " + joined(contact->tags) + " skills " +
                      joined(contact->skills) + " interests " + joined(contact->interests));
  }
  for (const std::string tag : {"mentor", "Café", "climbers", "nobody"}) {
    ListQuery query;
    query.tag = tag;
    auto listed = store.ListContactIds(query);
    EXPECT_TRUE(listed);
    std::string line = "list " + tag + ":";
    for (const ContactId id : *listed) line += " " + std::to_string(id.value);
    auto tagged = store.ContactsTagged(store.FoldLabel(tag));
    EXPECT_TRUE(tagged);
    line += " tagged:";
    for (const ContactId id : *tagged) line += " " + std::to_string(id.value);
    answers.push_back(line + " counted " + std::to_string(*store.CountContacts(query)));
  }
  for (const std::string kind : {"tag", "skill", "interest", "colour"}) {
    answers.push_back(kind + " suggestions " + joined(*store.LabelsWithPrefix(kind, "", 10)) + " r " +
                      joined(*store.LabelsWithPrefix(kind, "r", 10)));
    answers.push_back(kind + " in use: rock climbing " +
                      std::to_string(*store.LabelInUse(kind, "ROCK climbing")) + ", cafe " +
                      std::to_string(*store.LabelInUse(kind, "cafe")));
  }
  auto activity = store.ActivityOfEveryone(Date{2026, 1, 1});
  EXPECT_TRUE(activity);
  for (const ContactActivity& person : *activity) {
    answers.push_back("tag cadence of " + std::to_string(person.contact.value) + ": " +
                      std::to_string(person.tag_cadence_days.value_or(-1)));
  }
  answers.push_back("latest change " + std::to_string(*store.LatestChange()));
  for (const std::string tag : {"", "mentor"}) {
    auto changes = store.ChangesAfter(0, tag, 100);
    EXPECT_TRUE(changes);
    std::string line = "changes of '" + tag + "':";
    for (const ContactChange& change : *changes) {
      line += " " + std::to_string(change.sequence) + "/" + std::to_string(change.contact.value) + "/" +
              change.uid + "/" + (change.member ? "in" : "out");
    }
    answers.push_back(line);
  }
  auto of = store.ChangesOf({ContactId{3}, ContactId{1}, ContactId{2}}, "");
  EXPECT_TRUE(of);
  std::string line = "changes of 3, 1, 2:";
  for (const ContactChange& change : *of)
    line += " " + std::to_string(change.contact.value) + "/" + change.uid;
  answers.push_back(line);
  return answers;
}

// Version 21 keeps each label's text once (label_values) with its kind as a
// number, and the changes journal's uid only for cards deleted for good. A
// file written by this kith and taken back to version 20's two tables and
// triggers (as version 20 made them, from its steps) upgrades to the same
// answers, and goes on journaling and marking health as before.
TEST(Migrations, AVersion20FileUpgradesToSharedLabelTextsAndAnswersTheSame) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v20.db").string();
  std::vector<std::string> as_new;
  std::vector<std::string> searched_as_new;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    const auto add = [&](const std::string& name, const std::function<void(ContactFields&)>& fill) {
      AddNamed(**store, name, fill);
    };
    add("Ada Okafor", [](ContactFields& f) {
      f.tags = {"mentor", "Café"};
      f.skills = {"Rock Climbing", "go"};
      f.interests = {"jazz"};
    });
    add("John Chicago", [](ContactFields& f) {
      f.tags = {"cafe", "climbers"};
      f.skills = {"rock climbing"};
    });
    add("Bea Kovacs", [](ContactFields& f) {
      f.tags = {"mentor"};
      f.interests = {"Rock climbing", "jazz"};
    });
    add("Gone Forever", [](ContactFields& f) { f.tags = {"mentor"}; });
    add("In The Bin", [](ContactFields& f) { f.tags = {"mentor"}; });
    ContactFields edited = *(*store)->GetContact(ContactId{2});
    edited.tags = {"climbers", "mentor"};
    ASSERT_TRUE((*store)->UpdateContact(ContactId{2}, edited, "2026-01-02T00:00:00Z"));
    ASSERT_TRUE((*store)->TrashContact(ContactId{4}, "2026-01-03T00:00:00Z"));
    ASSERT_TRUE((*store)->DeleteTrashedContacts());
    ASSERT_TRUE((*store)->TrashContact(ContactId{5}, "2026-01-04T00:00:00Z"));
    ASSERT_TRUE((*store)->SetSetting("cadence.tag.mentor", "30"));
    as_new = LabelAndJournalAnswers(**store);
    searched_as_new = Answers(**store);
  }
  TakeBackToVersion20(directory, path);
  sqlite3* handle = nullptr;

  {
    auto upgraded = OpenSqliteStore(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message;
    EXPECT_EQ(LabelAndJournalAnswers(**upgraded), as_new);
    EXPECT_EQ(Answers(**upgraded), searched_as_new);
    // A label in use is found by its folded text, of its own kind only.
    EXPECT_TRUE(*(*upgraded)->LabelInUse("skill", "ROCK climbing"));
    EXPECT_TRUE(*(*upgraded)->LabelInUse("tag", "cafe"));  // Ada's "Café"
    EXPECT_FALSE(*(*upgraded)->LabelInUse("interest", "cafe"));
    EXPECT_FALSE(*(*upgraded)->LabelInUse("colour", "jazz"));
    auto problems = (*upgraded)->CheckIntegrity();
    ASSERT_TRUE(problems);
    EXPECT_TRUE(problems->empty());
    // The journal goes on after the numbers it had, and a card deleted now
    // keeps its uid.
    const std::int64_t latest = *(*upgraded)->LatestChange();
    ASSERT_TRUE((*upgraded)->DeleteTrashedContacts());
    auto changes = (*upgraded)->ChangesAfter(latest, "", 10);
    ASSERT_TRUE(changes);
    ASSERT_EQ(changes->size(), 1U);
    EXPECT_GT(changes->front().sequence, latest);
    EXPECT_EQ(changes->front().uid, "u-In The Bin");
    EXPECT_FALSE(changes->front().member);
  }
  // A new default cadence for a tag marks its people, and only them, for
  // scoring again.
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, "DELETE FROM health_dirty;");
  sqlite3_close(handle);
  {
    auto upgraded = OpenSqliteStore(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message;
    ASSERT_TRUE((*upgraded)->SetSetting("cadence.tag.climbers", "7"));
    auto activity = (*upgraded)->ActivityOf({ContactId{2}}, Date{2026, 1, 1});
    ASSERT_TRUE(activity);
    ASSERT_EQ(activity->size(), 1U);
    EXPECT_EQ(activity->front().tag_cadence_days, 7);
  }
  // Each text is kept once; the journal keeps a uid only for the two
  // cards deleted for good.
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle,
                     "SELECT (SELECT count(*) FROM label_values), (SELECT count(*) FROM contact_changes "
                     "WHERE uid IS NOT NULL), (SELECT group_concat(contact_id) FROM health_dirty)",
                     -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  // mentor, Café, climbers, Rock Climbing, rock climbing, Rock climbing, go, jazz ("cafe"
  // left with John's edit, before the upgrade)
  EXPECT_EQ(sqlite3_column_int(statement, 0), 8);
  EXPECT_EQ(sqlite3_column_int(statement, 1), 2);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 2)), "2");
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

// Version 21 wrote each card's search key as its rowid and read the index
// backwards (ORDER BY rowid DESC); version 22 negates the rowids so FTS5
// reads forwards. An upgraded file answers every kind of query in the same
// order as a file written new, people met on the same day included.
TEST(Migrations, AVersion21FileUpgradesToForwardRowidsAndSearchesTheSame) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v21.db").string();
  std::vector<std::string> as_new;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    AddNamed(**store, "Ada Okafor", [](ContactFields& f) {
      f.company = "Acme Coffee";
      f.title = "Engineering lead";
      f.notes = "met over coffee in Chicago";
      f.tags = {"mentor"};
      f.met_on = Date{2024, 3, 1};
    });
    AddNamed(**store, "John Chicago", [](ContactFields& f) {
      f.emails = {"john555@example.com"};
      f.notes = "loves bouldering";
    });
    // Three people a day over a hundred days: ties are ordered by id.
    for (int n = 0; n < 300; ++n) {
      ContactFields fields;
      fields.display_name = "Person" + std::to_string(n) + (n % 3 == 0 ? " Okafor" : " Kovacs");
      fields.company = n % 2 == 0 ? "Acme" : "Globex";
      fields.notes = n % 5 == 0 ? "met over coffee in Chicago" : "";
      fields.met_on = Date{2020, 1, 1}.AddDays((n * 53) % 100);
      ASSERT_TRUE((*store)->InsertContact(fields, "u" + std::to_string(n), "2026-01-01T00:00:00Z"));
    }
    ASSERT_TRUE((*store)->TrashContact(ContactId{7}, "2026-01-02T00:00:00Z"));
    as_new = Answers(**store);
  }
  EXPECT_LT(RowidRange(path, "search_cards").second, 0);
  TakeSearchIndexBackToVersion21(path);
  EXPECT_GT(RowidRange(path, "search_names").first, 0);
  EXPECT_GT(RowidRange(path, "search_cards").first, 0);

  ExpectUpgradedAnswersAsNew(path, as_new);
  EXPECT_LT(RowidRange(path, "search_names").second, 0);
  EXPECT_LT(RowidRange(path, "search_cards").second, 0);
}

// Version 23 checks a label's kind by its range instead of an IN list that
// SQLite builds a table for on every row. A file taken back to version 22's
// table (the same copy, the old check) upgrades to the same labels, lists
// and journal, marks health on a new tag as before, and gives back the
// pages of the table it copied.
TEST(Migrations, AVersion22FileUpgradesToARangeCheckedLabelKindAndAnswersTheSame) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "v22.db").string();
  std::vector<std::string> as_new;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    for (int n = 0; n < 400; ++n) {
      AddNamed(**store, "Person" + std::to_string(n), [n](ContactFields& f) {
        f.tags = {n % 2 == 0 ? "mentor" : "Café", "climbers"};
        f.skills = {"Rock Climbing"};
        f.interests = {n % 3 == 0 ? "jazz" : "go"};
      });
    }
    as_new = LabelAndJournalAnswers(**store);
  }
  // Version 23's own step, with version 22's check and table name.
  std::string take_back(sqlite::Migrations().at(22).sql);
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"kind BETWEEN 0 AND 2", "kind IN (0, 1, 2)"},
        {"contact_labels_v23", "contact_labels_v22"}}) {
    ASSERT_NE(take_back.find(from), std::string::npos) << from;
    for (auto at = take_back.find(from); at != std::string::npos; at = take_back.find(from, at + to.size())) {
      take_back.replace(at, from.size(), to);
    }
  }
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  Exec(handle, "BEGIN; " + take_back +
                   " PRAGMA user_version = 22; COMMIT; PRAGMA incremental_vacuum; DELETE FROM health_dirty;");
  sqlite3_close(handle);
  {
    auto upgraded = OpenSqliteStore(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message;
    EXPECT_EQ(LabelAndJournalAnswers(**upgraded), as_new);
    auto problems = (*upgraded)->CheckIntegrity();
    ASSERT_TRUE(problems);
    EXPECT_TRUE(problems->empty());
    ContactFields tagged = *(*upgraded)->GetContact(ContactId{3});
    tagged.tags.emplace_back("new tag");
    ASSERT_TRUE((*upgraded)->UpdateContact(ContactId{3}, tagged, "2026-01-02T00:00:00Z"));
  }
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(
      handle,
      "SELECT (SELECT group_concat(contact_id) FROM health_dirty), (SELECT freelist_count FROM "
      "pragma_freelist_count), (SELECT sql LIKE '%BETWEEN 0 AND 2%' FROM sqlite_master WHERE name = "
      "'contact_labels'), (SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
      "WHERE tbl_name IN ('contact_labels', 'settings') AND sql IS NOT NULL AND type IN ('index', "
      "'trigger') ORDER BY name))",
      -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "3");
  EXPECT_EQ(sqlite3_column_int(statement, 1), 0);
  EXPECT_EQ(sqlite3_column_int(statement, 2), 1);
  // The table's index and triggers, and those on settings that name it, made again.
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3)),
               "contact_labels_by_value health_on_tag_cadence_delete health_on_tag_cadence_insert "
               "health_on_tag_cadence_update health_on_tag_delete health_on_tag_insert health_on_tag_update");
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

// What the upgrade notices said (a listener is a plain function: no capture).
std::vector<std::string>& Notices() {
  static std::vector<std::string> notices;
  return notices;
}

// A file of `people` cards at version 21, whose upgrade lays the index out again.
std::string Version21FileOf(const testing::TempDirectory& directory, int people) {
  const std::string path = (directory.path() / ("v21-" + std::to_string(people) + ".db")).string();
  {
    auto store = OpenSqliteStore(path);
    EXPECT_TRUE(store) << store.error().message;
    std::vector<ContactFields> cards(static_cast<std::size_t>(people));
    std::vector<std::string> uids;
    for (int n = 0; n < people; ++n) {
      cards[static_cast<std::size_t>(n)].display_name = "Person" + std::to_string(n);
      uids.push_back("u" + std::to_string(n));
    }
    auto transaction = (*store)->BeginBulk();
    EXPECT_TRUE(transaction);
    EXPECT_TRUE((*store)->InsertContacts(cards, uids, "2026-01-01T00:00:00Z"));
    EXPECT_TRUE(transaction->Commit());
  }
  TakeSearchIndexBackToVersion21(path);
  return path;
}

// An upgrade that indexes ten thousand people again says so before it
// starts, naming the file and how many; a small file's is over too soon
// to be worth a word.
TEST(Migrations, ALongIndexRebuildIsAnnouncedBeforeItStarts) {
  testing::TempDirectory directory;
  const std::string large = Version21FileOf(directory, 10000);
  const std::string small = Version21FileOf(directory, 3);
  Notices().clear();
  SetUpgradeNotice([](std::string_view message) { Notices().emplace_back(message); });
  EXPECT_TRUE(OpenSqliteStore(small));
  EXPECT_TRUE(Notices().empty());
  EXPECT_TRUE(OpenSqliteStore(large));
  EXPECT_TRUE(OpenSqliteStore(large));  // already upgraded: nothing to say
  SetUpgradeNotice(nullptr);
  ASSERT_EQ(Notices().size(), 1U);
  EXPECT_NE(Notices()[0].find(large), std::string::npos) << Notices()[0];
  EXPECT_NE(Notices()[0].find("10000 people"), std::string::npos) << Notices()[0];
  EXPECT_NE(Notices()[0].find("version " + std::to_string(CurrentSchemaVersion())), std::string::npos)
      << Notices()[0];
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
