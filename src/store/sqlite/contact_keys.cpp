// The lookups that recognise a person again: by uid, email, phone, profile
// URL or name (imports and `kith dupes`), and what hangs off a contact.
#include <optional>

#include "domain/validation.h"
#include "store/sqlite/key_filter.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

constexpr KeyQueries kKeyQueries{
    .uid = "SELECT id FROM contacts WHERE uid = ?1",
    .email =
        "SELECT DISTINCT c.id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id "
        "WHERE e.address = ?1 COLLATE NOCASE AND c.trashed_at IS NULL ORDER BY c.id LIMIT 50",
    // The index on e164 is partial (WHERE e164 <> ''); SQLite uses it for a
    // bound value only when the query repeats the condition.
    .phone =
        "SELECT DISTINCT c.id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id "
        "WHERE p.e164 = ?1 AND p.e164 <> '' AND c.trashed_at IS NULL ORDER BY c.id LIMIT 50",
    .link_url =
        "SELECT DISTINCT c.id FROM contact_links l JOIN contacts c ON c.id = l.contact_id "
        "WHERE l.url = ?1 COLLATE NOCASE AND c.trashed_at IS NULL ORDER BY c.id LIMIT 50",
    .name = "SELECT id FROM contacts WHERE sort_name = ?1 AND trashed_at IS NULL ORDER BY id LIMIT 50",
};

// Each query yields (first, second, value, and both names) for pairs sharing
// one key; the names come with the pair so that weighing a candidate needs
// no card. The GROUP BY ... HAVING first narrows to shared values through
// the index, so only real collisions are joined. A value ten or more people
// share (an office line, info@, a big team of Smiths) identifies nobody and
// is left out.
constexpr PairQuery kPairQueries[] = {
    {ContactKey::kEmail,
     "WITH shared AS (SELECT address COLLATE NOCASE AS value FROM contact_emails "
     "GROUP BY address COLLATE NOCASE HAVING count(DISTINCT contact_id) BETWEEN 2 AND 9) "
     "SELECT DISTINCT a.contact_id, b.contact_id, a.address, ca.display_name, ca.given_name, "
     "cb.display_name, cb.given_name "
     "FROM shared "
     "JOIN contact_emails a ON a.address = shared.value COLLATE NOCASE "
     "JOIN contact_emails b ON b.address = shared.value COLLATE NOCASE AND b.contact_id > a.contact_id "
     "JOIN contacts ca ON ca.id = a.contact_id AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.id = b.contact_id AND cb.trashed_at IS NULL"},
    // The index on e164 is partial (WHERE e164 <> ''): the joins repeat the
    // condition, or SQLite scans every phone for each shared number (eight
    // minutes at 100,000 people).
    {ContactKey::kPhone,
     "WITH shared AS (SELECT e164 AS value FROM contact_phones WHERE e164 <> '' "
     "GROUP BY e164 HAVING count(DISTINCT contact_id) BETWEEN 2 AND 9) "
     "SELECT DISTINCT a.contact_id, b.contact_id, a.original, ca.display_name, ca.given_name, "
     "cb.display_name, cb.given_name "
     "FROM shared "
     "JOIN contact_phones a ON a.e164 = shared.value AND a.e164 <> '' "
     "JOIN contact_phones b ON b.e164 = shared.value AND b.e164 <> '' AND b.contact_id > a.contact_id "
     "JOIN contacts ca ON ca.id = a.contact_id AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.id = b.contact_id AND cb.trashed_at IS NULL"},
    {ContactKey::kLinkUrl,
     "WITH shared AS (SELECT url COLLATE NOCASE AS value FROM contact_links "
     "GROUP BY url COLLATE NOCASE HAVING count(DISTINCT contact_id) BETWEEN 2 AND 9) "
     "SELECT DISTINCT a.contact_id, b.contact_id, a.url, ca.display_name, ca.given_name, cb.display_name, "
     "cb.given_name "
     "FROM shared "
     "JOIN contact_links a ON a.url = shared.value COLLATE NOCASE "
     "JOIN contact_links b ON b.url = shared.value COLLATE NOCASE AND b.contact_id > a.contact_id "
     "JOIN contacts ca ON ca.id = a.contact_id AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.id = b.contact_id AND cb.trashed_at IS NULL"},
    {ContactKey::kName,
     "WITH shared AS (SELECT company COLLATE NOCASE AS company, family_name COLLATE NOCASE AS family "
     "FROM contacts WHERE trashed_at IS NULL AND company <> '' AND family_name <> '' "
     "GROUP BY company COLLATE NOCASE, family_name COLLATE NOCASE HAVING count(*) BETWEEN 2 AND 9) "
     "SELECT ca.id, cb.id, ca.company, ca.display_name, ca.given_name, cb.display_name, cb.given_name "
     "FROM shared "
     "JOIN contacts ca ON ca.company = shared.company COLLATE NOCASE AND ca.family_name = shared.family "
     "COLLATE NOCASE AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.company = shared.company COLLATE NOCASE AND cb.family_name = shared.family "
     "COLLATE NOCASE AND cb.trashed_at IS NULL AND cb.id > ca.id"},
};

}  // namespace

