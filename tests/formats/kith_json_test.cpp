#include "formats/kith_json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kith {
namespace {

Contact RichContact() {
  Contact contact;
  contact.id = ContactId{7};
  contact.uid = "0b9f6a52-2c1e-4d0e-9d47-3f0c8a1b2c3d";
  contact.display_name = "Inés García-Núñez";
  contact.given_name = "Inés";
  contact.family_name = "García-Núñez";
  contact.company = "Fundación \"Luz\"";
  contact.title = "Program Officer, Grants";
  contact.emails = {"ines@example.org"};
  contact.phones = {Phone{"+34 600 555 010", "+34600555010"}};
  contact.website = "https://ines.example.org";
  contact.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ines", true, false, Date{2025, 9, 2}}};
  contact.city = "Madrid";
  contact.met_at = "EuroPython";
  contact.met_on = Date{2025, 7, 14};
  contact.tags = {"grants"};
  contact.skills = {"fundraising"};
  contact.interests = {"flamenco"};
  contact.open_to_opportunities = true;
  contact.open_since = Date{2026, 1, 5};
  contact.notes = "Two lines\nof notes";
  contact.custom = {CustomField{"Birthday", "--04-12"}};
  contact.photo = "data:image/jpeg;base64,/9j/4AAQ";
  contact.vcard_properties = {"RELATED;TYPE=spouse;VALUE=text:Luis"};
  contact.nickname = "Ine";
  contact.role = "Reviewer";
  contact.departments = {"Grants"};
  contact.birthday = PartialDate{std::nullopt, 4, 12};
  contact.anniversary = PartialDate{2015, 6, 1};
  contact.addresses = {
      Address{{"work"}, 1, "Sede", "", "", "Calle Mayor 1", "Madrid", "", "28013", "Spain", ""}};
  contact.addresses[0].delivery_label = "Sede\nCalle Mayor 1\n28013 Madrid";
  contact.value_types = {ValueType{"EMAIL", "ines@example.org", {"work"}, 1, "Oficina"},
                         ValueType{"TEL", "+34 600 555 010", {"cell"}, 0, ""},
                         ValueType{"URL", "https://ines.example.org", {"home"}, 0, "Blog"}};
  return contact;
}

TEST(KithJson, ExportThenReadGivesBackEveryField) {
  const Contact contact = RichContact();
  const std::vector<JobChange> changes = {JobChange{Date{2026, 3, 1}, "Connections.csv", "A", "B", "C", "D"}};
  std::stringstream stream;
  KithJsonWriter writer(stream, "2026-11-26T12:00:00Z");
  writer.Write(contact, changes);
  writer.Write(contact, {});
  writer.End({});
  std::vector<ImportRecord> records;
  auto read = ReadKithJson(stream, [&](ImportRecord&& record) {
    records.push_back(std::move(record));
    return Ok();
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(records.size(), 2U);
  ContactFields expected = contact;
  for (auto& phone : expected.phones) phone.e164.clear();  // recomputed on import
  EXPECT_EQ(records[0].fields, expected);
  EXPECT_EQ(records[0].uid, contact.uid);
  EXPECT_EQ(records[0].job_changes, changes);
  EXPECT_TRUE(records[1].job_changes.empty());
}

TEST(KithJson, ReadsABareListAsListJsonPrintsIt) {
  std::istringstream in(R"([{"name": "Ada Okafor", "emails": ["ada@acme.com"]}])");
  std::vector<ImportRecord> records;
  ASSERT_TRUE(ReadKithJson(in, [&](ImportRecord&& record) {
    records.push_back(std::move(record));
    return Ok();
  }));
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].fields.display_name, "Ada Okafor");
}

Error ReadError(const std::string& text) {
  std::istringstream in(text);
  auto read = ReadKithJson(in, [](ImportRecord&&) { return Ok(); });
  EXPECT_FALSE(read);
  return read ? Error{} : read.error();
}

TEST(KithJson, MalformedJsonNamesTheLine) {
  const Error error = ReadError("{\"contacts\": [\n{\"name\": \"Ada\",}\n]}");
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_NE(error.message.find("line 2"), std::string::npos) << error.message;
}

TEST(KithJson, NestingPastTheLimitIsRefused) {
  const std::string deep = std::string(200, '[') + std::string(200, ']');
  const Error error = ReadError(R"({"contacts": [{"name": "Ada", "custom": )" + deep + "}]}");
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_EQ(error.message, "the JSON nests deeper than 64 levels");
}

TEST(KithJson, WrongTypesAndBadDatesNameTheContactAndKey) {
  EXPECT_EQ(ReadError(R"({"contacts": [{"name": "A"}, {"name": 42}]})").message,
            "contact 2: 'name' should be text");
  EXPECT_EQ(ReadError(R"([{"name": "A", "met_on": "2026-02-30"}])").message,
            "contact 1: 'met_on' 2026-02-30: February 2026 has 28 days");
  EXPECT_EQ(ReadError(R"({"people": []})").message, "not a kith export: no \"contacts\" list");
}

// One of each relationship row, with every optional value set somewhere and
// left empty somewhere else.
KithBackupTables RelationshipTables() {
  KithBackupTables tables;
  Event event;
  event.id = EventId{4};
  event.name = "RustConf";
  event.on = Date{2026, 11, 20};
  event.place = "Portland";
  event.notes = "hallway track";
  tables.events = {event};
  Interaction coffee;
  coffee.id = InteractionId{9};
  coffee.kind = InteractionKind::kCoffee;
  coffee.on = Date{2026, 11, 24};
  coffee.summary = "Talked about \"studios\"";
  coffee.they_talked = 60;
  Interaction note;
  note.id = InteractionId{11};
  note.kind = InteractionKind::kNote;
  note.on = Date{2026, 11, 25};
  tables.interactions = {BackupInteraction{coffee, "uid-ada"}, BackupInteraction{note, "uid-bo"}};
  Fact hometown;
  hometown.id = FactId{2};
  hometown.kind = FactKind::kPersonal;
  hometown.key = "hometown";
  hometown.value = "Plzeň";
  hometown.learned_on = Date{2026, 11, 24};
  hometown.interaction = InteractionId{9};
  Fact goal = hometown;
  goal.id = FactId{3};
  goal.kind = FactKind::kProfessional;
  goal.key = "goal";
  goal.value = "Open a studio";
  goal.interaction = std::nullopt;
  tables.facts = {BackupFact{hometown, "uid-ada"}, BackupFact{goal, "uid-ada"}};
  Reminder follow_up;
  follow_up.id = ReminderId{5};
  follow_up.kind = ReminderKind::kFollowUp;
  follow_up.due = Date{2026, 11, 21};
  follow_up.snoozed_until = Date{2026, 11, 28};
  follow_up.note = "write to say it was good to meet at RustConf";
  follow_up.event = EventId{4};
  follow_up.created_on = Date{2026, 11, 20};
  Reminder custom;
  custom.id = ReminderId{6};
  custom.kind = ReminderKind::kCustom;
  custom.due = Date{2026, 12, 1};
  custom.note = "send the deck";
  custom.state = ReminderState::kDone;
  custom.closed_on = Date{2026, 11, 26};
  custom.created_on = Date{2026, 11, 24};
  tables.reminders = {BackupReminder{follow_up, "uid-bo"}, BackupReminder{custom, "uid-ada"}};
  tables.cadences = {BackupCadence{"uid-ada", 45}};
  Post post;
  post.id = PostId{1};
  post.channel = "linkedin";
  post.url = "https://www.linkedin.com/posts/1";
  post.topic = "SQLite at the edge";
  post.on = Date{2026, 11, 25};
  tables.posts = {post};
  return tables;
}

Result<KithBackupTables> ReadTables(const std::string& text) {
  std::istringstream in(text);
  return ReadKithJson(in, [](ImportRecord&&) { return Ok(); });
}

void ExpectSameRelationshipTables(const KithBackupTables& read, const KithBackupTables& written) {
  ASSERT_EQ(read.events.size(), written.events.size());
  for (std::size_t i = 0; i < written.events.size(); ++i) {
    EXPECT_EQ(read.events[i].id, written.events[i].id);
    EXPECT_EQ(static_cast<const EventFields&>(read.events[i]), written.events[i]);
  }
  ASSERT_EQ(read.interactions.size(), written.interactions.size());
  for (std::size_t i = 0; i < written.interactions.size(); ++i) {
    EXPECT_EQ(read.interactions[i].interaction.id, written.interactions[i].interaction.id);
    EXPECT_EQ(static_cast<const InteractionFields&>(read.interactions[i].interaction),
              written.interactions[i].interaction);
    EXPECT_EQ(read.interactions[i].contact_uid, written.interactions[i].contact_uid);
  }
  ASSERT_EQ(read.facts.size(), written.facts.size());
  for (std::size_t i = 0; i < written.facts.size(); ++i) {
    EXPECT_EQ(read.facts[i].fact, written.facts[i].fact);
    EXPECT_EQ(read.facts[i].contact_uid, written.facts[i].contact_uid);
  }
  ASSERT_EQ(read.reminders.size(), written.reminders.size());
  for (std::size_t i = 0; i < written.reminders.size(); ++i) {
    EXPECT_EQ(read.reminders[i].reminder, written.reminders[i].reminder);
    EXPECT_EQ(read.reminders[i].contact_uid, written.reminders[i].contact_uid);
  }
  EXPECT_EQ(read.cadences, written.cadences);
  ASSERT_EQ(read.posts.size(), written.posts.size());
  for (std::size_t i = 0; i < written.posts.size(); ++i) {
    EXPECT_EQ(read.posts[i].id, written.posts[i].id);
    EXPECT_EQ(static_cast<const PostFields&>(read.posts[i]), written.posts[i]);
  }
}

TEST(KithJson, RelationshipTablesPassedToEndComeBack) {
  const KithBackupTables written = RelationshipTables();
  std::stringstream stream;
  KithJsonWriter writer(stream, "2026-11-26T12:00:00Z");
  writer.Write(RichContact(), {});
  writer.End(written);
  auto read = ReadTables(stream.str());
  ASSERT_TRUE(read) << read.error().message << "\n" << stream.str();
  ExpectSameRelationshipTables(*read, written);
}

TEST(KithJson, RelationshipRowsStreamedOneByOneComeBack) {
  KithBackupTables written = RelationshipTables();
  std::stringstream stream;
  KithJsonWriter writer(stream, "2026-11-26T12:00:00Z");
  writer.Write(RichContact(), {});
  for (const auto& row : written.interactions) writer.Write(row);
  // Facts left out: the reminders follow the interactions directly.
  for (const auto& row : written.reminders) writer.Write(row);
  KithBackupTables rest = written;
  rest.interactions.clear();
  rest.facts.clear();
  rest.reminders.clear();
  writer.End(rest);
  auto read = ReadTables(stream.str());
  ASSERT_TRUE(read) << read.error().message << "\n" << stream.str();
  written.facts.clear();
  ExpectSameRelationshipTables(*read, written);
}

TEST(KithJson, ABackupWithoutContactsStillHasEveryTable) {
  std::stringstream stream;
  KithJsonWriter writer(stream, "2026-11-26T12:00:00Z");
  writer.End(RelationshipTables());
  auto read = ReadTables(stream.str());
  ASSERT_TRUE(read) << read.error().message << "\n" << stream.str();
  ExpectSameRelationshipTables(*read, RelationshipTables());
}

TEST(KithJson, ABackupFromBeforeTheRelationshipTablesStillReads) {
  auto read = ReadTables(
      R"({"format": "kith", "version": 1, "contacts": [{"name": "Ada"}], "opportunities": [], "ledger": [],)"
      R"( "settings": {"profile.name": "Sam"}})");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->events.empty());
  EXPECT_TRUE(read->interactions.empty());
  EXPECT_TRUE(read->facts.empty());
  EXPECT_TRUE(read->reminders.empty());
  EXPECT_TRUE(read->cadences.empty());
  EXPECT_TRUE(read->posts.empty());
  EXPECT_EQ(read->settings.size(), 1U);
}

