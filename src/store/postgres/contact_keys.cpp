// The lookups that recognise a person again on PostgreSQL (by uid, email,
// phone, profile URL or name; `kith dupes`), the job changes an import
// noticed, and the reads by id that exports and lists page through.
#include <memory>

#include "domain/validation.h"
#include "store/postgres/listed_keys.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

constexpr KeyQueries kKeyQueries{
    .uid = "SELECT id FROM contacts WHERE workspace_id = $1 AND uid = $2",
    .email =
        "SELECT DISTINCT c.id FROM contact_emails e JOIN contacts c ON c.workspace_id = e.workspace_id "
        "AND c.id = e.contact_id WHERE e.workspace_id = $1 AND e.address_folded = lower($2) "
        "AND c.trashed_at IS NULL ORDER BY c.id LIMIT 50",
    .phone =
        "SELECT DISTINCT c.id FROM contact_phones p JOIN contacts c ON c.workspace_id = p.workspace_id "
        "AND c.id = p.contact_id WHERE p.workspace_id = $1 AND p.e164 = $2 AND p.e164 <> '' "
        "AND c.trashed_at IS NULL ORDER BY c.id LIMIT 50",
    .link_url =
        "SELECT DISTINCT c.id FROM contact_links l JOIN contacts c ON c.workspace_id = l.workspace_id "
        "AND c.id = l.contact_id WHERE l.workspace_id = $1 AND l.url_folded = lower($2) "
        "AND c.trashed_at IS NULL ORDER BY c.id LIMIT 50",
    .name =
        "SELECT id FROM contacts WHERE workspace_id = $1 AND sort_name = $2 AND trashed_at IS NULL "
        "ORDER BY id LIMIT 50",
};

// Pairs of live contacts sharing one key, the value shared by two to nine
// of them (more identifies nobody), with both names (store/sqlite/
// contact_keys.cpp says why each is shaped so). Every join stays inside
// the workspace.
constexpr PairQuery kPairQueries[] = {
    {ContactKey::kEmail,
     "WITH shared AS (SELECT address_folded AS value FROM contact_emails WHERE workspace_id = $1 "
     "GROUP BY address_folded HAVING count(DISTINCT contact_id) BETWEEN 2 AND 9) "
     "SELECT DISTINCT a.contact_id, b.contact_id, a.address, ca.display_name, ca.given_name, "
     "cb.display_name, cb.given_name FROM shared "
     "JOIN contact_emails a ON a.workspace_id = $1 AND a.address_folded = shared.value "
     "JOIN contact_emails b ON b.workspace_id = $1 AND b.address_folded = shared.value "
     "AND b.contact_id > a.contact_id "
     "JOIN contacts ca ON ca.workspace_id = $1 AND ca.id = a.contact_id AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.workspace_id = $1 AND cb.id = b.contact_id AND cb.trashed_at IS NULL "
     "ORDER BY 1, 2"},
    {ContactKey::kPhone,
     "WITH shared AS (SELECT e164 AS value FROM contact_phones WHERE workspace_id = $1 AND e164 <> '' "
     "GROUP BY e164 HAVING count(DISTINCT contact_id) BETWEEN 2 AND 9) "
     "SELECT DISTINCT a.contact_id, b.contact_id, a.original, ca.display_name, ca.given_name, "
     "cb.display_name, cb.given_name FROM shared "
     "JOIN contact_phones a ON a.workspace_id = $1 AND a.e164 = shared.value "
     "JOIN contact_phones b ON b.workspace_id = $1 AND b.e164 = shared.value AND b.contact_id > a.contact_id "
     "JOIN contacts ca ON ca.workspace_id = $1 AND ca.id = a.contact_id AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.workspace_id = $1 AND cb.id = b.contact_id AND cb.trashed_at IS NULL "
     "ORDER BY 1, 2"},
    {ContactKey::kLinkUrl,
     "WITH shared AS (SELECT url_folded AS value FROM contact_links WHERE workspace_id = $1 "
     "GROUP BY url_folded HAVING count(DISTINCT contact_id) BETWEEN 2 AND 9) "
     "SELECT DISTINCT a.contact_id, b.contact_id, a.url, ca.display_name, ca.given_name, "
     "cb.display_name, cb.given_name FROM shared "
     "JOIN contact_links a ON a.workspace_id = $1 AND a.url_folded = shared.value "
     "JOIN contact_links b ON b.workspace_id = $1 AND b.url_folded = shared.value "
     "AND b.contact_id > a.contact_id "
     "JOIN contacts ca ON ca.workspace_id = $1 AND ca.id = a.contact_id AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.workspace_id = $1 AND cb.id = b.contact_id AND cb.trashed_at IS NULL "
     "ORDER BY 1, 2"},
    {ContactKey::kName,
     "WITH shared AS (SELECT lower(company) AS company, lower(family_name) AS family FROM contacts "
     "WHERE workspace_id = $1 AND trashed_at IS NULL AND company <> '' AND family_name <> '' "
     "GROUP BY lower(company), lower(family_name) HAVING count(*) BETWEEN 2 AND 9) "
     "SELECT ca.id, cb.id, ca.company, ca.display_name, ca.given_name, cb.display_name, cb.given_name "
     "FROM shared "
     "JOIN contacts ca ON ca.workspace_id = $1 AND lower(ca.company) = shared.company "
     "AND lower(ca.family_name) = shared.family AND ca.trashed_at IS NULL "
     "JOIN contacts cb ON cb.workspace_id = $1 AND lower(cb.company) = shared.company "
     "AND lower(cb.family_name) = shared.family AND cb.trashed_at IS NULL AND cb.id > ca.id "
     "ORDER BY 1, 2"},
};

