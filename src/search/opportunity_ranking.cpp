#include "search/opportunity_ranking.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kith {
namespace {

// Points per signal: skills decide, the rest order people with them.
constexpr double kSkillPoints = 50;
constexpr double kInterestPoints = 40;
constexpr double kOpenPoints = 20;
constexpr double kLookingForPoints = 10;
constexpr double kPlacePoints = 8;
constexpr double kRecencyPoints = 6;
constexpr double kMentionPoints = 6;

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

bool UsesInterests(OpportunityKind kind) {
  return kind == OpportunityKind::kTickets || kind == OpportunityKind::kIntro ||
         kind == OpportunityKind::kOther;
}

bool UsesOpenness(OpportunityKind kind) {
  return kind == OpportunityKind::kJob || kind == OpportunityKind::kProject;
}

// What an opportunity is about, beyond its skills: the stems of its title
// and description.
std::vector<std::string> TopicStems(const Opportunity& opportunity, const SkillMatcher& skills) {
  std::vector<std::string> stems = skills.Stems(opportunity.title + " " + opportunity.description);
  std::erase_if(stems, [](const std::string& stem) { return stem.size() < 3; });
  return stems;
}

bool SharesStem(const std::vector<std::string>& stems, const std::string& text, const SkillMatcher& skills) {
  for (const auto& stem : skills.Stems(text)) {
    if (stem.size() >= 3 && std::find(stems.begin(), stems.end(), stem) != stems.end()) return true;
  }
  return false;
}

}  // namespace

std::vector<RankedMatch> RankCandidates(const Opportunity& opportunity,
                                        std::vector<MatchCandidate> candidates, Date today,
                                        const SkillMatcher& skills, std::size_t limit) {
  const std::vector<std::string> topic = TopicStems(opportunity, skills);
  std::vector<std::string> wanted;
  for (const auto& skill : opportunity.skills) {
    if (!skill.empty()) wanted.push_back(skill);
  }
  std::vector<RankedMatch> ranked;
  for (auto& candidate : candidates) {
    const Contact& contact = candidate.contact;
    RankedMatch match;
    bool relevant = false;

    // Skills wanted, each answered by the person's best-fitting skill.
    std::vector<std::string> matched;
    std::vector<std::string> related;
    double fit_sum = 0;
    for (const auto& want : wanted) {
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
    if (!wanted.empty() && fit_sum > 0) {
      match.score += kSkillPoints * fit_sum / static_cast<double>(wanted.size());
      relevant = true;
      if (!matched.empty()) match.reasons.push_back("skills: " + Join(matched));
      if (!related.empty()) match.reasons.push_back("related skills: " + Join(related));
    }

    // Interests, for tickets, intros and the like: against the skills wanted
    // and the words of the title and description.
    if (UsesInterests(opportunity.kind)) {
      std::vector<std::string> shared;
      for (const auto& interest : contact.interests) {
        bool fits = SharesStem(topic, interest, skills);
        for (const auto& want : wanted) {
          fits = fits || skills.Compare(want, interest) >= SkillFit::kStemmed;
        }
        if (fits) shared.push_back(interest);
      }
      if (!shared.empty()) {
        match.score += kInterestPoints;
        relevant = true;
        match.reasons.push_back("interested in " + Join(shared));
      }
    }

    // Open to opportunities, and what they are looking for.
    if (UsesOpenness(opportunity.kind) && IsOpenToOpportunities(contact, today)) {
      match.score += kOpenPoints;
      std::string open = opportunity.kind == OpportunityKind::kJob ? "open to work" : "open to projects";
      if (contact.open_since) open += " since " + MonthSince(*contact.open_since, today);
      match.reasons.push_back(std::move(open));
      if (!contact.looking_for.empty() && SharesStem(topic, contact.looking_for, skills)) {
        match.score += kLookingForPoints;
        relevant = true;
        match.reasons.push_back("looking for " + contact.looking_for);
      }
    }

    if (candidate.mentioned) {
      match.score += kMentionPoints;
      relevant = true;
      match.reasons.push_back("mentioned in your notes");
    }
    if (!relevant) continue;

    // The place: where they live or come from.
    const std::string place = Lower(opportunity.place);
    if (!place.empty()) {
      for (const std::string* where : {&contact.city, &contact.neighborhood, &contact.hometown}) {
        if (!where->empty() && place.find(Lower(*where)) != std::string::npos) {
          match.score += kPlacePoints;
          match.reasons.push_back(*where);
          break;
        }
      }
    }

    // A relationship that is alive: full points this week, half after a year.
    const std::int64_t quiet = std::max<std::int64_t>(0, DaysBetween(RelationshipDate(contact), today));
    match.score += kRecencyPoints * std::exp2(-static_cast<double>(quiet) / 365.0);
    if (contact.last_contact) match.reasons.push_back("talked " + DaysAgo(quiet));

    // Spread the giving: someone you just offered something waits a turn.
    if (candidate.last_given) {
      const std::int64_t since = DaysBetween(*candidate.last_given, today);
      if (since < 30) {
        match.score -= 20;
      } else if (since < 90) {
        match.score -= 10;
      } else if (since < 180) {
        match.score -= 4;
      }
      match.reasons.push_back("last offered something " + DaysAgo(since));
    }
    match.contact = std::move(candidate.contact);
    ranked.push_back(std::move(match));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedMatch& a, const RankedMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    return RelationshipDate(a.contact) > RelationshipDate(b.contact);
  });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace kith
