#include <nlohmann/json.hpp>

#include "app/access.h"
#include "app/give.h"
#include "app/rank_opportunity.h"
#include "domain/validation.h"

namespace kith {
namespace {

constexpr const char* kProfileKey = "me";

}  // namespace

Result<MyProfile> ShowMyProfile(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kProfileKey));
  MyProfile profile;
  if (!stored) return profile;
  const nlohmann::json json = nlohmann::json::parse(*stored, nullptr, false);
  if (!json.is_object()) return Fail(ErrorCode::kInternal, "your stored profile is not readable JSON");
  profile.name = json.value("name", "");
  profile.known_for = json.value("known_for", "");
  if (json.contains("skills") && json["skills"].is_array()) {
    for (const auto& skill : json["skills"]) {
      if (skill.is_string()) profile.skills.push_back(skill.get<std::string>());
    }
  }
  return profile;
}

Result<MyProfile> ChangeMyProfile(Context& context, const ProfileChange& change) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "change the profile"));
  KITH_ASSIGN_OR_RETURN(const MyProfile stored, ShowMyProfile(context));
  MyProfile saved;
  saved.name = Trim(change.name.value_or(stored.name));
  saved.known_for = Trim(change.known_for.value_or(stored.known_for));
  for (const auto& skill : change.skills.value_or(stored.skills)) {
    if (!Trim(skill).empty()) saved.skills.push_back(Trim(skill));
  }
  const nlohmann::json json = {
      {"name", saved.name}, {"skills", saved.skills}, {"known_for", saved.known_for}};
  KITH_RETURN_IF_ERROR(context.store.SetSetting(kProfileKey, json.dump()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return saved;
}

Result<std::vector<RankedMatch>> WhomToTell(Context& context, const std::string& topic, int limit) {
  if (Trim(topic).empty()) return Fail(ErrorCode::kInvalidInput, "say what you want to share", "topic");
  KITH_ASSIGN_OR_RETURN(const MyProfile me, ShowMyProfile(context));
  // Something you made is news for people who care about its topic: an
  // opportunity of no particular kind, read against interests and skills.
  Opportunity share;
  share.kind = OpportunityKind::kOther;
  share.title = Trim(topic);
  share.description = me.known_for;
  // Each word of the topic (and each of your skills it names) is a thing to
  // care about on its own: "my talk on SQLite performance" is news for
  // people into SQLite, or into performance.
  std::string word;
  for (const char c : topic + " ") {
    if (c == ' ' || c == ',' || c == ';') {
      if (word.size() >= 3) share.skills.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  std::erase_if(share.skills, [](const std::string& candidate) {
    const std::string folded = AsciiLower(candidate);
    return folded == "my" || folded == "the" || folded == "and" || folded == "new" || folded == "for" ||
           folded == "about" || folded == "with" || folded == "post" || folded == "talk";
  });
  for (const auto& skill : me.skills) {
    if (AsciiLower(topic).find(AsciiLower(skill)) != std::string::npos) share.skills.push_back(skill);
  }
  if (share.skills.empty()) share.skills = {Trim(topic)};
  return RankForOpportunity(context, share, limit);
}

}  // namespace kith
