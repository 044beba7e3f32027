// Conversation starters drawn from what you know about someone: the brief
// turns "hometown: Pilsen" into "Ask about Pilsen — where they grew up".
#pragma once

#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/relationship.h"

namespace kith {

// At most `limit` starters (none for a limit of 0 or less), the newest facts
// first, goals and current work before the rest. Known keys get their own
// wording (hometown, neighborhood, moved/move, hobby, family, kids, pet,
// travel, goal, current_work, company, how_started, project, learning,
// challenge, …); any other key gets "Ask about their <key>: <value>", with
// underscores in the key read as spaces. Facts older than a year about things
// that change (current work, company, projects, moves) are phrased as
// "still …?". Facts with an empty value are skipped; a starter is never
// repeated.
std::vector<std::string> ConversationStarters(const std::vector<Fact>& facts, Date today, int limit = 5);

}  // namespace kith
