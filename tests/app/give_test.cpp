// Give, end to end on a real store: opportunities, whom to offer them to,
// the ledger and your own profile.
#include "app/give.h"
#include "app/relationships.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/contacts.h"
#include "support/temp_database.h"

namespace kith {
namespace {

class GiveApp : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  Context& context() { return world_.context(); }

  ContactId Person(const std::string& name, std::vector<std::string> skills,
                   std::vector<std::string> interests = {}, const std::string& city = "") {
    ContactFields fields;
    fields.display_name = name;
    fields.skills = std::move(skills);
    fields.interests = std::move(interests);
    fields.city = city;
    auto contact = AddContact(context(), fields);
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  }

  static OpportunityFields CppJob() {
    OpportunityFields fields;
    fields.kind = OpportunityKind::kJob;
    fields.title = "Staff C++ engineer";
    fields.skills = {"C++", "SQLite"};
    fields.place = "Chicago";
    return fields;
  }

  OpportunityId Add(const OpportunityFields& fields) {
    auto opportunity = AddOpportunity(context(), fields);
    EXPECT_TRUE(opportunity) << opportunity.error().message;
    return opportunity ? opportunity->id : OpportunityId{};
  }

  std::size_t CountOpportunities() {
    auto all = ListOpportunities(context(), /*include_closed=*/true);
    EXPECT_TRUE(all) << all.error().message;
    return all ? all->size() : 0;
  }

  std::size_t CountEntries(ContactId id) {
    auto ledger = LedgerFor(context(), id);
    EXPECT_TRUE(ledger) << ledger.error().message;
    return ledger ? ledger->entries.size() : 0;
  }

  std::vector<std::string> MatchedNames(OpportunityId id, int limit = 20) {
    auto matches = MatchOpportunity(context(), id, limit);
    EXPECT_TRUE(matches) << matches.error().message;
    std::vector<std::string> names;
    if (matches) {
      for (const auto& match : *matches) names.push_back(match.contact.display_name);
    }
    return names;
  }

  // A small list: two C++ people (one in Chicago with SQLite too), a Python
  // person and a jazz fan.
  void AddTheList() {
    ada_ = Person("Ada Okafor", {"C++", "SQLite"}, {}, "Chicago");
    bo_ = Person("Bo Chen", {"Python"});
    cy_ = Person("Cy Ortiz", {"c++"}, {}, "Boston");
    dee_ = Person("Dee Park", {"Illustration"}, {"jazz"});
  }

  testing::TestWorld world_{GetParam()};
  ContactId ada_, bo_, cy_, dee_;
};

using Names = std::vector<std::string>;

// Adding opportunities

KITH_ON_BOTH_STORES(GiveApp);

TEST_P(GiveApp, AddOpportunityTrimsTheFieldsAndDropsBlankSkills) {
  OpportunityFields fields = CppJob();
  fields.title = "  Staff C++ engineer  ";
  fields.skills = {" C++ ", "  ", "SQLite"};
  fields.place = " Chicago ";
  auto added = AddOpportunity(context(), fields);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->title, "Staff C++ engineer");
  EXPECT_EQ(added->skills, (std::vector<std::string>{"C++", "SQLite"}));
  EXPECT_EQ(added->place, "Chicago");
  EXPECT_EQ(added->created_on, (Date{2026, 11, 26}));
}

TEST_P(GiveApp, AddOpportunityWithoutATitleWritesNothing) {
  Add(CppJob());
  OpportunityFields fields = CppJob();
  fields.title = "   ";
  auto added = AddOpportunity(context(), fields);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CountOpportunities(), 1U);
}

TEST_P(GiveApp, AddOpportunityWithOnlyBlankSkillsAndNoWordsWritesNothing) {
  OpportunityFields fields = CppJob();
  fields.title = "X";
  fields.skills = {" ", ""};
  auto added = AddOpportunity(context(), fields);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CountOpportunities(), 0U);
}

TEST_P(GiveApp, AddOpportunityWithAPastDeadlineWritesNothing) {
  OpportunityFields fields = CppJob();
  fields.deadline = Date{2026, 11, 1};
  auto added = AddOpportunity(context(), fields);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CountOpportunities(), 0U);
}

