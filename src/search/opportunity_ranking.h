// Whom to offer an opportunity to, and why: the ranking behind `kith match`.
// Pure: the candidates and today come in, the ranked list goes out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/give.h"
#include "search/skill_terms.h"

namespace kith {

struct MatchCandidate {
  Contact contact;
  std::optional<Date> last_given;  // the last time you gave them anything
  bool mentioned = false;          // the opportunity's words are in their notes
};

// One signal's share of a score: "skills" +92, "place" +8, "given lately" -20.
struct ScorePart {
  std::string
      signal;  // skills, related skills, interests, open, looking for, place, recency, notes, given lately
  double points = 0;
};

struct RankedMatch {
  Contact contact;
  double score = 0;                  // the sum of `parts`
  std::vector<ScorePart> parts;      // in the order scored
  std::vector<std::string> reasons;  // "skills: C++, SQLite", "open to work since May", …
};

// Scores each candidate on the signals that fit the opportunity's kind:
// the skills asked for dominate: anyone with one of them (as such, a
// synonym or the same stem) ranks above everyone without, whatever else
// those have going for them (open to work, the right city, …), unless they
// were just given something. Then
// skills wanted (exact, synonym, stem, related); interests (for tickets,
// intros and other); open to opportunities and what they are looking for
// (jobs and projects); the place; how recent the relationship is; and how
// recently you already gave them something (the giving is spread).
// Candidates nothing connects to the opportunity are dropped. Best first,
// at most `limit`; each with its score's parts.
std::vector<RankedMatch> RankCandidates(const Opportunity& opportunity,
                                        std::vector<MatchCandidate> candidates, Date today,
                                        const SkillMatcher& skills, std::size_t limit);

}  // namespace kith
