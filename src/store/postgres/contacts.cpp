// Contacts on PostgreSQL: the card and its lists, written, read in batches,
// trashed, restored, listed and counted.
#include <functional>
#include <map>

#include "domain/date.h"
#include "store/column_lists.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

constexpr std::string_view kContactColumns =
    "id, uid, display_name, given_name, family_name, company, title, website, city, "
    "neighborhood, hometown, how_met, met_at, met_on, open_to_opportunities, looking_for, "
    "open_since, notes, last_contact, created_at, updated_at, trashed_at, kind, nickname, role, departments, "
    "birthday, anniversary";

Contact ContactAt(const Rows& rows, int row) {
  Contact contact;
  contact.id = ContactId{rows.Int(row, 0)};
  contact.uid = rows.Text(row, 1);
  contact.display_name = rows.Text(row, 2);
  contact.given_name = rows.Text(row, 3);
  contact.family_name = rows.Text(row, 4);
  contact.company = rows.Text(row, 5);
  contact.title = rows.Text(row, 6);
  contact.website = rows.Text(row, 7);
  contact.city = rows.Text(row, 8);
  contact.neighborhood = rows.Text(row, 9);
  contact.hometown = rows.Text(row, 10);
  contact.how_met = rows.Text(row, 11);
  contact.met_at = rows.Text(row, 12);
  contact.met_on = DateAt(rows, row, 13);
  contact.open_to_opportunities = rows.Bool(row, 14);
  contact.looking_for = rows.Text(row, 15);
  contact.open_since = DateAt(rows, row, 16);
  contact.notes = rows.Text(row, 17);
  contact.last_contact = DateAt(rows, row, 18);
  contact.created_at = rows.Text(row, 19);
  contact.updated_at = rows.Text(row, 20);
  contact.trashed_at = rows.OptionalText(row, 21);
  contact.kind = rows.Text(row, 22);
  contact.nickname = rows.Text(row, 23);
  contact.role = rows.Text(row, 24);
  contact.departments = SplitLines(rows.Text(row, 25), '\n');
  contact.birthday = PartialDateAt(rows, row, 26);
  contact.anniversary = PartialDateAt(rows, row, 27);
  return contact;
}

// A card's columns as $3…$26, the numbering the INSERT and UPDATE share
// ($1 is the workspace, $2 the id).
Params FieldParams(ContactId id, const ContactFields& fields, const std::string& sort_name,
                   const std::string& now) {
  Params params;
  params.Add(id.value)
      .Add(fields.display_name)
      .Add(fields.given_name)
      .Add(fields.family_name)
      .Add(sort_name)
      .Add(fields.company)
      .Add(fields.title)
      .Add(fields.website)
      .Add(fields.city)
      .Add(fields.neighborhood)
      .Add(fields.hometown)
      .Add(fields.how_met)
      .Add(fields.met_at)
      .Add(IsoOrNull(fields.met_on))
      .Add(fields.open_to_opportunities)
      .Add(fields.looking_for)
      .Add(IsoOrNull(fields.open_since))
      .Add(fields.notes)
      .Add(now)
      .Add(fields.kind)
      .Add(fields.nickname)
      .Add(fields.role)
      .Add(JoinLines(fields.departments, '\n'))
      .Add(IsoOrNull(fields.birthday))
      .Add(IsoOrNull(fields.anniversary));
  return params;
}

}  // namespace

Result<std::vector<ContactId>> PgStore::Ids(const std::string& sql, const Params& params) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(sql, params));
  std::vector<ContactId> ids;
  ids.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) ids.push_back(ContactId{rows.Int(row, 0)});
  return ids;
}

void PgStore::ListCardKeys(const std::string& uid, std::string_view sort_name, const ContactFields& fields) {
  if (!listed_keys_) return;
  if (!uid.empty()) listed_keys_->AddUid(uid);
  listed_keys_->AddName(sort_name, fields.company);
  listed_keys_->AddLists(fields);
}