TEST_P(GiveApp, CloseOpportunityClosesItToday) {
  const OpportunityId id = Add(CppJob());
  auto closed = CloseOpportunity(context(), id);
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed->closed_on, (Date{2026, 11, 26}));
}

// Matching

TEST_P(GiveApp, MatchPutsThePersonWithEverySkillInThePlaceFirst) {
  AddTheList();
  EXPECT_EQ(MatchedNames(Add(CppJob())), (Names{"Ada Okafor", "Cy Ortiz"}));
}

TEST_P(GiveApp, MatchSaysWhy) {
  AddTheList();
  auto matches = MatchOpportunity(context(), Add(CppJob()), 20);
  ASSERT_TRUE(matches) << matches.error().message;
  ASSERT_FALSE(matches->empty());
  EXPECT_EQ(matches->front().contact.id, ada_);
  EXPECT_EQ(matches->front().reasons, (std::vector<std::string>{"skills: C++, SQLite", "Chicago"}));
}

TEST_P(GiveApp, MatchFindsInterestsForTickets) {
  AddTheList();
  OpportunityFields tickets;
  tickets.kind = OpportunityKind::kTickets;
  tickets.title = "Two tickets to the jazz festival";
  tickets.skills = {"jazz"};
  EXPECT_EQ(MatchedNames(Add(tickets)), (Names{"Dee Park"}));
}

// The search index finds people by any way of writing a skill; the ranking
// then scores the fit.
OpportunityFields FrontendJob(std::string skill) {
  OpportunityFields fields;
  fields.kind = OpportunityKind::kJob;
  fields.title = "Frontend engineer";
  fields.skills = {std::move(skill)};
  return fields;
}

TEST_P(GiveApp, MatchFindsTheLongFormOfAWantedShortForm) {
  Person("Ada Okafor", {"JavaScript"});
  EXPECT_EQ(MatchedNames(Add(FrontendJob("JS"))), (Names{"Ada Okafor"}));
}

TEST_P(GiveApp, MatchFindsTheShortFormOfAWantedSkill) {
  Person("Ada Okafor", {"JS"});
  EXPECT_EQ(MatchedNames(Add(FrontendJob("JavaScript"))), (Names{"Ada Okafor"}));
}

TEST_P(GiveApp, AnOpportunityInWordsWantsTheSkillsItsWordsName) {
  Person("Ada Okafor", {"bookkeeping", "machine learning"});
  Person("Bo Chen", {"Python"});
  OpportunityFields words;
  words.kind = OpportunityKind::kProject;
  words.title = "Part-time help";
  words.description = "A small shop needs someone who knows machine learning for a forecast.";
  EXPECT_EQ(MatchedNames(Add(words)), (Names{"Ada Okafor"}));
}

TEST_P(GiveApp, AWordWhoseStemIsNotItsBeginningStillFindsPeople) {
  Person("Ada Okafor", {}, {"pottery"});
  OpportunityFields tickets;
  tickets.kind = OpportunityKind::kTickets;
  tickets.title = "Two seats at a workshop";
  tickets.skills = {"pottery"};
  EXPECT_EQ(MatchedNames(Add(tickets)), (Names{"Ada Okafor"}));
}

TEST_P(GiveApp, MatchFindsAShortFormWrittenExactlyFirst) {
  Person("Ada Okafor", {"machine learning"});
  Person("Bo Chen", {"ML"});
  EXPECT_EQ(MatchedNames(Add(FrontendJob("ML"))), (Names{"Bo Chen", "Ada Okafor"}));
}

TEST_P(GiveApp, MatchFindsOtherWordFormsOfASkill) {
  Person("Ada Okafor", {"managing teams"});
  EXPECT_EQ(MatchedNames(Add(FrontendJob("team management"))), (Names{"Ada Okafor"}));
}

TEST_P(GiveApp, MatchRespectsTheLimit) {
  AddTheList();
  EXPECT_EQ(MatchedNames(Add(CppJob()), 1), (Names{"Ada Okafor"}));
}

TEST_P(GiveApp, MatchLeavesOutSomeoneAlreadyOfferedIt) {
  AddTheList();
  const OpportunityId job = Add(CppJob());
  GiveRequest offer;
  offer.contact = ada_;
  offer.opportunity = job;
  ASSERT_TRUE(RecordGive(context(), offer));
  EXPECT_EQ(MatchedNames(job), (Names{"Cy Ortiz"}));
}

