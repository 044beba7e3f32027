// The relationship loop end to end on a real store, with the date pinned and
// moved by hand: follow-ups, meetings, facts, cadences, reminders, health,
// the brief, the agenda and the calendar.
#include "app/relationships.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/contacts.h"
#include "app/person_overview.h"
#include "app/relationship_json.h"
#include "app/transfer.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

class RelationshipApp : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  Context& context() { return world_.context(); }

  // The same database on another day.
  Context On(const Date& day) {
    clocks_.push_back(std::make_unique<FixedClock>(day));
    return Context{world_.store(), *clocks_.back(), "US"};
  }

  Contact Met(const std::string& name, const std::string& event, Date on, const std::string& email = "") {
    ContactFields fields;
    fields.display_name = name;
    fields.met_at = event;
    fields.met_on = on;
    if (!email.empty()) fields.emails = {email};
    auto contact = AddContact(context(), fields);
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? *contact : Contact{};
  }

  static std::vector<AgendaItem> Of(const std::vector<AgendaItem>& agenda, AgendaItemKind kind) {
    std::vector<AgendaItem> items;
    std::copy_if(agenda.begin(), agenda.end(), std::back_inserter(items),
                 [&](const AgendaItem& item) { return item.kind == kind; });
    return items;
  }

  std::vector<AgendaItem> AgendaOn(const Date& day) {
    Context later = On(day);
    auto agenda = Today(later);
    EXPECT_TRUE(agenda) << agenda.error().message;
    std::vector<AgendaItem> items;
    if (agenda) {
      for (const auto& entry : agenda->entries) items.push_back(entry.item);
    }
    return items;
  }

  bool OpenFollowUpIsStillThere(ContactId id) {
    auto reminders = world_.store().RemindersOf(id);
    return reminders && std::any_of(reminders->begin(), reminders->end(), [](const Reminder& reminder) {
             return reminder.kind == ReminderKind::kFollowUp && reminder.state == ReminderState::kOpen;
           });
  }

  testing::TestWorld world_{GetParam(), kToday};
  std::vector<std::unique_ptr<FixedClock>> clocks_;
};

KITH_ON_BOTH_STORES(RelationshipApp);

TEST_P(RelationshipApp, SomeoneMetGetsAFollowUpDueTheNextDayNotBefore) {
  const Contact ada = Met("Ada Okafor", "RustConf", kToday);
  auto reminders = RemindersOf(context(), ada.id);
  ASSERT_TRUE(reminders);
  ASSERT_EQ(reminders->size(), 1U);
  EXPECT_EQ(reminders->front().kind, ReminderKind::kFollowUp);
  EXPECT_EQ(reminders->front().due, (Date{2026, 11, 27}));

  EXPECT_TRUE(Of(AgendaOn(kToday), AgendaItemKind::kFollowUp).empty()) << "not due on the day you met";
  const auto due = Of(AgendaOn(Date{2026, 11, 27}), AgendaItemKind::kFollowUp);
  ASSERT_EQ(due.size(), 1U);
  EXPECT_EQ(due.front().days_overdue, 0);
  const auto late = Of(AgendaOn(Date{2026, 11, 30}), AgendaItemKind::kFollowUp);
  ASSERT_EQ(late.size(), 1U);
  EXPECT_EQ(late.front().days_overdue, 3);
  EXPECT_NE(late.front().text.find("3 days overdue"), std::string::npos) << late.front().text;
}

TEST_P(RelationshipApp, AnOldMeetingDoesNotFloodTheAgenda) {
  const Contact old = Met("Old Friend", "", Date{2019, 5, 1});
  auto reminders = RemindersOf(context(), old.id);
  ASSERT_TRUE(reminders);
  EXPECT_TRUE(reminders->empty());
}

