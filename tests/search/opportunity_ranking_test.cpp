// Whom to offer an opportunity to: each signal on its own, everything else
// equal. The stronger candidate always comes second in the input, so a
// signal that did nothing would leave the input order and fail the test.
#include "search/opportunity_ranking.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

Contact Person(std::int64_t id, std::string name, std::vector<std::string> skills = {}) {
  Contact contact;
  contact.id = ContactId{id};
  contact.display_name = std::move(name);
  contact.skills = std::move(skills);
  contact.met_on = kToday.AddDays(-30);  // the same relationship date for everyone
  return contact;
}

MatchCandidate Candidate(Contact contact) {
  MatchCandidate candidate;
  candidate.contact = std::move(contact);
  return candidate;
}

Opportunity Wanting(OpportunityKind kind, std::string title, std::vector<std::string> skills) {
  Opportunity opportunity;
  opportunity.id = OpportunityId{1};
  opportunity.kind = kind;
  opportunity.title = std::move(title);
  opportunity.skills = std::move(skills);
  opportunity.created_on = kToday;
  return opportunity;
}

Opportunity CppJob() { return Wanting(OpportunityKind::kJob, "Staff C++ engineer", {"C++"}); }

Contact OpenToWork(Contact contact, Date since) {
  contact.open_to_opportunities = true;
  contact.open_since = since;
  return contact;
}

class RankCandidatesTest : public ::testing::Test {
 protected:
  std::vector<RankedMatch> Rank(const Opportunity& opportunity, std::vector<MatchCandidate> candidates,
                                std::size_t limit = 10, Date today = kToday) const {
    return RankCandidates(opportunity, std::move(candidates), today, skills_, limit);
  }
  std::vector<RankedMatch> Rank(const Opportunity& opportunity, std::vector<Contact> contacts) const {
    std::vector<MatchCandidate> candidates;
    for (auto& contact : contacts) candidates.push_back(Candidate(std::move(contact)));
    return Rank(opportunity, std::move(candidates));
  }

  static std::vector<std::string> Names(const std::vector<RankedMatch>& ranked) {
    std::vector<std::string> names;
    for (const auto& match : ranked) names.push_back(match.contact.display_name);
    return names;
  }

  // The reasons of the one candidate ranked, for reason tests.
  std::vector<std::string> ReasonsFor(const Opportunity& opportunity, MatchCandidate candidate,
                                      Date today = kToday) const {
    std::vector<MatchCandidate> candidates;
    candidates.push_back(std::move(candidate));
    const auto ranked = Rank(opportunity, std::move(candidates), 10, today);
    EXPECT_EQ(ranked.size(), 1U);
    return ranked.empty() ? std::vector<std::string>{} : ranked.front().reasons;
  }

  static ::testing::AssertionResult HasReason(const std::vector<std::string>& reasons,
                                              const std::string& reason) {
    if (std::find(reasons.begin(), reasons.end(), reason) != reasons.end()) {
      return ::testing::AssertionSuccess();
    }
    auto failure = ::testing::AssertionFailure() << "no reason \"" << reason << "\" among:";
    for (const auto& each : reasons) failure << " \"" << each << "\"";
    return failure;
  }

  SkillMatcher skills_;
};

using Ranking = std::vector<std::string>;

// Skills

TEST_F(RankCandidatesTest, AnExactSkillBeatsARelatedSkill) {
  const auto ranked = Rank(Wanting(OpportunityKind::kJob, "ML engineer", {"machine learning"}),
                           {Person(1, "Ada", {"deep learning"}), Person(2, "Bea", {"machine learning"})});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, MoreWantedSkillsCoveredRanksHigher) {
  const auto ranked = Rank(Wanting(OpportunityKind::kJob, "Database engineer", {"C++", "SQLite"}),
                           {Person(1, "Ada", {"C++"}), Person(2, "Bea", {"SQLite", "C++"})});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, ASynonymSkillCountsAsTheSkill) {
  const auto reasons = ReasonsFor(Wanting(OpportunityKind::kJob, "Frontend engineer", {"JavaScript"}),
                                  Candidate(Person(1, "Ada", {"JS"})));
  EXPECT_TRUE(HasReason(reasons, "skills: JS"));
}