Status PgStore::InsertRow(ContactId id, const ContactFields& fields, const std::string& uid,
                          const std::string& now) {
  const std::string sort_name = SortName(fields.display_name);
  Params params = FieldParams(id, fields, sort_name, now);
  params.Add(uid);
  ListCardKeys(uid, sort_name, fields);
  KITH_ASSIGN_OR_RETURN(
      const Rows inserted,
      Run("INSERT INTO contacts(workspace_id, id, display_name, given_name, family_name, sort_name, company, "
          "title, website, city, neighborhood, hometown, how_met, met_at, met_on, open_to_opportunities, "
          "looking_for, open_since, notes, created_at, updated_at, kind, nickname, role, departments, "
          "birthday, "
          "anniversary, uid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
          "$17, "
          "$18, $19, $20, $20, $21, $22, $23, $24, $25, $26, $27)",
          params));
  (void)inserted;
  return WriteChildren(id, fields);
}

Status PgStore::WriteChildren(ContactId id, const ContactFields& fields) {
  for (std::size_t i = 0; i < fields.emails.size(); ++i) {
    KITH_RETURN_IF_ERROR(
        Run("INSERT INTO contact_emails(workspace_id, contact_id, position, address) "
            "VALUES ($1, $2, $3, $4)",
            Params().Add(id.value).Add(static_cast<int>(i)).Add(fields.emails[i])));
  }
  for (std::size_t i = 0; i < fields.phones.size(); ++i) {
    KITH_RETURN_IF_ERROR(
        Run("INSERT INTO contact_phones(workspace_id, contact_id, position, original, e164) "
            "VALUES ($1, $2, $3, $4, $5)",
            Params()
                .Add(id.value)
                .Add(static_cast<int>(i))
                .Add(fields.phones[i].original)
                .Add(fields.phones[i].e164)));
  }
  for (std::size_t i = 0; i < fields.links.size(); ++i) {
    const Link& link = fields.links[i];
    KITH_RETURN_IF_ERROR(
        Run("INSERT INTO contact_links(workspace_id, contact_id, position, kind, url, "
            "connected, followed, connected_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            Params()
                .Add(id.value)
                .Add(static_cast<int>(i))
                .Add(LinkKindName(link.kind))
                .Add(link.url)
                .Add(link.connected)
                .Add(link.followed)
                .Add(IsoOrNull(link.connected_on))));
  }
  const auto write_labels = [&](std::string_view kind, const std::vector<std::string>& values) -> Status {
    for (std::size_t i = 0; i < values.size(); ++i) {
      KITH_RETURN_IF_ERROR(Run(
          "INSERT INTO contact_labels(workspace_id, contact_id, kind, position, value, "
          "folded) VALUES ($1, $2, $3, $4, $5, $6)",
          Params().Add(id.value).Add(kind).Add(static_cast<int>(i)).Add(values[i]).Add(SortName(values[i]))));
    }
    return Ok();
  };
  KITH_RETURN_IF_ERROR(write_labels("tag", fields.tags));
  KITH_RETURN_IF_ERROR(write_labels("skill", fields.skills));
  KITH_RETURN_IF_ERROR(write_labels("interest", fields.interests));
  const auto write_extra = [&](std::string_view kind, std::size_t position, std::string_view label,
                               std::string_view value) -> Status {
    return Run("INSERT INTO contact_extras(workspace_id, contact_id, kind, position, label, value) "
               "VALUES ($1, $2, $3, $4, $5, $6)",
               Params().Add(id.value).Add(kind).Add(static_cast<int>(position)).Add(label).Add(value))
        .map([](const Rows&) {});
  };
  for (std::size_t i = 0; i < fields.custom.size(); ++i) {
    KITH_RETURN_IF_ERROR(write_extra("custom", i, fields.custom[i].label, fields.custom[i].value));
  }
  if (!fields.photo.empty()) KITH_RETURN_IF_ERROR(write_extra("photo", 0, "", fields.photo));
  for (std::size_t i = 0; i < fields.vcard_properties.size(); ++i) {
    KITH_RETURN_IF_ERROR(write_extra("vcard", i, "", fields.vcard_properties[i]));
  }
  for (std::size_t i = 0; i < fields.value_types.size(); ++i) {
    const ValueType& value = fields.value_types[i];
    KITH_RETURN_IF_ERROR(
        Run("INSERT INTO contact_value_types(workspace_id, contact_id, position, property, "
            "value, types, pref, label) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            Params()
                .Add(id.value)
                .Add(static_cast<int>(i))
                .Add(value.property)
                .Add(value.value)
                .Add(JoinLines(value.types, ','))
                .Add(value.pref)
                .Add(value.label)));
  }
  for (std::size_t i = 0; i < fields.addresses.size(); ++i) {
    const Address& value = fields.addresses[i];
    KITH_RETURN_IF_ERROR(
        Run("INSERT INTO contact_addresses(workspace_id, contact_id, position, types, pref, "
            "label, po_box, extended, street, locality, region, postal_code, country, delivery_label) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            Params()
                .Add(id.value)
                .Add(static_cast<int>(i))
                .Add(JoinLines(value.types, ','))
                .Add(value.pref)
                .Add(value.label)
                .Add(value.po_box)
                .Add(value.extended)
                .Add(value.street)
                .Add(value.locality)
                .Add(value.region)
                .Add(value.postal_code)
                .Add(value.country)
                .Add(value.delivery_label)));
  }
  return Ok();
}