const KeyQueries& SqliteStore::KeyLookups() const { return kKeyQueries; }

Result<std::vector<ContactId>> SqliteStore::IdsFor(std::string_view sql, const std::string& value) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(sql));
  select.Bind(1, value);
  return ContactIds(select);
}

Result<std::vector<ContactId>> SqliteStore::FindContactIds(ContactKey key, std::string_view value) {
  if (bulk_.keys) {
    // Folded as each query compares (kKeyQueries); a name alone is not kept.
    std::optional<bool> listed;
    switch (key) {
      case ContactKey::kUid:
        listed = bulk_.keys->MayHold(FilteredKey::kUid, value);
        break;
      case ContactKey::kEmail:
        listed = bulk_.keys->MayHold(FilteredKey::kEmail, AsciiLower(value));
        break;
      case ContactKey::kPhone:
        listed = bulk_.keys->MayHold(FilteredKey::kPhone, value);
        break;
      case ContactKey::kLinkUrl:
        listed = bulk_.keys->MayHold(FilteredKey::kLinkUrl, AsciiLower(value));
        break;
      case ContactKey::kName:
        break;
    }
    if (listed == false) return std::vector<ContactId>();
  }
  return CardStore::FindContactIds(key, value);
}

Result<std::vector<ContactId>> SqliteStore::FindNamesakes(std::string_view name, std::string_view company) {
  const std::string sort_name = SortName(name);
  if (bulk_.keys && !bulk_.keys->MayHold(FilteredKey::kNamesake, NamesakeKey(sort_name, company))) {
    return std::vector<ContactId>();
  }
  // The company is compared in SQL so an import reads only the card that
  // matches, not every namesake on the list.
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT id FROM contacts WHERE sort_name = ?1 AND "
                                                        "trashed_at IS NULL AND company = ?2 COLLATE NOCASE "
                                                        "ORDER BY id LIMIT 50"));
  select.Bind(1, sort_name).Bind(2, company);
  return ContactIds(select);
}

Result<std::vector<DuplicatePair>> SqliteStore::FindDuplicatePairs() {
  std::vector<DuplicatePair> pairs;
  for (const PairQuery& query : kPairQueries) {
    KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(query.sql));
    while (true) {
      KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
      if (!row) break;
      pairs.push_back(DuplicatePair{ContactId{select.Int(0)},
                                    ContactId{select.Int(1)},
                                    query.key,
                                    select.Text(2),
                                    {select.Text(3), select.Text(4)},
                                    {select.Text(5), select.Text(6)}});
    }
  }
  return pairs;
}

Result<std::vector<ContactId>> SqliteStore::ContactIdsAfter(ContactId after, int limit,
                                                            bool include_trashed) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          include_trashed
              ? "SELECT id FROM contacts WHERE id > ?1 ORDER BY id LIMIT ?2"
              : "SELECT id FROM contacts WHERE id > ?1 AND trashed_at IS NULL ORDER BY id LIMIT ?2"));
  select.Bind(1, after.value).Bind(2, limit);
  return ContactIds(select);
}

Result<std::vector<JobChange>> SqliteStore::JobChanges(ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT noticed_on, source, old_company, old_title, "
                                                        "new_company, new_title FROM job_changes "
                                                        "WHERE contact_id = ?1 ORDER BY noticed_on, id"));
  select.Bind(1, id.value);
  std::vector<JobChange> changes;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    JobChange change;
    if (auto date = ParseIsoDate(select.Text(0))) change.noticed_on = *date;
    change.source = select.Text(1);
    change.old_company = select.Text(2);
    change.old_title = select.Text(3);
    change.new_company = select.Text(4);
    change.new_title = select.Text(5);
    changes.push_back(std::move(change));
  }
  return changes;
}

Status SqliteStore::AddJobChange(ContactId id, const JobChange& change) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        auto insert,
        database_->Prepare("INSERT INTO job_changes(contact_id, noticed_on, source, old_company, old_title, "
                           "new_company, new_title) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.Bind(1, id.value)
        .Bind(2, change.noticed_on.ToIso())
        .Bind(3, change.source)
        .Bind(4, change.old_company)
        .Bind(5, change.old_title)
        .Bind(6, change.new_company)
        .Bind(7, change.new_title);
    return insert.Run();
  });
}

}  // namespace kith::sqlite