std::string WithRow(const std::string& table, const std::string& rows) {
  return R"({"contacts": [], ")" + table + "\": " + rows + "}";
}

TEST(KithJson, AnUnknownInteractionKindNamesTheArrayAndIndex) {
  const Error error = ReadError(
      WithRow("interactions", R"([{"id": 1, "contact_uid": "a", "kind": "coffee", "on": "2026-11-01"},)"
                              R"( {"id": 2, "contact_uid": "a", "kind": "lunch", "on": "2026-11-02"}])"));
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_EQ(error.message, "interactions[1]: 'kind' 'lunch' is not one kith knows");
}

TEST(KithJson, ATalkShareOutsideAHundredIsRefused) {
  EXPECT_EQ(ReadError(WithRow("interactions", R"([{"id": 1, "contact_uid": "a", "kind": "call",)"
                                              R"( "on": "2026-11-01", "they_talked": 140}])"))
                .message,
            "interactions[0]: 'they_talked' 140 is not a share between 0 and 100");
}

TEST(KithJson, AMissingKeyNamesTheRowAndKey) {
  EXPECT_EQ(ReadError(WithRow("facts", R"([{"contact_uid": "a", "kind": "personal", "key": "hometown",)"
                                       R"( "learned_on": "2026-11-01"}])"))
                .message,
            "facts[0]: 'value' is missing");
}

