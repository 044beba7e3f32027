// A personal SQLite file taken into a workspace as it is (`kith migrate`):
// each table of the file streamed through COPY, every id kept, then what
// the database derives made afresh. The two schemas are the same tables
// with the same columns (PostgreSQL's adds workspace_id), so the copy is
// generic: the columns come from the database's own catalogue, and a
// column or table of the file that has no place here refuses the copy
// instead of being dropped.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <set>

#include "store/postgres/bytea.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"
#include "store/sqlite/label_kinds.h"

namespace kith::postgres {
namespace {

// Copied, parents before children (the foreign keys are checked as rows go in).
constexpr std::array<std::string_view, 25> kCopiedTables = {"contacts",
                                                            "contact_emails",
                                                            "contact_phones",
                                                            "contact_links",
                                                            "contact_labels",
                                                            "contact_extras",
                                                            "contact_value_types",
                                                            "contact_addresses",
                                                            "job_changes",
                                                            "card_images",
                                                            "events",
                                                            "interactions",
                                                            "facts",
                                                            "reminders",
                                                            "cadences",
                                                            "posts",
                                                            "opportunities",
                                                            "opportunity_skills",
                                                            "ledger",
                                                            "settings",
                                                            "devices",
                                                            "merges",
                                                            "merge_moves",
                                                            "dav_cards",
                                                            "dav_books"};

// Left behind on purpose: what the database derives (search index and
// vocabulary, the changes journal, stored health, the calendar's
// revision, the schema's own notes), the browsers signed in to the file, and
// the labels' texts (copied as the labels' own columns: FileRowsOf).
// Anything else in the file that is not copied is an error, so a table
// added to one schema and not the other is noticed, not lost.
bool LeftBehind(std::string_view table) {
  static const std::set<std::string_view> kDerived = {"meta",         "contact_changes",   "contact_health",
                                                      "health_dirty", "calendar_revision", "web_sessions",
                                                      "label_values"};
  return kDerived.contains(table) || table.starts_with("search_") || table.starts_with("sqlite_");
}

// Rows in the workspace's copy of settings replace what is there (a
// stored health date, say); every other table starts empty.
std::string_view OnConflict(std::string_view table) {
  return table == "settings" ? " ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value" : "";
}

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

struct TargetColumn {
  std::string name;
  std::string type;  // information_schema's data_type: "bigint", "bytea", "boolean", …
};

// One value of the file as the text `type` reads (bytea in its hex form,
// booleans as t/f); nullopt for NULL.
std::optional<std::string> ValueOf(sqlite3_stmt* row, int column, const std::string& type) {
  const int kind = sqlite3_column_type(row, column);
  if (kind == SQLITE_NULL) return std::nullopt;
  if (type == "bytea") {
    const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(row, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(row, column));
    return ByteaHex(std::span<const std::byte>(data, size));
  }
  if (kind == SQLITE_INTEGER) {
    const std::int64_t value = sqlite3_column_int64(row, column);
    if (type == "boolean") return std::string(value != 0 ? "t" : "f");
    return std::to_string(value);
  }
  if (kind == SQLITE_FLOAT) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.17g", sqlite3_column_double(row, column));
    return std::string(text.data());
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(row, column)));
}

// The file's tables, by name.
Result<std::set<std::string>> FileTables(sqlite::Database& file) {
  KITH_ASSIGN_OR_RETURN(auto query, file.Prepare("SELECT name FROM sqlite_master WHERE type = 'table'"));
  std::set<std::string> tables;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    tables.insert(query.Text(0));
  }
  return tables;
}

// What the file's rows of `table` are read from: the table itself, except
// the labels, which the file keeps with their kind as a number and their
// text in label_values (sqlite migration 21) and PostgreSQL with both as
// text.
std::string FileRowsOf(const std::string& table) {
  if (table == "contact_labels") return "(" + std::string(sqlite::kLabelRowsWithText) + ")";
  return table;
}

// The file's columns of `table`, as FileRowsOf reads them.
Result<std::set<std::string>> FileColumns(sqlite::Database& file, const std::string& table) {
  const std::string sql = "SELECT * FROM " + FileRowsOf(table) + " LIMIT 0";
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(file.handle(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return tl::unexpected(file.LastError("reading the columns of " + table));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> query(raw, sqlite3_finalize);
  std::set<std::string> columns;
  for (int column = 0; column < sqlite3_column_count(raw); ++column) {
    columns.insert(sqlite3_column_name(raw, column));
  }
  return columns;
}

}  // namespace

Result<bool> PgStore::WorkspaceIsEmpty() {
  std::string sql = "SELECT ";
  bool first = true;
  for (const std::string_view table :
       {"contacts", "events", "posts", "opportunities", "devices", "dav_books", "merges"}) {
    if (!first) sql += " OR ";
    first = false;
    sql += "EXISTS (SELECT 1 FROM " + std::string(table) + " WHERE workspace_id = $1)";
  }
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(sql));
  return !rows.Bool(0, 0);
}

