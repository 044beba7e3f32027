#include "agenda/starters.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace kith {
namespace {

// A fact learned more than a year ago about something that changes may no
// longer be true: ask whether it still is rather than assume.
constexpr int kStaleAfterDays = 365;

// How each known key is asked about; "{}" stands for the fact's value. A
// `stale` wording marks things that change, used once the fact is old.
struct StarterWording {
  std::string_view key;
  std::string_view fresh;
  std::string_view stale;
};

constexpr std::array<StarterWording, 23> kWordings = {{
    {"hometown", "Ask about {} — where they grew up", ""},
    {"neighborhood", "Ask what they like about living in {}", ""},
    {"neighbourhood", "Ask what they like about living in {}", ""},
    {"moved", "Ask how the move to {} went", "Still in {}? Ask how life has been since the move"},
    {"move", "Ask how the move to {} went", "Still in {}? Ask how life has been since the move"},
    {"hobby", "Ask about {} — what got them into it?", ""},
    {"hobbies", "Ask about {} — what got them into it?", ""},
    {"family", "Ask how the family is: {}", ""},
    {"kids", "Ask how the kids are: {}", ""},
    {"children", "Ask how the kids are: {}", ""},
    {"pet", "Ask how their pet is: {}", ""},
    {"travel", "Ask about their travels: {}", ""},
    {"trip", "Ask about their travels: {}", ""},
    {"goal", "Ask how their goal is going: {}", ""},
    {"goals", "Ask how their goals are going: {}", ""},
    {"current_work", "Ask how work is going: {}", "Still {}? Ask what they are working on now"},
    {"company", "Ask how things are at {}", "Still at {}? Ask how things are there"},
    {"how_started", "Ask how they got into their work: {}", ""},
    {"how_they_started", "Ask how they got into their work: {}", ""},
    {"project", "Ask how the project is going: {}", "Still working on {}? Ask where it led"},
    {"projects", "Ask how their projects are going: {}", "Still working on {}? Ask where it led"},
    {"learning", "Ask how learning {} is going", ""},
    {"challenge", "Ask how they are getting on with {}", ""},
}};

// What someone is working towards and on is the best opening, so it leads.
bool Leads(const Fact& fact) {
  return fact.key == "goal" || fact.key == "goals" || fact.key == "current_work";
}

std::string Filled(std::string_view wording, std::string_view value) {
  std::string text(wording);
  const auto slot = text.find("{}");
  if (slot != std::string::npos) text.replace(slot, 2, value);
  return text;
}

std::string Spaced(std::string_view key) {
  std::string text(key);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string StarterFor(const Fact& fact, Date today) {
  const auto wording = std::find_if(kWordings.begin(), kWordings.end(),
                                    [&fact](const StarterWording& known) { return known.key == fact.key; });
  if (wording == kWordings.end()) return "Ask about their " + Spaced(fact.key) + ": " + fact.value;
  const bool stale = DaysBetween(fact.learned_on, today) > kStaleAfterDays;
  return Filled(stale && !wording->stale.empty() ? wording->stale : wording->fresh, fact.value);
}

std::vector<const Fact*> InAskingOrder(const std::vector<Fact>& facts) {
  std::vector<const Fact*> ordered;
  for (const auto& fact : facts) {
    if (!fact.value.empty()) ordered.push_back(&fact);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const Fact* left, const Fact* right) {
    if (Leads(*left) != Leads(*right)) return Leads(*left);
    if (left->learned_on != right->learned_on) return left->learned_on > right->learned_on;
    return left->id > right->id;
  });
  return ordered;
}

}  // namespace

std::vector<std::string> ConversationStarters(const std::vector<Fact>& facts, Date today, int limit) {
  std::vector<std::string> starters;
  for (const Fact* fact : InAskingOrder(facts)) {
    if (static_cast<int>(starters.size()) >= limit) break;
    std::string starter = StarterFor(*fact, today);
    // The same fact learned twice should not be asked about twice.
    if (std::find(starters.begin(), starters.end(), starter) == starters.end()) {
      starters.push_back(std::move(starter));
    }
  }
  return starters;
}

}  // namespace kith