TEST(KithJson, ABadReminderDateNamesTheRowAndKey) {
  EXPECT_EQ(ReadError(WithRow("reminders", R"([{"contact_uid": "a", "kind": "custom", "due": "2026-02-30",)"
                                           R"( "state": "open", "created_on": "2026-01-01"}])"))
                .message,
            "reminders[0]: 'due' 2026-02-30: February 2026 has 28 days");
}

TEST(KithJson, AnUnknownReminderStateIsRefused) {
  EXPECT_EQ(ReadError(WithRow("reminders", R"([{"contact_uid": "a", "kind": "custom", "due": "2026-02-03",)"
                                           R"( "state": "later", "created_on": "2026-01-01"}])"))
                .message,
            "reminders[0]: 'state' 'later' is not one kith knows");
}

TEST(KithJson, ACadenceBelowOneDayIsRefused) {
  EXPECT_EQ(ReadError(WithRow("cadences", R"([{"contact_uid": "a", "days": 0}])")).message,
            "cadences[0]: 'days' 0 is not a number of days");
}

TEST(KithJson, AnInteractionIdUsedTwiceIsRefused) {
  EXPECT_EQ(ReadError(WithRow("interactions",
                              R"([{"id": 3, "contact_uid": "a", "kind": "call", "on": "2026-11-01"},)"
                              R"( {"id": 3, "contact_uid": "b", "kind": "call", "on": "2026-11-01"}])"))
                .message,
            "interactions[1]: 'id' 3 is used twice");
}

TEST(KithJson, ARelationshipTableThatIsNotAListIsRefused) {
  EXPECT_EQ(ReadError(WithRow("posts", "{}")).message, "\"posts\" should be a list");
}

}  // namespace
}  // namespace kith