Status PgStore::DeleteChildren(ContactId id) {
  for (const std::string table : {"contact_emails", "contact_phones", "contact_links", "contact_labels",
                                  "contact_extras", "contact_value_types", "contact_addresses"}) {
    KITH_RETURN_IF_ERROR(
        Run("DELETE FROM " + table + " WHERE workspace_id = $1 AND contact_id = $2", Params().Add(id.value)));
  }
  return Ok();
}

Result<std::vector<Contact>> PgStore::LoadContacts(const std::vector<ContactId>& ids) {
  // One query per table for the whole batch, the ids as one array: the
  // cards and their lists come from one snapshot when the caller holds a
  // transaction, and from consecutive ones otherwise.
  const std::string batch = IdArray(ids);
  KITH_ASSIGN_OR_RETURN(const Rows cards,
                        Run("SELECT " + std::string(kContactColumns) +
                                " FROM contacts WHERE workspace_id = $1 AND id = ANY($2::bigint[])",
                            Params().Add(batch)));
  std::map<std::int64_t, Contact> found;
  for (int row = 0; row < cards.size(); ++row) {
    Contact contact = ContactAt(cards, row);
    const std::int64_t id = contact.id.value;
    found.emplace(id, std::move(contact));
  }
  const auto each_row = [&](const std::string& sql, const auto& take) -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows rows, Run(sql, Params().Add(batch)));
    for (int row = 0; row < rows.size(); ++row) {
      const auto card = found.find(rows.Int(row, 0));
      if (card != found.end()) take(rows, row, card->second);
    }
    return Ok();
  };
  const std::string in_batch = " WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) ";
  KITH_RETURN_IF_ERROR(each_row(
      "SELECT contact_id, address FROM contact_emails" + in_batch + "ORDER BY contact_id, position",
      [](const Rows& rows, int row, Contact& contact) { contact.emails.push_back(rows.Text(row, 1)); }));
  KITH_RETURN_IF_ERROR(each_row(
      "SELECT contact_id, original, e164 FROM contact_phones" + in_batch + "ORDER BY contact_id, position",
      [](const Rows& rows, int row, Contact& contact) {
        contact.phones.push_back(Phone{rows.Text(row, 1), rows.Text(row, 2)});
      }));
  std::optional<Error> unknown;
  KITH_RETURN_IF_ERROR(
      each_row("SELECT contact_id, kind, url, connected, followed, connected_on FROM contact_links" +
                   in_batch + "ORDER BY contact_id, position",
               [&unknown](const Rows& rows, int row, Contact& contact) {
                 const auto kind = ParseLinkKind(rows.Text(row, 1));
                 if (!kind) {
                   unknown = Error{ErrorCode::kInternal,
                                   "table contact_links holds an unknown kind '" + rows.Text(row, 1) +
                                       "' (written by another version of kith)",
                                   "contact_links"};
                   return;
                 }
                 contact.links.push_back(Link{*kind, rows.Text(row, 2), rows.Bool(row, 3), rows.Bool(row, 4),
                                              DateAt(rows, row, 5)});
               }));
  if (unknown) return tl::unexpected(*unknown);
  KITH_RETURN_IF_ERROR(each_row(
      "SELECT contact_id, kind, value FROM contact_labels" + in_batch + "ORDER BY contact_id, kind, position",
      [](const Rows& rows, int row, Contact& contact) {
        const std::string kind = rows.Text(row, 1);
        auto& target = kind == "tag" ? contact.tags : kind == "skill" ? contact.skills : contact.interests;
        target.push_back(rows.Text(row, 2));
      }));
  KITH_RETURN_IF_ERROR(
      each_row("SELECT contact_id, kind, label, value FROM contact_extras" + in_batch +
                   "ORDER BY contact_id, kind, position",
               [](const Rows& rows, int row, Contact& contact) {
                 const std::string kind = rows.Text(row, 1);
                 if (kind == "custom") {
                   contact.custom.push_back(CustomField{rows.Text(row, 2), rows.Text(row, 3)});
                 } else if (kind == "photo") {
                   contact.photo = rows.Text(row, 3);
                 } else {
                   contact.vcard_properties.push_back(rows.Text(row, 3));
                 }
               }));
  KITH_RETURN_IF_ERROR(each_row(
      "SELECT contact_id, property, value, types, pref, label FROM contact_value_types" + in_batch +
          "ORDER BY contact_id, position",
      [](const Rows& rows, int row, Contact& contact) {
        contact.value_types.push_back(ValueType{rows.Text(row, 1), rows.Text(row, 2),
                                                SplitLines(rows.Text(row, 3), ','),
                                                static_cast<int>(rows.Int(row, 4)), rows.Text(row, 5)});
      }));
  KITH_RETURN_IF_ERROR(each_row(
      "SELECT contact_id, types, pref, label, po_box, extended, street, locality, region, "
      "postal_code, country, delivery_label "
      "FROM contact_addresses" +
          in_batch + "ORDER BY contact_id, position",
      [](const Rows& rows, int row, Contact& contact) {
        contact.addresses.push_back(
            Address{SplitLines(rows.Text(row, 1), ','), static_cast<int>(rows.Int(row, 2)), rows.Text(row, 3),
                    rows.Text(row, 4), rows.Text(row, 5), rows.Text(row, 6), rows.Text(row, 7),
                    rows.Text(row, 8), rows.Text(row, 9), rows.Text(row, 10), rows.Text(row, 11)});
      }));
  std::vector<Contact> contacts;
  contacts.reserve(ids.size());
  for (const ContactId id : ids) {
    if (const auto card = found.find(id.value); card != found.end()) contacts.push_back(card->second);
  }
  return contacts;
}