TEST_P(RelationshipApp, MetCreatesOrFindsPeopleAndTheEventReportsTheFollowUpRate) {
  ContactFields known;
  known.display_name = "Grace Hopper";
  ASSERT_TRUE(AddContact(context(), known));
  auto met = RecordMet(context(), {"Grace Hopper", "Linus Lee"}, "Systems Meetup", std::nullopt);
  ASSERT_TRUE(met) << met.error().message;
  ASSERT_EQ(met->size(), 2U);
  EXPECT_FALSE((*met)[0].added);
  EXPECT_TRUE((*met)[1].added);
  ASSERT_TRUE((*met)[1].follow_up);
  EXPECT_EQ((*met)[1].follow_up->due, (Date{2026, 11, 27}));

  auto report = ShowEvent(context(), "systems meetup");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->people.size(), 2U);
  EXPECT_EQ(report->follow_up_rate_percent, 0);

  Context tomorrow = On(Date{2026, 11, 27});
  ASSERT_TRUE(CompleteFollowUp(tomorrow, (*met)[1].contact.id));
  report = ShowEvent(context(), "Systems Meetup");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->followed_up, 1);
  EXPECT_EQ(report->follow_up_rate_percent, 50);
}

TEST_P(RelationshipApp, AnAmbiguousNameStopsMetBeforeAnythingIsWritten) {
  ContactFields twin;
  twin.display_name = "Sam Lee";
  ASSERT_TRUE(AddContact(context(), twin));
  ASSERT_TRUE(AddContact(context(), twin));
  auto met = RecordMet(context(), {"New Person", "Sam Lee"}, "Dinner", std::nullopt);
  ASSERT_FALSE(met);
  EXPECT_EQ(met.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(context().store.FindEventByName("Dinner").value());
  EXPECT_TRUE(context().store.FindContactsByName("New Person")->empty());
}

TEST_P(RelationshipApp, ImportWithAnEventSchedulesFollowUps) {
  testing::TempDirectory directory;
  const auto path = directory.path() / "people.csv";
  std::ofstream(path) << "First Name,Last Name,Email Address\nMara,Quinn,mara@example.com\n";
  ImportRequest request;
  request.path = path.string();
  request.event = "Founders Dinner";
  auto summary = ImportContacts(context(), request);
  ASSERT_TRUE(summary) << summary.error().message;
  Context tomorrow = On(Date{2026, 11, 27});
  auto follow_ups = ListFollowUps(tomorrow, true);
  ASSERT_TRUE(follow_ups);
  ASSERT_EQ(follow_ups->size(), 1U);
  EXPECT_EQ(follow_ups->front().contact.display_name, "Mara Quinn");
  EXPECT_EQ(follow_ups->front().event_name, "Founders Dinner");
}

// `kith show`: the card, found by part of the name, with its relationship
// gathered in one call: the latest conversations only, open reminders only.
TEST_P(RelationshipApp, AnOverviewGathersTheCardAndItsRelationshipByName) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 20});
  for (const int day : {21, 22, 23}) {
    LogRequest log;
    log.contact = ada.id;
    log.kind = InteractionKind::kCoffee;
    log.on = Date{2026, 11, day};
    log.summary = "coffee on the " + std::to_string(day);
    if (day == 23) log.facts = {ParseFactSpec("personal:hometown=Pilsen").value()};
    ASSERT_TRUE(LogInteraction(context(), log));
  }
  auto kept = AddReminder(context(), ada.id, Date{2026, 12, 1}, "send the WAL paper");
  auto done = AddReminder(context(), ada.id, Date{2026, 12, 2}, "ask about the studio");
  ASSERT_TRUE(kept && done);
  ASSERT_TRUE(CompleteReminder(context(), done->id));
  ASSERT_TRUE(SetCadence(context(), ada.id, 30));

  auto overview = OverviewOf(context(), "okafor", 2);
  ASSERT_TRUE(overview) << overview.error().message;
  EXPECT_EQ(overview->contact.id, ada.id);
  ASSERT_EQ(overview->interactions.size(), 2U);
  EXPECT_EQ(overview->interactions.front().summary, "coffee on the 23");
  ASSERT_EQ(overview->facts.size(), 1U);
  EXPECT_EQ(overview->facts.front().value, "Pilsen");
  EXPECT_TRUE(std::none_of(overview->reminders.begin(), overview->reminders.end(),
                           [](const Reminder& reminder) { return reminder.state != ReminderState::kOpen; }));
  EXPECT_TRUE(std::any_of(overview->reminders.begin(), overview->reminders.end(),
                          [&](const Reminder& reminder) { return reminder.id == kept->id; }));
  EXPECT_EQ(overview->cadence.own_days, 30);
  EXPECT_EQ(overview->health.score, HealthOf(context(), ada.id)->score);

  const nlohmann::json json = PersonOverviewToJson(*overview);
  EXPECT_EQ(json["name"], "Ada Okafor");
  EXPECT_EQ(json["interactions"].size(), 2U);
  EXPECT_EQ(json["facts"][0]["value"], "Pilsen");
  EXPECT_EQ(json["cadence"]["own_days"], 30);
  EXPECT_EQ(OverviewOf(context(), "999", 5).error().code, ErrorCode::kNotFound);
}

