// The JSON backup carries the relationship loop: a database with events,
// meetings, facts, reminders, a cadence and a post, exported and imported
// into an empty one, briefs and plans the day the same way.
#include "app/restore_backup.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/contacts.h"
#include "app/relationships.h"
#include "app/transfer.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

std::string Text(const std::optional<Date>& date) { return date ? date->ToIso() : "-"; }

class RelationshipBackup : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  void SetUp() override {
    Context& context = source_.context();
    ASSERT_TRUE(AddEvent(context, EventFields{"RustConf", Date{2026, 11, 20}, "Portland", "hallway track"}));
    auto met = RecordMet(context, {"Ada Okafor", "Bo Chen"}, "RustConf", Date{2026, 11, 20});
    ASSERT_TRUE(met) << met.error().message;
    ASSERT_EQ(met->size(), 2U);
    people_ = {met->at(0).contact, met->at(1).contact};
    const Contact& ada = people_[0];
    const Contact& bo = people_[1];

    LogRequest coffee;
    coffee.contact = ada.id;
    coffee.kind = InteractionKind::kCoffee;
    coffee.on = Date{2026, 11, 24};
    coffee.summary = "Talked about her studio";
    coffee.they_talked = 65;
    Fact hometown;
    hometown.kind = FactKind::kPersonal;
    hometown.key = "hometown";
    hometown.value = "Plzeň";
    Fact goal;
    goal.kind = FactKind::kProfessional;
    goal.key = "goal";
    goal.value = "Open a studio";
    coffee.facts = {hometown, goal};
    coffee.promise = "send the deck";
    auto logged = LogInteraction(context, coffee);
    ASSERT_TRUE(logged) << logged.error().message;
    LogRequest note;
    note.contact = bo.id;
    note.kind = InteractionKind::kNote;
    note.on = Date{2026, 11, 25};
    note.summary = "climbs on weekends";
    ASSERT_TRUE(LogInteraction(context, note));