TEST_F(RankCandidatesTest, ASynonymSkillBeatsARelatedSkill) {
  const auto ranked = Rank(Wanting(OpportunityKind::kJob, "ML engineer", {"machine learning"}),
                           {Person(1, "Ada", {"deep learning"}), Person(2, "Bea", {"ML"})});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, TheSkillAskedForOutranksOpennessPlaceAndWhatTheyLookFor) {
  Opportunity job = Wanting(OpportunityKind::kJob, "Data engineer", {"data engineering", "Python"});
  job.place = "Chicago";
  Contact ada = OpenToWork(Person(1, "Ada", {"marketing"}), kToday.AddDays(-10));
  ada.city = "Chicago";
  ada.looking_for = "a data engineer role";
  ada.last_contact = kToday;
  Contact bea = Person(2, "Bea", {"Python"});
  bea.city = "Denver";
  const auto ranked = Rank(job, {std::move(ada), std::move(bea)});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, TheScoreIsTheSumOfItsPartsEachNamed) {
  Opportunity job = CppJob();
  job.place = "Chicago";
  Contact ada = OpenToWork(Person(1, "Ada", {"C++"}), kToday.AddDays(-10));
  ada.city = "Chicago";
  const auto ranked = Rank(job, {std::move(ada)});
  ASSERT_EQ(ranked.size(), 1U);
  double sum = 0;
  std::vector<std::string> signals;
  for (const auto& part : ranked[0].parts) {
    sum += part.points;
    signals.push_back(part.signal);
  }
  EXPECT_DOUBLE_EQ(sum, ranked[0].score);
  EXPECT_EQ(signals, (std::vector<std::string>{"skills", "open to work", "place", "recency"}));
}

// Interests

TEST_F(RankCandidatesTest, InterestsCountForTickets) {
  std::vector<MatchCandidate> candidates = {Candidate(Person(1, "Ada")), Candidate(Person(2, "Bea"))};
  candidates[0].contact.interests = {"hiking"};
  candidates[1].contact.interests = {"jazz"};
  for (auto& candidate : candidates) candidate.mentioned = true;
  const auto ranked =
      Rank(Wanting(OpportunityKind::kTickets, "Two tickets to the jazz festival", {}), std::move(candidates));
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, InterestsDoNotCountForAJob) {
  Contact bea = Person(2, "Bea", {"piano"});
  bea.interests = {"jazz"};
  const auto ranked = Rank(Wanting(OpportunityKind::kJob, "Jazz pianist", {"piano"}),
                           {Person(1, "Ada", {"piano"}), std::move(bea)});
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_DOUBLE_EQ(ranked[0].score, ranked[1].score);
}

TEST_F(RankCandidatesTest, AnInterestAloneDoesNotPutSomeoneForwardForAJob) {
  Contact ada = Person(1, "Ada");
  ada.interests = {"jazz"};
  EXPECT_TRUE(Rank(Wanting(OpportunityKind::kJob, "Jazz pianist", {"piano"}), {std::move(ada)}).empty());
}

// Open to opportunities, and what they look for

TEST_F(RankCandidatesTest, OpenToOpportunitiesRanksHigherForAJob) {
  const auto ranked =
      Rank(CppJob(), {Person(1, "Ada", {"C++"}), OpenToWork(Person(2, "Bea", {"C++"}), kToday.AddDays(-30))});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, OpenToOpportunitiesRanksHigherForAProject) {
  const auto ranked =
      Rank(Wanting(OpportunityKind::kProject, "Port the engine", {"C++"}),
           {Person(1, "Ada", {"C++"}), OpenToWork(Person(2, "Bea", {"C++"}), kToday.AddDays(-30))});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, LapsedOpennessDoesNotCount) {
  const auto ranked = Rank(
      CppJob(), {Person(1, "Ada", {"C++"}), OpenToWork(Person(2, "Bea", {"C++"}), kToday.AddDays(-200))});
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_DOUBLE_EQ(ranked[0].score, ranked[1].score);
}

TEST_F(RankCandidatesTest, OpennessDoesNotCountForTickets) {
  Contact ada = Person(1, "Ada");
  ada.interests = {"jazz"};
  Contact bea = OpenToWork(Person(2, "Bea"), kToday.AddDays(-30));
  bea.interests = {"jazz"};
  const auto ranked = Rank(Wanting(OpportunityKind::kTickets, "Jazz festival tickets", {"jazz"}),
                           {std::move(ada), std::move(bea)});
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_DOUBLE_EQ(ranked[0].score, ranked[1].score);
}

