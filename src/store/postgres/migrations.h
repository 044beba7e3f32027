// The PostgreSQL schema, as numbered steps like SQLite's
// (store/sqlite/migrations.cpp): version N is the first N steps applied.
// Internal to store/postgres/.
#pragma once

#include <string_view>
#include <vector>

namespace kith::postgres {

const std::vector<std::string_view>& Migrations();

// The workspace every store opens, as its owner, until it acts as a member
// of another (PgStore::ActAs): the first step creates it, named "default".
inline constexpr std::int64_t kDefaultWorkspace = 1;

}  // namespace kith::postgres