    auto reminders = RemindersOf(context, bo.id);
    ASSERT_TRUE(reminders);
    ASSERT_FALSE(reminders->empty());
    ASSERT_EQ(reminders->front().kind, ReminderKind::kFollowUp);
    ASSERT_TRUE(SnoozeReminder(context, reminders->front().id, Date{2026, 11, 28}));
    ASSERT_TRUE(AddReminder(context, bo.id, Date{2026, 12, 3}, "ask about the climbing trip"));
    ASSERT_TRUE(SetFact(context, bo.id, FactKind::kPersonal, "hobby", "climbing"));
    ASSERT_TRUE(SetCadence(context, ada.id, 45));
    ASSERT_TRUE(AddPost(context, PostFields{"linkedin", "https://www.linkedin.com/posts/1",
                                            "SQLite at the edge", Date{2026, 11, 25}}));
  }

  // Exports the source as JSON into a file, once.
  std::string Backup() {
    std::string path = (files_.path() / "backup.json").string();
    if (!std::filesystem::exists(path)) {
      ExportRequest request;
      request.format = ExportFormat::kJson;
      request.output = path;
      std::ostringstream unused;
      auto count = ExportContacts(source_.context(), request, unused);
      EXPECT_TRUE(count) << count.error().message;
    }
    return path;
  }

  static Result<ImportSummary> Import(testing::TestWorld& world, const std::string& path) {
    ImportRequest request;
    request.path = path;
    return ImportContacts(world.context(), request);
  }

  static ContactId IdOf(testing::TestWorld& world, const std::string& uid) {
    auto ids = world.store().FindContactIds(ContactKey::kUid, uid);
    EXPECT_TRUE(ids && ids->size() == 1) << uid;
    return ids && !ids->empty() ? ids->front() : ContactId{};
  }

  // What a person has, rendered without this database's ids, so two
  // databases can be compared.
  static std::vector<std::string> InteractionsLines(testing::TestWorld& world, ContactId id) {
    auto interactions = world.store().InteractionsOf(id, 100);
    EXPECT_TRUE(interactions);
    std::vector<std::string> lines;
    for (const auto& interaction : interactions.value_or(std::vector<Interaction>{})) {
      lines.push_back(std::string(InteractionKindName(interaction.kind)) + " " + interaction.on.ToIso() +
                      " '" + interaction.summary + "' " +
                      (interaction.they_talked ? std::to_string(*interaction.they_talked) : "-"));
    }
    return lines;
  }

  static std::vector<std::string> FactsLines(testing::TestWorld& world, ContactId id) {
    auto facts = world.store().FactsOf(id);
    EXPECT_TRUE(facts);
    std::vector<std::string> lines;
    for (const auto& fact : facts.value_or(std::vector<Fact>{})) {
      std::string from = "-";
      if (fact.interaction) {
        auto interactions = world.store().InteractionsOf(id, 100);
        for (const auto& interaction : interactions.value_or(std::vector<Interaction>{})) {
          if (interaction.id == *fact.interaction) from = interaction.summary;
        }
      }
      lines.push_back(std::string(FactKindName(fact.kind)) + ":" + fact.key + "=" + fact.value + " " +
                      fact.learned_on.ToIso() + " from '" + from + "'");
    }
    return lines;
  }

  static std::vector<std::string> RemindersLines(testing::TestWorld& world, ContactId id) {
    auto reminders = world.store().RemindersOf(id);
    EXPECT_TRUE(reminders);
    std::vector<std::string> lines;
    for (const auto& reminder : reminders.value_or(std::vector<Reminder>{})) {
      std::string event = "-";
      if (reminder.event) event = world.store().GetEvent(*reminder.event).value_or(Event{}).name;
      lines.push_back(std::string(ReminderKindName(reminder.kind)) + " due " + reminder.due.ToIso() +
                      " snoozed " + Text(reminder.snoozed_until) + " '" + reminder.note + "' " +
                      std::string(ReminderStateName(reminder.state)) + " closed " + Text(reminder.closed_on) +
                      " event " + event + " created " + reminder.created_on.ToIso());
    }
    return lines;
  }

  static std::vector<std::string> Events(testing::TestWorld& world) {
    auto events = ListEvents(world.context(), 100);
    EXPECT_TRUE(events);
    std::vector<std::string> lines;
    for (const auto& summary : events.value_or(std::vector<EventSummary>{})) {
      const Event& event = summary.event;
      lines.push_back(event.name + " " + event.on.ToIso() + " " + event.place + " '" + event.notes +
                      "' met " + std::to_string(summary.met) + " followed up " +
                      std::to_string(summary.followed_up));
    }
    return lines;
  }

  static std::vector<std::string> Posts(testing::TestWorld& world) {
    auto posts = ListPosts(world.context(), 100);
    EXPECT_TRUE(posts);
    std::vector<std::string> lines;
    for (const auto& post : posts.value_or(std::vector<Post>{})) {
      lines.push_back(post.channel + " " + post.url + " '" + post.topic + "' " + post.on.ToIso());
    }
    return lines;
  }

  static std::vector<std::string> AgendaOn(testing::TestWorld& world, Date day) {
    const FixedClock clock(day);
    Context context{world.store(), clock, "US"};
    auto agenda = Today(context);
    EXPECT_TRUE(agenda) << agenda.error().message;
    std::vector<std::string> lines;
    for (const auto& entry : agenda.value_or(DayAgenda{}).entries) {
      const AgendaItem& item = entry.item;
      lines.push_back(std::to_string(static_cast<int>(item.kind)) + " " + item.name + " " + item.due.ToIso() +
                      " " + std::to_string(item.days_overdue) + " " + item.text);
    }
    return lines;
  }

  static std::vector<std::string> BriefFacts(testing::TestWorld& world, ContactId id) {
    auto brief = BriefFor(world.context(), id);
    EXPECT_TRUE(brief) << brief.error().message;
    std::vector<std::string> lines;
    if (!brief) return lines;
    for (const auto* facts : {&brief->personal, &brief->professional, &brief->goals}) {
      for (const auto& fact : *facts) lines.push_back(fact.key + "=" + fact.value);
      lines.emplace_back("|");
    }
    lines.push_back("days since contact " +
                    (brief->days_since_contact ? std::to_string(*brief->days_since_contact) : "-"));
    return lines;
  }

  // Everything the relationship loop keeps, in both databases, alike.
  void ExpectSameAsSource(testing::TestWorld& target) {
    EXPECT_EQ(Events(target), Events(source_));
    EXPECT_EQ(Posts(target), Posts(source_));
    for (const Contact& person : people_) {
      SCOPED_TRACE(person.display_name);
      const ContactId restored = IdOf(target, person.uid);
      EXPECT_EQ(InteractionsLines(target, restored), InteractionsLines(source_, person.id));
      EXPECT_EQ(FactsLines(target, restored), FactsLines(source_, person.id));
      EXPECT_EQ(RemindersLines(target, restored), RemindersLines(source_, person.id));
      EXPECT_EQ(target.store().CadenceOf(restored).value_or(std::nullopt),
                source_.store().CadenceOf(person.id).value_or(std::nullopt));
      EXPECT_EQ(target.store().GetContact(restored)->last_contact,
                source_.store().GetContact(person.id)->last_contact);
      EXPECT_EQ(BriefFacts(target, restored), BriefFacts(source_, person.id));
    }
    for (const Date day : {kToday, Date{2026, 11, 28}, Date{2026, 12, 4}, Date{2027, 2, 1}}) {
      EXPECT_EQ(AgendaOn(target, day), AgendaOn(source_, day)) << day.ToIso();
    }
  }

  testing::TestWorld source_{GetParam(), kToday};
  testing::TempDirectory files_;
  std::vector<Contact> people_;
};

