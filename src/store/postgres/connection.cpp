#include "store/postgres/connection.h"

#include <libpq-fe.h>

#include "store/postgres/libpq_library.h"

namespace kith::postgres {
namespace {

std::string Trimmed(const char* text) {
  std::string message = text == nullptr ? "" : text;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// The SQLSTATE classes the store's callers act on; the rest is a bug or an
// outage, reported as it came.
ErrorCode CodeOf(const char* sqlstate) {
  const std::string_view state = sqlstate == nullptr ? "" : sqlstate;
  // A broken constraint is a conflict, as SQLite's store reports it.
  if (state.substr(0, 2) == "23") return ErrorCode::kConflict;
  if (state == "40001" || state == "40P01" || state == "55P03") return ErrorCode::kConflict;
  if (state.substr(0, 2) == "08" || state.substr(0, 2) == "57") return ErrorCode::kIo;
  // insufficient_privilege: row-level security refused a viewer's write
  // (docs/team.md), the second layer behind the role check in src/app/.
  if (state == "42501") return ErrorCode::kForbidden;
  // invalid_authorization_specification: a web session checked as the
  // store acts as its member is no longer good (session_check_migration.cpp).
  if (state == "28000") return ErrorCode::kUnauthorized;
  return ErrorCode::kInternal;
}

Error ResultError(pg_conn* connection, const PGresult* result) {
  if (result == nullptr) {
    return Error{ErrorCode::kIo, "PostgreSQL: " + Trimmed(PQerrorMessage(connection)), "db"};
  }
  return Error{CodeOf(PQresultErrorField(result, PG_DIAG_SQLSTATE)),
               "PostgreSQL: " + Trimmed(PQresultErrorMessage(result)), "db"};
}

bool Succeeded(const PGresult* result) {
  if (result == nullptr) return false;
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// The parameters as libpq takes them: C strings, NULL for SQL's NULL. They
// point into `params`, which must outlive them.
std::vector<const char*> TextsOf(const Params& params) {
  std::vector<const char*> texts;
  texts.reserve(params.values().size());
  for (const auto& value : params.values()) texts.push_back(value ? value->c_str() : nullptr);
  return texts;
}

}  // namespace

std::string ArrayLiteral(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const std::string& item : items) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char c : item) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

std::string ArrayLiteral(const std::vector<std::int64_t>& items) {
  std::string literal = "{";
  for (const std::int64_t item : items) {
    if (literal.size() > 1) literal += ',';
    literal += std::to_string(item);
  }
  return literal + "}";
}

void AppendCopyText(std::string& line, const std::optional<std::string_view>& value) {
  if (!value) {
    line += "\\N";
    return;
  }
  for (const char c : *value) {
    switch (c) {
      case '\\':
        line += "\\\\";
        break;
      case '\t':
        line += "\\t";
        break;
      case '\n':
        line += "\\n";
        break;
      case '\r':
        line += "\\r";
        break;
      default:
        line += c;
    }
  }
}

void Rows::Free::operator()(pg_result* result) const { PQclear(result); }

Rows::Rows(pg_result* result) : result_(result) {}

int Rows::size() const { return PQntuples(result_.get()); }

bool Rows::IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }

std::string Rows::Text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::optional<std::string> Rows::OptionalText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Text(row, column);
}

std::int64_t Rows::Int(int row, int column) const {
  if (IsNull(row, column)) return 0;
  return std::stoll(Text(row, column));
}

bool Rows::Bool(int row, int column) const { return Text(row, column) == "t"; }

std::int64_t Rows::Affected() const {
  const char* tuples = PQcmdTuples(result_.get());
  return tuples == nullptr || *tuples == '\0' ? 0 : std::stoll(tuples);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& uri) {
  KITH_RETURN_IF_ERROR(LoadLibpq());
  pg_conn* connection = PQconnectdb(uri.c_str());
  if (connection == nullptr) return Fail(ErrorCode::kIo, "PostgreSQL: out of memory connecting", "db");
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = "cannot connect to PostgreSQL: " + Trimmed(PQerrorMessage(connection));
    PQfinish(connection);
    return Fail(ErrorCode::kIo, std::move(message), "db");
  }
  auto opened = std::unique_ptr<Connection>(new Connection(connection));
  // Dates read back as YYYY-MM-DD whatever the server's default; notices
  // ("relation already exists, skipping") are not for the user's terminal.
  PQsetNoticeProcessor(
      connection, [](void*, const char*) {}, nullptr);
  KITH_RETURN_IF_ERROR(opened->Execute("SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'"));
  return opened;
}

