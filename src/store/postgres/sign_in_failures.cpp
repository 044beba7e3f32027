// Failed sign-ins on PostgreSQL (migration 8): one row per client address,
// shared by every server of the database. The statements name no
// workspace: a sign-in is counted before anyone is known. Times are the
// database's (clock_timestamp(): the one clock all servers read).
#include <algorithm>

#include "store/postgres/pg_store.h"

namespace kith::postgres {

Result<SignInFailureCount> PgStore::SignInFailuresOf(const std::string& key,
                                                     const SignInFailureMemory& memory) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      connection_->Query(
          "SELECT failures, ceil(extract(epoch FROM greatest(blocked_until - clock_timestamp(), "
          "interval '0')))::bigint FROM sign_in_failures "
          "WHERE address_key = $1 AND last_failure > clock_timestamp() - make_interval(secs => $2)",
          Params().Add(key).Add(static_cast<std::int64_t>(memory.forget_after.count()))));
  if (rows.empty()) return SignInFailureCount{};
  return SignInFailureCount{static_cast<int>(rows.Int(0, 0)), std::chrono::seconds(rows.Int(0, 1))};
}

Result<int> PgStore::AddSignInFailure(const std::string& key, const SignInFailureMemory& memory,
                                      const std::function<std::chrono::seconds(int failures)>& delay_after) {
  int failures = 0;
  const auto forget = static_cast<std::int64_t>(memory.forget_after.count());
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    // One statement counts, so two servers counting the same address at
    // once both count (the row is locked by the first until it commits).
    KITH_ASSIGN_OR_RETURN(
        const Rows counted,
        connection_->Query(
            "INSERT INTO sign_in_failures AS f(address_key, failures, last_failure, blocked_until) "
            "VALUES ($1, 1, clock_timestamp(), clock_timestamp()) "
            "ON CONFLICT (address_key) DO UPDATE SET "
            "failures = CASE WHEN f.last_failure > clock_timestamp() - make_interval(secs => $2) "
            "THEN f.failures + 1 ELSE 1 END, last_failure = clock_timestamp() "
            "RETURNING failures, (xmax = 0) AS inserted",
            Params().Add(key).Add(forget)));
    failures = static_cast<int>(counted.Int(0, 0));
    const auto delay =
        static_cast<std::int64_t>(std::max(delay_after(failures), std::chrono::seconds(0)).count());
    KITH_RETURN_IF_ERROR(connection_->Query(
        "UPDATE sign_in_failures SET blocked_until = greatest(blocked_until, last_failure + "
        "make_interval(secs => $2)) WHERE address_key = $1",
        Params().Add(key).Add(delay)));
    if (!counted.Bool(0, 1)) return Ok();
    // A new address: the table stays bounded. Quiet addresses go, and
    // beyond the cap the quietest (an address spread over many keys pays
    // an argon2id check for each failure all the same).
    KITH_RETURN_IF_ERROR(connection_->Query(
        "DELETE FROM sign_in_failures WHERE last_failure < clock_timestamp() - make_interval(secs => $1)",
        Params().Add(forget)));
    return connection_
        ->Query(
            "DELETE FROM sign_in_failures WHERE address_key IN (SELECT address_key FROM sign_in_failures "
            "ORDER BY last_failure DESC OFFSET $1)",
            Params().Add(static_cast<std::int64_t>(memory.max_addresses)))
        .map([](const Rows&) {});
  }));
  return failures;
}

Status PgStore::ClearSignInFailures(const std::string& key) {
  return connection_->Query("DELETE FROM sign_in_failures WHERE address_key = $1", Params().Add(key))
      .map([](const Rows&) {});
}

}  // namespace kith::postgres
