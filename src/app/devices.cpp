#include "app/devices.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "app/access.h"
#include "app/login_names.h"
#include "app/secrets.h"
#include "app/web_access.h"

namespace kith {
namespace {

constexpr const char* kServerUrlKey = "serve.url";
// No 0/o, 1/l/i: the password may be typed from the screen on a phone.
constexpr std::string_view kPasswordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
constexpr std::size_t kPasswordGroups = 5;
constexpr std::size_t kGroupLength = 4;

Status ValidateName(const std::string& name) { return ValidateLoginName(name, "device", "iphone", "name"); }

// Five groups of four, "abcd-efgh-…": easy to read out, and ~100 bits.
Result<std::string> NewAppPassword() {
  std::string password;
  for (std::size_t group = 0; group < kPasswordGroups; ++group) {
    KITH_ASSIGN_OR_RETURN(const std::string part, RandomText(kGroupLength, kPasswordAlphabet));
    if (!password.empty()) password += '-';
    password += part;
  }
  return password;
}

// Whether `password` matches `stored_hash`, asking the cache before argon2id.
// `fresh` says whether argon2id was run (and matched).
bool Matches(SyncPasswordCache& cache, std::string_view user, std::string_view password,
             const std::string& stored_hash, SyncPasswordCache::TimePoint now, bool& fresh) {
  fresh = false;
  if (stored_hash.empty()) return false;
  const std::string key = cache.KeyFor(user, password, stored_hash);
  if (cache.Contains(key, now)) return true;
  if (!PasswordMatches(stored_hash, password)) return false;
  cache.Remember(key, now);
  fresh = true;
  return true;
}

}  // namespace

Result<AddedDevice> AddDevice(Context& context, const std::string& name) {
  KITH_RETURN_IF_ERROR(ValidateName(name));
  KITH_ASSIGN_OR_RETURN(std::string password, NewAppPassword());
  KITH_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add a device"));
  KITH_ASSIGN_OR_RETURN(const auto existing, context.store.FindLiveDevice(name));
  if (existing) {
    return Fail(ErrorCode::kAlreadyExists,
                "a device called '" + existing->name +
                    "' already syncs: revoke it first (kith device revoke " + existing->name +
                    ") or pick another name",
                "name");
  }
  Device fresh;
  fresh.name = name;
  fresh.password_hash = std::move(hash);
  fresh.created_at = context.clock.NowTimestamp();
  std::string username = name;
  // On a database with accounts the device syncs as the member adding it.
  if (const AccountDirectory* directory = AccountsOf(context.store)) {
    const WorkspaceAccess acting = directory->Access();
    fresh.account = acting.account;
    if (!acting.account.empty()) username = acting.account + "@" + acting.workspace;
  }
  KITH_ASSIGN_OR_RETURN(Device device, context.store.InsertDevice(fresh));
  KITH_ASSIGN_OR_RETURN(QrCode qr, EncodeQrCode(password));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return AddedDevice{std::move(device), std::move(password), std::move(username), std::move(qr)};
}

Result<std::vector<Device>> ListDevices(Context& context) { return context.store.Devices(); }

Result<Device> RevokeDevice(Context& context, const std::string& name) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "revoke a device"));
  KITH_ASSIGN_OR_RETURN(auto device, context.store.FindLiveDevice(name));
  if (!device) {
    return Fail(ErrorCode::kNotFound, "no device called '" + name + "' syncs (kith device list shows them)",
                "name");
  }
  device->revoked_at = context.clock.NowTimestamp();
  KITH_RETURN_IF_ERROR(context.store.RevokeDevice(device->id, device->revoked_at));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return *device;
}

Result<std::string> ServerUrl(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kServerUrlKey));
  if (!stored || stored->empty()) return std::string("http://127.0.0.1:8080");
  return *stored;
}

Status RememberServerUrl(Context& context, const std::string& url) {
  if (!url.starts_with("http://") && !url.starts_with("https://")) {
    return Fail(ErrorCode::kInvalidInput,
                "the server's URL '" + url + "' must start with http:// or https://", "url");
  }
  std::string trimmed = url;
  while (trimmed.ends_with('/')) trimmed.pop_back();
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_RETURN_IF_ERROR(context.store.SetSetting(kServerUrlKey, trimmed));
  return transaction.Commit();
}

nlohmann::json DeviceToJson(const Device& device) {
  const auto optional = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  return {{"id", device.id},
          {"name", device.name},
          {"created_at", device.created_at},
          {"last_used_at", optional(device.last_used_at)},
          {"revoked_at", optional(device.revoked_at)}};
}

nlohmann::json DeviceSetupJson(const AddedDevice& added, std::string_view server_url) {
  return {{"url", std::string(server_url) + "/dav/"},
          {"username", added.username},
          {"password", added.password},
          {"device", DeviceToJson(added.device)}};
}