KITH_ON_BOTH_STORES(RelationshipBackup);

TEST_P(RelationshipBackup, TheSourceHasEverythingTheTestChecks) {
  const ContactId bo = people_[1].id;
  const auto reminders = RemindersLines(source_, bo);
  ASSERT_EQ(reminders.size(), 2U);
  EXPECT_NE(reminders[0].find("snoozed 2026-11-28"), std::string::npos) << reminders[0];
  EXPECT_EQ(FactsLines(source_, people_[0].id).size(), 2U);
  EXPECT_EQ(source_.store().CadenceOf(people_[0].id).value_or(std::nullopt), 45);
  EXPECT_FALSE(AgendaOn(source_, Date{2026, 12, 4}).empty());
}

TEST_P(RelationshipBackup, RestoresEveryTableIntoAnEmptyDatabase) {
  testing::TestWorld target{GetParam(), kToday};
  auto summary = Import(target, Backup());
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 2);
  ExpectSameAsSource(target);
}

TEST_P(RelationshipBackup, RestoringTwiceAddsNothingTheSecondTime) {
  testing::TestWorld target{GetParam(), kToday};
  ASSERT_TRUE(Import(target, Backup()));
  auto again = Import(target, Backup());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->added, 0);
  ExpectSameAsSource(target);
}

TEST_P(RelationshipBackup, AnEventOfTheSameNameIsReused) {
  testing::TestWorld target{GetParam(), kToday};
  ASSERT_TRUE(AddEvent(target.context(), EventFields{"rustconf", Date{2026, 11, 20}, "", ""}));
  ASSERT_TRUE(Import(target, Backup()));
  auto events = ListEvents(target.context(), 10);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1U);
  const ContactId bo = IdOf(target, people_[1].uid);
  const auto reminders = RemindersLines(target, bo);
  ASSERT_FALSE(reminders.empty());
  EXPECT_NE(reminders[0].find("event rustconf"), std::string::npos) << reminders[0];
}

