// The day's agenda: what comes first, what each line says, and the command
// that does it.
#include "agenda/day_agenda.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "agenda/health.h"

namespace kith {
namespace {

using ::testing::ElementsAre;

constexpr Date kToday{2026, 11, 26};

AgendaInput::PersonReminder Due(std::int64_t reminder_id, std::int64_t contact_id, ReminderKind kind,
                                std::string name, Date due, std::string note = "") {
  AgendaInput::PersonReminder entry;
  entry.reminder.id = ReminderId{reminder_id};
  entry.reminder.contact = ContactId{contact_id};
  entry.reminder.kind = kind;
  entry.reminder.due = due;
  entry.reminder.note = std::move(note);
  entry.reminder.created_on = due.AddDays(-1);
  entry.name = std::move(name);
  return entry;
}

// Nothing but what the test adds: a recent post keeps the nudge away.
AgendaInput QuietDay() {
  AgendaInput input;
  input.last_post = kToday.AddDays(-1);
  return input;
}

Opportunity Offer(std::int64_t id, std::string title, std::optional<Date> deadline = std::nullopt) {
  Opportunity opportunity;
  opportunity.id = OpportunityId{id};
  opportunity.title = std::move(title);
  opportunity.deadline = deadline;
  opportunity.created_on = kToday.AddDays(-3);
  return opportunity;
}

std::vector<AgendaItemKind> Kinds(const std::vector<AgendaItem>& agenda) {
  std::vector<AgendaItemKind> kinds;
  kinds.reserve(agenda.size());
  for (const auto& item : agenda) kinds.push_back(item.kind);
  return kinds;
}

std::vector<std::string> Names(const std::vector<AgendaItem>& agenda) {
  std::vector<std::string> names;
  names.reserve(agenda.size());
  for (const auto& item : agenda) names.push_back(item.name);
  return names;
}

AgendaItem Only(const std::vector<AgendaItem>& agenda) {
  EXPECT_EQ(agenda.size(), 1U);
  return agenda.empty() ? AgendaItem{} : agenda.front();
}

TEST(AgendaItemKindName, NamesEveryKind) {
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kFollowUp), "follow-up");
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kReconnect), "reconnect");
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kReminder), "reminder");
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kDrifting), "drifting");
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kConnect), "connect");
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kPost), "post");
  EXPECT_EQ(AgendaItemKindName(AgendaItemKind::kOpportunity), "opportunity");
}

TEST(BuildAgenda, AQuietDayIsEmpty) { EXPECT_TRUE(BuildAgenda(QuietDay(), kToday).empty()); }

TEST(BuildAgenda, OrdersTheKindsOfWork) {
  AgendaInput input;
  input.opportunities_to_offer = {Offer(3, "Staff C++ engineer")};
  input.connect = {{ContactId{5}, "Grace Hopper", LinkKind::kLinkedIn, "https://linkedin.com/in/grace"}};
  input.drifting = {{ContactId{4}, "Linus Pauling", 22, "last in touch 200 days ago, cadence 90 days"}};
  input.reminders = {Due(1, 1, ReminderKind::kReconnect, "Ada Okafor", kToday, "meet for coffee?"),
                     Due(2, 2, ReminderKind::kCustom, "Alan Turing", kToday, "send the paper"),
                     Due(3, 3, ReminderKind::kFollowUp, "Barbara Liskov", kToday)};
  EXPECT_THAT(Kinds(BuildAgenda(input, kToday)),
              ElementsAre(AgendaItemKind::kFollowUp, AgendaItemKind::kReminder, AgendaItemKind::kReconnect,
                          AgendaItemKind::kDrifting, AgendaItemKind::kConnect, AgendaItemKind::kPost,
                          AgendaItemKind::kOpportunity));
}

TEST(BuildAgenda, TheMostOverdueFollowUpComesFirst) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(1, 1, ReminderKind::kFollowUp, "Ada Okafor", kToday),
                     Due(2, 2, ReminderKind::kFollowUp, "Alan Turing", kToday.AddDays(-5)),
                     Due(3, 3, ReminderKind::kFollowUp, "Barbara Liskov", kToday.AddDays(-2))};
  EXPECT_THAT(Names(BuildAgenda(input, kToday)), ElementsAre("Alan Turing", "Barbara Liskov", "Ada Okafor"));
}