TEST_P(RelationshipApp, LoggingAMeetingKeepsFactsTalkShareAndCompletesTheFollowUp) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 20});
  LogRequest log;
  log.contact = ada.id;
  log.kind = InteractionKind::kCoffee;
  log.summary = "talked about her compiler";
  log.they_talked = 65;
  log.facts = {ParseFactSpec("personal:hometown=Pilsen").value(),
               ParseFactSpec("professional:goal=open a studio").value()};
  log.promise = "send the WAL paper";
  auto logged = LogInteraction(context(), log);
  ASSERT_TRUE(logged) << logged.error().message;
  EXPECT_EQ(logged->facts.size(), 2U);
  ASSERT_TRUE(logged->completed_follow_up);
  ASSERT_TRUE(logged->promise);
  EXPECT_EQ(logged->promise->due, (Date{2026, 12, 3}));
  // A coffee after meeting: the staged cadence is now quarterly from it.
  ASSERT_TRUE(logged->next_reconnect);
  EXPECT_EQ(logged->next_reconnect->due, kToday.AddDays(kQuarterlyDays));
  EXPECT_EQ(context().store.GetContact(ada.id)->last_contact, kToday);

  auto brief = BriefFor(context(), ada.id);
  ASSERT_TRUE(brief) << brief.error().message;
  ASSERT_EQ(brief->personal.size(), 1U);
  EXPECT_EQ(brief->personal.front().value, "Pilsen");
  ASSERT_EQ(brief->goals.size(), 1U);
  EXPECT_EQ(brief->goals.front().value, "open a studio");
  ASSERT_FALSE(brief->recent.empty());
  EXPECT_EQ(brief->recent.front().summary, "talked about her compiler");
  EXPECT_EQ(brief->days_since_contact, 0);
  ASSERT_EQ(brief->open_reminders.size(), 1U) << "the promise";
  EXPECT_NE(brief->open_reminders.front().note.find("WAL paper"), std::string::npos);
  const bool mentions_pilsen =
      std::any_of(brief->starters.begin(), brief->starters.end(),
                  [](const auto& line) { return line.find("Pilsen") != std::string::npos; });
  EXPECT_TRUE(mentions_pilsen);
  EXPECT_EQ(brief->listening.average_they_talked, 65);
}

TEST_P(RelationshipApp, BadMeetingInputIsRefusedAndNothingIsWritten) {
  const Contact ada = Met("Ada Okafor", "RustConf", kToday);
  LogRequest log;
  log.contact = ada.id;
  log.they_talked = 140;
  auto refused = LogInteraction(context(), log);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("140"), std::string::npos);
  log.they_talked = 50;
  log.on = Date{2026, 12, 1};
  refused = LogInteraction(context(), log);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("future"), std::string::npos);
  log.on.reset();
  log.contact = ContactId{999};
  EXPECT_EQ(LogInteraction(context(), log).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(InteractionsOf(context(), ada.id, 10)->empty());
  EXPECT_TRUE(OpenFollowUpIsStillThere(ada.id));
}

