// An evaluation of `kith match` on opportunities written the way people
// write them: fifteen, each with one obvious person among thirty generated
// people, eight of them given as a title alone. The people and the words
// are this file's own; nothing in src/ was written from them.
//
// Run: build/tests/app_tests --gtest_filter='OpportunityMatchEvaluation.*'
// It prints how many found the right person first.
#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <iostream>
#include <string>
#include <vector>

#include "app/contacts.h"
#include "app/give.h"
#include "support/temp_database.h"

namespace kith {
namespace {

// The one person an opportunity is for: what makes them obvious.
struct Target {
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  std::string title;
};

struct Case {
  OpportunityKind kind;
  std::string title;
  std::vector<std::string> skills;  // --skill, empty for a title alone
  std::string description;          // --description
  Target target;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // A title alone.
      {OpportunityKind::kProject, "Photographer needed for our launch", {}, "", {{"photography"}, {}, ""}},
      {OpportunityKind::kIntro, "A founder needs an employment lawyer", {}, "", {{"employment law"}, {}, ""}},
      {OpportunityKind::kTickets, "Two tickets to the jazz night", {}, "", {{}, {"jazz"}, ""}},
      {OpportunityKind::kProject,
       "Looking for a bookkeeper for a small bakery",
       {},
       "",
       {{"bookkeeping"}, {}, ""}},
      {OpportunityKind::kTickets, "Spare seat at the chess tournament dinner", {}, "", {{}, {"chess"}, ""}},
      {OpportunityKind::kProject, "Our nonprofit needs a grant writer", {}, "", {{"grant writing"}, {}, ""}},
      {OpportunityKind::kJob,
       "Translator wanted, Portuguese to English",
       {},
       "",
       {{"Portuguese translation"}, {}, ""}},
      {OpportunityKind::kJob,
       "Hiring a UX designer for the mobile app",
       {},
       "",
       {{"user experience design"}, {}, ""}},
      // With the skills wanted, or a description.
      {OpportunityKind::kJob, "Backend role at a payments company", {"Rust"}, "", {{"Rust"}, {}, ""}},
      {OpportunityKind::kJob,
       "Data person for a climate startup",
       {"machine learning"},
       "",
       {{"ML"}, {}, ""}},
      {OpportunityKind::kProject,
       "Volunteer coach for the kids' team",
       {},
       "someone who has coached youth soccer",
       {{"soccer coaching"}, {}, ""}},
      {OpportunityKind::kIntro,
       "Intro to a seed investor",
       {"venture capital"},
       "",
       {{"venture capital"}, {}, "Partner"}},
      {OpportunityKind::kTickets,
       "Festival passes for this weekend",
       {},
       "three days of indie rock bands",
       {{}, {"indie rock"}, ""}},
      {OpportunityKind::kProject, "Help with our cluster migration", {"k8s"}, "", {{"Kubernetes"}, {}, ""}},
      {OpportunityKind::kJob,
       "Part-time tax adviser for a family firm",
       {"tax preparation"},
       "",
       {{"tax preparation"}, {}, ""}},
  };
  return cases;
}

// What everyone else has: ordinary skills, interests and job titles, some of
// them near the targets' (another kind of law, of design, of writing).
constexpr std::array<const char*, 16> kOtherSkills = {"contract law",
                                                      "graphic design",
                                                      "copywriting",
                                                      "Python",
                                                      "sales",
                                                      "negotiation",
                                                      "public speaking",
                                                      "Excel",
                                                      "video editing",
                                                      "React",
                                                      "SEO",
                                                      "project management",
                                                      "Spanish",
                                                      "financial modeling",
                                                      "data analysis",
                                                      "event planning"};
constexpr std::array<const char*, 10> kOtherInterests = {
    "hiking", "cycling", "yoga", "film", "cooking", "tennis", "poetry", "sailing", "gardening", "opera"};
constexpr std::array<const char*, 8> kOtherTitles = {
    "Founder",    "Product Manager", "Account Executive", "Software Engineer",
    "Consultant", "Teacher",         "Founder",           "Operations Manager"};
constexpr std::array<const char*, 30> kNames = {
    "Ada Okafor",   "Linus Lee",   "Mara Silva",  "Tomás Ruiz",   "Ines Berg",   "Kofi Mensah",
    "Hana Sato",    "Omar Haddad", "Greta Lind",  "Ravi Iyer",    "Zoe Park",    "Felix Braun",
    "Amara Diallo", "Jonas Weber", "Lucia Conti", "Nadia Petrov", "Sam Carter",  "Yuki Tanaka",
    "Pablo Ortega", "Elif Demir",  "Chen Wei",    "Maya Cohen",   "Leo Fischer", "Aisha Bello",
    "Noor Rahman",  "Erik Holm",   "Clara Novak", "Diego Santos", "Priya Nair",  "Owen Walsh"};

// Person i: the target of case i for the first fifteen, then fifteen
// others; everyone gets two ordinary skills, an interest and a title,
// chosen by their number so the data is the same on every run.
ContactFields Generated(std::size_t i) {
  ContactFields fields;
  fields.display_name = kNames.at(i);
  fields.skills = {kOtherSkills.at(i % kOtherSkills.size()),
                   kOtherSkills.at((i * 7 + 3) % kOtherSkills.size())};
  fields.interests = {kOtherInterests.at(i % kOtherInterests.size())};
  fields.title = kOtherTitles.at(i % kOtherTitles.size());
  fields.city = i % 2 == 0 ? "Chicago" : "Lisbon";
  if (i < Cases().size()) {
    const Target& target = Cases()[i].target;
    fields.skills.insert(fields.skills.end(), target.skills.begin(), target.skills.end());
    fields.interests.insert(fields.interests.end(), target.interests.begin(), target.interests.end());
    if (!target.title.empty()) fields.title = target.title;
  }
  return fields;
}

class OpportunityMatchEvaluation : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  void SetUp() override {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
      auto added = AddContact(world_.context(), Generated(i));
      ASSERT_TRUE(added) << added.error().message;
    }
  }

  // The name of the person ranked first, or why there is none.
  std::string FirstFor(const Case& opportunity) {
    OpportunityFields fields;
    fields.kind = opportunity.kind;
    fields.title = opportunity.title;
    fields.skills = opportunity.skills;
    fields.description = opportunity.description;
    auto added = AddOpportunity(world_.context(), fields);
    if (!added) return "refused: " + added.error().message;
    auto matches = MatchOpportunity(world_.context(), added->id, 3);
    if (!matches) return "failed: " + matches.error().message;
    if (matches->empty()) return "nobody";
    return matches->front().contact.display_name;
  }

  testing::TestWorld world_{GetParam()};
};

KITH_ON_BOTH_STORES(OpportunityMatchEvaluation);

TEST_P(OpportunityMatchEvaluation, TheObviousPersonComesFirst) {
  int right = 0;
  int right_title_only = 0;
  int title_only = 0;
  for (std::size_t i = 0; i < Cases().size(); ++i) {
    const Case& opportunity = Cases()[i];
    const bool alone = opportunity.skills.empty() && opportunity.description.empty();
    const std::string first = FirstFor(opportunity);
    const bool found = first == kNames.at(i);
    right += found ? 1 : 0;
    title_only += alone ? 1 : 0;
    right_title_only += found && alone ? 1 : 0;
    std::cout << (found ? "  right  " : "  WRONG  ") << '"' << opportunity.title << "\" -> " << first
              << (found ? "" : " (wanted " + std::string(kNames.at(i)) + ")") << '\n';
  }
  std::cout << right << " of " << Cases().size()
            << " found the right person first; title alone: " << right_title_only << " of " << title_only
            << '\n';
  EXPECT_EQ(title_only, 8);
  // Every one should; a regression below this is a real loss.
  EXPECT_GE(right, 14);
  EXPECT_GE(right_title_only, 7);
}

}  // namespace
}  // namespace kith
