// A small RAII wrapper over libpq: a connection, the result of a query, and
// statements prepared once per connection (by their SQL text) and then run
// with parameters. Values travel as text; every query is parameterised.
// Internal to store/postgres/.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/result.h"

struct pg_conn;
struct pg_result;

namespace kith::postgres {

// The parameters of one query, $1, $2, … in the order added; nullopt is NULL.
class Params {
 public:
  Params& Add(std::string_view value) {
    values_.emplace_back(std::string(value));
    return *this;
  }
  Params& Add(const char* value) { return Add(std::string_view(value)); }
  Params& Add(const std::string& value) { return Add(std::string_view(value)); }
  Params& Add(std::int64_t value) {
    values_.emplace_back(std::to_string(value));
    return *this;
  }
  Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
  Params& Add(bool value) {
    values_.emplace_back(value ? "t" : "f");
    return *this;
  }
  Params& Add(const std::optional<std::string>& value) {
    values_.push_back(value);
    return *this;
  }
  [[nodiscard]] const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The rows of a finished query. Columns are read as text (the server's
// output format: ISO dates, "t"/"f" booleans).
class Rows {
 public:
  explicit Rows(pg_result* result);
  Rows(Rows&&) noexcept = default;
  Rows& operator=(Rows&&) noexcept = default;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows() = default;

  [[nodiscard]] int size() const;
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] bool IsNull(int row, int column) const;
  [[nodiscard]] std::string Text(int row, int column) const;  // "" for NULL
  [[nodiscard]] std::optional<std::string> OptionalText(int row, int column) const;
  [[nodiscard]] std::int64_t Int(int row, int column) const;  // 0 for NULL
  [[nodiscard]] bool Bool(int row, int column) const;
  // How many rows an INSERT, UPDATE or DELETE touched.
  [[nodiscard]] std::int64_t Affected() const;

  // Frees a PGresult (also for results that never become Rows).
  struct Free {
    void operator()(pg_result* result) const;
  };

 private:
  std::unique_ptr<pg_result, Free> result_;
};

// COPY's text format: `value` appended to `line` with its backslashes, tabs
// and line breaks escaped; nullopt is NULL (\N).
void AppendCopyText(std::string& line, const std::optional<std::string_view>& value);

// A PostgreSQL array literal of `items` ({"a","b\"c"}), to pass a list as
// one parameter ($2::text[], $2::bigint[]).
std::string ArrayLiteral(const std::vector<std::string>& items);
std::string ArrayLiteral(const std::vector<std::int64_t>& items);

class Connection;

// The data of one COPY … FROM STDIN in text format: rows of columns, each
// row led by `lead` (the workspace), sent a MiB at a time.
class CopyWriter {
 public:
  CopyWriter(Connection& connection, std::string lead) : connection_(connection), lead_(std::move(lead)) {}
  // The next column of the row (NULL for nullopt); the first starts a row.
  void Column(const std::optional<std::string_view>& value);
  void Column(const std::string& value) { Column(std::optional<std::string_view>(value)); }
  void Column(const char* value) { Column(std::optional<std::string_view>(value)); }
  void Column(const std::optional<std::string>& value) {
    Column(value ? std::optional<std::string_view>(*value) : std::nullopt);
  }
  void Column(std::int64_t value) { Column(std::to_string(value)); }
  void Column(int value) { Column(static_cast<std::int64_t>(value)); }
  void Column(bool value) { Column(value ? "t" : "f"); }
  // Ends the row; sends what has gathered once it is large.
  Status EndRow();
  // Sends the rest.
  Status Finish();
  [[nodiscard]] std::int64_t rows() const { return rows_; }

 private:
  Connection& connection_;
  std::string lead_;
  std::string buffer_;
  bool in_row_ = false;
  std::int64_t rows_ = 0;
};

class Connection {
 public:
  // Connects with a libpq URI or key=value string (an empty host takes
  // libpq's PG* environment). kIo when the server cannot be reached or
  // refuses; the message never repeats the URI, which may hold a password.
  static Result<std::unique_ptr<Connection>> Open(const std::string& uri);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs SQL without parameters, several statements allowed (migrations,
  // BEGIN/COMMIT/SAVEPOINT).
  Status Execute(std::string_view sql);
  // Ends a transaction or a savepoint (COMMIT, ROLLBACK, RELEASE SAVEPOINT
  // …) without first running the deferred statement (Defer): in a failed
  // transaction it could not run, and the rollback must. It stays deferred
  // for the statement after.
  Status EndTransaction(std::string_view sql);
  // Runs one statement with parameters. It is prepared on this connection the
  // first time its text is seen and reused after. Errors: kConflict for a
  // broken constraint (a unique key taken), a serialisation failure or deadlock,
  // kIo for a lost connection, kInternal otherwise.
  Result<Rows> Query(const std::string& sql, const Params& params = {});
  // One statement and its parameters.
  struct Statement {
    std::string sql;
    Params params;
  };
  // Runs `statements`, in order, just before the next statement this
  // connection runs (Execute, Query or BeginCopy; not EndTransaction), in
  // place of any statements deferred before them and not yet run. For
  // settings that last until changed: a setting made and then changed
  // again before any statement read it costs no round trip, and before a
  // Query they travel with the query (one pipeline, one round trip, one
  // transaction). Should any of them or the statement after them fail,
  // that statement fails with the first error, what the others did is
  // taken back with the transaction, and the deferred ones are tried again
  // before the next: no statement runs without them.
  void Defer(std::vector<Statement> statements);
  void Defer(std::string sql, Params params);
  // Whether statements are deferred and have not run yet.
  [[nodiscard]] bool HasDeferred() const { return !deferred_.empty(); }
  // Runs the deferred statements now, by themselves, in one round trip and
  // one transaction (nothing when none is).
  Status RunDeferred();

  // Bulk rows through COPY … FROM STDIN: BeginCopy runs the COPY statement,
  // SendCopy streams its data (any slicing of it), EndCopy finishes it
  // and reports what the server made of the rows; AbortCopy ends it with an
  // error instead, so nothing is written. One COPY at a time.
  Status BeginCopy(std::string_view sql);
  Status SendCopy(std::string_view data);
  Result<std::int64_t> EndCopy();  // the rows copied
  void AbortCopy(std::string_view why);

 private:
  explicit Connection(pg_conn* connection) : connection_(connection) {}
  Result<std::string> PreparedName(const std::string& sql);
  Result<Rows> RunPrepared(const std::string& sql, const Params& params);
  // The deferred statements, then `sql` with `params` when `sql` is not
  // null, in one round trip and one transaction; the rows of `sql`.
  Result<Rows> RunAfterDeferred(const std::string* sql, const Params* params);

  pg_conn* connection_;
  std::unordered_map<std::string, std::string> prepared_;
  std::vector<Statement> deferred_;
};

}  // namespace kith::postgres
