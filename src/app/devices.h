// Devices that sync: each phone or address book app gets its own app
// password, shown once and kept only as an argon2id hash, so losing a phone
// means revoking one password, not changing the one you type. Sync clients
// (CardDAV at /dav/) sign in with HTTP Basic: the device's name and its app
// password, or any user name with the web password (`kith passwd`).
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/context.h"
#include "app/sign_in_throttle.h"
#include "domain/result.h"
#include "scan/qr_code.h"
#include "store/account_directory.h"
#include "store/store.h"

namespace kith {

// A device just added, with its app password: the only time it is known.
struct AddedDevice {
  Device device;
  std::string password;  // "abcd-efgh-jkmn-pqrs-tuvw": 20 random characters, 100 bits
  // What the device signs in as: its name, or on a database with accounts
  // ACCOUNT@WORKSPACE of the member who added it (docs/team.md).
  std::string username;
  QrCode qr;  // the password, for a phone's camera to read instead of typing it
};

// Adds a device called `name` (1-64 letters, digits, '.', '_' or '-'; it is
// the user name the device signs in with) with a fresh app password.
// kInvalidInput for a bad name; kAlreadyExists when a device that may still
// sync has that name (case ignored); kInternal when no password can be made.
Result<AddedDevice> AddDevice(Context& context, const std::string& name);

// Every device, revoked ones too, oldest first.
Result<std::vector<Device>> ListDevices(Context& context);

// Revokes the device called `name`: its app password never signs in again.
// kNotFound when no device of that name may sync.
Result<Device> RevokeDevice(Context& context, const std::string& name);

// Where devices reach `kith serve` ("https://kith.example.net:8443"), as the
// last server recorded it (RememberServerUrl); "http://127.0.0.1:8080",
// the default of `kith serve`, before any did.
Result<std::string> ServerUrl(Context& context);
// Records where this server is reached. kInvalidInput unless `url` starts
// with http:// or https://.
Status RememberServerUrl(Context& context, const std::string& url);

// {"id", "name", "created_at", "last_used_at", "revoked_at"}: never the hash.
nlohmann::json DeviceToJson(const Device& device);
// {"url", "username", "password"}: what a device is set up with. `server_url`
// is where kith serve is reached ("https://kith.example.net").
nlohmann::json DeviceSetupJson(const AddedDevice& added, std::string_view server_url);

// Successful checks of a password are remembered for a few minutes, so a
// sync client's hundreds of requests do not each pay argon2id's 19 MiB and
// tens of milliseconds. Entries are keyed by a keyed hash of the user, the
// password and the stored hash it matched (never the password itself): a
// new password or a revoked device no longer matches. Bounded in size.
class SyncPasswordCache {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  SyncPasswordCache();
  bool Contains(const std::string& key, TimePoint now);
  void Remember(const std::string& key, TimePoint now);
  // The key for a password that matched `stored_hash`.
  [[nodiscard]] std::string KeyFor(std::string_view user, std::string_view password,
                                   std::string_view stored_hash) const;

 private:
  static constexpr std::size_t kMaxEntries = 256;
  static constexpr std::chrono::minutes kRememberFor{10};
  std::string key_;  // random per process
  std::mutex mutex_;
  std::unordered_map<std::string, TimePoint> expiry_;
};

struct SyncCredentials {
  std::string address;  // the client's address: failures count against it
  std::string user;
  std::string password;
  std::string server_token;  // the token `kith serve` accepts; "" for none
};

// The outcome of one sync client's credentials.
struct SyncCheck {
  bool accepted = false;
  // Not zero: nothing was checked; the client must wait this long.
  std::chrono::seconds retry_after{0};
  // The device whose app password was checked afresh (not from the cache):
  // RecordDeviceUse should note that it synced.
  std::optional<std::int64_t> device_to_touch;
};

// Checks Basic credentials, at most as often as `throttle` lets the address
// try: the app password of the unrevoked device named `user`, else the web
// password (any user name), else the server's token. Only reads, so it runs
// on a read-only connection. Errors are the store's.
Result<SyncCheck> CheckSyncCredentials(Context& context, SignInThrottle& throttle, SyncPasswordCache& cache,
                                       const SyncCredentials& credentials, SignInThrottle::TimePoint now);

// The member a sync client's Basic credentials name on a database with
// accounts: the user name is ACCOUNT@WORKSPACE (split at the last '@'),
// the password the account's own or the app password of one of the
// account's devices in that workspace. Throttled as CheckSyncCredentials;
// `member` is empty when refused, whichever part was wrong.
struct SyncMemberCheck {
  std::optional<WorkspaceAccess> member;
  std::chrono::seconds retry_after{0};
  std::optional<std::int64_t> device_to_touch;  // as in SyncCheck
};
Result<SyncMemberCheck> CheckSyncMember(Context& context, SignInThrottle& throttle, SyncPasswordCache& cache,
                                        const SyncCredentials& credentials, SignInThrottle::TimePoint now);

// Whether sync clients must sign in: beyond loopback always; on loopback
// once any credential exists (a web password, a token, a device, an
// account), so a device set up on this machine is asked for its password
// as elsewhere.
Result<bool> SyncNeedsCredentials(Context& context, bool beyond_loopback, std::string_view server_token);

// Notes that the device synced now (shown by `kith device list`).
Status RecordDeviceUse(Context& context, std::int64_t device_id);

}  // namespace kith
