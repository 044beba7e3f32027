#include "app/restore_backup.h"

#include <algorithm>
#include <map>

namespace kith {
namespace {

Result<std::optional<ContactId>> ByUid(Store& store, const std::string& uid) {
  if (uid.empty()) return std::optional<ContactId>();
  KITH_ASSIGN_OR_RETURN(const auto ids, store.FindContactIds(ContactKey::kUid, uid));
  if (ids.empty()) return std::optional<ContactId>();
  return std::optional<ContactId>(ids.front());
}

bool SameEntry(const LedgerEntry& a, const LedgerEntry& b) {
  return a.kind == b.kind && a.direction == b.direction && a.what == b.what && a.on == b.on;
}

}  // namespace

Status RestoreBackupTables(Context& context, const KithBackupTables& tables, ImportSummary& summary) {
  Store& store = context.store;
  std::map<std::int64_t, OpportunityId> opportunity_ids;  // the backup's id -> this database's
  KITH_ASSIGN_OR_RETURN(const auto present, store.ListOpportunities(true));
  for (const auto& opportunity : tables.opportunities) {
    const auto same = std::find_if(present.begin(), present.end(), [&](const Opportunity& mine) {
      return mine.kind == opportunity.kind && mine.title == opportunity.title &&
             mine.created_on == opportunity.created_on;
    });
    if (same != present.end()) {
      opportunity_ids[opportunity.id.value] = same->id;
      continue;
    }
    KITH_ASSIGN_OR_RETURN(const Opportunity stored,
                          store.InsertOpportunity(opportunity, opportunity.created_on));
    if (opportunity.closed_on)
      KITH_RETURN_IF_ERROR(store.CloseOpportunity(stored.id, *opportunity.closed_on));
    opportunity_ids[opportunity.id.value] = stored.id;
    ++summary.opportunities;
  }
  for (const auto& item : tables.ledger) {
    KITH_ASSIGN_OR_RETURN(const auto contact, ByUid(store, item.contact_uid));
    if (!contact) {
      return Fail(ErrorCode::kParseError, "the ledger names a person (uid " + item.contact_uid +
                                              ") who is not among the backup's contacts");
    }
    LedgerEntry entry = item.entry;
    entry.contact = *contact;
    KITH_ASSIGN_OR_RETURN(entry.introduced_to, ByUid(store, item.introduced_to_uid));
    if (entry.opportunity) {
      const auto mapped = opportunity_ids.find(entry.opportunity->value);
      entry.opportunity = mapped == opportunity_ids.end() ? std::nullopt : std::optional(mapped->second);
    }
    KITH_ASSIGN_OR_RETURN(const auto existing, store.LedgerOf(*contact));
    const bool known = std::any_of(existing.begin(), existing.end(),
                                   [&](const LedgerEntry& mine) { return SameEntry(mine, entry); });
    if (known) continue;
    KITH_RETURN_IF_ERROR(store.InsertLedgerEntry(entry));
    ++summary.ledger_entries;
  }
  for (const auto& [key, value] : tables.settings) {
    KITH_ASSIGN_OR_RETURN(const auto mine, store.GetSetting(key));
    if (!mine) KITH_RETURN_IF_ERROR(store.SetSetting(key, value));
  }
  return Ok();
}

Result<KithBackupTables> BackupTables(Context& context) {
  Store& store = context.store;
  KithBackupTables tables;
  KITH_ASSIGN_OR_RETURN(tables.opportunities, store.ListOpportunities(true));
  std::reverse(tables.opportunities.begin(), tables.opportunities.end());  // oldest first, as they were added
  KITH_ASSIGN_OR_RETURN(const auto entries, store.AllLedgerEntries());
  std::map<std::int64_t, std::string> uids;
  const auto uid_of = [&](ContactId id) -> Result<std::string> {
    const auto found = uids.find(id.value);
    if (found != uids.end()) return found->second;
    KITH_ASSIGN_OR_RETURN(const Contact contact, store.GetContact(id));
    uids[id.value] = contact.uid;
    return contact.uid;
  };
  for (const auto& entry : entries) {
    BackupLedgerEntry item{entry, {}, {}};
    KITH_ASSIGN_OR_RETURN(item.contact_uid, uid_of(entry.contact));
    if (entry.introduced_to) {
      KITH_ASSIGN_OR_RETURN(item.introduced_to_uid, uid_of(*entry.introduced_to));
    }
    tables.ledger.push_back(std::move(item));
  }
  KITH_ASSIGN_OR_RETURN(tables.settings, store.AllSettings());
  return tables;
}

}  // namespace kith