SyncPasswordCache::SyncPasswordCache() {
  auto key = RandomHex(crypto_generichash_KEYBYTES);
  // Without libsodium no password can be checked at all; an empty key only
  // makes the cache's keys guessable from memory, never wrong.
  if (key) key_ = std::move(*key);
}

std::string SyncPasswordCache::KeyFor(std::string_view user, std::string_view password,
                                      std::string_view stored_hash) const {
  std::string message;
  message.reserve(user.size() + password.size() + stored_hash.size() + 2);
  message.append(user).append(1, '\0').append(password).append(1, '\0').append(stored_hash);
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
  sodium_memzero(message.data(), message.size());
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

bool SyncPasswordCache::Contains(const std::string& key, TimePoint now) {
  const std::lock_guard lock(mutex_);
  const auto found = expiry_.find(key);
  return found != expiry_.end() && found->second > now;
}

void SyncPasswordCache::Remember(const std::string& key, TimePoint now) {
  const std::lock_guard lock(mutex_);
  if (expiry_.size() >= kMaxEntries) {
    std::erase_if(expiry_, [now](const auto& entry) { return entry.second <= now; });
    if (expiry_.size() >= kMaxEntries) expiry_.clear();
  }
  expiry_[key] = now + kRememberFor;
}

Result<SyncCheck> CheckSyncCredentials(Context& context, SignInThrottle& throttle, SyncPasswordCache& cache,
                                       const SyncCredentials& credentials, SignInThrottle::TimePoint now) {
  SyncCheck check;
  KITH_ASSIGN_OR_RETURN(
      const SignInAttempt attempt, throttle.Try(credentials.address, now, [&]() -> Result<bool> {
        bool fresh = false;
        KITH_ASSIGN_OR_RETURN(const auto device, context.store.FindLiveDevice(credentials.user));
        if (device && Matches(cache, device->name, credentials.password, device->password_hash, now, fresh)) {
          if (fresh) check.device_to_touch = device->id;
          return true;
        }
        KITH_ASSIGN_OR_RETURN(const auto web_hash, WebPasswordHash(context));
        if (Matches(cache, "", credentials.password, web_hash, now, fresh)) return true;
        return SameSecret(credentials.password, credentials.server_token);
      }));
  check.accepted = attempt.accepted;
  check.retry_after = attempt.retry_after;
  if (!check.accepted) check.device_to_touch.reset();
  return check;
}

Result<SyncMemberCheck> CheckSyncMember(Context& context, SignInThrottle& throttle, SyncPasswordCache& cache,
                                        const SyncCredentials& credentials, SignInThrottle::TimePoint now) {
  SyncMemberCheck check;
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) return check;
  const std::size_t at = credentials.user.rfind('@');
  const std::string account = credentials.user.substr(0, at);
  const std::string workspace = at == std::string::npos ? "" : credentials.user.substr(at + 1);
  KITH_ASSIGN_OR_RETURN(
      const SignInAttempt attempt, throttle.Try(credentials.address, now, [&]() -> Result<bool> {
        bool fresh = false;
        KITH_ASSIGN_OR_RETURN(const auto hash, directory->PasswordHashOf(account));
        KITH_ASSIGN_OR_RETURN(const auto found, directory->FindWorkspace(workspace));
        if (!hash || !found) return false;
        KITH_ASSIGN_OR_RETURN(check.member, directory->FindMember(found->id, account));
        if (!check.member) return false;
        if (Matches(cache, "account:" + account, credentials.password, *hash, now, fresh)) return true;
        // The member's own devices in the workspace, read as the member.
        KITH_RETURN_IF_ERROR(directory->ActAs(*check.member));
        KITH_ASSIGN_OR_RETURN(const auto devices, context.store.Devices());
        for (const Device& device : devices) {
          if (device.account != account || !device.revoked_at.empty()) continue;
          if (Matches(cache, device.name, credentials.password, device.password_hash, now, fresh)) {
            if (fresh) check.device_to_touch = device.id;
            return true;
          }
        }
        return false;
      }));
  check.retry_after = attempt.retry_after;
  if (!attempt.accepted) {
    check.member.reset();
    check.device_to_touch.reset();
  }
  return check;
}

Result<bool> SyncNeedsCredentials(Context& context, bool beyond_loopback, std::string_view server_token) {
  if (beyond_loopback || !server_token.empty()) return true;
  if (AccountDirectory* directory = AccountsOf(context.store)) {
    KITH_ASSIGN_OR_RETURN(const bool has_accounts, directory->HasAccounts());
    if (has_accounts) return true;
  }
  KITH_ASSIGN_OR_RETURN(const bool has_password, HasWebPassword(context));
  if (has_password) return true;
  return context.store.HasLiveDevices();
}

Status RecordDeviceUse(Context& context, std::int64_t device_id) {
  return context.store.TouchDevice(device_id, context.clock.NowTimestamp());
}

}  // namespace kith
