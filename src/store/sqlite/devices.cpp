// Devices and their app passwords in SQLite: only the argon2id hash of each
// password, and when the device was added, last synced and revoked.
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

constexpr std::string_view kColumns =
    "id, name, password_hash, created_at, coalesce(last_used_at, ''), coalesce(revoked_at, '')";

Device DeviceAt(const Statement& row) {
  return Device{row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), ""};
}

}  // namespace

Result<Device> SqliteStore::InsertDevice(const Device& device) {
  Device stored = device;
  stored.last_used_at.clear();
  stored.revoked_at.clear();
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO devices(name, password_hash, created_at) "
                                             "VALUES(?1, ?2, ?3)"));
    insert.Bind(1, device.name).Bind(2, device.password_hash).Bind(3, device.created_at);
    KITH_RETURN_IF_ERROR(insert.Run());
    stored.id = database_->LastInsertRowId();
    return Ok();
  }));
  return stored;
}

Result<std::optional<Device>> SqliteStore::FindLiveDevice(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT " + std::string(kColumns) +
                                      " FROM devices WHERE name = ?1 COLLATE NOCASE AND revoked_at IS NULL"));
  select.Bind(1, name);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return std::optional<Device>();
  std::optional<Device> device = DeviceAt(select);
  select.Reset();
  return device;
}

Result<std::vector<Device>> SqliteStore::Devices() {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT " + std::string(kColumns) + " FROM devices ORDER BY id"));
  std::vector<Device> devices;
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
    if (!found) break;
    devices.push_back(DeviceAt(select));
  }
  return devices;
}

Result<bool> SqliteStore::HasLiveDevices() {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT EXISTS(SELECT 1 FROM devices WHERE revoked_at IS NULL)"));
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  const bool any = found && select.Int(0) != 0;
  select.Reset();
  return any;
}

Status SqliteStore::RevokeDevice(std::int64_t id, std::string_view at) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto update, database_->Prepare("UPDATE devices SET revoked_at = ?2 "
                                                          "WHERE id = ?1 AND revoked_at IS NULL"));
    update.Bind(1, id).Bind(2, at);
    KITH_RETURN_IF_ERROR(update.Run());
    if (database_->Changes() == 0) {
      return Fail(ErrorCode::kNotFound, "no device with id " + std::to_string(id) + " may sync", "device");
    }
    return Ok();
  });
}

Status SqliteStore::TouchDevice(std::int64_t id, std::string_view at) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto update,
                          database_->Prepare("UPDATE devices SET last_used_at = ?2 WHERE id = ?1"));
    update.Bind(1, id).Bind(2, at);
    KITH_RETURN_IF_ERROR(update.Run());
    if (database_->Changes() == 0) {
      return Fail(ErrorCode::kNotFound, "no device with id " + std::to_string(id), "device");
    }
    return Ok();
  });
}

}  // namespace kith::sqlite