TEST_P(RelationshipApp, TheStagedCadenceAdvancesFromFollowUpToCoffeeToQuarterly) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 25});
  auto cadence = CadenceOf(context(), ada.id);
  ASSERT_TRUE(cadence);
  EXPECT_FALSE(cadence->next) << "while the follow-up is open it covers the stage";

  ASSERT_TRUE(CompleteFollowUp(context(), ada.id));  // an email today
  cadence = CadenceOf(context(), ada.id);
  ASSERT_TRUE(cadence && cadence->next);
  EXPECT_EQ(cadence->next->stage, CadenceStage::kCoffee);
  EXPECT_EQ(cadence->next->due, kToday.AddDays(kCoffeeAfterFollowUpDays));
  const auto coffee = Of(AgendaOn(kToday.AddDays(kCoffeeAfterFollowUpDays)), AgendaItemKind::kReconnect);
  ASSERT_EQ(coffee.size(), 1U);
  EXPECT_EQ(coffee.front().contact, ada.id);

  Context later = On(Date{2026, 12, 12});
  LogRequest log;
  log.contact = ada.id;
  log.kind = InteractionKind::kCoffee;
  ASSERT_TRUE(LogInteraction(later, log));
  cadence = CadenceOf(later, ada.id);
  ASSERT_TRUE(cadence && cadence->next);
  EXPECT_EQ(cadence->next->stage, CadenceStage::kQuarterly);
  EXPECT_EQ(cadence->next->due, (Date{2026, 12, 12}).AddDays(kQuarterlyDays));
  // Exactly one reconnect stays open.
  auto reminders = RemindersOf(later, ada.id);
  ASSERT_TRUE(reminders);
  EXPECT_EQ(std::count_if(reminders->begin(), reminders->end(),
                          [](const Reminder& r) {
                            return r.kind == ReminderKind::kReconnect && r.state == ReminderState::kOpen;
                          }),
            1);
}

TEST_P(RelationshipApp, AnOwnCadenceBeatsATagCadence) {
  ContactFields fields;
  fields.display_name = "Mentor Mo";
  fields.tags = {"Mentor"};
  auto mo = AddContact(context(), fields);
  ASSERT_TRUE(mo);
  auto planned = SetTagCadence(context(), "mentor", 30);
  ASSERT_TRUE(planned) << planned.error().message;
  EXPECT_EQ(*planned, 1);
  auto cadence = CadenceOf(context(), mo->id);
  ASSERT_TRUE(cadence && cadence->next);
  EXPECT_EQ(cadence->tag_days, 30);
  EXPECT_EQ(cadence->next->due, kToday.AddDays(30));
  ASSERT_TRUE(SetCadence(context(), mo->id, 7));
  cadence = CadenceOf(context(), mo->id);
  ASSERT_TRUE(cadence && cadence->next);
  EXPECT_EQ(cadence->next->due, kToday.AddDays(7));
  EXPECT_FALSE(SetCadence(context(), mo->id, 0));
}

TEST_P(RelationshipApp, SnoozedRemindersLeaveTheAgendaUntilTheirDay) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 24});
  auto open = context().store.RemindersOf(ada.id);
  ASSERT_TRUE(open && !open->empty());
  const ReminderId id = open->front().id;
  ASSERT_FALSE(SnoozeReminder(context(), id, kToday)) << "snooze must move it later";
  ASSERT_TRUE(SnoozeReminder(context(), id, Date{2026, 11, 29}));
  EXPECT_TRUE(Of(AgendaOn(Date{2026, 11, 28}), AgendaItemKind::kFollowUp).empty());
  const auto back = Of(AgendaOn(Date{2026, 11, 29}), AgendaItemKind::kFollowUp);
  ASSERT_EQ(back.size(), 1U);
  EXPECT_EQ(back.front().days_overdue, 4) << "snoozing does not hide how late it is";
  ASSERT_TRUE(DismissReminder(context(), id));
  EXPECT_EQ(DismissReminder(context(), id).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(Of(AgendaOn(Date{2026, 11, 29}), AgendaItemKind::kFollowUp).empty());
}

