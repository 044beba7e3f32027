#include "app/account_sign_in.h"

#include "app/secrets.h"
#include "store/account_directory.h"

namespace kith {
namespace {

// An argon2id hash no password matches in practice, checked for an
// unknown account so that it costs what a known one does: the time of an
// answer does not tell whether the account exists.
const std::string& DecoyHash() {
  static const std::string kDecoy = HashPassword("kith: no account has this password").value_or("");
  return kDecoy;
}

Result<std::optional<WorkspaceAccess>> MemberOf(AccountDirectory& directory,
                                                const AccountCredentials& credentials) {
  KITH_ASSIGN_OR_RETURN(const auto hash, directory.PasswordHashOf(credentials.account));
  const bool password_matches = PasswordMatches(hash ? *hash : DecoyHash(), credentials.password);
  if (!hash || !password_matches) return std::optional<WorkspaceAccess>();
  KITH_ASSIGN_OR_RETURN(const auto workspace, directory.FindWorkspace(credentials.workspace));
  if (!workspace) return std::optional<WorkspaceAccess>();
  return directory.FindMember(workspace->id, credentials.account);
}

}  // namespace

Result<bool> SignsInByAccount(Context& context) {
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) return false;
  return directory->HasAccounts();
}

Result<MemberCheck> CheckMember(Context& context, SignInThrottle& throttle,
                                const AccountCredentials& credentials, SignInThrottle::TimePoint now) {
  MemberCheck check;
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) return check;
  KITH_ASSIGN_OR_RETURN(const SignInAttempt attempt,
                        throttle.Try(credentials.address, now, [&]() -> Result<bool> {
                          KITH_ASSIGN_OR_RETURN(check.member, MemberOf(*directory, credentials));
                          return check.member.has_value();
                        }));
  check.retry_after = attempt.retry_after;
  if (!attempt.accepted) check.member.reset();
  return check;
}

Result<SignInOutcome> SignInByAccount(Context& context, SignInThrottle& throttle,
                                      const AccountCredentials& credentials, const SessionLimits& limits,
                                      SignInThrottle::TimePoint now) {
  KITH_ASSIGN_OR_RETURN(const bool by_account, SignsInByAccount(context));
  if (!by_account) {
    return Fail(ErrorCode::kInvalidInput,
                "this server has no accounts: sign in with its password ({\"password\": …})", "account");
  }
  for (const auto& [value, name] :
       {std::pair{&credentials.account, "account"}, std::pair{&credentials.password, "password"},
        std::pair{&credentials.workspace, "workspace"}}) {
    if (value->empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  std::string("sign in with your account, password and workspace: ") + name + " is missing",
                  name);
    }
  }
  KITH_ASSIGN_OR_RETURN(const MemberCheck check, CheckMember(context, throttle, credentials, now));
  if (check.retry_after.count() > 0) return SignInOutcome{std::nullopt, check.retry_after, std::nullopt};
  if (!check.member) return Fail(ErrorCode::kUnauthorized, "wrong account, password or workspace");
  // The session's row lands in the member's workspace, under its policies.
  KITH_RETURN_IF_ERROR(AccountsOf(context.store)->ActAs(*check.member));
  KITH_ASSIGN_OR_RETURN(WebSessionKeys session, StartWebSession(context, limits));
  return SignInOutcome{std::move(session), std::chrono::seconds(0), check.member};
}

}  // namespace kith
