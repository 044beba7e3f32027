#include "search/opportunity_ranking.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kith {
namespace {

// Points per signal: skills decide, the rest order people with them.
// Having a skill asked for is worth more than every other signal together
// (interests or openness and what they look for, the place, recency, a
// mention: at most 60), so it dominates; how many of the skills asked for
// they have orders them among themselves.
constexpr double kSkillMatchPoints = 64;
constexpr double kSkillCoveragePoints = 36;
// Skills named in the opportunity's words only (none given).
constexpr double kSkillPoints = 50;
constexpr double kInterestPoints = 40;
constexpr double kOpenPoints = 20;
constexpr double kLookingForPoints = 10;
constexpr double kPlacePoints = 8;
constexpr double kRecencyPoints = 6;
constexpr double kMentionPoints = 6;
// A job title the words name counts this share of a skill they name.
constexpr double kJobTitleShare = 0.8;

double FitValue(SkillFit fit) {
  switch (fit) {
    case SkillFit::kExact:
      return 1.0;
    case SkillFit::kSynonym:
      return 0.95;
    case SkillFit::kStemmed:
      return 0.85;
    case SkillFit::kRelated:
      return 0.4;
    case SkillFit::kNone:
      return 0;
  }
  return 0;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Join(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) {
    if (!joined.empty()) joined += ", ";
    joined += value;
  }
  return joined;
}

// "May" this year, "May 2025" before.
std::string MonthSince(Date since, Date today) {
  static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};
  std::string month = kMonths.at(static_cast<std::size_t>(std::clamp(since.month, 1, 12) - 1));
  if (since.year != today.year) month += " " + std::to_string(since.year);
  return month;
}

// "3 weeks", "8 months", "2 years".

bool UsesInterests(OpportunityKind kind) {
  return kind == OpportunityKind::kTickets || kind == OpportunityKind::kIntro ||
         kind == OpportunityKind::kOther;
}

bool UsesOpenness(OpportunityKind kind) {
  return kind == OpportunityKind::kJob || kind == OpportunityKind::kProject;
}

// What an opportunity is about, beyond its skills: the stems of its title
// and description, word by word.
std::vector<std::string> TopicStems(const Opportunity& opportunity, const SkillMatcher& skills) {
  return skills.TextStems(opportunity.title + " " + opportunity.description);
}

bool SharesStem(const std::vector<std::string>& stems, const std::string& text, const SkillMatcher& skills) {
  for (const auto& stem : skills.Stems(text)) {
    if (stem.size() >= 3 && std::binary_search(stems.begin(), stems.end(), stem)) return true;
  }
  return false;
}

void Add(RankedMatch& match, std::string signal, double points) {
  match.score += points;
  match.parts.push_back(ScorePart{std::move(signal), points});
}

// What the whole ranking reads for every candidate, worked out once.
struct Wanted {
  const Opportunity& opportunity;
  std::vector<std::string> skills;  // as given, blanks dropped
  std::vector<std::string> topic;   // TopicStems
  std::string place;                // lower case
};

// Each wanted skill answered by the person's best-fitting skill.
bool ScoreWantedSkills(const Wanted& wanted, const Contact& contact, const SkillMatcher& skills,
                       RankedMatch& match) {
  std::vector<std::string> matched;
  std::vector<std::string> related;
  double fit_sum = 0;
  for (const auto& want : wanted.skills) {
    double best = 0;
    const std::string* best_skill = nullptr;
    for (const auto& have : contact.skills) {
      const double fit = FitValue(skills.Compare(want, have));
      if (fit > best) {
        best = fit;
        best_skill = &have;
      }
    }
    fit_sum += best;
    if (best_skill == nullptr) continue;
    auto& list = best >= FitValue(SkillFit::kStemmed) ? matched : related;
    if (std::find(list.begin(), list.end(), *best_skill) == list.end()) list.push_back(*best_skill);
  }
  if (wanted.skills.empty() || fit_sum <= 0) return false;
  const double coverage = kSkillCoveragePoints * fit_sum / static_cast<double>(wanted.skills.size());
  if (matched.empty()) {
    Add(match, "related skills", coverage);
  } else {
    Add(match, "skills", kSkillMatchPoints + coverage);
  }
  if (!matched.empty()) match.reasons.push_back("skills: " + Join(matched));
  if (!related.empty()) match.reasons.push_back("related skills: " + Join(related));
  return true;
}

// An opportunity given in words alone ("Photographer needed for our
// launch") wants what its words name: the person's skill the title and
// description cover best, every stem of it counting as the same fit as
// a skill with the same stems, some of them as a related one. A job title
// the words cover counts a little less than a skill: it says what someone
// does now, not all they can do.
bool ScoreSkillsNamedInText(const Wanted& wanted, const Contact& contact, const SkillMatcher& skills,
                            RankedMatch& match) {
  double best = 0;
  const std::string* best_skill = nullptr;
  for (const auto& have : contact.skills) {
    const double coverage = skills.Coverage(wanted.topic, have);
    const double fit =
        coverage >= 1.0 ? FitValue(SkillFit::kStemmed) : coverage * FitValue(SkillFit::kRelated);
    if (fit > best) {
      best = fit;
      best_skill = &have;
    }
  }
  const double title_fit = kJobTitleShare * FitValue(SkillFit::kStemmed) *
                           std::floor(skills.Coverage(wanted.topic, contact.title));
  if (best <= 0 && title_fit <= 0) return false;
  if (best >= title_fit) {
    Add(match, best >= FitValue(SkillFit::kStemmed) ? "skills" : "related skills", kSkillPoints * best);
    match.reasons.push_back((best >= FitValue(SkillFit::kStemmed) ? "skills: " : "related skills: ") +
                            *best_skill);
  } else {
    Add(match, "job title", kSkillPoints * title_fit);
    match.reasons.push_back("works as " + contact.title);
  }
  return true;
}