TEST_P(RelationshipApp, HealthRanksTheNeglectedBeforeTheNurtured) {
  ContactFields fields;
  fields.display_name = "Nurtured Nia";
  fields.met_on = Date{2026, 1, 10};
  auto nia = AddContact(context(), fields);
  fields.display_name = "Neglected Ned";
  fields.met_on.reset();  // no cadence: only health notices him slipping
  auto ned = AddContact(context(), fields);
  ASSERT_TRUE(nia && ned);
  ASSERT_TRUE(SetCadence(context(), nia->id, 30));
  for (const Date day : {Date{2026, 9, 1}, Date{2026, 10, 1}, Date{2026, 11, 20}}) {
    Context then = On(day);
    LogRequest log;
    log.contact = nia->id;
    log.kind = InteractionKind::kCoffee;
    log.they_talked = 60;
    log.facts = {ParseFactSpec("personal:hobby=climbing").value()};
    ASSERT_TRUE(LogInteraction(then, log));
  }
  Context long_ago = On(Date{2025, 12, 10});
  LogRequest once;
  once.contact = ned->id;
  once.kind = InteractionKind::kCall;
  ASSERT_TRUE(LogInteraction(long_ago, once));

  ListQuery page;
  page.limit = 10;
  auto ranked = ListByHealth(context(), page);
  ASSERT_TRUE(ranked) << ranked.error().message;
  ASSERT_EQ(ranked->size(), 2U);
  EXPECT_EQ(ranked->front().contact.display_name, "Neglected Ned");
  EXPECT_LT(ranked->front().health.score, ranked->back().health.score);
  auto nia_health = HealthOf(context(), *context().store.GetContact(nia->id));
  ASSERT_TRUE(nia_health);
  EXPECT_EQ(nia_health->score, ranked->back().health.score);
  const auto drifting = Of(AgendaOn(kToday), AgendaItemKind::kDrifting);
  ASSERT_EQ(drifting.size(), 1U);
  EXPECT_EQ(drifting.front().contact, ned->id);
}

TEST_P(RelationshipApp, TodaySuggestsConnectingAndPostingUntilDone) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 20});
  LinkRequest link;
  link.contact = ada.id;
  link.kind = LinkKind::kLinkedIn;
  link.url = "https://www.linkedin.com/in/ada-okafor";
  ASSERT_TRUE(SetLink(context(), link));
  auto agenda = AgendaOn(kToday);
  ASSERT_EQ(Of(agenda, AgendaItemKind::kConnect).size(), 1U);
  EXPECT_EQ(Of(agenda, AgendaItemKind::kPost).size(), 1U) << "never posted";

  link.url.clear();
  link.connected = true;
  auto connected = SetLink(context(), link);
  ASSERT_TRUE(connected) << connected.error().message;
  ASSERT_EQ(connected->links.size(), 1U);
  EXPECT_TRUE(connected->links.front().connected);
  EXPECT_EQ(connected->links.front().connected_on, kToday);
  PostFields post;
  post.channel = "LinkedIn";
  post.topic = "WAL mode";
  post.on = kToday;
  ASSERT_TRUE(AddPost(context(), post));
  agenda = AgendaOn(kToday);
  EXPECT_TRUE(Of(agenda, AgendaItemKind::kConnect).empty());
  EXPECT_TRUE(Of(agenda, AgendaItemKind::kPost).empty());
  EXPECT_EQ(Of(AgendaOn(kToday.AddDays(7)), AgendaItemKind::kPost).size(), 1U);
}