TEST_P(RelationshipBackup, ALaterLastContactHereIsKept) {
  testing::TestWorld target{GetParam(), kToday};
  ContactFields ada;
  ada.display_name = "Ada Okafor";
  auto added = target.store().InsertContact(ada, people_[0].uid, "2026-11-26T12:00:00Z");
  ASSERT_TRUE(added) << added.error().message;
  ASSERT_TRUE(target.store().SetLastContact(added->id, kToday));
  ASSERT_TRUE(Import(target, Backup()));
  EXPECT_EQ(target.store().GetContact(added->id)->last_contact, kToday);
}

class RestoreFailure : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  std::string Write(const std::string& text) {
    std::string path = (files_.path() / "backup.json").string();
    std::ofstream(path) << text;
    return path;
  }

  // The target before and after a failed import: its one contact and nothing else.
  void ExpectUntouched() {
    EXPECT_EQ(target_.store().CountContacts(ListQuery{}).value_or(-1), 1);
    EXPECT_TRUE(target_.store().AllEvents()->empty());
    EXPECT_TRUE(target_.store().InteractionsAfter(InteractionId{0}, 10)->empty());
    EXPECT_TRUE(target_.store().RemindersAfter(ReminderId{0}, 10)->empty());
    EXPECT_TRUE(target_.store().ListPosts(10)->empty());
  }

  void SetUp() override {
    ContactFields cy;
    cy.display_name = "Cy Twombly";
    ASSERT_TRUE(AddContact(target_.context(), cy));
    ExpectUntouched();
  }

  Error ImportError(const std::string& text) {
    ImportRequest request;
    request.path = Write(text);
    auto summary = ImportContacts(target_.context(), request);
    EXPECT_FALSE(summary);
    return summary ? Error{} : summary.error();
  }

  testing::TestWorld target_{GetParam(), kToday};
  testing::TempDirectory files_;
};

KITH_ON_BOTH_STORES(RestoreFailure);

TEST_P(RestoreFailure, ARowNamingAnUnknownPersonNamesTheRowAndWritesNothing) {
  const Error error = ImportError(R"({"format": "kith", "version": 1,
    "contacts": [{"uid": "uid-ada", "name": "Ada Okafor"}],
    "events": [{"id": 1, "name": "RustConf", "on": "2026-11-20"}],
    "interactions": [{"id": 1, "contact_uid": "uid-ada", "kind": "call", "on": "2026-11-24"},
                     {"id": 2, "contact_uid": "uid-nobody", "kind": "call", "on": "2026-11-25"}],
    "posts": [{"id": 1, "channel": "blog", "on": "2026-11-25"}]})");
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_NE(error.message.find("interactions[1]: no contact with uid 'uid-nobody'"), std::string::npos)
      << error.message;
  ExpectUntouched();
}

TEST_P(RestoreFailure, AReminderPointingAtAnEventNotInTheBackupWritesNothing) {
  const Error error = ImportError(R"({"contacts": [{"uid": "uid-ada", "name": "Ada Okafor"}],
    "reminders": [{"contact_uid": "uid-ada", "kind": "follow-up", "due": "2026-11-21", "state": "open",
                   "event_id": 7, "created_on": "2026-11-20"}]})");
  EXPECT_NE(error.message.find("reminders[0]: no event with id 7 in the backup"), std::string::npos)
      << error.message;
  ExpectUntouched();
}

TEST_P(RestoreFailure, AFactPointingAtAnInteractionNotInTheBackupWritesNothing) {
  const Error error = ImportError(R"({"contacts": [{"uid": "uid-ada", "name": "Ada Okafor"}],
    "facts": [{"contact_uid": "uid-ada", "kind": "personal", "key": "hometown", "value": "Plzeň",
               "learned_on": "2026-11-20", "interaction_id": 3}]})");
  EXPECT_NE(error.message.find("facts[0]: no interaction with id 3 in the backup"), std::string::npos)
      << error.message;
  ExpectUntouched();
}

}  // namespace
}  // namespace kith