// The branch of FindManyContactIds's statement that answers a lookup.
std::int64_t BranchOf(const ContactLookup& lookup) {
  if (lookup.namesakes) return 5;
  switch (lookup.key) {
    case ContactKey::kUid:
      return 0;
    case ContactKey::kEmail:
      return 1;
    case ContactKey::kPhone:
      return 2;
    case ContactKey::kLinkUrl:
      return 3;
    case ContactKey::kName:
      return 4;
  }
  return 0;
}

// Whether the card a key row (`alias`) belongs to is live, asked of each
// key row found: a subquery the planner cannot turn into a join. Joined,
// the planner, misled by statistics from before an import's first
// batches, walked the workspace's cards in id order for every lookup.
std::string LiveCard(std::string_view alias) {
  return "(SELECT c.trashed_at IS NULL FROM contacts c WHERE c.workspace_id = $1 AND c.id = " +
         std::string(alias) + ".contact_id)";
}

// FindManyContactIds's statement: each lookup a row of the arrays (its
// branch, its value, its company), joined laterally to the branch of its
// kind, which is that kind's single lookup (kKeyQueries, FindNamesakes) with
// the value compared already folded, so the comparison stays leakproof and
// the indexes serve it under row-level security. Each branch is joined to
// the lookups of its own kind alone: one lateral union of all six, each
// switched off by a condition on the kind, started and reset the six
// (with a sort each) for every lookup, a third of the statement's time.
// (LIMIT keeps each branch a lookup per row, never a join the planner
// could turn into a walk of the workspace.)
std::string ManyLookupsSql() {
  const auto branch = [](int kind, const std::string& lookup) {
    return "SELECT q.n, f.id FROM q CROSS JOIN LATERAL (" + lookup +
           ") f WHERE q.kind = " + std::to_string(kind);
  };
  return "WITH q AS MATERIALIZED (SELECT n, kind, value, lower(value) AS folded, lower(company) AS company "
         "FROM unnest($2::bigint[], $3::text[], $4::text[]) WITH ORDINALITY AS u(kind, value, company, n)) "
         "SELECT n, id FROM (" +
         branch(0, "SELECT id FROM contacts WHERE workspace_id = $1 AND uid = q.value LIMIT 1") +
         " UNION ALL " +
         branch(1,
                "SELECT DISTINCT e.contact_id AS id FROM contact_emails e "
                "WHERE e.workspace_id = $1 AND e.address_folded = q.folded AND " +
                    LiveCard("e") + " ORDER BY 1 LIMIT 50") +
         " UNION ALL " +
         branch(2,
                "SELECT DISTINCT p.contact_id AS id FROM contact_phones p "
                "WHERE p.workspace_id = $1 AND p.e164 = q.value AND p.e164 <> '' AND " +
                    LiveCard("p") + " ORDER BY 1 LIMIT 50") +
         " UNION ALL " +
         branch(3,
                "SELECT DISTINCT l.contact_id AS id FROM contact_links l "
                "WHERE l.workspace_id = $1 AND l.url_folded = q.folded AND " +
                    LiveCard("l") + " ORDER BY 1 LIMIT 50") +
         " UNION ALL " +
         branch(4,
                "SELECT id FROM contacts WHERE workspace_id = $1 AND sort_name = q.value "
                "AND trashed_at IS NULL ORDER BY id LIMIT 50") +
         " UNION ALL " +
         branch(5,
                "SELECT id FROM contacts WHERE workspace_id = $1 AND sort_name = q.value "
                "AND trashed_at IS NULL AND lower(company) = q.company ORDER BY id LIMIT 50") +
         ") found ORDER BY n, id";
}

}  // namespace