TEST(BuildAgenda, AFollowUpDueTodaySaysSoAndWhereYouMet) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kFollowUp, "Ada Okafor", kToday)};
  input.reminders.front().event_name = "RustConf";
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.kind, AgendaItemKind::kFollowUp);
  EXPECT_EQ(item.text, "Follow up with Ada Okafor (met at RustConf) — due today");
  EXPECT_EQ(item.action, "kith followup draft 42");
  EXPECT_EQ(item.contact, ContactId{42});
  EXPECT_EQ(item.reminder, ReminderId{7});
  EXPECT_EQ(item.days_overdue, 0);
}

TEST(BuildAgenda, AnOverdueFollowUpShowsItsAge) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kFollowUp, "Ada Okafor", kToday.AddDays(-3))};
  input.reminders.front().event_name = "RustConf";
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.text, "Follow up with Ada Okafor (met at RustConf) — 3 days overdue");
  EXPECT_EQ(item.days_overdue, 3);
}

TEST(BuildAgenda, OneDayOverdueIsSingular) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kFollowUp, "Ada Okafor", kToday.AddDays(-1))};
  EXPECT_EQ(Only(BuildAgenda(input, kToday)).text, "Follow up with Ada Okafor — 1 day overdue");
}

TEST(BuildAgenda, ASnoozedReminderCountsOverdueFromItsDueDate) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kCustom, "Ada Okafor", kToday.AddDays(-10), "return the book")};
  input.reminders.front().reminder.snoozed_until = kToday;
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.days_overdue, 10);
  EXPECT_EQ(item.text, "Ada Okafor: return the book — 10 days overdue");
}

TEST(BuildAgenda, LeavesOutRemindersNotShowingToday) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(1, 1, ReminderKind::kCustom, "Ada Okafor", kToday.AddDays(1), "later"),
                     Due(2, 2, ReminderKind::kCustom, "Alan Turing", kToday.AddDays(-3), "snoozed"),
                     Due(3, 3, ReminderKind::kCustom, "Barbara Liskov", kToday.AddDays(-3), "done")};
  input.reminders[1].reminder.snoozed_until = kToday.AddDays(2);
  input.reminders[2].reminder.state = ReminderState::kDone;
  EXPECT_TRUE(BuildAgenda(input, kToday).empty());
}

TEST(BuildAgenda, ACustomReminderIsMarkedDoneByItsId) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kCustom, "Ada Okafor", kToday, "send the slides")};
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.kind, AgendaItemKind::kReminder);
  EXPECT_EQ(item.text, "Ada Okafor: send the slides — due today");
  EXPECT_EQ(item.action, "kith remind done 7");
}

TEST(BuildAgenda, AReconnectSaysWhenYouWereLastInTouch) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kReconnect, "Ada Okafor", kToday, "meet for coffee?")};
  input.reminders.front().last_contact = kToday.AddDays(-14);
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.kind, AgendaItemKind::kReconnect);
  EXPECT_EQ(item.text, "Reconnect with Ada Okafor: meet for coffee? (last in touch 2 weeks ago) — due today");
  EXPECT_EQ(item.action, "kith log 42 --kind coffee");
}

TEST(BuildAgenda, ReconnectAgesReadTheWayPeopleSayThem) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kReconnect, "Ada Okafor", kToday)};
  auto text_when = [&](int days_ago) {
    input.reminders.front().last_contact = kToday.AddDays(-days_ago);
    return Only(BuildAgenda(input, kToday)).text;
  };
  EXPECT_EQ(text_when(1), "Reconnect with Ada Okafor (last in touch yesterday) — due today");
  EXPECT_EQ(text_when(9), "Reconnect with Ada Okafor (last in touch 9 days ago) — due today");
  EXPECT_EQ(text_when(100), "Reconnect with Ada Okafor (last in touch 3 months ago) — due today");
  EXPECT_EQ(text_when(800), "Reconnect with Ada Okafor (last in touch 2 years ago) — due today");
}

TEST(BuildAgenda, DriftingPeopleWeakestFirstWithTheReason) {
  AgendaInput input = QuietDay();
  input.drifting = {{ContactId{4}, "Linus Pauling", 31, "3 facts known"},
                    {ContactId{5}, "Grace Hopper", 12, "last in touch 200 days ago, cadence 30 days"}};
  const auto agenda = BuildAgenda(input, kToday);
  ASSERT_EQ(agenda.size(), 2U);
  EXPECT_EQ(agenda[0].text,
            "Grace Hopper is drifting (health 12): last in touch 200 days ago, cadence 30 days");
  EXPECT_EQ(agenda[0].action, "kith brief 5");
  EXPECT_EQ(agenda[1].name, "Linus Pauling");
}