// Interests, for tickets, intros and the like: against the skills wanted
// and the words of the title and description.
bool ScoreInterests(const Wanted& wanted, const Contact& contact, const SkillMatcher& skills,
                    RankedMatch& match) {
  if (!UsesInterests(wanted.opportunity.kind)) return false;
  std::vector<std::string> shared;
  for (const auto& interest : contact.interests) {
    bool fits = SharesStem(wanted.topic, interest, skills);
    for (const auto& want : wanted.skills) {
      fits = fits || skills.Compare(want, interest) >= SkillFit::kStemmed;
    }
    if (fits) shared.push_back(interest);
  }
  if (shared.empty()) return false;
  Add(match, "interests", kInterestPoints);
  match.reasons.push_back("interested in " + Join(shared));
  return true;
}

// Open to opportunities (which alone does not make someone relevant), and
// what they are looking for (which does).
bool ScoreOpenness(const Wanted& wanted, const Contact& contact, Date today, const SkillMatcher& skills,
                   RankedMatch& match) {
  const OpportunityKind kind = wanted.opportunity.kind;
  if (!UsesOpenness(kind) || !IsOpenToOpportunities(contact, today)) return false;
  Add(match, kind == OpportunityKind::kJob ? "open to work" : "open to projects", kOpenPoints);
  std::string open = kind == OpportunityKind::kJob ? "open to work" : "open to projects";
  if (contact.open_since) open += " since " + MonthSince(*contact.open_since, today);
  match.reasons.push_back(std::move(open));
  if (contact.looking_for.empty() || !SharesStem(wanted.topic, contact.looking_for, skills)) return false;
  Add(match, "looking for", kLookingForPoints);
  match.reasons.push_back("looking for " + contact.looking_for);
  return true;
}

// The place: where they live or come from.
void ScorePlace(const Wanted& wanted, const Contact& contact, RankedMatch& match) {
  if (wanted.place.empty()) return;
  for (const std::string* where : {&contact.city, &contact.neighborhood, &contact.hometown}) {
    if (!where->empty() && wanted.place.find(Lower(*where)) != std::string::npos) {
      Add(match, "place", kPlacePoints);
      match.reasons.push_back(*where);
      return;
    }
  }
}

// A relationship that is alive: full points this week, half after a year.
void ScoreRecency(const Contact& contact, Date today, RankedMatch& match) {
  const std::int64_t quiet = std::max<std::int64_t>(0, DaysBetween(RelationshipDate(contact), today));
  Add(match, "recency", kRecencyPoints * std::exp2(-static_cast<double>(quiet) / 365.0));
  if (contact.last_contact) match.reasons.push_back("talked " + DaysAgo(quiet));
}

// Spread the giving: someone you just offered something waits a turn.
void ScoreLastGiven(std::optional<Date> last_given, Date today, RankedMatch& match) {
  if (!last_given) return;
  const std::int64_t since = DaysBetween(*last_given, today);
  if (since < 30) {
    Add(match, "given lately", -20);
  } else if (since < 90) {
    Add(match, "given lately", -10);
  } else if (since < 180) {
    Add(match, "given lately", -4);
  }
  match.reasons.push_back("last offered something " + DaysAgo(since));
}

// The candidate scored, or nullopt when nothing connects them to it.
std::optional<RankedMatch> Score(const Wanted& wanted, MatchCandidate& candidate, Date today,
                                 const SkillMatcher& skills) {
  const Contact& contact = candidate.contact;
  RankedMatch match;
  // Skills the person gave decide; without any, the words do.
  bool relevant = wanted.skills.empty() ? ScoreSkillsNamedInText(wanted, contact, skills, match)
                                        : ScoreWantedSkills(wanted, contact, skills, match);
  relevant = ScoreInterests(wanted, contact, skills, match) || relevant;
  relevant = ScoreOpenness(wanted, contact, today, skills, match) || relevant;
  if (candidate.mentioned) {
    Add(match, "notes", kMentionPoints);
    relevant = true;
    match.reasons.push_back("mentioned in your notes");
  }
  if (!relevant) return std::nullopt;
  ScorePlace(wanted, contact, match);
  ScoreRecency(contact, today, match);
  ScoreLastGiven(candidate.last_given, today, match);
  match.contact = std::move(candidate.contact);
  return match;
}

}  // namespace

std::vector<RankedMatch> RankCandidates(const Opportunity& opportunity,
                                        std::vector<MatchCandidate> candidates, Date today,
                                        const SkillMatcher& skills, std::size_t limit) {
  Wanted wanted{opportunity, {}, TopicStems(opportunity, skills), Lower(opportunity.place)};
  for (const auto& skill : opportunity.skills) {
    if (!skill.empty()) wanted.skills.push_back(skill);
  }
  std::vector<RankedMatch> ranked;
  for (auto& candidate : candidates) {
    if (auto match = Score(wanted, candidate, today, skills)) ranked.push_back(std::move(*match));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedMatch& a, const RankedMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    return RelationshipDate(a.contact) > RelationshipDate(b.contact);
  });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace kith