const KeyQueries& PgStore::KeyLookups() const { return kKeyQueries; }

Result<std::vector<ContactId>> PgStore::IdsFor(std::string_view sql, const std::string& value) {
  return Ids(std::string(sql), Params().Add(value));
}

Result<std::vector<ContactId>> PgStore::FindNamesakes(std::string_view name, std::string_view company) {
  return Ids(
      "SELECT id FROM contacts WHERE workspace_id = $1 AND sort_name = $2 AND trashed_at IS NULL "
      "AND lower(company) = lower($3) ORDER BY id LIMIT 50",
      Params().Add(SortName(name)).Add(company));
}

Result<std::vector<std::vector<ContactId>>> PgStore::FindManyContactIds(
    std::span<const ContactLookup> lookups) {
  // One statement for all of them (ManyLookupsSql), the values folded as
  // FindContactIds and FindNamesakes fold them. JIT is left out: compiling
  // the statement took longer than running it.
  std::vector<std::vector<ContactId>> answers(lookups.size());
  if (bulk_ && !keys_listed_) KITH_RETURN_IF_ERROR(ListKeysOfASmallWorkspace());
  std::vector<std::int64_t> kinds;
  std::vector<std::string> values;
  std::vector<std::string> companies;
  std::vector<std::int64_t> asked;  // the index in `lookups` of each row sent
  for (std::size_t i = 0; i < lookups.size(); ++i) {
    const ContactLookup& lookup = lookups[i];
    if (lookup.namesakes) {
      values.push_back(SortName(lookup.value));
    } else if (lookup.value.empty()) {
      continue;  // FindContactIds finds nobody by an empty value
    } else {
      values.push_back(lookup.key == ContactKey::kName ? FoldLabel(lookup.value) : lookup.value);
    }
    if (listed_keys_ && !listed_keys_->MayAnswer(lookup, values.back())) {
      values.pop_back();  // no card has the key: answered without asking
      continue;
    }
    kinds.push_back(BranchOf(lookup));
    companies.push_back(lookup.company);
    asked.push_back(static_cast<std::int64_t>(i));
  }
  if (asked.empty()) return answers;
  KITH_RETURN_IF_ERROR(connection_->Execute("SELECT set_config('jit', 'off', true)"));
  static const std::string kSql = ManyLookupsSql();
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run(kSql, Params().Add(ArrayLiteral(kinds)).Add(ArrayLiteral(values)).Add(ArrayLiteral(companies))));
  for (int row = 0; row < rows.size(); ++row) {
    const auto sent = static_cast<std::size_t>(rows.Int(row, 0) - 1);
    answers[static_cast<std::size_t>(asked.at(sent))].push_back(ContactId{rows.Int(row, 1)});
  }
  return answers;
}

Result<std::vector<DuplicatePair>> PgStore::FindDuplicatePairs() {
  std::vector<DuplicatePair> pairs;
  for (const PairQuery& query : kPairQueries) {
    KITH_ASSIGN_OR_RETURN(const Rows rows, Run(std::string(query.sql)));
    for (int row = 0; row < rows.size(); ++row) {
      pairs.push_back(DuplicatePair{ContactId{rows.Int(row, 0)},
                                    ContactId{rows.Int(row, 1)},
                                    query.key,
                                    rows.Text(row, 2),
                                    {rows.Text(row, 3), rows.Text(row, 4)},
                                    {rows.Text(row, 5), rows.Text(row, 6)}});
    }
  }
  return pairs;
}