Connection::~Connection() { PQfinish(connection_); }

void Connection::Defer(std::vector<Statement> statements) { deferred_ = std::move(statements); }

void Connection::Defer(std::string sql, Params params) {
  deferred_.clear();
  deferred_.push_back(Statement{std::move(sql), std::move(params)});
}

Status Connection::RunDeferred() {
  if (deferred_.empty()) return Ok();
  if (deferred_.size() == 1) {
    KITH_RETURN_IF_ERROR(RunPrepared(deferred_.front().sql, deferred_.front().params));
  } else {
    KITH_RETURN_IF_ERROR(RunAfterDeferred(nullptr, nullptr));
  }
  deferred_.clear();
  return Ok();
}

Status Connection::Execute(std::string_view sql) {
  KITH_RETURN_IF_ERROR(RunDeferred());
  return EndTransaction(sql);
}

Status Connection::EndTransaction(std::string_view sql) {
  const std::string text(sql);
  std::unique_ptr<PGresult, Rows::Free> result(PQexec(connection_, text.c_str()));
  if (!Succeeded(result.get())) return tl::unexpected(ResultError(connection_, result.get()));
  return Ok();
}

Result<std::string> Connection::PreparedName(const std::string& sql) {
  if (const auto found = prepared_.find(sql); found != prepared_.end()) return found->second;
  std::string name = "kith_" + std::to_string(prepared_.size() + 1);
  std::unique_ptr<PGresult, Rows::Free> result(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr));
  if (!Succeeded(result.get())) return tl::unexpected(ResultError(connection_, result.get()));
  prepared_.emplace(sql, name);
  return name;
}

Result<Rows> Connection::Query(const std::string& sql, const Params& params) {
  if (!deferred_.empty()) return RunAfterDeferred(&sql, &params);
  return RunPrepared(sql, params);
}

Result<Rows> Connection::RunAfterDeferred(const std::string* sql, const Params* params) {
  // Prepared first: PQprepare waits for its answer, which pipeline mode
  // does not allow.
  std::vector<std::pair<std::string, const Params*>> statements;
  statements.reserve(deferred_.size() + 1);
  for (const Statement& deferred : deferred_) {
    KITH_ASSIGN_OR_RETURN(std::string name, PreparedName(deferred.sql));
    statements.emplace_back(std::move(name), &deferred.params);
  }
  if (sql != nullptr) {
    KITH_ASSIGN_OR_RETURN(std::string name, PreparedName(*sql));
    statements.emplace_back(std::move(name), params);
  }
  const auto failure = [this]() {
    return Error{ErrorCode::kIo, "PostgreSQL: " + Trimmed(PQerrorMessage(connection_)), "db"};
  };
  if (PQenterPipelineMode(connection_) != 1) return tl::unexpected(failure());
  // One Sync after them all: the server runs them in one implicit
  // transaction, so a statement that fails takes the settings before it
  // back with it, and the statements after it are not run.
  std::size_t sent = 0;
  for (const auto& [name, values] : statements) {
    const std::vector<const char*> texts = TextsOf(*values);
    if (PQsendQueryPrepared(connection_, name.c_str(), static_cast<int>(texts.size()), texts.data(), nullptr,
                            nullptr, 0) != 1) {
      break;
    }
    ++sent;
  }
  if (sent == 0 || PQpipelineSync(connection_) != 1) {
    Error error = failure();
    (void)PQexitPipelineMode(connection_);
    return tl::unexpected(std::move(error));
  }
  // Every result up to the Sync is read, whatever failed, so that the
  // connection leaves pipeline mode idle. A statement after a failed one
  // is only reported aborted: the first error is the one that counts.
  std::optional<Error> error;
  std::unique_ptr<PGresult, Rows::Free> rows;
  for (std::size_t statement = 0; statement < sent; ++statement) {
    for (PGresult* result = PQgetResult(connection_); result != nullptr; result = PQgetResult(connection_)) {
      std::unique_ptr<PGresult, Rows::Free> owned(result);
      if (!Succeeded(result)) {
        if (!error) error = ResultError(connection_, result);
      } else if (statement + 1 == statements.size()) {
        rows = std::move(owned);
      }
    }
  }
  const std::unique_ptr<PGresult, Rows::Free> sync(PQgetResult(connection_));
  if (!error && (sync == nullptr || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC)) {
    error = ResultError(connection_, sync.get());
  }
  (void)PQexitPipelineMode(connection_);
  if (!error && sent < statements.size()) error = failure();
  // The settings are made only once all ran: should any fail, the
  // transaction took them back, and they go again before the next statement.
  if (error) return tl::unexpected(std::move(*error));
  deferred_.clear();
  return Rows(rows.release());
}