TEST_P(GiveApp, MatchLeavesOutSomeoneInTheTrash) {
  AddTheList();
  ASSERT_TRUE(RemoveContact(context(), ada_));
  EXPECT_EQ(MatchedNames(Add(CppJob())), (Names{"Cy Ortiz"}));
}

TEST_P(GiveApp, MatchingAClosedOpportunityIsAConflict) {
  const OpportunityId job = Add(CppJob());
  ASSERT_TRUE(CloseOpportunity(context(), job));
  auto matches = MatchOpportunity(context(), job, 20);
  ASSERT_FALSE(matches);
  EXPECT_EQ(matches.error().code, ErrorCode::kConflict);
}

TEST_P(GiveApp, MatchingAnUnknownOpportunityIsNotFound) {
  auto matches = MatchOpportunity(context(), OpportunityId{42}, 20);
  ASSERT_FALSE(matches);
  EXPECT_EQ(matches.error().code, ErrorCode::kNotFound);
}

TEST_P(GiveApp, MatchingWithALimitBelowOneIsInvalid) {
  auto matches = MatchOpportunity(context(), Add(CppJob()), 0);
  ASSERT_FALSE(matches);
  EXPECT_EQ(matches.error().code, ErrorCode::kInvalidInput);
}

// Gives

TEST_P(GiveApp, AGiveForAnOpportunitySaysItsTitle) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  GiveRequest request;
  request.contact = ada;
  request.opportunity = Add(CppJob());
  auto entry = RecordGive(context(), request);
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_EQ(entry->what, "Staff C++ engineer");
  EXPECT_EQ(entry->on, (Date{2026, 11, 26}));
  EXPECT_EQ(entry->kind, LedgerKind::kGive);
}

TEST_P(GiveApp, AGiveWithNothingToSayWhatIsInvalidAndWritesNothing) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  GiveRequest request;
  request.contact = ada;
  request.what = "   ";
  auto entry = RecordGive(context(), request);
  ASSERT_FALSE(entry);
  EXPECT_EQ(entry.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CountEntries(ada), 0U);
}

TEST_P(GiveApp, AGiveInTheFutureIsInvalidAndWritesNothing) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  GiveRequest request;
  request.contact = ada;
  request.what = "reviewed her talk";
  request.on = Date{2026, 11, 27};
  auto entry = RecordGive(context(), request);
  ASSERT_FALSE(entry);
  EXPECT_EQ(entry.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CountEntries(ada), 0U);
}

TEST_P(GiveApp, AGiveOfAnUnknownOpportunityIsNotFound) {
  GiveRequest request;
  request.contact = Person("Ada Okafor", {"C++"});
  request.opportunity = OpportunityId{42};
  auto entry = RecordGive(context(), request);
  ASSERT_FALSE(entry);
  EXPECT_EQ(entry.error().code, ErrorCode::kNotFound);
}

TEST_P(GiveApp, AGiveToSomeoneInTheTrashIsAConflict) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  ASSERT_TRUE(RemoveContact(context(), ada));
  GiveRequest request;
  request.contact = ada;
  request.what = "reviewed her talk";
  auto entry = RecordGive(context(), request);
  ASSERT_FALSE(entry);
  EXPECT_EQ(entry.error().code, ErrorCode::kConflict);
}

TEST_P(GiveApp, GivesEachWayMakeTheBalance) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  for (const auto direction : {LedgerDirection::kFromMe, LedgerDirection::kFromMe, LedgerDirection::kToMe}) {
    GiveRequest request;
    request.contact = ada;
    request.what = "a favour";
    request.direction = direction;
    ASSERT_TRUE(RecordGive(context(), request));
  }
  AskRequest ask{ada, "feedback on a deck", LedgerDirection::kToMe, std::nullopt};
  ASSERT_TRUE(RecordAsk(context(), ask));
  auto ledger = LedgerFor(context(), ada);
  ASSERT_TRUE(ledger) << ledger.error().message;
  EXPECT_EQ(ledger->balance.given, 2);
  EXPECT_EQ(ledger->balance.received, 1);
  EXPECT_EQ(ledger->balance.open_asks, 1);
}

TEST_P(GiveApp, LedgerOfAnUnknownContactIsNotFound) {
  auto ledger = LedgerFor(context(), ContactId{42});
  ASSERT_FALSE(ledger);
  EXPECT_EQ(ledger.error().code, ErrorCode::kNotFound);
}