Result<std::vector<JobChange>> PgStore::JobChanges(ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT noticed_on, source, old_company, old_title, new_company, "
                            "new_title FROM job_changes WHERE workspace_id = $1 "
                            "AND contact_id = $2 ORDER BY noticed_on, id",
                            Params().Add(id.value)));
  std::vector<JobChange> changes;
  for (int row = 0; row < rows.size(); ++row) {
    JobChange change;
    if (auto date = ParseIsoDate(rows.Text(row, 0))) change.noticed_on = *date;
    change.source = rows.Text(row, 1);
    change.old_company = rows.Text(row, 2);
    change.old_title = rows.Text(row, 3);
    change.new_company = rows.Text(row, 4);
    change.new_title = rows.Text(row, 5);
    changes.push_back(std::move(change));
  }
  return changes;
}

Status PgStore::AddJobChange(ContactId id, const JobChange& change) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const std::int64_t change_id, NextIds("job_changes", 1));
    return Write(
        "INSERT INTO job_changes(workspace_id, id, contact_id, noticed_on, source, old_company, "
        "old_title, new_company, new_title) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Params()
            .Add(change_id)
            .Add(id.value)
            .Add(change.noticed_on.ToIso())
            .Add(change.source)
            .Add(change.old_company)
            .Add(change.old_title)
            .Add(change.new_company)
            .Add(change.new_title));
  });
}

Result<std::vector<ContactId>> PgStore::ContactIdsAfter(ContactId after, int limit, bool include_trashed) {
  return Ids(include_trashed
                 ? "SELECT id FROM contacts WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3"
                 : "SELECT id FROM contacts WHERE workspace_id = $1 AND id > $2 "
                   "AND trashed_at IS NULL ORDER BY id LIMIT $3",
             Params().Add(after.value).Add(limit));
}

Result<std::vector<std::pair<ContactId, std::string>>> PgStore::UidsOf(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT id, uid FROM contacts WHERE workspace_id = $1 "
                                             "AND id = ANY($2::bigint[])",
                                             Params().Add(IdArray(ids))));
  std::unordered_map<std::int64_t, std::string> found;
  for (int row = 0; row < rows.size(); ++row) found.emplace(rows.Int(row, 0), rows.Text(row, 1));
  std::vector<std::pair<ContactId, std::string>> uids;
  for (const ContactId id : ids) {
    if (const auto uid = found.find(id.value); uid != found.end()) uids.emplace_back(id, uid->second);
  }
  return uids;
}

Result<std::vector<ContactSummary>> PgStore::ContactSummaries(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT id, uid, display_name, company, met_at, last_contact, city, met_on "
                            "FROM contacts WHERE workspace_id = $1 AND id = ANY($2::bigint[])",
                            Params().Add(IdArray(ids))));
  std::unordered_map<std::int64_t, ContactSummary> found;
  for (int row = 0; row < rows.size(); ++row) {
    ContactSummary summary{ContactId{rows.Int(row, 0)}, rows.Text(row, 1),   rows.Text(row, 2),
                           rows.Text(row, 3),           rows.Text(row, 4),   DateAt(rows, row, 5),
                           rows.Text(row, 6),           DateAt(rows, row, 7)};
    found.emplace(summary.id.value, std::move(summary));
  }
  std::vector<ContactSummary> summaries;
  for (const ContactId id : ids) {
    if (const auto summary = found.find(id.value); summary != found.end())
      summaries.push_back(summary->second);
  }
  return summaries;
}

Result<std::vector<ContactId>> PgStore::ContactsTagged(std::string_view tag) {
  return Ids(
      "SELECT l.contact_id FROM contact_labels l JOIN contacts c ON c.workspace_id = l.workspace_id "
      "AND c.id = l.contact_id WHERE l.workspace_id = $1 AND l.kind = 'tag' AND l.folded = $2 "
      "AND c.trashed_at IS NULL ORDER BY l.contact_id",
      Params().Add(tag));
}

Result<bool> PgStore::LabelInUse(std::string_view kind, std::string_view value) {
  const std::string folded = SortName(value);
  if (folded.empty()) return false;
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT EXISTS (SELECT 1 FROM contact_labels WHERE workspace_id = $1 "
                            "AND kind = $2 AND folded = $3)",
                            Params().Add(kind).Add(folded)));
  return rows.Bool(0, 0);
}

