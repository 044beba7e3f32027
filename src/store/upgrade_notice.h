// Who is told, before it starts, that opening a database will take a while.
// An upgrade whose step lays the search index out again indexes every card
// once more: minutes at a million people (BENCHMARKS.md, api12), and a
// command that sat silent that long would look hung. The CLI and the server
// point it at stderr; until one does, nobody is told (tests, tools).
#pragma once

#include <string_view>

namespace kith {

using UpgradeNotice = void (*)(std::string_view message);

// Replaces the listener; nullptr silences it.
void SetUpgradeNotice(UpgradeNotice notice);

// Tells the listener, if there is one.
void NoticeUpgrade(std::string_view message);

}  // namespace kith