Result<std::int64_t> PgStore::CopyTableFrom(sqlite::Database& file, const std::string& table) {
  // Rows copied whole bring keys the listed ones would not know: from here
  // on every lookup is asked of the tables.
  listed_keys_.reset();
  KITH_ASSIGN_OR_RETURN(const Rows catalogue,
                        connection_->Query("SELECT column_name, data_type FROM information_schema.columns "
                                           "WHERE table_schema = current_schema() AND table_name = $1 "
                                           "AND is_generated = 'NEVER' ORDER BY ordinal_position",
                                           Params().Add(table)));
  KITH_ASSIGN_OR_RETURN(const std::set<std::string> file_columns, FileColumns(file, table));
  std::vector<TargetColumn> columns;
  std::string select;  // of the file
  std::string names;   // here
  // Columns the database computes itself (is_generated) are left to it.
  for (int row = 0; row < catalogue.size(); ++row) {
    TargetColumn column{catalogue.Text(row, 0), catalogue.Text(row, 1)};
    if (column.name == "workspace_id") continue;
    std::string source = Quoted(column.name);
    const bool whose = column.name == "author" || (table == "devices" && column.name == "account");
    if (!file_columns.contains(column.name) && whose) {
      // A personal file has one person, who wrote every fact, interaction,
      // reminder and cadence in it and added its devices: they become the
      // migrating owner's (the account the copy acts as; "" on a database
      // without accounts), as the policies on author require.
      std::string literal = "'";
      for (const char c : access_.account) literal += c == '\'' ? std::string("''") : std::string(1, c);
      source = literal + "'";
    } else if (!file_columns.contains(column.name)) {
      // A table whose rows the file numbers by rowid (card_images) has its
      // id as a column here.
      if (column.name != "id") {
        return Fail(ErrorCode::kInternal, "the file's table " + table + " has no column " + column.name,
                    "from");
      }
      source = "rowid";
    }
    select += (select.empty() ? "" : ", ") + source;
    names += (names.empty() ? "" : ", ") + Quoted(column.name);
    columns.push_back(std::move(column));
  }
  for (const std::string& name : file_columns) {
    const bool placed = std::any_of(columns.begin(), columns.end(),
                                    [&](const TargetColumn& column) { return column.name == name; });
    if (!placed) {
      std::string message = "the file's column ";
      message += table;
      message += '.';
      message += name;
      message += " has no place in the PostgreSQL database";
      return Fail(ErrorCode::kInternal, std::move(message), "from");
    }
  }
  const auto copy = [&](CopyWriter& rows) -> Status {
    // The raw statement: each value is read by its own type.
    const std::string sql = "SELECT " + select + " FROM " + FileRowsOf(table);
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(file.handle(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      return tl::unexpected(file.LastError("reading " + table));
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> query(raw, sqlite3_finalize);
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(raw)) == SQLITE_ROW) {
      for (std::size_t column = 0; column < columns.size(); ++column) {
        rows.Column(ValueOf(raw, static_cast<int>(column), columns[column].type));
      }
      KITH_RETURN_IF_ERROR(rows.EndRow());
    }
    if (stepped != SQLITE_DONE) return tl::unexpected(file.LastError("reading " + table));
    return Ok();
  };
  // (The journal numbers the cards in id order as they go in: its insert
  // trigger is once per statement, PostgreSQL migration 11.)
  return CopyInto(table, names, copy, OnConflict(table));
}