TEST(BuildAgenda, SomeoneWithAReminderTodayIsNotAlsoListedAsDrifting) {
  AgendaInput input = QuietDay();
  input.reminders = {Due(7, 42, ReminderKind::kReconnect, "Ada Okafor", kToday)};
  input.drifting = {{ContactId{42}, "Ada Okafor", 20, "last in touch 200 days ago, cadence 30 days"}};
  EXPECT_THAT(Kinds(BuildAgenda(input, kToday)), ElementsAre(AgendaItemKind::kReconnect));
}

TEST(BuildAgenda, AHealthyRelationshipIsNotDrifting) {
  AgendaInput input = QuietDay();
  input.drifting = {{ContactId{4}, "Linus Pauling", kDriftingBelow, "3 facts known"}};
  EXPECT_TRUE(BuildAgenda(input, kToday).empty());
}

TEST(BuildAgenda, ConnectOnLinkedIn) {
  AgendaInput input = QuietDay();
  input.connect = {{ContactId{42}, "Ada Okafor", LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada"}};
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.text, "Connect with Ada Okafor on LinkedIn");
  EXPECT_EQ(item.action, "kith link 42 --linkedin https://www.linkedin.com/in/ada --connected");
}

TEST(BuildAgenda, FollowOnGitHubWithTheUrlQuotedForTheShell) {
  AgendaInput input = QuietDay();
  input.connect = {
      {ContactId{42}, "Ada Okafor", LinkKind::kGitHub, "https://github.com/ada?tab=repos&x='1'"}};
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.text, "Follow Ada Okafor on GitHub");
  EXPECT_EQ(item.action,
            R"(kith link 42 --github 'https://github.com/ada?tab=repos&x='\''1'\''' --followed)");
}

TEST(BuildAgenda, NudgesToPostWhenNeverPosted) {
  AgendaInput input;
  input.last_post = std::nullopt;
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.kind, AgendaItemKind::kPost);
  EXPECT_EQ(item.text, "Share what you're working on, so people know what you do — no post logged yet");
  EXPECT_EQ(item.action, "kith post add --channel linkedin --topic TOPIC");
}

TEST(BuildAgenda, NudgesToPostOnceQuietForTheInterval) {
  AgendaInput input;
  input.post_every_days = 7;
  input.last_post = kToday.AddDays(-6);
  EXPECT_TRUE(BuildAgenda(input, kToday).empty());
  input.last_post = kToday.AddDays(-7);
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.text, "Share what you're working on — your last post was 7 days ago");
  EXPECT_EQ(item.days_overdue, 0);
  input.last_post = kToday.AddDays(-10);
  EXPECT_EQ(Only(BuildAgenda(input, kToday)).days_overdue, 3);
}

TEST(BuildAgenda, NoPostingNudgeWhenTurnedOff) {
  AgendaInput input;
  input.post_every_days = 0;
  EXPECT_TRUE(BuildAgenda(input, kToday).empty());
}

TEST(BuildAgenda, OpportunitiesNearestDeadlineFirst) {
  AgendaInput input = QuietDay();
  input.opportunities_to_offer = {Offer(1, "Staff C++ engineer"),
                                  Offer(2, "Two tickets to the jazz festival", Date{2026, 12, 12}),
                                  Offer(3, "Intro to a seed investor", kToday)};
  const auto agenda = BuildAgenda(input, kToday);
  ASSERT_EQ(agenda.size(), 3U);
  EXPECT_EQ(agenda[0].text, "Offer “Intro to a seed investor” to someone it would help (deadline today)");
  EXPECT_EQ(agenda[0].action, "kith match 3");
  EXPECT_EQ(agenda[1].text,
            "Offer “Two tickets to the jazz festival” to someone it would help (by 2026-12-12)");
  EXPECT_EQ(agenda[1].opportunity, OpportunityId{2});
  EXPECT_EQ(agenda[2].text, "Offer “Staff C++ engineer” to someone it would help");
}

TEST(BuildAgenda, AnOpportunityPastItsDeadlineAsksToCloseIt) {
  AgendaInput input = QuietDay();
  input.opportunities_to_offer = {Offer(3, "Two tickets", kToday.AddDays(-2))};
  const AgendaItem item = Only(BuildAgenda(input, kToday));
  EXPECT_EQ(item.text, "“Two tickets” — the deadline passed 2 days ago: close it?");
  EXPECT_EQ(item.action, "kith opp close 3");
}

}  // namespace
}  // namespace kith