Result<Rows> Connection::RunPrepared(const std::string& sql, const Params& params) {
  KITH_ASSIGN_OR_RETURN(const std::string name, PreparedName(sql));
  const std::vector<const char*> values = TextsOf(params);
  PGresult* result = PQexecPrepared(connection_, name.c_str(), static_cast<int>(values.size()), values.data(),
                                    nullptr, nullptr, 0);
  if (!Succeeded(result)) {
    Error error = ResultError(connection_, result);
    PQclear(result);
    return tl::unexpected(std::move(error));
  }
  return Rows(result);
}

void CopyWriter::Column(const std::optional<std::string_view>& value) {
  if (!in_row_) {
    buffer_ += lead_;
    in_row_ = true;
  }
  buffer_ += '\t';
  AppendCopyText(buffer_, value);
}

Status CopyWriter::EndRow() {
  buffer_ += '\n';
  in_row_ = false;
  ++rows_;
  constexpr std::size_t kSendAt = std::size_t{1} << 20;
  if (buffer_.size() < kSendAt) return Ok();
  KITH_RETURN_IF_ERROR(connection_.SendCopy(buffer_));
  buffer_.clear();
  return Ok();
}

Status CopyWriter::Finish() {
  KITH_RETURN_IF_ERROR(connection_.SendCopy(buffer_));
  buffer_.clear();
  return Ok();
}

Status Connection::BeginCopy(std::string_view sql) {
  KITH_RETURN_IF_ERROR(RunDeferred());
  const std::string text(sql);
  std::unique_ptr<PGresult, Rows::Free> result(PQexec(connection_, text.c_str()));
  if (result == nullptr || PQresultStatus(result.get()) != PGRES_COPY_IN) {
    return tl::unexpected(ResultError(connection_, result.get()));
  }
  return Ok();
}

Status Connection::SendCopy(std::string_view data) {
  if (data.empty()) return Ok();
  // libpq takes an int length: very large data goes in slices.
  constexpr std::size_t kSlice = std::size_t{1} << 30;
  for (std::size_t begin = 0; begin < data.size(); begin += kSlice) {
    const std::string_view slice = data.substr(begin, kSlice);
    if (PQputCopyData(connection_, slice.data(), static_cast<int>(slice.size())) != 1) {
      return Fail(ErrorCode::kIo, "PostgreSQL: " + Trimmed(PQerrorMessage(connection_)), "db");
    }
  }
  return Ok();
}

Result<std::int64_t> Connection::EndCopy() {
  if (PQputCopyEnd(connection_, nullptr) != 1) {
    return Fail(ErrorCode::kIo, "PostgreSQL: " + Trimmed(PQerrorMessage(connection_)), "db");
  }
  std::optional<Error> error;
  std::int64_t copied = 0;
  // The COPY's result, then nothing: every result is read so the
  // connection is ready for the next statement.
  for (PGresult* result = PQgetResult(connection_); result != nullptr; result = PQgetResult(connection_)) {
    const std::unique_ptr<PGresult, Rows::Free> owned(result);
    if (!Succeeded(result)) {
      if (!error) error = ResultError(connection_, result);
    } else if (const char* tuples = PQcmdTuples(result); tuples != nullptr && *tuples != '\0') {
      copied = std::stoll(tuples);
    }
  }
  if (error) return tl::unexpected(*error);
  return copied;
}

void Connection::AbortCopy(std::string_view why) {
  const std::string message(why);
  if (PQputCopyEnd(connection_, message.c_str()) == 1) {
    for (PGresult* result = PQgetResult(connection_); result != nullptr; result = PQgetResult(connection_)) {
      PQclear(result);
    }
  }
}

}  // namespace kith::postgres
