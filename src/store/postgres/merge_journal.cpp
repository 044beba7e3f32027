// The merge journal on PostgreSQL: what a merge moved, and the cards as it
// left them, so `kith merge --undo` can put both cards back exactly (as
// store/sqlite/merge_journal.cpp; migration 3 has the tables).
#include "store/moved_records.h"
#include "store/postgres/pg_store.h"

namespace kith::postgres {

namespace {

// The tables whose rows may be one member's alone (private interactions and
// facts, reminders: private_rows_migration.cpp), which the merging member
// cannot see and so moves acting as each author in turn.
bool HoldsMembersRows(std::string_view table) {
  return table == "interactions" || table == "facts" || table == "reminders";
}

}  // namespace

Status PgStore::AsEachAuthor(const std::function<Status(const std::string& author, bool acting)>& body) {
  KITH_ASSIGN_OR_RETURN(
      const Rows others,
      connection_->Query("SELECT account FROM memberships WHERE workspace_id = $1 AND account <> $2 "
                         "UNION SELECT '' WHERE $2 <> '' ORDER BY 1",
                         Params().Add(workspace_).Add(access_.account)));
  KITH_RETURN_IF_ERROR(body(access_.account, true));
  for (int row = 0; row < others.size(); ++row) {
    const std::string author = others.Text(row, 0);
    // Transaction-local, as the hand-over does (accounts.cpp): a failure
    // rolls it back with the savepoint; success restores it below.
    KITH_RETURN_IF_ERROR(
        connection_->Query("SELECT set_config('kith.account', $1, true)", Params().Add(author)));
    KITH_RETURN_IF_ERROR(body(author, false));
  }
  if (others.empty()) return Ok();
  return connection_->Query("SELECT set_config('kith.account', $1, true)", Params().Add(access_.account))
      .map([](const Rows&) {});
}

// Every table of kMovedColumns has an id of its own in the workspace
// (card_images since migration 3). A card's rows are every member's: the
// merging member moves what they see, then each other member's own rows
// (their private interactions and facts, their reminders and cadence) move
// acting as that member, within the policies and without being read — the
// statements return only ids, for the journal. So nobody's loop stays
// behind with the card merged away.
Status PgStore::MoveContactRecords(ContactId from, ContactId to, MergeId journal) {
  return Atomically([&]() -> Status {
    return AsEachAuthor([&](const std::string& author, bool acting) -> Status {
      // Each table's rows move and are noted in one statement.
      for (const MovedColumn& moved : kMovedColumns) {
        if (!acting && !HoldsMembersRows(moved.table)) continue;
        std::string sql = "WITH moved AS (UPDATE ";
        sql.append(moved.table).append(" SET ").append(moved.column);
        sql.append(" = $3 WHERE workspace_id = $1 AND ").append(moved.column);
        sql +=
            " = $2 RETURNING id) INSERT INTO merge_moves(workspace_id, merge_id, record, row_id) "
            "SELECT $1, $4, $5, id FROM moved";
        KITH_RETURN_IF_ERROR(
            Run(sql, Params().Add(from.value).Add(to.value).Add(journal.value).Add(moved.record)));
      }
      if (!acting) {
        // Another member's cadence moves when they keep none for the kept
        // card (theirs for it wins); undo leaves it there (the snapshot,
        // app/merge_snapshot.h, holds only the merging member's).
        return Run("UPDATE cadences SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2 AND "
                   "author = $4 AND NOT EXISTS (SELECT 1 FROM cadences WHERE workspace_id = $1 AND "
                   "contact_id = $3 AND author = $4)",
                   Params().Add(from.value).Add(to.value).Add(author))
            .map([](const Rows&) {});
      }
      // The kept card's own cadence wins over the other's.
      KITH_RETURN_IF_ERROR(Run(
          "INSERT INTO cadences(workspace_id, contact_id, author, days) SELECT $1, $3, author, days "
          "FROM cadences WHERE workspace_id = $1 AND contact_id = $2 AND author = $4 ON CONFLICT DO NOTHING",
          Params().Add(from.value).Add(to.value).Add(author)));
      return Run("DELETE FROM cadences WHERE workspace_id = $1 AND contact_id = $2 AND author = $3",
                 Params().Add(from.value).Add(author))
          .map([](const Rows&) {});
    });
  });
}

Result<MergeId> PgStore::InsertMerge(const Merge& merge, const std::string& snapshot) {
  MergeId id;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(id.value, NextIds("merges", 1));
    return Run("INSERT INTO merges(workspace_id, id, kept_id, other_id, merged_at, snapshot) "
               "VALUES ($1, $2, $3, $4, $5, $6)",
               Params()
                   .Add(id.value)
                   .Add(merge.kept.value)
                   .Add(merge.other.value)
                   .Add(merge.merged_at)
                   .Add(snapshot))
        .map([](const Rows&) {});
  }));
  return id;
}