Status PgStore::CarryMergeRevisions(sqlite::Database& file) {
  // A merge can be undone while its two cards are as it left them, which
  // the journal tells by their change numbers; the numbers here are new.
  // A merge whose cards the file had not changed since gets its cards'
  // numbers here; any other can no longer be undone (-1 matches nothing).
  KITH_ASSIGN_OR_RETURN(
      auto unchanged,
      file.Prepare("SELECT m.id FROM merges m JOIN contact_changes k ON k.contact_id = m.kept_id "
                   "JOIN contact_changes o ON o.contact_id = m.other_id "
                   "WHERE k.sequence = m.kept_revision AND o.sequence = m.other_revision"));
  std::vector<std::int64_t> undoable;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool has_row, unchanged.Step());
    if (!has_row) break;
    undoable.push_back(unchanged.Int(0));
  }
  return Run("UPDATE merges m SET "
             "kept_revision = CASE WHEN m.id = ANY($2::bigint[]) THEN coalesce((SELECT sequence FROM "
             "contact_changes "
             "WHERE workspace_id = $1 AND contact_id = m.kept_id), -1) ELSE -1 END, "
             "other_revision = CASE WHEN m.id = ANY($2::bigint[]) THEN coalesce((SELECT sequence FROM "
             "contact_changes WHERE workspace_id = $1 AND contact_id = m.other_id), -1) ELSE -1 END "
             "WHERE workspace_id = $1",
             Params().Add(ArrayLiteral(undoable)))
      .map([](const Rows&) {});
}

Status PgStore::IndexEveryLiveCard() {
  VocabularyDelta vocabulary;
  ContactId after{0};
  constexpr int kBatch = 1000;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const auto ids, ContactIdsAfter(after, kBatch, false));
    if (ids.empty()) break;
    KITH_ASSIGN_OR_RETURN(const auto contacts, GetContacts(ids));
    std::vector<const Contact*> batch;
    batch.reserve(contacts.size());
    for (const Contact& contact : contacts) batch.push_back(&contact);
    KITH_RETURN_IF_ERROR(IndexNewCards(batch, vocabulary));
    after = ids.back();
  }
  return ApplyVocabulary(vocabulary);
}

Result<std::vector<MigratedTable>> PgStore::CopySqliteFile(const std::string& path) {
  if (!in_transaction_) return Fail(ErrorCode::kInternal, "CopySqliteFile needs the caller's transaction");
  KITH_ASSIGN_OR_RETURN(auto file, sqlite::Database::Open(path, sqlite::OpenMode::kReadOnly));
  {
    KITH_ASSIGN_OR_RETURN(auto version, file->Prepare("PRAGMA user_version"));
    KITH_ASSIGN_OR_RETURN(const bool has_version, version.Step());
    if (!has_version || version.Int(0) != CurrentSchemaVersion()) {
      return Fail(ErrorCode::kConflict,
                  "'" + path + "' is not at this kith's schema version " +
                      std::to_string(CurrentSchemaVersion()) + ": open it with this kith first",
                  "from");
    }
  }
  // One snapshot of the file, however long the copy takes: a `kith serve`
  // writing it meanwhile is not half seen.
  KITH_RETURN_IF_ERROR(file->Execute("BEGIN"));
  auto copied = [&]() -> Result<std::vector<MigratedTable>> {
    KITH_ASSIGN_OR_RETURN(const std::set<std::string> tables, FileTables(*file));
    for (const std::string& table : tables) {
      const bool copied_here =
          std::find(kCopiedTables.begin(), kCopiedTables.end(), table) != kCopiedTables.end();
      if (!copied_here && !LeftBehind(table)) {
        return Fail(ErrorCode::kInternal,
                    "the file's table " + table + " has no place in the PostgreSQL database", "from");
      }
    }
    std::vector<MigratedTable> counts;
    for (const std::string_view name : kCopiedTables) {
      const std::string table(name);
      if (!tables.contains(table)) {
        std::string message = "'" + path;
        message += "' has no table ";
        message += table;
        return Fail(ErrorCode::kInternal, std::move(message), "from");
      }
      KITH_ASSIGN_OR_RETURN(const std::int64_t rows, CopyTableFrom(*file, table));
      counts.push_back({table, rows});
    }
    // The ids handed out next follow the file's.
    for (const std::string_view name : kCopiedTables) {
      KITH_ASSIGN_OR_RETURN(
          const Rows has_id,
          connection_->Query("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                             "current_schema() AND table_name = $1 AND column_name = 'id'",
                             Params().Add(name)));
      if (has_id.empty()) continue;
      const std::string table(name);
      KITH_RETURN_IF_ERROR(
          Run("INSERT INTO id_counters(workspace_id, name, last_id) SELECT $1, $2, "
              "coalesce(max(id), 0) FROM " +
                  table +
                  " WHERE workspace_id = $1 ON CONFLICT (workspace_id, name) DO UPDATE "
                  "SET last_id = greatest(id_counters.last_id, excluded.last_id)",
              Params().Add(table)));
    }
    KITH_RETURN_IF_ERROR(CarryMergeRevisions(*file));
    KITH_RETURN_IF_ERROR(IndexEveryLiveCard());
    return counts;
  }();
  (void)file->Execute("COMMIT");
  return copied;
}

}  // namespace kith::postgres
