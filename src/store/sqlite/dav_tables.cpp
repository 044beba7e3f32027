// CardDAV in SQLite: the vCards clients sent, the changes journal the
// triggers of migration 8 keep, and the address books clients created.
#include "store/sqlite/label_kinds.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// Whether the journal's contact is live and carries tag ?T (any when '').
std::string MemberColumn() {
  return "(c.id IS NOT NULL AND c.trashed_at IS NULL AND (?T = '' OR EXISTS (SELECT 1 FROM contact_labels l "
         "WHERE l.contact_id = j.contact_id AND " +
         IsTagFoldedAs("l", "?T") + ")))";
}

// The journal's contact's uid: the card's while it exists, the journal's own
// once it was deleted for good (migration 21 keeps it only then).
constexpr std::string_view kUidColumn = "coalesce(j.uid, c.uid)";

std::string WithTag(std::string sql, int index) {
  const std::string placeholder = "?" + std::to_string(index);
  for (std::size_t at = sql.find("?T"); at != std::string::npos; at = sql.find("?T", at)) {
    sql.replace(at, 2, placeholder);
  }
  return sql;
}

ContactChange ChangeOfRow(const Statement& row) {
  return ContactChange{row.Int(0), ContactId{row.Int(1)}, row.Text(2), row.Int(3) != 0};
}

}  // namespace

Result<std::map<std::int64_t, StoredVCard>> SqliteStore::StoredVCardsOf(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT contact_id, vcard, kith_view FROM dav_cards WHERE contact_id "
                                      "IN (SELECT value FROM json_each(?1))"));
  select.Bind(1, IdsJson(ids));
  std::map<std::int64_t, StoredVCard> cards;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    cards.emplace(select.Int(0), StoredVCard{select.Text(1), select.Text(2)});
  }
  return cards;
}

Status SqliteStore::SaveStoredVCard(ContactId id, const StoredVCard& card) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto upsert,
                          database_->Prepare("INSERT INTO dav_cards(contact_id, vcard, kith_view) "
                                             "VALUES(?1, ?2, ?3) ON CONFLICT(contact_id) DO "
                                             "UPDATE SET vcard = ?2, kith_view = ?3"));
    upsert.Bind(1, id.value).Bind(2, card.vcard).Bind(3, card.kith_view);
    Status status = upsert.Run();
    if (!status && status.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kNotFound, "contact " + std::to_string(id.value) + " does not exist", "id");
    }
    return status;
  });
}

Result<std::int64_t> SqliteStore::LatestChange() {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT coalesce(max(sequence), 0) FROM contact_changes"));
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  const std::int64_t latest = found ? select.Int(0) : 0;
  select.Reset();
  return latest;
}

Result<std::vector<ContactChange>> SqliteStore::ChangesAfter(std::int64_t sequence, std::string_view tag,
                                                             int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(WithTag(
                       "SELECT j.sequence, j.contact_id, " + std::string(kUidColumn) + ", " + MemberColumn() +
                           " FROM contact_changes j LEFT JOIN contacts c ON c.id = j.contact_id "
                           "WHERE j.sequence > ?1 ORDER BY j.sequence LIMIT ?2",
                       3)));
  select.Bind(1, sequence).Bind(2, limit).Bind(3, tag);
  return AllRows<ContactChange>(select, ChangeOfRow);
}

Result<std::vector<ContactChange>> SqliteStore::ChangesOf(const std::vector<ContactId>& ids,
                                                          std::string_view tag) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(WithTag(
                       "SELECT j.sequence, j.contact_id, " + std::string(kUidColumn) + ", " + MemberColumn() +
                           " FROM json_each(?1) k JOIN contact_changes j ON j.contact_id = k.value "
                           "LEFT JOIN contacts c ON c.id = j.contact_id ORDER BY k.key",
                       2)));
  select.Bind(1, IdsJson(ids)).Bind(2, tag);
  return AllRows<ContactChange>(select, ChangeOfRow);
}

Result<std::vector<AddressBookEntry>> SqliteStore::AddressBooks() {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT segment, tag FROM dav_books ORDER BY segment"));
  std::vector<AddressBookEntry> books;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    books.push_back(AddressBookEntry{select.Text(0), select.Text(1)});
  }
  return books;
}

Status SqliteStore::InsertAddressBook(const AddressBookEntry& book) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO dav_books(segment, tag) VALUES(?1, ?2)"));
    insert.Bind(1, book.segment).Bind(2, book.tag);
    Status status = insert.Run();
    if (!status && status.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kAlreadyExists, "address book '" + book.segment + "' already exists", "book");
    }
    return status;
  });
}

Status SqliteStore::RenameAddressBook(std::string_view segment, std::string_view tag) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto update,
                          database_->Prepare("UPDATE dav_books SET tag = ?2 WHERE segment = ?1"));
    update.Bind(1, segment).Bind(2, tag);
    KITH_RETURN_IF_ERROR(update.Run());
    if (database_->Changes() == 0) {
      return Fail(ErrorCode::kNotFound, "no address book '" + std::string(segment) + "'", "book");
    }
    return Ok();
  });
}

Status SqliteStore::RemoveAddressBook(std::string_view segment) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto remove, database_->Prepare("DELETE FROM dav_books WHERE segment = ?1"));
    remove.Bind(1, segment);
    KITH_RETURN_IF_ERROR(remove.Run());
    if (database_->Changes() == 0) {
      return Fail(ErrorCode::kNotFound, "no address book '" + std::string(segment) + "'", "book");
    }
    return Ok();
  });
}

Result<std::vector<ContactId>> SqliteStore::ContactsTagged(std::string_view tag) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare("SELECT l.contact_id FROM contact_labels l JOIN contacts c ON c.id = l.contact_id "
                         "WHERE " +
                         IsTagFoldedAs("l", "?1") + " AND c.trashed_at IS NULL ORDER BY l.contact_id"));
  select.Bind(1, tag);
  return ContactIds(select);
}

}  // namespace kith::sqlite
