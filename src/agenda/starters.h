// Conversation starters drawn from what you know about someone: the brief
// turns "hometown: Pilsen" into "Ask about Pilsen — where they grew up".
#pragma once

#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/relationship.h"

namespace kith {

// At most `limit` starters, the newest facts first, goals and current work
// before the rest. Known keys get their own wording (hometown, neighborhood,
// moved/move, hobby, family, kids, pet, travel, goal, current_work,
// how_started, project, learning, challenge, …); any other key gets
// "Ask about their <key>: <value>". Facts older than a year about things that
// change (current work, projects, moves) are phrased as "still …?".
std::vector<std::string> ConversationStarters(const std::vector<Fact>& facts, Date today, int limit = 5);

}  // namespace kith