TEST_P(RelationshipApp, TheDraftAsksAboutThemAndABadTemplateIsRefused) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 25}, "ada@example.com");
  ASSERT_TRUE(SetFact(context(), ada.id, FactKind::kProfessional, "current work", "a Rust linker"));
  auto draft = DraftFollowUp(context(), ada.id);
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->email.to, "ada@example.com");
  EXPECT_NE(draft->email.subject.find("RustConf"), std::string::npos) << draft->email.subject;
  EXPECT_NE(draft->email.body.find("Ada"), std::string::npos);
  EXPECT_NE(draft->email.body.find("a Rust linker"), std::string::npos) << draft->email.body;
  EXPECT_TRUE(draft->mailto.starts_with("mailto:ada@example.com?"));
  EXPECT_NE(draft->eml.find("To: ada@example.com"), std::string::npos);

  auto refused = SaveFollowUpTemplate(context(), "Subject: Hi\n\nHello {favourite_colour}\n");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("favourite_colour"), std::string::npos);
  EXPECT_EQ(*FollowUpTemplate(context()), std::string(kDefaultFollowUpTemplate));
}

TEST_P(RelationshipApp, ASendTheServerRefusesLeavesTheFollowUpOpen) {
  const Contact ada = Met("Ada Okafor", "RustConf", Date{2026, 11, 25}, "ada@example.com");
  auto unconfigured = SendFollowUp(context(), ada.id, "");
  ASSERT_FALSE(unconfigured);
  EXPECT_NE(unconfigured.error().message.find("kith smtp"), std::string::npos);
  SmtpSettings smtp;
  smtp.host = "127.0.0.1";
  smtp.port = 9;  // discard: nothing listens there
  smtp.security = SmtpSecurity::kNone;
  smtp.from = "me@example.com";
  smtp.timeout_seconds = 5;
  ASSERT_TRUE(SaveSmtpSettings(context(), smtp));
  auto failed = SendFollowUp(context(), ada.id, "");
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kIo);
  EXPECT_TRUE(OpenFollowUpIsStillThere(ada.id));
  EXPECT_TRUE(InteractionsOf(context(), ada.id, 10)->empty());
}

TEST_P(RelationshipApp, TheCalendarHasEveryOpenReminderWithStableUids) {
  Met("Ada Okafor", "RustConf", kToday);
  Met("Linus Lee", "RustConf", kToday);
  std::ostringstream first;
  std::ostringstream second;
  auto written = WriteRemindersCalendar(context(), first);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(*written, 2);
  ASSERT_TRUE(WriteRemindersCalendar(context(), second));
  EXPECT_NE(first.str().find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(first.str().find("Follow up with Ada Okafor"), std::string::npos);
  const auto uid_lines = [](const std::string& text) {
    std::vector<std::string> uids;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("UID:")) uids.push_back(line);
    }
    return uids;
  };
  EXPECT_EQ(uid_lines(first.str()).size(), 2U);
  EXPECT_EQ(uid_lines(first.str()), uid_lines(second.str()));
}

class RelationshipMerge : public RelationshipApp {};
KITH_ON_BOTH_STORES(RelationshipMerge);

TEST_P(RelationshipMerge, MovesTheRelationshipToTheKeptCard) {
  const Contact ada = Met("Ada Okafor", "RustConf", kToday);
  ContactFields other;
  other.display_name = "Ada O.";
  auto copy = AddContact(context(), other);
  ASSERT_TRUE(copy);
  LogRequest log;
  log.contact = copy->id;
  log.kind = InteractionKind::kCall;
  log.facts = {ParseFactSpec("personal:pet=a cat named Segfault").value()};
  ASSERT_TRUE(LogInteraction(context(), log));
  ASSERT_TRUE(MergeContacts(context(), ada.id, copy->id));
  EXPECT_EQ(InteractionsOf(context(), ada.id, 10)->size(), 1U);
  EXPECT_EQ(FactsOf(context(), ada.id)->size(), 1U);
}

}  // namespace
}  // namespace kith