TEST_F(RankCandidatesTest, LookingForWhatTheTitleSaysRanksHigher) {
  Contact ada = OpenToWork(Person(1, "Ada", {"C++"}), kToday.AddDays(-30));
  ada.looking_for = "a design role";
  Contact bea = OpenToWork(Person(2, "Bea", {"C++"}), kToday.AddDays(-30));
  bea.looking_for = "an engineering role";
  const auto ranked = Rank(CppJob(), {std::move(ada), std::move(bea)});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

// The place

TEST_F(RankCandidatesTest, LivingInThePlaceRanksHigher) {
  Opportunity job = CppJob();
  job.place = "Chicago, IL";
  Contact ada = Person(1, "Ada", {"C++"});
  ada.city = "Boston";
  Contact bea = Person(2, "Bea", {"C++"});
  bea.city = "Chicago";
  const auto ranked = Rank(job, {std::move(ada), std::move(bea)});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

// The relationship

TEST_F(RankCandidatesTest, ARecentRelationshipScoresHigherThanAnOldOne) {
  Contact ada = Person(1, "Ada", {"C++"});
  ada.last_contact = kToday.AddDays(-400);
  Contact bea = Person(2, "Bea", {"C++"});
  bea.last_contact = kToday.AddDays(-10);
  const auto ranked = Rank(CppJob(), {std::move(ada), std::move(bea)});
  ASSERT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
  EXPECT_GT(ranked[0].score, ranked[1].score) << "recency is scored, not only a tie-break";
}

TEST_F(RankCandidatesTest, SomeoneJustGivenSomethingWaitsATurn) {
  std::vector<MatchCandidate> candidates = {Candidate(Person(1, "Ada", {"C++"})),
                                            Candidate(Person(2, "Bea", {"C++"}))};
  candidates[0].last_given = kToday.AddDays(-10);
  const auto ranked = Rank(CppJob(), std::move(candidates));
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, AGiveLongAgoCostsNothing) {
  std::vector<MatchCandidate> candidates = {Candidate(Person(1, "Ada", {"C++"})),
                                            Candidate(Person(2, "Bea", {"C++"}))};
  candidates[0].last_given = kToday.AddDays(-245);
  const auto ranked = Rank(CppJob(), std::move(candidates));
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_DOUBLE_EQ(ranked[0].score, ranked[1].score);
}

TEST_F(RankCandidatesTest, BeingMentionedInNotesRanksHigher) {
  std::vector<MatchCandidate> candidates = {Candidate(Person(1, "Ada", {"C++"})),
                                            Candidate(Person(2, "Bea", {"C++"}))};
  candidates[1].mentioned = true;
  const auto ranked = Rank(CppJob(), std::move(candidates));
  EXPECT_EQ(Names(ranked), (Ranking{"Bea", "Ada"}));
}

TEST_F(RankCandidatesTest, BeingMentionedInNotesIsEnoughToBeListed) {
  MatchCandidate ada = Candidate(Person(1, "Ada"));
  ada.mentioned = true;
  EXPECT_TRUE(HasReason(ReasonsFor(CppJob(), std::move(ada)), "mentioned in your notes"));
}

// Who is left out, and how many

TEST_F(RankCandidatesTest, ACandidateNothingConnectsIsDropped) {
  Opportunity job = CppJob();
  job.place = "Chicago";
  Contact ada = OpenToWork(Person(1, "Ada", {"Python"}), kToday.AddDays(-10));
  ada.city = "Chicago";
  ada.looking_for = "anything";
  ada.last_contact = kToday.AddDays(-1);
  const auto ranked = Rank(job, {std::move(ada), Person(2, "Bea", {"C++"})});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea"}));
}

TEST_F(RankCandidatesTest, NoMoreThanTheLimit) {
  std::vector<MatchCandidate> candidates;
  for (int n = 1; n <= 5; ++n) {
    Contact contact = Person(n, "P" + std::to_string(n), {"C++"});
    contact.last_contact = kToday.AddDays(-n);
    candidates.push_back(Candidate(std::move(contact)));
  }
  const auto ranked = Rank(CppJob(), std::move(candidates), 2);
  EXPECT_EQ(Names(ranked), (Ranking{"P1", "P2"}));
}

TEST_F(RankCandidatesTest, NobodyForNoCandidates) {
  EXPECT_TRUE(Rank(CppJob(), std::vector<Contact>{}).empty());
}

// The reasons

TEST_F(RankCandidatesTest, ReasonNamesTheMatchedSkillsInTheOrderWanted) {
  const auto reasons = ReasonsFor(Wanting(OpportunityKind::kJob, "Database engineer", {"C++", "SQLite"}),
                                  Candidate(Person(1, "Ada", {"Python", "SQLite", "C++"})));
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons.front(), "skills: C++, SQLite");
}

TEST_F(RankCandidatesTest, ReasonNamesRelatedSkillsApart) {
  const auto reasons = ReasonsFor(Wanting(OpportunityKind::kJob, "ML engineer", {"machine learning"}),
                                  Candidate(Person(1, "Ada", {"deep learning"})));
  EXPECT_EQ(reasons, (std::vector<std::string>{"related skills: deep learning"}));
}

TEST_F(RankCandidatesTest, ReasonSaysOpenToWorkSinceTheMonthThisYear) {
  const auto reasons =
      ReasonsFor(CppJob(), Candidate(OpenToWork(Person(1, "Ada", {"C++"}), Date{2026, 9, 14})));
  EXPECT_TRUE(HasReason(reasons, "open to work since September"));
}

TEST_F(RankCandidatesTest, ReasonSaysTheYearWhenOpenSinceLastYear) {
  const auto reasons = ReasonsFor(
      CppJob(), Candidate(OpenToWork(Person(1, "Ada", {"C++"}), Date{2026, 11, 2})), Date{2027, 1, 20});
  EXPECT_TRUE(HasReason(reasons, "open to work since November 2026"));
}

TEST_F(RankCandidatesTest, ReasonSaysOpenToProjectsForAProject) {
  const auto reasons = ReasonsFor(Wanting(OpportunityKind::kProject, "Port the engine", {"C++"}),
                                  Candidate(OpenToWork(Person(1, "Ada", {"C++"}), Date{2026, 10, 1})));
  EXPECT_TRUE(HasReason(reasons, "open to projects since October"));
}

TEST_F(RankCandidatesTest, ReasonSaysWhatTheyAreLookingFor) {
  Contact ada = OpenToWork(Person(1, "Ada", {"C++"}), Date{2026, 10, 1});
  ada.looking_for = "an engineering role";
  EXPECT_TRUE(HasReason(ReasonsFor(CppJob(), Candidate(std::move(ada))), "looking for an engineering role"));
}

TEST_F(RankCandidatesTest, ReasonNamesTheCity) {
  Opportunity job = CppJob();
  job.place = "Chicago, IL";
  Contact ada = Person(1, "Ada", {"C++"});
  ada.city = "Chicago";
  EXPECT_TRUE(HasReason(ReasonsFor(job, Candidate(std::move(ada))), "Chicago"));
}

TEST_F(RankCandidatesTest, ReasonSaysWhenYouLastTalked) {
  Contact ada = Person(1, "Ada", {"C++"});
  ada.last_contact = kToday.AddDays(-21);
  EXPECT_TRUE(HasReason(ReasonsFor(CppJob(), Candidate(std::move(ada))), "talked 3 weeks ago"));
}

TEST_F(RankCandidatesTest, ReasonSaysWhenYouLastOfferedThemSomething) {
  MatchCandidate ada = Candidate(Person(1, "Ada", {"C++"}));
  ada.last_given = kToday.AddDays(-245);
  EXPECT_TRUE(HasReason(ReasonsFor(CppJob(), std::move(ada)), "last offered something 8 months ago"));
}

// A title alone: its words stand for the skills wanted

TEST_F(RankCandidatesTest, ATitleAloneFindsTheSkillItsWordsName) {
  const auto ranked = Rank(Wanting(OpportunityKind::kProject, "Photographer needed for our launch", {}),
                           {Person(1, "Ada", {"video editing"}), Person(2, "Bea", {"photography"})});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea"}));
  ASSERT_FALSE(ranked.empty());
  EXPECT_TRUE(HasReason(ranked.front().reasons, "skills: photography"));
}

TEST_F(RankCandidatesTest, ASkillTheTitleNamesWhollyBeatsOneItNamesInPart) {
  Contact founder = Person(1, "Ada", {"fundraising"});
  founder.title = "Founder";
  const auto ranked =
      Rank(Wanting(OpportunityKind::kIntro, "A founder needs an employment lawyer", {}),
           {std::move(founder), Person(2, "Bea", {"contract law"}), Person(3, "Cy", {"employment law"})});
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked.front().contact.display_name, "Cy");
}