Status PgStore::SealMerge(MergeId id) {
  // contact_changes renumbers a card on every write to it (CardDAV's
  // journal): the numbers the merge left are the cards' revisions.
  return Write(
      "UPDATE merges SET "
      "kept_revision = (SELECT sequence FROM contact_changes WHERE workspace_id = $1 AND contact_id = "
      "kept_id), "
      "other_revision = (SELECT sequence FROM contact_changes WHERE workspace_id = $1 AND contact_id = "
      "other_id) "
      "WHERE workspace_id = $1 AND id = $2",
      Params().Add(id.value));
}

Result<std::pair<Merge, std::string>> PgStore::GetMerge(MergeId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT kept_id, other_id, merged_at, undone_at, snapshot "
                                             "FROM merges WHERE workspace_id = $1 AND id = $2",
                                             Params().Add(id.value)));
  if (rows.empty()) return Fail(ErrorCode::kNotFound, "no merge with id " + std::to_string(id.value), "id");
  Merge merge;
  merge.id = id;
  merge.kept = ContactId{rows.Int(0, 0)};
  merge.other = ContactId{rows.Int(0, 1)};
  merge.merged_at = rows.Text(0, 2);
  merge.undone_at = rows.OptionalText(0, 3);
  return std::pair{std::move(merge), rows.Text(0, 4)};
}

Result<bool> PgStore::MergedCardsUnchanged(MergeId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT count(*) FROM merges m "
                            "JOIN contact_changes k ON k.workspace_id = $1 AND k.contact_id = m.kept_id "
                            "AND k.sequence = m.kept_revision "
                            "JOIN contact_changes o ON o.workspace_id = $1 AND o.contact_id = m.other_id "
                            "AND o.sequence = m.other_revision "
                            "JOIN contacts ck ON ck.workspace_id = $1 AND ck.id = m.kept_id "
                            "JOIN contacts co ON co.workspace_id = $1 AND co.id = m.other_id "
                            "WHERE m.workspace_id = $1 AND m.id = $2",
                            Params().Add(id.value)));
  return rows.Int(0, 0) == 1;
}

Status PgStore::UndoMergeMoves(MergeId id, const std::string& now) {
  return Atomically([&]() -> Status {
    // Back as they came: each member's own rows acting as that member.
    KITH_RETURN_IF_ERROR(AsEachAuthor([&](const std::string& /*author*/, bool acting) -> Status {
      for (const MovedColumn& moved : kMovedColumns) {
        if (!acting && !HoldsMembersRows(moved.table)) continue;
        std::string sql = "UPDATE ";
        sql.append(moved.table).append(" t SET ").append(moved.column);
        sql +=
            " = m.other_id FROM merges m WHERE m.workspace_id = $1 AND m.id = $2 AND t.workspace_id = $1 AND "
            "t.";
        sql.append(moved.column);
        sql +=
            " = m.kept_id AND t.id IN (SELECT row_id FROM merge_moves WHERE workspace_id = $1 "
            "AND merge_id = $2 AND record = $3)";
        KITH_RETURN_IF_ERROR(Run(sql, Params().Add(id.value).Add(moved.record)));
      }
      return Ok();
    }));
    return Run("UPDATE merges SET undone_at = $3 WHERE workspace_id = $1 AND id = $2",
               Params().Add(id.value).Add(now))
        .map([](const Rows&) {});
  });
}

}  // namespace kith::postgres
