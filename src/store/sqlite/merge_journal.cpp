// The merge journal: what a merge moved, and the cards as it left them, so
// `kith merge --undo` can put both cards back exactly.
#include "store/moved_records.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

// Every table of kMovedColumns is addressed by rowid (card_images has no
// id of its own).
Status SqliteStore::MoveContactRecords(ContactId from, ContactId to, MergeId journal) {
  // The kept card's own cadence wins over the other's.
  constexpr const char* kMoveCadence =
      "INSERT OR IGNORE INTO cadences(contact_id, days) SELECT ?2, days FROM cadences WHERE contact_id = ?1";
  return Atomically([&]() -> Status {
    for (const MovedColumn& moved : kMovedColumns) {
      KITH_ASSIGN_OR_RETURN(
          auto note,
          database_->Prepare("INSERT INTO merge_moves(merge_id, record, row_id) SELECT ?2, '" +
                             std::string(moved.record) + "', rowid FROM " + std::string(moved.table) +
                             " WHERE " + std::string(moved.column) + " = ?1"));
      note.Bind(1, from.value).Bind(2, journal.value);
      KITH_RETURN_IF_ERROR(note.Run());
      KITH_ASSIGN_OR_RETURN(auto move, database_->Prepare("UPDATE " + std::string(moved.table) + " SET " +
                                                          std::string(moved.column) + " = ?2 WHERE " +
                                                          std::string(moved.column) + " = ?1"));
      move.Bind(1, from.value).Bind(2, to.value);
      KITH_RETURN_IF_ERROR(move.Run());
    }
    for (const char* sql : {kMoveCadence, "DELETE FROM cadences WHERE contact_id = ?1"}) {
      KITH_ASSIGN_OR_RETURN(auto move, database_->Prepare(sql));
      move.Bind(1, from.value).Bind(2, to.value);
      KITH_RETURN_IF_ERROR(move.Run());
    }
    return Ok();
  });
}

Result<MergeId> SqliteStore::InsertMerge(const Merge& merge, const std::string& snapshot) {
  KITH_ASSIGN_OR_RETURN(auto insert, database_->Prepare("INSERT INTO merges(kept_id, other_id, merged_at, "
                                                        "snapshot) VALUES(?1, ?2, ?3, ?4)"));
  insert.Bind(1, merge.kept.value).Bind(2, merge.other.value).Bind(3, merge.merged_at).Bind(4, snapshot);
  KITH_RETURN_IF_ERROR(insert.Run());
  return MergeId{database_->LastInsertRowId()};
}

Status SqliteStore::SealMerge(MergeId id) {
  // contact_changes renumbers a card on every write to it (CardDAV's
  // journal): the numbers the merge left are the cards' revisions.
  KITH_ASSIGN_OR_RETURN(
      auto seal, database_->Prepare(
                     "UPDATE merges SET "
                     "kept_revision = (SELECT sequence FROM contact_changes WHERE contact_id = kept_id), "
                     "other_revision = (SELECT sequence FROM contact_changes WHERE contact_id = other_id) "
                     "WHERE id = ?1"));
  seal.Bind(1, id.value);
  return seal.Run();
}

Result<std::pair<Merge, std::string>> SqliteStore::GetMerge(MergeId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT kept_id, other_id, merged_at, undone_at, "
                                                        "snapshot FROM merges WHERE id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return Fail(ErrorCode::kNotFound, "no merge with id " + std::to_string(id.value), "id");
  Merge merge;
  merge.id = id;
  merge.kept = ContactId{select.Int(0)};
  merge.other = ContactId{select.Int(1)};
  merge.merged_at = select.Text(2);
  merge.undone_at = select.OptionalText(3);
  return std::pair{std::move(merge), select.Text(4)};
}

Result<bool> SqliteStore::MergedCardsUnchanged(MergeId id) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT count(*) FROM merges m "
          "JOIN contact_changes k ON k.contact_id = m.kept_id AND k.sequence = m.kept_revision "
          "JOIN contact_changes o ON o.contact_id = m.other_id AND o.sequence = m.other_revision "
          "JOIN contacts ck ON ck.id = m.kept_id JOIN contacts co ON co.id = m.other_id "
          "WHERE m.id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  return row && select.Int(0) == 1;
}

Status SqliteStore::UndoMergeMoves(MergeId id, const std::string& now) {
  return Atomically([&]() -> Status {
    for (const MovedColumn& moved : kMovedColumns) {
      KITH_ASSIGN_OR_RETURN(
          auto back, database_->Prepare(
                         "UPDATE " + std::string(moved.table) + " SET " + std::string(moved.column) +
                         " = (SELECT other_id FROM merges WHERE id = ?1) WHERE " + std::string(moved.column) +
                         " = (SELECT kept_id FROM merges WHERE id = ?1) AND rowid IN "
                         "(SELECT row_id FROM merge_moves WHERE merge_id = ?1 AND record = '" +
                         std::string(moved.record) + "')"));
      back.Bind(1, id.value);
      KITH_RETURN_IF_ERROR(back.Run());
    }
    KITH_ASSIGN_OR_RETURN(auto undone, database_->Prepare("UPDATE merges SET undone_at = ?2 WHERE id = ?1"));
    undone.Bind(1, id.value).Bind(2, now);
    return undone.Run();
  });
}

}  // namespace kith::sqlite
