// Devices and their app passwords on PostgreSQL: only the argon2id hash of
// each password, and when the device was added, last synced and revoked.
#include "store/postgres/pg_store.h"

namespace kith::postgres {
namespace {

constexpr std::string_view kColumns =
    "id, name, password_hash, created_at, coalesce(last_used_at, ''), coalesce(revoked_at, ''), account";

Device DeviceAt(const Rows& rows, int row) {
  return Device{rows.Int(row, 0),  rows.Text(row, 1), rows.Text(row, 2), rows.Text(row, 3),
                rows.Text(row, 4), rows.Text(row, 5), rows.Text(row, 6)};
}

}  // namespace

Result<Device> PgStore::InsertDevice(const Device& device) {
  Device stored = device;
  stored.last_used_at.clear();
  stored.revoked_at.clear();
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(stored.id, NextIds("devices", 1));
    return Run("INSERT INTO devices(workspace_id, id, name, password_hash, created_at, account) "
               "VALUES ($1, $2, $3, $4, $5, $6)",
               Params()
                   .Add(stored.id)
                   .Add(device.name)
                   .Add(device.password_hash)
                   .Add(device.created_at)
                   .Add(device.account))
        .map([](const Rows&) {});
  }));
  return stored;
}

Result<std::optional<Device>> PgStore::FindLiveDevice(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT " + std::string(kColumns) +
                                " FROM devices WHERE workspace_id = $1 AND lower(name) = lower($2) "
                                "AND revoked_at IS NULL",
                            Params().Add(name)));
  if (rows.empty()) return std::optional<Device>();
  return std::optional<Device>(DeviceAt(rows, 0));
}

Result<std::vector<Device>> PgStore::Devices() {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT " + std::string(kColumns) +
                                             " FROM devices WHERE workspace_id = $1 ORDER BY id"));
  std::vector<Device> devices;
  devices.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) devices.push_back(DeviceAt(rows, row));
  return devices;
}

Result<bool> PgStore::HasLiveDevices() {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT EXISTS (SELECT 1 FROM devices WHERE workspace_id = $1 "
                                             "AND revoked_at IS NULL)"));
  return rows.Bool(0, 0);
}

Status PgStore::RevokeDevice(std::int64_t id, std::string_view at) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows updated,
                          Run("UPDATE devices SET revoked_at = $3 WHERE workspace_id = $1 "
                              "AND id = $2 AND revoked_at IS NULL",
                              Params().Add(id).Add(at)));
    if (updated.Affected() == 0) {
      return Fail(ErrorCode::kNotFound, "no device with id " + std::to_string(id) + " may sync", "device");
    }
    return Ok();
  });
}

Status PgStore::TouchDevice(std::int64_t id, std::string_view at) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows updated,
                          Run("UPDATE devices SET last_used_at = $3 WHERE workspace_id = $1 AND id = $2",
                              Params().Add(id).Add(at)));
    if (updated.Affected() == 0)
      return Fail(ErrorCode::kNotFound, "no device with id " + std::to_string(id), "device");
    return Ok();
  });
}

}  // namespace kith::postgres