Result<std::vector<std::string>> PgStore::LabelsWithPrefix(std::string_view kind, std::string_view prefix,
                                                           int limit) {
  const std::string folded = prefix.empty() ? std::string() : SortName(prefix);
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT min(l.value) FROM contact_labels l JOIN contacts c ON c.workspace_id = l.workspace_id "
          "AND c.id = l.contact_id AND c.trashed_at IS NULL WHERE l.workspace_id = $1 AND l.kind = $2 "
          "AND l.folded >= $3 AND l.folded < $4 GROUP BY l.folded ORDER BY count(*) DESC, l.folded LIMIT $5",
          Params().Add(kind).Add(folded).Add(PastPrefix(folded)).Add(limit)));
  return TextColumn(rows);
}

Result<std::vector<std::string>> PgStore::MetAtWithPrefix(std::string_view prefix, int limit) {
  // Events made in kith and the places on cards (an import's "met at"),
  // case ignored; the ones with the most live people first.
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT min(name) FROM ("
          " SELECT met_at AS name, 1 AS people FROM contacts WHERE workspace_id = $1 AND trashed_at IS NULL"
          " AND met_at <> '' AND lower(met_at) COLLATE \"C\" >= lower($2) COLLATE \"C\""
          " AND lower(met_at) COLLATE \"C\" < lower($3) COLLATE \"C\""
          " UNION ALL SELECT name, 0 FROM events WHERE workspace_id = $1"
          " AND lower(name) COLLATE \"C\" >= lower($2) COLLATE \"C\" AND lower(name) COLLATE \"C\" < "
          "lower($3) COLLATE \"C\""
          ") named GROUP BY lower(name) ORDER BY sum(people) DESC, lower(name) LIMIT $4",
          Params().Add(prefix).Add(PastPrefix(prefix)).Add(limit)));
  return TextColumn(rows);
}

Status PgStore::ListKeysOfASmallWorkspace() {
  // Read once per bulk transaction, at its first lookup, and kept up to
  // date by every card it writes (InsertRow, UpdateCardRow, CopyCardRows):
  // in a new workspace nearly every lookup of an import finds nobody, and
  // each cost two index probes in a statement that was a sixth of the
  // database's time. A workspace of many cards is left to the queries:
  // reading its keys would cost more than a small import's lookups. (A
  // card another session adds meanwhile is not among the keys: at READ
  // COMMITTED the lookups could miss it as well, a statement earlier.)
  constexpr int kListKeysBelow = 20000;
  keys_listed_ = true;
  std::string ascii;
  for (int c = 1; c < 0x80; ++c) ascii += static_cast<char>(c);  // every ASCII character but NUL
  KITH_ASSIGN_OR_RETURN(const Rows known,
                        Run("SELECT (SELECT count(*) FROM (SELECT FROM contacts WHERE workspace_id = $1 "
                            "LIMIT " +
                                std::to_string(kListKeysBelow) + ") c), lower($2) = $3",
                            Params().Add(ascii).Add(AsciiLower(ascii))));
  if (known.Int(0, 0) >= kListKeysBelow) return Ok();
  auto keys = std::make_unique<ListedKeys>(known.Text(0, 1) == "t");
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT 'u', uid, '' FROM contacts WHERE workspace_id = $1 "
          "UNION ALL SELECT 'm', sort_name, lower(company) FROM contacts WHERE workspace_id = $1 "
          "UNION ALL SELECT 'e', address_folded, '' FROM contact_emails WHERE workspace_id = $1 "
          "UNION ALL SELECT 'p', e164, '' FROM contact_phones WHERE workspace_id = $1 "
          "UNION ALL SELECT 'l', url_folded, '' FROM contact_links WHERE workspace_id = $1"));
  for (int row = 0; row < rows.size(); ++row) {
    const std::string value = rows.Text(row, 1);
    switch (rows.Text(row, 0).front()) {
      case 'u':
        keys->AddUid(value);
        break;
      case 'm':
        keys->AddNameFolded(value, rows.Text(row, 2));
        break;
      case 'e':
        keys->AddEmailFolded(value);
        break;
      case 'p':
        keys->AddPhone(value);
        break;
      default:
        keys->AddLinkUrlFolded(value);
        break;
    }
  }
  listed_keys_ = std::move(keys);
  return Ok();
}

}  // namespace kith::postgres
