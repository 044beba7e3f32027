// Skills compared the way people mean them.
#include "search/skill_terms.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kith {
namespace {

class SkillTerms : public ::testing::Test {
 protected:
  SkillFit Compare(std::string_view want, std::string_view have) const {
    return matcher_.Compare(want, have);
  }
  bool StemsContain(std::string_view text, const std::string& stem) const {
    const auto stems = matcher_.Stems(text);
    return std::find(stems.begin(), stems.end(), stem) != stems.end();
  }

  SkillMatcher matcher_;
};

TEST_F(SkillTerms, TheSameWordsAreExactIgnoringCase) {
  EXPECT_EQ(Compare("SQLite", "sqlite"), SkillFit::kExact);
}

TEST_F(SkillTerms, TheSameWordsAreExactIgnoringSpacingAndHyphens) {
  EXPECT_EQ(Compare("  Machine   Learning ", "machine-learning"), SkillFit::kExact);
}

TEST_F(SkillTerms, ShortFormMatchesItsLongFormBothWays) {
  EXPECT_EQ(Compare("js", "JavaScript"), SkillFit::kSynonym);
  EXPECT_EQ(Compare("JavaScript", "JS"), SkillFit::kSynonym);
}

TEST_F(SkillTerms, MlIsMachineLearningBothWays) {
  EXPECT_EQ(Compare("ML", "machine learning"), SkillFit::kSynonym);
  EXPECT_EQ(Compare("Machine Learning", "ml"), SkillFit::kSynonym);
}

TEST_F(SkillTerms, K8sIsKubernetesBothWays) {
  EXPECT_EQ(Compare("k8s", "Kubernetes"), SkillFit::kSynonym);
  EXPECT_EQ(Compare("Kubernetes", "K8S"), SkillFit::kSynonym);
}

TEST_F(SkillTerms, OtherWordFormsInAnyOrderAreStemmed) {
  EXPECT_EQ(Compare("managing teams", "team management"), SkillFit::kStemmed);
}

TEST_F(SkillTerms, StopWordsDoNotKeepWordFormsApart) {
  EXPECT_EQ(Compare("sales and marketing", "marketing of sales"), SkillFit::kStemmed);
}

TEST_F(SkillTerms, ASharedSignificantStemIsRelated) {
  EXPECT_EQ(Compare("machine learning", "deep learning"), SkillFit::kRelated);
}

TEST_F(SkillTerms, AShortWordInCommonDoesNotRelateSkills) {
  EXPECT_EQ(Compare("go programming", "go to market"), SkillFit::kNone);
}

TEST_F(SkillTerms, DifferentSkillsDoNotMatch) { EXPECT_EQ(Compare("C++", "Python"), SkillFit::kNone); }

TEST_F(SkillTerms, AnEmptySkillMatchesNothing) {
  EXPECT_EQ(Compare("", "Python"), SkillFit::kNone);
  EXPECT_EQ(Compare("Python", "  "), SkillFit::kNone);
}

TEST_F(SkillTerms, FitsAreOrderedFromNoneToExact) {
  EXPECT_LT(SkillFit::kNone, SkillFit::kRelated);
  EXPECT_LT(SkillFit::kRelated, SkillFit::kStemmed);
  EXPECT_LT(SkillFit::kStemmed, SkillFit::kSynonym);
  EXPECT_LT(SkillFit::kSynonym, SkillFit::kExact);
}

TEST_F(SkillTerms, StemsOfAShortFormAreTheStemsOfWhatItStandsFor) {
  EXPECT_TRUE(StemsContain("ML", "machin"));
  EXPECT_TRUE(StemsContain("ML", "learn"));
}

TEST_F(SkillTerms, StemsOfAShortFormKeepTheShortFormToo) { EXPECT_TRUE(StemsContain("ML", "ml")); }

TEST_F(SkillTerms, StemsAreLowerCaseWordStemsWithoutStopWords) {
  const auto stems = matcher_.Stems("Managing Teams and Budgets");
  EXPECT_EQ(stems, (std::vector<std::string>{"budget", "manag", "team"}));
}

using Forms = std::vector<std::vector<std::string>>;

TEST_F(SkillTerms, FormsOfAShortFormAreItsLongFormStemsWordsAndItself) {
  EXPECT_EQ(matcher_.Forms("ML"), (Forms{{"learn", "machin"}, {"machine", "learning"}, {"ml"}}));
}

TEST_F(SkillTerms, FormsOfALongFormIncludeItsShortForm) {
  EXPECT_EQ(matcher_.Forms("JavaScript"), (Forms{{"javascript"}, {"js"}}));
}

TEST_F(SkillTerms, ShortFormsAreKeptAsWritten) {
  EXPECT_EQ(matcher_.Forms("Kubernetes"), (Forms{{"kubernet"}, {"kubernetes"}, {"k8s"}}));
}

TEST_F(SkillTerms, ASkillWithoutSynonymsIsItsStemsAndItsWords) {
  EXPECT_EQ(matcher_.Forms("Team Management"), (Forms{{"manag", "team"}, {"team", "management"}}));
}

TEST_F(SkillTerms, AWordWhoseStemIsNotItsPrefixIsLookedForAsWritten) {
  // "pottery" stems to "potteri": as a prefix it would find nobody.
  EXPECT_EQ(matcher_.Forms("pottery"), (Forms{{"potteri"}, {"pottery"}}));
}

// Free text, as an opportunity's title is written.

TEST_F(SkillTerms, TextStemsReadWordsAcrossPunctuationAndExpandShortForms) {
  EXPECT_EQ(matcher_.TextStems("Wanted: an ML engineer, remote!"),
            (std::vector<std::string>{"engin", "learn", "machin", "remot", "want"}));
}

TEST_F(SkillTerms, TextStemsKeepTheMarksSkillsAreWrittenWith) {
  const auto stems = matcher_.TextStems("Staff C++ engineer");
  EXPECT_NE(std::find(stems.begin(), stems.end(), "c++"), stems.end());
}

TEST_F(SkillTerms, APersonWhoPractisesSomethingCoversItsSkill) {
  // "lawyer" and "law", "photographer" and "photography": a root and a
  // longer form of it.
  EXPECT_DOUBLE_EQ(matcher_.Coverage(matcher_.TextStems("an employment lawyer"), "employment law"), 1.0);
  EXPECT_DOUBLE_EQ(matcher_.Coverage(matcher_.TextStems("Photographer needed"), "photography"), 1.0);
}

TEST_F(SkillTerms, CoverageIsTheShareOfTheSkillsStemsNamed) {
  EXPECT_DOUBLE_EQ(matcher_.Coverage(matcher_.TextStems("an employment lawyer"), "contract law"), 0.5);
  EXPECT_DOUBLE_EQ(matcher_.Coverage(matcher_.TextStems("an employment lawyer"), "graphic design"), 0.0);
}

TEST_F(SkillTerms, AStemFarLongerThanAnotherIsNotTheSameRoot) {
  // "art" is not the root of "artificial".
  EXPECT_DOUBLE_EQ(matcher_.Coverage(matcher_.TextStems("artificial intelligence"), "art"), 0.0);
}

TEST_F(SkillTerms, AShortSkillIsNeverCoveredByTheWordsAroundIt) {
  EXPECT_DOUBLE_EQ(matcher_.Coverage(matcher_.TextStems("time to go"), "Go"), 0.0);
}

}  // namespace
}  // namespace kith