Result<std::vector<Contact>> PgStore::GetContacts(const std::vector<ContactId>& ids) {
  std::vector<Contact> contacts;
  contacts.reserve(ids.size());
  constexpr std::size_t kBatch = 500;
  for (std::size_t begin = 0; begin < ids.size(); begin += kBatch) {
    const std::vector<ContactId> batch(
        ids.begin() + static_cast<std::ptrdiff_t>(begin),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), begin + kBatch)));
    KITH_ASSIGN_OR_RETURN(auto loaded, LoadContacts(batch));
    for (auto& contact : loaded) contacts.push_back(std::move(contact));
  }
  return contacts;
}

Result<std::vector<Contact>> PgStore::FindContactsByName(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(const auto ids,
                        Ids("SELECT id FROM contacts WHERE workspace_id = $1 AND sort_name = $2 "
                            "AND trashed_at IS NULL ORDER BY id LIMIT 50",
                            Params().Add(SortName(name))));
  return GetContacts(ids);
}

Status PgStore::InOneWrite(const std::function<Status()>& body) { return Atomically(body); }

Result<std::vector<ContactId>> PgStore::InsertCardRows(std::span<const ContactFields> fields,
                                                       std::span<const std::string> uids,
                                                       const std::string& now) {
  std::vector<ContactId> ids;
  if (fields.empty()) return ids;
  ids.reserve(fields.size());
  // The changes journal's counter first (its triggers take it on every
  // card write, migration 3), then the ids': a writer that updated a card
  // and now adds one takes them in the same order as one that adds a card
  // first, so the two never wait for each other in a circle.
  KITH_RETURN_IF_ERROR(NextIds("contact_changes", 0));
  KITH_ASSIGN_OR_RETURN(const std::int64_t first,
                        NextIds("contacts", static_cast<std::int64_t>(fields.size())));
  if (CopiesCards(fields.size())) {
    KITH_RETURN_IF_ERROR(CopyCardRows(ContactId{first}, fields, uids, now));
    KITH_RETURN_IF_ERROR(AnalyzeAsTheCardsGrow(static_cast<std::int64_t>(fields.size())));
    for (std::size_t i = 0; i < fields.size(); ++i)
      ids.push_back(ContactId{first + static_cast<std::int64_t>(i)});
    return ids;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const ContactId id{first + static_cast<std::int64_t>(i)};
    KITH_RETURN_IF_ERROR(InsertRow(id, fields[i], uids[i], now));
    ids.push_back(id);
  }
  return ids;
}

