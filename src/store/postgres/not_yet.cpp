// The Store methods not yet written for PostgreSQL. Each fails with
// kInternal saying so, never with a silently wrong answer; docs/team.md
// lists them and what comes next.
#include "store/postgres/pg_store.h"

namespace kith::postgres {

Status PgStore::MoveContactRecords(ContactId /*from*/, ContactId /*to*/, MergeId /*journal*/) {
  return tl::unexpected(NotYet("MoveContactRecords"));
}
Result<MergeId> PgStore::InsertMerge(const Merge& /*merge*/, const std::string& /*snapshot*/) {
  return tl::unexpected(NotYet("InsertMerge"));
}
Status PgStore::SealMerge(MergeId /*id*/) { return tl::unexpected(NotYet("SealMerge")); }
Result<std::pair<Merge, std::string>> PgStore::GetMerge(MergeId /*id*/) {
  return tl::unexpected(NotYet("GetMerge"));
}
Result<bool> PgStore::MergedCardsUnchanged(MergeId /*id*/) {
  return tl::unexpected(NotYet("MergedCardsUnchanged"));
}
Status PgStore::UndoMergeMoves(MergeId /*id*/, const std::string& /*now*/) {
  return tl::unexpected(NotYet("UndoMergeMoves"));
}
Result<std::map<std::int64_t, StoredVCard>> PgStore::StoredVCardsOf(const std::vector<ContactId>& /*ids*/) {
  return tl::unexpected(NotYet("StoredVCardsOf"));
}
Status PgStore::SaveStoredVCard(ContactId /*id*/, const StoredVCard& /*card*/) {
  return tl::unexpected(NotYet("SaveStoredVCard"));
}
Result<std::int64_t> PgStore::LatestChange() { return tl::unexpected(NotYet("LatestChange")); }
Result<std::vector<ContactChange>> PgStore::ChangesAfter(std::int64_t /*sequence*/, std::string_view /*tag*/,
                                                         int /*limit*/) {
  return tl::unexpected(NotYet("ChangesAfter"));
}
Result<std::vector<ContactChange>> PgStore::ChangesOf(const std::vector<ContactId>& /*ids*/,
                                                      std::string_view /*tag*/) {
  return tl::unexpected(NotYet("ChangesOf"));
}
Result<std::vector<AddressBookEntry>> PgStore::AddressBooks() {
  return tl::unexpected(NotYet("AddressBooks"));
}
Status PgStore::InsertAddressBook(const AddressBookEntry& /*book*/) {
  return tl::unexpected(NotYet("InsertAddressBook"));
}
Status PgStore::RenameAddressBook(std::string_view /*segment*/, std::string_view /*tag*/) {
  return tl::unexpected(NotYet("RenameAddressBook"));
}
Status PgStore::RemoveAddressBook(std::string_view /*segment*/) {
  return tl::unexpected(NotYet("RemoveAddressBook"));
}

}  // namespace kith::postgres