// Introductions

TEST_P(GiveApp, AnIntroductionIsRecordedOnBothSides) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  const ContactId bo = Person("Bo Chen", {"Python"});
  ASSERT_TRUE(RecordIntroduction(context(), ada, bo, " both build databases ", std::nullopt));

  auto ada_ledger = LedgerFor(context(), ada);
  auto bo_ledger = LedgerFor(context(), bo);
  ASSERT_TRUE(ada_ledger && bo_ledger);
  ASSERT_EQ(ada_ledger->entries.size(), 1U);
  ASSERT_EQ(bo_ledger->entries.size(), 1U);
  const LedgerEntry& to_ada = ada_ledger->entries[0];
  const LedgerEntry& to_bo = bo_ledger->entries[0];
  EXPECT_EQ(to_ada.kind, LedgerKind::kIntro);
  EXPECT_EQ(to_ada.what, "introduced to Bo Chen");
  EXPECT_EQ(to_ada.introduced_to, bo);
  EXPECT_EQ(to_ada.why, "both build databases");
  EXPECT_EQ(to_bo.kind, LedgerKind::kIntro);
  EXPECT_EQ(to_bo.what, "introduced to Ada Okafor");
  EXPECT_EQ(to_bo.introduced_to, ada);
}

TEST_P(GiveApp, AnIntroductionIsAGiveToEach) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  const ContactId bo = Person("Bo Chen", {"Python"});
  ASSERT_TRUE(RecordIntroduction(context(), ada, bo, "both build databases", std::nullopt));
  auto ada_ledger = LedgerFor(context(), ada);
  auto bo_ledger = LedgerFor(context(), bo);
  ASSERT_TRUE(ada_ledger && bo_ledger);
  EXPECT_EQ(ada_ledger->balance.given, 1);
  EXPECT_EQ(bo_ledger->balance.given, 1);
}

TEST_P(GiveApp, IntroducingSomeoneToThemselvesIsInvalidAndWritesNothing) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  auto entries = RecordIntroduction(context(), ada, ada, "why not", std::nullopt);
  ASSERT_FALSE(entries);
  EXPECT_EQ(entries.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(CountEntries(ada), 0U);
}

TEST_P(GiveApp, AnIntroductionWithoutAReasonIsInvalid) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  const ContactId bo = Person("Bo Chen", {"Python"});
  auto entries = RecordIntroduction(context(), ada, bo, "  ", std::nullopt);
  ASSERT_FALSE(entries);
  EXPECT_EQ(entries.error().code, ErrorCode::kInvalidInput);
}

TEST_P(GiveApp, AnIntroductionToSomeoneUnknownWritesNothing) {
  const ContactId ada = Person("Ada Okafor", {"C++"});
  auto entries = RecordIntroduction(context(), ada, ContactId{42}, "both build databases", std::nullopt);
  ASSERT_FALSE(entries);
  EXPECT_EQ(entries.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(CountEntries(ada), 0U);
}

// Outcomes

TEST_P(GiveApp, SetLedgerOutcomeReturnsTheUpdatedEntry) {
  GiveRequest request;
  request.contact = Person("Ada Okafor", {"C++"});
  request.what = "intro to a recruiter";
  auto entry = RecordGive(context(), request);
  ASSERT_TRUE(entry) << entry.error().message;
  auto updated = SetLedgerOutcome(context(), entry->id, LedgerOutcome::kHired);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->outcome, LedgerOutcome::kHired);
  EXPECT_EQ(updated->what, "intro to a recruiter");
}

TEST_P(GiveApp, SetLedgerOutcomeOfAnUnknownEntryIsNotFound) {
  auto updated = SetLedgerOutcome(context(), LedgerEntryId{42}, LedgerOutcome::kHired);
  ASSERT_FALSE(updated);
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
}

// Your profile, and whom to tell

TEST_P(GiveApp, AProfileNeverSavedIsEmpty) {
  auto profile = ShowMyProfile(context());
  ASSERT_TRUE(profile) << profile.error().message;
  EXPECT_EQ(profile->name, "");
  EXPECT_TRUE(profile->skills.empty());
  EXPECT_EQ(profile->known_for, "");
}