Status PgStore::UpdateCardRow(ContactId id, const ContactFields& fields, const std::string& now) {
  const std::string sort_name = SortName(fields.display_name);
  ListCardKeys("", sort_name, fields);
  KITH_RETURN_IF_ERROR(
      Run("UPDATE contacts SET display_name = $3, given_name = $4, family_name = $5, "
          "sort_name = $6, company = $7, title = $8, website = $9, city = $10, "
          "neighborhood = $11, hometown = $12, how_met = $13, met_at = $14, met_on = $15, "
          "open_to_opportunities = $16, looking_for = $17, open_since = $18, notes = $19, "
          "updated_at = $20, kind = $21, nickname = $22, role = $23, departments = $24, "
          "birthday = $25, anniversary = $26 WHERE workspace_id = $1 AND id = $2",
          FieldParams(id, fields, sort_name, now)));
  KITH_RETURN_IF_ERROR(DeleteChildren(id));
  return WriteChildren(id, fields);
}

Status PgStore::SetTrashedAt(ContactId id, const std::optional<std::string>& trashed_at,
                             const std::string& now) {
  return Run("UPDATE contacts SET trashed_at = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2",
             Params().Add(id.value).Add(trashed_at).Add(now))
      .map([](const Rows&) {});
}

Result<std::int64_t> PgStore::DeleteTrashedContacts() {
  // A trashed card left the index and the vocabulary when it was trashed;
  // the foreign keys (ON DELETE CASCADE) take its lists.
  std::int64_t deleted = 0;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows purged,
                          Run("DELETE FROM contacts WHERE workspace_id = $1 AND trashed_at IS NOT NULL"));
    deleted = purged.Affected();
    return Ok();
  }));
  return deleted;
}

std::string ListWhere(const ListQuery& query, const std::string& folded_tag, Params& params) {
  std::string where = "workspace_id = $1 AND ";
  where += query.trashed ? "trashed_at IS NOT NULL" : "trashed_at IS NULL";
  int next = 2;
  if (!query.tag.empty()) {
    params.Add(folded_tag);
    where +=
        " AND id IN (SELECT contact_id FROM contact_labels WHERE workspace_id = $1 AND kind = 'tag' "
        "AND folded = $" +
        std::to_string(next++) + ")";
  }
  // Met there: first met there (met_at), or met again there (a follow-up
  // for that event), as event mode records someone already on the list.
  if (!query.event.empty()) {
    params.Add(query.event);
    const std::string event = "$" + std::to_string(next++);
    where += " AND (lower(met_at) = lower(" + event +
             ") OR id IN (SELECT r.contact_id FROM reminders r JOIN events e ON e.workspace_id = $1 "
             "AND e.id = r.event_id WHERE r.workspace_id = $1 AND lower(e.name) = lower(" +
             event + ") AND r.kind = 'follow-up'))";
  }
  return where;
}

Result<std::vector<ContactId>> PgStore::ListContactIds(const ListQuery& query) {
  Params params;
  std::string sql = "SELECT id FROM contacts WHERE " + ListWhere(query, SortName(query.tag), params) +
                    " ORDER BY " + std::string(ListOrderBy(query.sort));
  const auto next = static_cast<int>(params.values().size()) + 2;
  sql += " LIMIT $" + std::to_string(next) + " OFFSET $" + std::to_string(next + 1);
  params.Add(query.limit).Add(query.offset);
  return Ids(sql, params);
}

Result<std::int64_t> PgStore::CountContacts(const ListQuery& query) {
  Params params;
  const std::string sql =
      "SELECT count(*) FROM contacts WHERE " + ListWhere(query, SortName(query.tag), params);
  KITH_ASSIGN_OR_RETURN(const Rows count, Run(sql, params));
  return count.Int(0, 0);
}

}  // namespace kith::postgres
