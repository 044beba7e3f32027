#include "store/postgres/pg_store.h"

#include "store/postgres/migrations.h"

namespace kith {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri, OpenIntent intent) {
  KITH_ASSIGN_OR_RETURN(auto store, postgres::PgStore::Open(uri, intent));
  return std::unique_ptr<Store>(std::move(store));
}

namespace postgres {

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& uri, OpenIntent intent) {
  KITH_ASSIGN_OR_RETURN(auto connection, Connection::Open(uri));
  KITH_ASSIGN_OR_RETURN(auto folding, sqlite::Database::Open(":memory:", sqlite::OpenMode::kReadWrite));
  KITH_ASSIGN_OR_RETURN(auto tokenizer, sqlite::FtsTokenizer::Create(*folding));
  auto store =
      std::unique_ptr<PgStore>(new PgStore(std::move(connection), std::move(folding), std::move(tokenizer)));
  KITH_RETURN_IF_ERROR(store->Migrate());
  KITH_RETURN_IF_ERROR(store->ActAs({kDefaultWorkspace, Role::kOwner, "", "default"}));
  // A reader of `kith serve` must never write: the server refuses for it.
  if (intent == OpenIntent::kReadOnly) {
    KITH_RETURN_IF_ERROR(store->connection_->Execute("SET default_transaction_read_only = on"));
    store->read_only_ = true;
  }
  return store;
}

Status PgStore::Migrate() {
  const auto latest = static_cast<std::int64_t>(Migrations().size());
  // One transaction under an advisory lock: two servers starting on a new
  // database upgrade it once, and a failed step leaves it as it was.
  KITH_RETURN_IF_ERROR(connection_->Execute("BEGIN"));
  Status migrated = [&]() -> Status {
    KITH_RETURN_IF_ERROR(connection_->Execute(
        "SELECT pg_advisory_xact_lock(hashtext('kith schema'));"
        "CREATE TABLE IF NOT EXISTS kith_schema(version integer NOT NULL);"
        "INSERT INTO kith_schema(version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM kith_schema)"));
    KITH_ASSIGN_OR_RETURN(const Rows version_row, connection_->Query("SELECT version FROM kith_schema"));
    const std::int64_t version = version_row.Int(0, 0);
    if (version > latest) {
      return Fail(ErrorCode::kConflict,
                  "the PostgreSQL database was written by a newer kith (schema version " +
                      std::to_string(version) + "; this kith knows up to " + std::to_string(latest) +
                      "): upgrade kith to open it",
                  "db");
    }
    for (std::int64_t step = version; step < latest; ++step) {
      if (auto applied = connection_->Execute(Migrations().at(static_cast<std::size_t>(step))); !applied) {
        return Fail(ErrorCode::kInternal, "upgrading the PostgreSQL database from schema version " +
                                              std::to_string(version) + " to " + std::to_string(latest) +
                                              " failed: " + applied.error().message);
      }
    }
    KITH_ASSIGN_OR_RETURN(const Rows updated,
                          connection_->Query("UPDATE kith_schema SET version = $1", Params().Add(latest)));
    (void)updated;
    return Ok();
  }();
  if (!migrated) {
    // The connection goes with the store that failed to open; the rollback
    // only tidies it.
    (void)connection_->EndTransaction("ROLLBACK");
    return migrated;
  }
  return connection_->EndTransaction("COMMIT");
}

Result<Transaction> PgStore::Begin() { return BeginTransaction(false); }

// The cards of a bulk write go in a batch at a time through COPY, their
// lists and search entries too (bulk_copy.cpp); there is no index pass to
// defer, as SQLite's.
Result<Transaction> PgStore::BeginBulk() { return BeginTransaction(true); }

Result<Transaction> PgStore::BeginTransaction(bool bulk) {
  if (in_transaction_) return Fail(ErrorCode::kInternal, "a transaction is already open");
  KITH_RETURN_IF_ERROR(connection_->Execute("BEGIN"));
  in_transaction_ = true;
  bulk_ = bulk;
  deferred_vocabulary_.clear();
  found_glances_.clear();  // a write may change what they show
  if (bulk) deferred_vocabulary_.emplace_back();
  copied_cards_ = 0;
  analyzed_at_cards_ = 0;
  listed_keys_.reset();
  keys_listed_ = false;
  return Transaction(
      [this]() -> Status {
        if (!deferred_vocabulary_.empty()) {
          const VocabularyDelta vocabulary = std::move(deferred_vocabulary_.front());
          deferred_vocabulary_.clear();
          // A failure leaves the transaction to the rollback.
          KITH_RETURN_IF_ERROR(WriteVocabulary(vocabulary));
        }
        in_transaction_ = false;
        bulk_ = false;
        listed_keys_.reset();
        return connection_->EndTransaction("COMMIT");
      },
      [this]() {
        deferred_vocabulary_.clear();
        in_transaction_ = false;
        bulk_ = false;
        listed_keys_.reset();
        // A failed rollback means a lost connection, which ends the
        // transaction on the server all the same.
        (void)connection_->EndTransaction("ROLLBACK");
      });
}

Result<Transaction> PgStore::ReadSnapshot() {
  // Inside a transaction the reads already share its snapshot.
  if (in_transaction_) return Transaction([]() -> Status { return Ok(); }, []() {});
  // A read-only transaction: a write or a Begin() while it is held is
  // refused, as on SQLite.
  KITH_RETURN_IF_ERROR(connection_->Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  in_transaction_ = true;
  const auto release = [this]() -> Status {
    in_transaction_ = false;
    return connection_->EndTransaction("COMMIT");
  };
  return Transaction(release, [release]() { (void)release(); });
}

Result<Rows> PgStore::Run(const std::string& sql, const Params& params) {
  Params all;
  all.Add(workspace_);
  for (const auto& value : params.values()) all.Add(value);
  return connection_->Query(sql, all);
}

Status PgStore::Write(const std::string& sql, const Params& params) {
  return Atomically([&]() -> Status { return Run(sql, params).map([](const Rows&) {}); });
}

Result<std::int64_t> PgStore::NextIds(std::string_view counter, std::int64_t count) {
  KITH_ASSIGN_OR_RETURN(
      const Rows last,
      Run("INSERT INTO id_counters(workspace_id, name, last_id) VALUES ($1, $2, $3) "
          "ON CONFLICT (workspace_id, name) DO UPDATE SET last_id = id_counters.last_id + $3 "
          "RETURNING last_id",
          Params().Add(counter).Add(count)));
  return last.Int(0, 0) - count + 1;
}

std::string PgStore::SortName(std::string_view display_name) const {
  return tokenizer_->Folded(display_name);
}

std::vector<std::string> PgStore::SearchTerms(std::string_view text) const {
  std::vector<std::string> terms;
  tokenizer_->Tokenize(text, terms);
  return terms;
}

Status PgStore::CopyTo(const std::string& /*path*/) {
  return Fail(ErrorCode::kInternal,
              "a PostgreSQL database is not copied into a file: back it up with pg_dump (docs/team.md)",
              "db");
}

}  // namespace postgres
}  // namespace kith