TEST_P(GiveApp, ASavedProfileComesBackTrimmed) {
  ProfileChange change;
  change.name = " Sam Rivera ";
  change.skills = std::vector<std::string>{"SQLite", " ", " technical writing"};
  change.known_for = "fast embedded databases ";
  ASSERT_TRUE(ChangeMyProfile(context(), change));
  auto shown = ShowMyProfile(context());
  ASSERT_TRUE(shown) << shown.error().message;
  EXPECT_EQ(shown->name, "Sam Rivera");
  EXPECT_EQ(shown->skills, (std::vector<std::string>{"SQLite", "technical writing"}));
  EXPECT_EQ(shown->known_for, "fast embedded databases");
}

TEST_P(GiveApp, AProfileChangeKeepsTheFieldsItDoesNotName) {
  ProfileChange first;
  first.name = "Sam Rivera";
  first.skills = std::vector<std::string>{"SQLite"};
  first.known_for = "fast embedded databases";
  ASSERT_TRUE(ChangeMyProfile(context(), first));
  ProfileChange skills_only;
  skills_only.skills = std::vector<std::string>{"PostgreSQL", "technical writing"};
  auto saved = ChangeMyProfile(context(), skills_only);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->name, "Sam Rivera");
  EXPECT_EQ(saved->known_for, "fast embedded databases");
  auto shown = ShowMyProfile(context());
  ASSERT_TRUE(shown) << shown.error().message;
  EXPECT_EQ(shown->name, "Sam Rivera");
  EXPECT_EQ(shown->skills, (std::vector<std::string>{"PostgreSQL", "technical writing"}));
  EXPECT_EQ(shown->known_for, "fast embedded databases");
}

TEST_P(GiveApp, WhomToTellFindsThePersonInterestedInTheTopic) {
  AddTheList();
  auto people = WhomToTell(context(), "jazz", 10);
  ASSERT_TRUE(people) << people.error().message;
  ASSERT_EQ(people->size(), 1U);
  EXPECT_EQ(people->front().contact.id, dee_);
  EXPECT_EQ(people->front().reasons.front(), "interested in jazz");
}

TEST_P(GiveApp, WhomToTellNeedsATopic) {
  auto people = WhomToTell(context(), "  ", 10);
  ASSERT_FALSE(people);
  EXPECT_EQ(people.error().code, ErrorCode::kInvalidInput);
}

// The agenda

TEST_P(GiveApp, OpportunitiesToOfferListsOpenOnesWithTheirPeople) {
  AddTheList();
  OpportunityFields closed = CppJob();
  closed.title = "Filled C++ role";
  ASSERT_TRUE(CloseOpportunity(context(), Add(closed)));
  const OpportunityId open = Add(CppJob());
  auto offers = OpportunitiesToOffer(context(), 1);
  ASSERT_TRUE(offers) << offers.error().message;
  ASSERT_EQ(offers->size(), 1U);
  EXPECT_EQ(offers->front().opportunity.id, open);
  ASSERT_EQ(offers->front().people.size(), 1U);
  EXPECT_EQ(offers->front().people.front().contact.id, ada_);
}

// The agenda ranks each opportunity once and hands every face the finished
// item: the opportunity, its first people, and their names in the text.
TEST_P(GiveApp, TheAgendaCarriesEachOpportunityWithItsPeople) {
  AddTheList();
  const OpportunityId open = Add(CppJob());
  auto agenda = Today(context());
  ASSERT_TRUE(agenda) << agenda.error().message;
  EXPECT_EQ(agenda->date, context().clock.Today());
  const auto entry =
      std::find_if(agenda->entries.begin(), agenda->entries.end(),
                   [](const DayAgendaEntry& e) { return e.item.kind == AgendaItemKind::kOpportunity; });
  ASSERT_NE(entry, agenda->entries.end());
  ASSERT_TRUE(entry->offer.has_value());
  EXPECT_EQ(entry->offer->opportunity.id, open);
  ASSERT_FALSE(entry->offer->people.empty());
  EXPECT_LE(entry->offer->people.size(), 3U);
  EXPECT_EQ(entry->offer->people.front().contact.id, ada_);
  EXPECT_NE(entry->item.text.find("try " + entry->offer->people.front().contact.display_name),
            std::string::npos)
      << entry->item.text;
}

}  // namespace
}  // namespace kith