TEST_F(RankCandidatesTest, AJobTitleTheWordsNameCountsWhenNoSkillDoes) {
  Contact ada = Person(1, "Ada");
  ada.title = "Photographer";
  const auto reasons = ReasonsFor(Wanting(OpportunityKind::kJob, "Photographer needed for our launch", {}),
                                  Candidate(std::move(ada)));
  EXPECT_TRUE(HasReason(reasons, "works as Photographer"));
}

TEST_F(RankCandidatesTest, GivenSkillsDecideOverTheTitlesWords) {
  // The title says engineer; the skill asked for is what counts.
  const auto ranked = Rank(CppJob(), {Person(1, "Ada", {"civil engineering"}), Person(2, "Bea", {"C++"})});
  EXPECT_EQ(Names(ranked), (Ranking{"Bea"}));
}

TEST_F(RankCandidatesTest, ReasonNamesTheSharedInterest) {
  Contact ada = Person(1, "Ada");
  ada.interests = {"hiking", "jazz"};
  const auto reasons = ReasonsFor(Wanting(OpportunityKind::kTickets, "Two tickets to the jazz festival", {}),
                                  Candidate(std::move(ada)));
  EXPECT_TRUE(HasReason(reasons, "interested in jazz"));
}

}  // namespace
}  // namespace kith
