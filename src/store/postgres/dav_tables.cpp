// CardDAV on PostgreSQL: the vCards clients sent, the changes journal the
// triggers of migration 3 keep, and the address books clients created (as
// store/sqlite/dav_tables.cpp).
#include "store/postgres/bytea.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

// Whether the journal's contact is live and carries tag `tag` (a
// parameter; any when '').
std::string MemberColumn(const std::string& tag) {
  return "(c.id IS NOT NULL AND c.trashed_at IS NULL AND (" + tag +
         "::text = '' OR EXISTS (SELECT 1 FROM contact_labels l WHERE l.workspace_id = $1 "
         "AND l.contact_id = j.contact_id AND l.kind = 'tag' AND l.folded = " +
         tag + "::text)))";
}

std::vector<ContactChange> ChangesIn(const Rows& rows) {
  std::vector<ContactChange> changes;
  changes.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    changes.push_back(
        ContactChange{rows.Int(row, 0), ContactId{rows.Int(row, 1)}, rows.Text(row, 2), rows.Bool(row, 3)});
  }
  return changes;
}

Error NoBook(std::string_view segment) {
  return Error{ErrorCode::kNotFound, "no address book '" + std::string(segment) + "'", "book"};
}

}  // namespace

Result<std::map<std::int64_t, StoredVCard>> PgStore::StoredVCardsOf(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT contact_id, vcard, kith_view FROM dav_cards "
                                             "WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[])",
                                             Params().Add(IdArray(ids))));
  std::map<std::int64_t, StoredVCard> cards;
  for (int row = 0; row < rows.size(); ++row) {
    KITH_ASSIGN_OR_RETURN(std::string vcard, ByteaString(rows.Text(row, 1), "a stored vCard"));
    cards.emplace(rows.Int(row, 0), StoredVCard{std::move(vcard), rows.Text(row, 2)});
  }
  return cards;
}

Status PgStore::SaveStoredVCard(ContactId id, const StoredVCard& card) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows exists, Run("SELECT 1 FROM contacts WHERE workspace_id = $1 AND id = $2",
                                                 Params().Add(id.value)));
    if (exists.empty()) {
      return Fail(ErrorCode::kNotFound, "contact " + std::to_string(id.value) + " does not exist", "id");
    }
    return Run("INSERT INTO dav_cards(workspace_id, contact_id, vcard, kith_view) VALUES ($1, $2, $3::bytea, "
               "$4) "
               "ON CONFLICT (workspace_id, contact_id) DO UPDATE "
               "SET vcard = excluded.vcard, kith_view = excluded.kith_view",
               Params().Add(id.value).Add(ByteaHex(card.vcard)).Add(card.kith_view))
        .map([](const Rows&) {});
  });
}

Result<std::int64_t> PgStore::LatestChange() {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows, Run("SELECT coalesce(max(sequence), 0) FROM contact_changes WHERE workspace_id = $1"));
  return rows.Int(0, 0);
}

Result<std::vector<ContactChange>> PgStore::ChangesAfter(std::int64_t sequence, std::string_view tag,
                                                         int limit) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT j.sequence, j.contact_id, j.uid, " + MemberColumn("$4") +
              " FROM contact_changes j LEFT JOIN contacts c ON c.workspace_id = $1 AND c.id = j.contact_id "
              "WHERE j.workspace_id = $1 AND j.sequence > $2 ORDER BY j.sequence LIMIT $3",
          Params().Add(sequence).Add(limit).Add(tag)));
  return ChangesIn(rows);
}

Result<std::vector<ContactChange>> PgStore::ChangesOf(const std::vector<ContactId>& ids,
                                                      std::string_view tag) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT j.sequence, j.contact_id, j.uid, " + MemberColumn("$3") +
              " FROM unnest($2::bigint[]) WITH ORDINALITY AS k(id, position) "
              "JOIN contact_changes j ON j.workspace_id = $1 AND j.contact_id = k.id "
              "LEFT JOIN contacts c ON c.workspace_id = $1 AND c.id = j.contact_id ORDER BY k.position",
          Params().Add(IdArray(ids)).Add(tag)));
  return ChangesIn(rows);
}

Result<std::vector<AddressBookEntry>> PgStore::AddressBooks() {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT segment, tag FROM dav_books WHERE workspace_id = $1 ORDER BY segment"));
  std::vector<AddressBookEntry> books;
  books.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row)
    books.push_back(AddressBookEntry{rows.Text(row, 0), rows.Text(row, 1)});
  return books;
}

Status PgStore::InsertAddressBook(const AddressBookEntry& book) {
  Status status = Write("INSERT INTO dav_books(workspace_id, segment, tag) VALUES ($1, $2, $3)",
                        Params().Add(book.segment).Add(book.tag));
  if (!status && status.error().code == ErrorCode::kConflict) {
    return Fail(ErrorCode::kAlreadyExists, "address book '" + book.segment + "' already exists", "book");
  }
  return status;
}

Status PgStore::RenameAddressBook(std::string_view segment, std::string_view tag) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows renamed,
                          Run("UPDATE dav_books SET tag = $3 WHERE workspace_id = $1 AND segment = $2",
                              Params().Add(segment).Add(tag)));
    if (renamed.Affected() == 0) return tl::unexpected(NoBook(segment));
    return Ok();
  });
}

Status PgStore::RemoveAddressBook(std::string_view segment) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        const Rows removed,
        Run("DELETE FROM dav_books WHERE workspace_id = $1 AND segment = $2", Params().Add(segment)));
    if (removed.Affected() == 0) return tl::unexpected(NoBook(segment));
    return Ok();
  });
}

}  // namespace kith::postgres
