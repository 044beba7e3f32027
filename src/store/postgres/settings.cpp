// Settings on PostgreSQL: the workspace's profile and preferences by key.
#include "store/postgres/pg_store.h"

namespace kith::postgres {

Result<std::optional<std::string>> PgStore::GetSetting(std::string_view key) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT value FROM settings WHERE workspace_id = $1 AND key = $2", Params().Add(key)));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.Text(0, 0));
}

Status PgStore::SetSetting(std::string_view key, std::string_view value) {
  return Write(
      "INSERT INTO settings(workspace_id, key, value) VALUES ($1, $2, $3) "
      "ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value",
      Params().Add(key).Add(value));
}

Result<std::vector<std::pair<std::string, std::string>>> PgStore::AllSettings() {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT key, value FROM settings WHERE workspace_id = $1 ORDER BY key"));
  std::vector<std::pair<std::string, std::string>> settings;
  settings.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) settings.emplace_back(rows.Text(row, 0), rows.Text(row, 1));
  return settings;
}

}  // namespace kith::postgres
